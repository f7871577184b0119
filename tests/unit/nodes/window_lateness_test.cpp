// window's farad extensions: .lateness() (a reorder buffer in front) and .stampStart().
#include <catch2/catch.hpp>

#include <algorithm>

#include "nodes/window_fusion.hpp"
#include "run_script.hpp"

using farad::test::count_lines;
using farad::test::run_script;

namespace {

// A window feeding count and sum, written as measurements `count` and `sum`.
std::string counted(const std::string& window) {
  return "var w = stream|from().groupBy('host')|" + window +
         "\nw|count('value')|influxDBOut().measurement('count')"
         "\nw|sum('value')|influxDBOut().measurement('sum')";
}

// Runs buffered and fused (the same output), and restored after every point on both paths.
std::string run_all(const std::string& script, const std::string& input, bool flush = false) {
  farad::nodes::set_fusion_enabled(false);
  const std::string buffered = run_script(script, input, flush).output;
  farad::nodes::set_fusion_enabled(true);
  CHECK(run_script(script, input, flush).output == buffered);
  for (bool fusion : {false, true}) {
    farad::nodes::set_fusion_enabled(fusion);
    for (size_t n = 1; n <= count_lines(input); ++n) {
      INFO("fusion " << fusion << ", restored after point " << n);
      CHECK(run_script(script, input, flush, n).output == buffered);
    }
  }
  farad::nodes::set_fusion_enabled(true);
  return buffered;
}

const std::string kLateInput =
    "m,host=a value=1 0\n"
    "m,host=b value=10 2\n"
    "m,host=a value=2 8\n"
    "m,host=a value=3 11\n"
    "m,host=a value=4 9\n"    // 2 s behind the newest: goes into [0,10) before a@11
    "m,host=b value=20 12\n"  // watermark 12 - 5 = 7: a@0, b@2 leave
    "m,host=a value=5 16\n"   // watermark 11: a@8, a@9 leave
    "m,host=a value=6 4\n"    // 4 < 11: late, dropped
    "m,host=a value=7 25\n";  // watermark 20: a@11 closes a's [0,10), b@12 b's; a@16 leaves

}  // namespace

TEST_CASE("window lateness: reordered points land in their window, late ones are dropped",
          "[nodes]") {
  const std::string script = counted("window().period(10s).every(10s).align().lateness(5s)");
  // a [0,10): 1 + 2 + 4; b [0,10): 10; a [10,20): 3 + 5, closed by a@25 at the end of input
  CHECK(run_all(script, kLateInput) ==
        "count,host=a count=3i 10\n"
        "sum,host=a sum=7 10\n"
        "count,host=b count=1i 10\n"
        "sum,host=b sum=10 10\n"
        "count,host=a count=2i 20\n"
        "sum,host=a sum=8 20\n");
  const auto run = run_script(script, kLateInput);
  auto window = std::find_if(run.report.begin(), run.report.end(),
                             [](const auto& r) { return r.name == "window2"; });
  REQUIRE(window != run.report.end());
  CHECK(window->stats.counter("dropped_late") == 1);
}

TEST_CASE("window without lateness: the same input is taken in arrival order", "[nodes]") {
  // a@9 arrives after a@11 closed [0,10): it is kept in [10,20); a@4 too.
  CHECK(run_all(counted("window().period(10s).every(10s).align()"), kLateInput) ==
        "count,host=a count=2i 10\n"
        "sum,host=a sum=3 10\n"
        "count,host=b count=1i 10\n"
        "sum,host=b sum=10 10\n"
        "count,host=a count=4i 20\n"
        "sum,host=a sum=18 20\n");
}

TEST_CASE("window stampStart: batches carry the window's start", "[nodes]") {
  const std::string input =
      "m,host=a value=1 100\nm,host=a value=2 105\nm,host=a value=3 110\nm,host=a value=4 125\n";
  // [100,110) stamped 100, [110,120) stamped 110, and the flushed [120,130) stamped 120.
  CHECK(run_all(counted("window().period(10s).every(10s).align().stampStart()"), input, true) ==
        "count,host=a count=2i 100\n"
        "sum,host=a sum=3 100\n"
        "count,host=a count=1i 110\n"
        "sum,host=a sum=3 110\n"
        "count,host=a count=1i 120\n"
        "sum,host=a sum=4 120\n");
  // every 0: each point emits (t - 10s, t], stamped t - 10s.
  CHECK(run_all(counted("window().period(10s).stampStart()"), input) ==
        "count,host=a count=1i 90\n"
        "sum,host=a sum=1 90\n"
        "count,host=a count=2i 95\n"
        "sum,host=a sum=3 95\n"
        "count,host=a count=2i 100\n"
        "sum,host=a sum=5 100\n"
        "count,host=a count=1i 115\n"
        "sum,host=a sum=4 115\n");
}
