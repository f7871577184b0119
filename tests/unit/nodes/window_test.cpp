#include <catch2/catch.hpp>

#include <algorithm>

#include "nodes/influxql_node.hpp"
#include "nodes/window.hpp"
#include "nodes/window_fusion.hpp"
#include "run_script.hpp"

using farad::test::count_lines;
using farad::test::run_script;

namespace {

// Runs with fused windows allowed and forbidden; both must agree.
std::string run_both(const std::string& script, const std::string& input, bool flush = false) {
  farad::nodes::set_fusion_enabled(false);
  const std::string buffered = run_script(script, input, flush).output;
  farad::nodes::set_fusion_enabled(true);
  const std::string fused = run_script(script, input, flush).output;
  CHECK(fused == buffered);
  return buffered;
}

// Save the state after every point, continue in a new task: same output, both paths.
void check_restore(const std::string& script, const std::string& input) {
  for (bool fusion : {false, true}) {
    farad::nodes::set_fusion_enabled(fusion);
    const std::string expected = run_script(script, input).output;
    for (size_t n = 1; n <= count_lines(input); ++n) {
      INFO("fusion " << fusion << ", restored after point " << n);
      CHECK(run_script(script, input, false, n).output == expected);
    }
  }
  farad::nodes::set_fusion_enabled(true);
}

// One point per second from `from` to `to`, value = time.
std::string seconds(int from, int to, const std::string& series = "m") {
  std::string out;
  for (int t = from; t <= to; ++t)
    out += series + " value=" + std::to_string(t) + " " + std::to_string(t) + "\n";
  return out;
}

// A window whose batches are shown twice: counted (time = batch time) and point by point.
std::string shown(const std::string& window) {
  return "var w = stream|from()|" + window +
         "\nw|count('value')|influxDBOut().measurement('count')"
         "\nw|influxDBOut().measurement('points')";
}

// Records what reaches it, as text: "point <name> <fields> <time>", "barrier <time>", ...
class Collector : public farad::runtime::Node {
 public:
  using Node::Node;
  std::vector<std::string> seen;

 protected:
  void on_point(farad::runtime::PointMessage&& m, int /*port*/) override {
    std::string fields;
    for (const auto& [k, v] : m.point.fields)
      fields += k + "=" + std::to_string(std::get<int64_t>(v));
    seen.push_back("point " + m.point.name + " " + fields + " " + std::to_string(m.point.time));
  }
  void on_batch(farad::model::Batch&& b, int /*port*/) override {
    seen.push_back("batch " + b.name + " " + std::to_string(b.points.size()) + " " +
                   std::to_string(b.time));
  }
  void on_barrier(const farad::runtime::BarrierMessage& b, int /*port*/) override {
    seen.push_back("barrier " + std::to_string(b.time));
  }
};

// Runs a window + count(value) over points and barriers (time < 0: a barrier at -time).
std::vector<std::string> with_barriers(const std::string& window, const std::vector<int>& times) {
  const auto spec = farad::test::compile_script("stream|from()|" + window + "|count('value')");
  farad::runtime::Task task(spec, farad::nodes::node_factory());
  auto& context = task.context();
  farad::nodes::WindowNode node(spec->nodes[2], context);
  farad::nodes::InfluxQLNode count(spec->nodes[3], context);
  Collector out(spec->nodes[3], context);
  node.add_child(&count, 0);
  count.add_child(&out, 0);
  const auto group = context.interner.intern("m", {}, {});
  for (int t : times) {
    const int64_t ns = int64_t{std::abs(t)} * 1'000'000'000;
    if (t < 0) {
      node.receive(farad::runtime::Message(farad::runtime::BarrierMessage{group, ns}), 0);
    } else {
      farad::model::Point p{"m", "db", "rp", {}, {{"value", int64_t{1}}}, ns};
      node.receive(farad::runtime::Message(farad::runtime::PointMessage{std::move(p), group}), 0);
    }
  }
  return out.seen;
}

}  // namespace

TEST_CASE("barriers drive time windows and are not forwarded; count windows forward them",
          "[nodes]") {
  const int64_t s = 1'000'000'000;
  for (bool fusion : {false, true}) {
    INFO("fusion " << fusion);
    farad::nodes::set_fusion_enabled(fusion);
    // A barrier at 12 closes [0,10) and opens [12,22); 25 closes that one.
    CHECK(with_barriers("window().period(10s).every(10s)", {0, 5, -12, 15, 25}) ==
          std::vector<std::string>{"point m count=2 " + std::to_string(10 * s),
                                   "point m count=1 " + std::to_string(22 * s)});
    // The barrier reaches count before any batch: count's group takes the barrier's name.
    CHECK(with_barriers("window().periodCount(2).everyCount(2)", {1, -2, 3}) ==
          std::vector<std::string>{"barrier " + std::to_string(2 * s),
                                   "point barrier count=2 " + std::to_string(3 * s)});
  }
  // A barrier creates its group's window, named as Kapacitor names barriers; with every 0 it
  // emits the (empty) window at once.
  CHECK(with_barriers("window().period(10s)", {-4, 5}) ==
        std::vector<std::string>{"point barrier count=0 " + std::to_string(4 * s),
                                 "point barrier count=1 " + std::to_string(5 * s)});
  farad::nodes::set_fusion_enabled(true);
}

TEST_CASE("window emits [next - period, next) stamped with the boundary", "[nodes]") {
  CHECK(run_both("stream|from()|window().period(10s).every(10s)|count('value')|influxDBOut()",
                 seconds(0, 25)) == "m count=10i 10\nm count=10i 20\n");
}

TEST_CASE("window derives the next boundary from the triggering point", "[nodes]") {
  // 12 closes [0,10) and opens [12,22); after the gap 31 closes it and opens [31,41).
  const std::string input =
      "m value=0 0\nm value=5 5\nm value=12 12\nm value=13 13\n"
      "m value=31 31\nm value=33 33\nm value=45 45\n";
  CHECK(run_both("stream|from()|window().period(10s).every(10s)|count('value')|influxDBOut()",
                 input) == "m count=2i 10\nm count=2i 22\nm count=2i 41\n");
}

TEST_CASE("aligned windows start on multiples of every from Go's zero time", "[nodes]") {
  // 7 minutes does not divide the distance from 0001-01-01 to 1970-01-01: boundaries fall at
  // 360 s + k * 420 s of Unix time, not at multiples of 420 s.
  const std::string input =
      "m value=1 0\nm value=1 100\nm value=1 300\nm value=1 359\n"
      "m value=1 360\nm value=1 500\nm value=1 779\nm value=1 780\n"
      "m value=1 1000\nm value=1 1300\n";
  CHECK(run_both("stream|from()|window().period(7m).every(7m).align()|count('value')"
                 "|influxDBOut()",
                 input) == "m count=4i 360\nm count=3i 780\nm count=2i 1200\n");
}

TEST_CASE("window batches keep every point's tags and fields, the batch has the group's",
          "[nodes]") {
  // The group spans two measurements: the batch takes the name of the group's first point.
  const std::string input =
      "cpu,host=a,core=1 value=1,x=2 0\n"
      "mem,host=a value=2 3\n"
      "cpu,host=a value=3 10\n";
  CHECK(run_script("var w = stream|from().groupBy('host')|window().period(10s).every(10s)\n"
                   "w|count('value')|influxDBOut()\n"
                   "w|influxDBOut().measurement('points')",
                   input)
            .output ==
        "cpu,host=a count=2i 10\n"
        "points,core=1,host=a value=1,x=2 0\n"
        "points,host=a value=2 3\n");
}

TEST_CASE("overlapping windows keep points across emissions", "[nodes]") {
  CHECK(run_script(shown("window().period(4s).every(2s)"), seconds(0, 7)).output ==
        "count count=2i 2\npoints value=0 0\npoints value=1 1\n"
        "count count=4i 4\npoints value=0 0\npoints value=1 1\npoints value=2 2\n"
        "points value=3 3\n"
        "count count=4i 6\npoints value=2 2\npoints value=3 3\npoints value=4 4\n"
        "points value=5 5\n");
  CHECK(run_both("stream|from()|window().period(14s).every(10s)|count('value')|influxDBOut()",
                 seconds(0, 25)) == "m count=10i 10\nm count=14i 20\n");
}

TEST_CASE("windows shorter than every drop the points between them", "[nodes]") {
  // [7,10) is emitted at 10, then [17,20) at 20: the points in between are dropped.
  CHECK(run_both("stream|from()|window().period(3s).every(10s)|count('value')|influxDBOut()",
                 seconds(0, 25)) == "m count=3i 10\nm count=3i 20\n");
}

TEST_CASE("an empty window still emits a batch: count and sum give 0", "[nodes]") {
  // The first window [8,10) holds none of the points 0..3; 12 opens [20,22).
  const std::string input =
      "m value=0 0\nm value=1 1\nm value=2 2\nm value=3 3\n"
      "m value=12 12\nm value=20 20\nm value=25 25\n";
  CHECK(run_both("var w = stream|from()|window().period(2s).every(10s)\n"
                 "w|count('value')|influxDBOut()\n"
                 "w|sum('value')|influxDBOut()\n"
                 "w|mean('value')|influxDBOut()",
                 input) ==
        "m count=0i 10\nm sum=0 10\n"
        "m count=1i 22\nm sum=20 22\nm mean=20 22\n");
}

TEST_CASE("every 0 emits the window (t - period, t] on every point", "[nodes]") {
  const std::string input = "m value=0 0\nm value=1 1\nm value=2 2\nm value=3 3\nm value=5 5\n";
  CHECK(run_both("stream|from()|window().period(3s)|count('value')|influxDBOut()", input) ==
        "m count=1i 0\nm count=2i 1\nm count=3i 2\nm count=3i 3\nm count=2i 5\n");
  CHECK(run_both("stream|from()|window().period(3s).fillPeriod()|count('value')|influxDBOut()",
                 input) == "m count=3i 3\nm count=2i 5\n");
}

TEST_CASE("fillPeriod waits for a whole period", "[nodes]") {
  const std::string script =
      "stream|from()|window().period(10s).every(5s){}|count('value')"
      "|influxDBOut()";
  auto with = [&](const std::string& flags) {
    std::string s = script;
    s.replace(s.find("{}"), 2, flags);
    return s;
  };
  CHECK(run_both(with(""), seconds(0, 22)) ==
        "m count=5i 5\nm count=10i 10\nm count=10i 15\nm count=10i 20\n");
  CHECK(run_both(with(".fillPeriod()"), seconds(0, 22)) ==
        "m count=10i 10\nm count=10i 15\nm count=10i 20\n");
  // Aligned: the first boundary is aligned and after t0 + period (13 -> 15), dropping 3 and 4.
  CHECK(run_both(with(".fillPeriod().align()"), seconds(3, 22)) ==
        "m count=10i 15\nm count=10i 20\n");
}

TEST_CASE("each group has its own windows, starting with its first point", "[nodes]") {
  const std::string input =
      "m,host=a value=1 0\nm,host=a value=1 5\nm,host=b value=1 7\nm,host=a value=1 10\n"
      "m,host=b value=1 12\nm,host=a value=1 15\nm,host=b value=1 17\nm,host=a value=1 21\n";
  const std::string script =
      "stream|from().groupBy('host')|window().period(10s).every(10s)|count('value')"
      "|influxDBOut()";
  CHECK(run_both(script, input) ==
        "m,host=a count=2i 10\nm,host=b count=2i 17\nm,host=a count=2i 20\n");
  check_restore(script, input);
}

TEST_CASE("count windows", "[nodes]") {
  const std::string input =
      "m value=1 1\nm value=2 2\nm value=3 3\nm value=4 4\n"
      "m value=5 5\nm value=6 6\nm value=7 7\n";
  CHECK(run_script(shown("window().periodCount(3).everyCount(2)"), input).output ==
        "count count=2i 2\npoints value=1 1\npoints value=2 2\n"
        "count count=3i 4\npoints value=2 2\npoints value=3 3\npoints value=4 4\n"
        "count count=3i 6\npoints value=4 4\npoints value=5 5\npoints value=6 6\n");
  CHECK(run_script(shown("window().periodCount(3).everyCount(2).fillPeriod()"), input).output ==
        "count count=3i 3\npoints value=1 1\npoints value=2 2\npoints value=3 3\n"
        "count count=3i 5\npoints value=3 3\npoints value=4 4\npoints value=5 5\n"
        "count count=3i 7\npoints value=5 5\npoints value=6 6\npoints value=7 7\n");
  const std::string disjoint =
      "stream|from()|window().periodCount(2).everyCount(3)|sum('value')|influxDBOut()";
  CHECK(run_both(disjoint, input) == "m sum=5 3\nm sum=11 6\n");
  check_restore(disjoint, input);
}

TEST_CASE("window state survives a restore", "[nodes]") {
  check_restore(shown("window().period(4s).every(2s)"), seconds(0, 9));
  check_restore(
      "stream|from()|window().period(10s).every(10s).align()|mean('value')"
      "|influxDBOut()",
      seconds(3, 31));
  check_restore("stream|from()|window().period(3s)|count('value')|influxDBOut()", seconds(0, 6));
}

TEST_CASE("flush emits each group's pending window", "[nodes]") {
  CHECK(run_both("stream|from()|window().period(10s).every(10s)|count('value')|influxDBOut()",
                 seconds(0, 14), true) == "m count=10i 10\nm count=5i 20\n");
  CHECK(run_both("stream|from()|window().periodCount(2).everyCount(3)|count('value')"
                 "|influxDBOut()",
                 seconds(1, 5), true) == "m count=2i 3\nm count=1i 5\n");
}

TEST_CASE("window needs a period or a period count", "[nodes]") {
  CHECK_THROWS_WITH(run_script("stream|from()|window()|count('value')|influxDBOut()", ""),
                    Catch::Contains("window node must have either a non zero period or non zero "
                                    "period count"));
}
