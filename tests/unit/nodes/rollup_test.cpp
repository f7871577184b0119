#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>

#include "nodes/window.hpp"
#include "nodes/window_fusion.hpp"
#include "run_script.hpp"

using farad::test::count_lines;
using farad::test::report_of;
using farad::test::run_script;
using farad::test::ScriptRun;

namespace {

// A deterministic linear congruential generator, so every run sees the same data.
class Random {
 public:
  int64_t next(int64_t bound) {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>(seed_ >> 33) % bound;
  }

 private:
  uint64_t seed_ = 0x0110a9;
};

std::string shortest(double v) {
  char buf[32];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// Points of one field `value` in many groups: floats of very different magnitudes (summation
// order changes the bits), integers, groups whose type changes inside a window, strings,
// booleans, points without the field, gaps that leave windows empty.
std::string mean_data(int groups, int points) {
  Random random;
  std::string out;
  int64_t t = 1000;
  for (int i = 0; i < points; ++i) {
    t += random.next(3);
    if (random.next(50) == 0) t += 30 + random.next(40);
    const int64_t g = random.next(groups);
    out += "ifrate,host=h" + std::to_string(g) + ",port=" + std::to_string(random.next(3)) + " ";
    const int64_t kind = random.next(40);
    if (kind == 0) {
      out += "other=1";
    } else if (kind == 1) {
      out += "value=\"n/a\"";
    } else if (kind == 2) {
      out += "value=true";
    } else if (g % 4 == 0 || (g % 4 == 3 && kind < 6)) {
      out += "value=" + std::to_string(random.next(2'000'001) - 1'000'000) + "i";
    } else {
      const double scale = random.next(2) == 0 ? 1e-3 : 1e12;
      out += "value=" +
             shortest(static_cast<double>(random.next(2'000'001) - 1'000'000) / 7.0 * scale);
    }
    out += " " + std::to_string(t) + "\n";
  }
  return out;
}

// Points shaped like counterRate's output with `.details()`: rates, their exact deltas and
// interval lengths, wraps and restarts; some points miss a field or a companion, some carry a
// string or a negative delta (errors).
std::string counter_rate_data(int groups, int points) {
  Random random;
  std::string out;
  int64_t t = 1000;
  for (int i = 0; i < points; ++i) {
    t += 1 + random.next(4);
    const int64_t g = random.next(groups);
    out += "ifrate,host=h" + std::to_string(g) + " ";
    const int64_t elapsed = 1'000'000'000 * (1 + random.next(120)) + random.next(1000);
    out += "elapsed=" + std::to_string(elapsed) + "i";
    for (const char* field : {"in_bps", "out_bps"}) {
      const int64_t kind = random.next(30);
      if (kind == 0) continue;  // no value for this field
      const std::string f = field;
      const int64_t delta = random.next(1'000'000'000'000);
      if (kind == 1) {
        out += "," + f + "=\"down\"";
        continue;
      }
      out += "," + f + "=" +
             shortest(static_cast<double>(delta) / (static_cast<double>(elapsed) / 1e9));
      if (kind == 2) continue;  // companions missing: an error with timeWeighted
      out += "," + f + "_delta=" + (kind == 3 ? "-5i" : std::to_string(delta) + "u");
      if (random.next(7) == 0) out += "," + f + "_wrap=1i";
      if (random.next(11) == 0) out += "," + f + "_restart=" + std::to_string(1 + kind % 2) + "i";
    }
    out += " " + std::to_string(t) + "\n";
  }
  return out;
}

const char* kWindows[] = {
    "window().period(10s).every(10s)",
    "window().period(1m).every(1m).align()",
    "window().period(3s).every(10s)",  // gaps between windows, many empty ones
    "window().period(10s).every(10s).fillPeriod()",
    "window().periodCount(7).everyCount(7)",
    "window().period(20s).every(5s)",         // overlapping: always buffered
    "window().periodCount(9).everyCount(4)",  // overlapping count windows
};

std::string windowed(const std::string& window, const std::string& call) {
  return "stream|from().groupBy('host')|" + window + "|" + call + "|influxDBOut()";
}

ScriptRun run_with_fusion(bool fused, const std::string& script, const std::string& input,
                          bool flush, size_t restore_after = 0) {
  farad::nodes::set_fusion_enabled(fused);
  ScriptRun run = run_script(script, input, flush, restore_after);
  farad::nodes::set_fusion_enabled(true);
  return run;
}

bool is_fused(const std::string& script) {
  const auto spec = farad::test::compile_script(script);
  farad::runtime::Task task(spec, farad::nodes::node_factory());
  for (const auto& node : spec->nodes) {
    if (node.type == "window") return farad::nodes::WindowNode(node, task.context()).fused();
  }
  return false;
}

const char* kTimeWeighted = "rollup('in_bps', 'out_bps').timeWeighted().counts()";

}  // namespace

TEST_CASE("rollup gives the bits of Kapacitor's mean, fused and buffered", "[nodes]") {
  const std::string input = mean_data(6, 3000);
  for (const char* window : kWindows) {
    for (bool fused : {true, false}) {
      INFO(window << (fused ? " fused" : " buffered"));
      // Same field name and measurement: the written lines are equal only if the bits are.
      const ScriptRun mean = run_with_fusion(fused, windowed(window, "mean('value')"), input, true);
      const ScriptRun rollup =
          run_with_fusion(fused, windowed(window, "rollup('value').as('mean')"), input, true);
      REQUIRE(count_lines(mean.output) > 20);
      CHECK(rollup.output == mean.output);
      CHECK(report_of(rollup, "rollup").stats.errors > 0);
    }
  }
}

TEST_CASE("rollup sums in arrival order, as mean does", "[nodes]") {
  // 1e16 + 1 rounds back to 1e16: in this order the sum is 0, in another it would be 1.
  const std::string input = "m v=1e16 0\nm v=1 1\nm v=-1e16 2\nm v=0 10\n";
  const std::string script = windowed("window().period(10s).every(10s)", "rollup('v')");
  CHECK(run_script(script, input).output == "m v=0 10\n");
  CHECK(run_script(windowed("window().period(10s).every(10s)", "mean('v')"), input).output ==
        "m mean=0 10\n");
}

TEST_CASE("rollup of integers and unsigned integers", "[nodes]") {
  const std::string script = windowed("window().period(10s).every(10s)", "rollup('v')");
  CHECK(run_script(script, "m v=1i 0\nm v=2i 1\nm v=2i 2\nm v=0i 10\n").output ==
        "m v=1.6666666666666667 10\n");
  // Unsigned values, which mean refuses, sum exactly as uint64.
  CHECK(run_script(script, "m v=18446744073709551615u 0\nm v=1u 1\nm v=0u 10\n").output ==
        "m v=0 10\n");
  // A value of another type than the window's first is an error and is skipped.
  const ScriptRun mixed = run_script(script, "m v=1i 0\nm v=2.5 1\nm v=3i 2\nm v=0i 10\n");
  CHECK(mixed.output == "m v=2 10\n");
  CHECK(report_of(mixed, "rollup").stats.errors == 1);
}

TEST_CASE("rollup errors skip one field of one point", "[nodes]") {
  const std::string script = windowed("window().period(10s).every(10s).align()",
                                      "rollup('a', 'b').timeWeighted().counts()");
  const std::string input =
      "m elapsed=1000000000i,a=1,a_delta=10u,b=1,b_delta=20u 1\n"
      "m elapsed=1000000000i,a=\"x\",b=2,b_delta=40u 2\n"                     // a: a string
      "m elapsed=1000000000i,a=1,b=2,b_delta=40u,b_wrap=1i 3\n"               // a: no a_delta
      "m elapsed=1000000000i,a=1,a_delta=-1i,b=3,b_delta=60u 4\n"             // a: negative delta
      "m elapsed=0i,a=1,a_delta=7u 5\n"                                       // a: no time covered
      "m a=1,a_delta=7u 6\n"                                                  // a: no elapsed
      "m elapsed=1000000000i,a=1,a_delta=5u,a_wrap=\"y\",b=1,b_delta=5u 7\n"  // a: bad wrap
      "m elapsed=2000000000i,a=1,a_delta=30u,a_restart=2i 8\n"
      "m x=0 10\n";
  const ScriptRun run = run_script(script, input);
  // a: (10 + 30) / 3 s; b: (20 + 40 + 40 + 60 + 5) / 5 s.
  CHECK(run.output ==
        "m a=13.333333333333334,a_count=2i,a_restarts=2i,a_wraps=0i,"
        "b=33,b_count=5i,b_restarts=0i,b_wraps=1i 10\n");
  CHECK(report_of(run, "rollup").stats.errors == 6);
}

TEST_CASE("fused and buffered rollups give identical output and stats", "[nodes]") {
  const std::string input = counter_rate_data(7, 2500);
  const char* calls[] = {kTimeWeighted, "rollup('in_bps', 'out_bps').counts()",
                         "rollup('out_bps', 'in_bps').as('tx', 'rx').timeWeighted().unit(1m)"};
  for (const char* window : kWindows) {
    for (const char* call : calls) {
      INFO(window << "|" << call);
      for (bool flush : {false, true}) {
        const ScriptRun buffered = run_with_fusion(false, windowed(window, call), input, flush);
        const ScriptRun fused = run_with_fusion(true, windowed(window, call), input, flush);
        REQUIRE(count_lines(buffered.output) > 10);
        CHECK(fused.output == buffered.output);
        // Without flush a fused rollup has already read (and counted errors in) the points of
        // the windows still open, which a buffer keeps unread.
        if (!flush) continue;
        REQUIRE(fused.report.size() == buffered.report.size());
        for (size_t i = 0; i < fused.report.size(); ++i) {
          INFO(fused.report[i].name);
          CHECK(fused.report[i].stats.processed == buffered.report[i].stats.processed);
          CHECK(fused.report[i].stats.emitted == buffered.report[i].stats.emitted);
          CHECK(fused.report[i].stats.errors == buffered.report[i].stats.errors);
        }
      }
    }
  }
}

TEST_CASE("rollup restores mid-window after every point", "[nodes]") {
  const std::string input = counter_rate_data(3, 150);
  for (const char* window :
       {"window().period(20s).every(20s).align()", "window().period(30s).every(10s)"}) {
    for (bool fused : {true, false}) {
      INFO(window << (fused ? " fused" : " buffered"));
      const std::string script = windowed(window, kTimeWeighted);
      const std::string expected = run_with_fusion(fused, script, input, true).output;
      REQUIRE(count_lines(expected) > 10);
      for (size_t n = 1; n <= count_lines(input); ++n) {
        INFO("restored after point " << n);
        CHECK(run_with_fusion(fused, script, input, true, n).output == expected);
      }
    }
  }
}

TEST_CASE("window then rollup runs fused and keeps no points", "[nodes]") {
  const std::string script = windowed("window().period(1h).every(1h)", kTimeWeighted);
  CHECK(is_fused(script));
  CHECK_FALSE(is_fused(windowed("window().period(2h).every(1h)", kTimeWeighted)));
  const size_t few = run_with_fusion(true, script, counter_rate_data(5, 50), false).state.size();
  const size_t many = run_with_fusion(true, script, counter_rate_data(5, 3000), false).state.size();
  const size_t buffered =
      run_with_fusion(false, script, counter_rate_data(5, 3000), false).state.size();
  CHECK(many < few + 200);
  CHECK(buffered > 20 * many);
}

TEST_CASE("rollup names, tags and times its points as mean does", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|window().period(10s).every(10s).align()"
      "|rollup('v', 'w').as('z', 'a')|influxDBOut()";
  const ScriptRun run = run_script(script,
                                   "cpu,host=a,core=1 v=1,w=4 0\n"
                                   "cpu,host=b v=5 3\n"
                                   "cpu,host=a,core=2 v=3 4\n"
                                   "cpu,host=a w=0 10\n"
                                   "cpu,host=b x=1 10\n");
  // Only the group tags, the fields sorted by output name, the batch time; nothing for the
  // windows still open.
  CHECK(run.output == "cpu,host=a a=4,z=2 10\ncpu,host=b z=5 10\n");
  CHECK(report_of(run, "rollup").working_cardinality == 2);
  CHECK(report_of(run, "rollup").stats.emitted == 2);
}
