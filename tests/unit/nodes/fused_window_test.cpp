#include <catch2/catch.hpp>

#include <charconv>

#include "nodes/window.hpp"
#include "nodes/window_fusion.hpp"
#include "run_script.hpp"

using farad::test::run_script;
using farad::test::ScriptRun;

namespace {

// Deterministic test data: many groups (some spanning two measurements), timestamps that
// repeat and jump (gaps, empty windows), integer and float groups, groups whose type changes
// inside a window, points missing the field, and point tags outside the group.
std::string generate(int groups, int points, int max_step = 3) {
  uint64_t seed = 0x5eed;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int64_t>(seed >> 33);
  };
  std::string out;
  int64_t t = 1000;
  for (int i = 0; i < points; ++i) {
    t += next() % max_step;
    if (next() % 60 == 0) t += 25 + next() % 40;
    const int64_t g = next() % groups;
    out += (g % 5 == 0 && next() % 2 == 0) ? "mem" : "cpu";
    out += ",host=h" + std::to_string(g) + ",core=" + std::to_string(next() % 4) + " ";
    if (next() % 20 == 0) {
      out += "other=1";
    } else if (g % 3 == 0 || (g % 3 == 2 && next() % 10 == 0)) {
      out += "value=" + std::to_string(next() % 2001 - 1000) + "i";
    } else {
      char buf[32];
      const double v = static_cast<double>(next() % 2000001 - 1000000) / 7.0;
      out += "value=" + std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    }
    out += ",seq=" + std::to_string(i) + "i " + std::to_string(t) + "\n";
  }
  return out;
}

// One window feeding every decomposable aggregate, each written out.
std::string all_aggregates(const std::string& window, const std::string& options = "") {
  std::string script = "var w = stream|from().groupBy('host')|" + window + "\n";
  for (const char* fn :
       {"count", "sum", "mean", "min", "max", "first", "last", "spread", "stddev"}) {
    script += std::string("w|") + fn + "('value')" + options + "|influxDBOut()\n";
  }
  return script;
}

struct Both {
  ScriptRun buffered;
  ScriptRun fused;
};

Both run_both(const std::string& script, const std::string& input, bool flush,
              size_t restore_after = 0) {
  farad::nodes::set_fusion_enabled(false);
  ScriptRun buffered = run_script(script, input, flush, restore_after);
  farad::nodes::set_fusion_enabled(true);
  ScriptRun fused = run_script(script, input, flush, restore_after);
  return {std::move(buffered), std::move(fused)};
}

void require_same(const Both& both, bool compare_reports) {
  REQUIRE(!both.buffered.output.empty());
  CHECK(both.fused.output == both.buffered.output);
  if (!compare_reports) return;
  REQUIRE(both.fused.report.size() == both.buffered.report.size());
  for (size_t i = 0; i < both.fused.report.size(); ++i) {
    const auto& f = both.fused.report[i];
    const auto& b = both.buffered.report[i];
    INFO(f.name);
    CHECK(f.stats.processed == b.stats.processed);
    CHECK(f.stats.emitted == b.stats.emitted);
    CHECK(f.stats.errors == b.stats.errors);
    CHECK(f.working_cardinality == b.working_cardinality);
  }
}

bool is_fused(const std::string& script) {
  const auto spec = farad::test::compile_script(script);
  farad::runtime::Task task(spec, farad::nodes::node_factory());
  for (const auto& node : spec->nodes) {
    if (node.type == "window") return farad::nodes::WindowNode(node, task.context()).fused();
  }
  return false;
}

}  // namespace

TEST_CASE("fused and buffered windows give identical output", "[nodes]") {
  // Sparse (many groups, about one point per group and window) and dense (a few groups, tens
  // of points per window: summation order matters).
  const std::string sparse = generate(23, 1200);
  const std::string dense = generate(4, 800, 2);
  const char* windows[] = {
      "window().period(10s).every(10s)",
      "window().period(10s).every(10s).align()",
      "window().period(1m).every(1m)",
      "window().period(7m).every(7m).align()",
      "window().period(3s).every(10s)",  // gaps between windows, many empty ones
      "window().period(4s).every(9s).align()",
      "window().period(10s).every(10s).fillPeriod()",
      "window().period(6s).every(10s).fillPeriod().align()",
      "window().periodCount(5).everyCount(5)",
      "window().periodCount(3).everyCount(7)",
      "window().periodCount(40).everyCount(40).fillPeriod()",
  };
  for (const char* window : windows) {
    INFO(window);
    REQUIRE(is_fused(all_aggregates(window)));
    require_same(run_both(all_aggregates(window), sparse, false), false);
    require_same(run_both(all_aggregates(window), sparse, true), true);
    require_same(run_both(all_aggregates(window), dense, true), true);
  }
}

TEST_CASE("fused selectors keep the selected point's time, tags and fields", "[nodes]") {
  const std::string input = generate(11, 800);
  for (const char* options : {".usePointTimes()", ".as('x')", ".as('value').usePointTimes()"}) {
    INFO(options);
    require_same(run_both(all_aggregates("window().period(5s).every(5s)", options), input, true),
                 true);
  }
}

TEST_CASE("empty fused windows give count and sum 0", "[nodes]") {
  const std::string input = generate(7, 800, 6);
  const Both both = run_both(all_aggregates("window().period(1s).every(20s)"), input, false);
  require_same(both, false);
  CHECK(both.fused.output.find(" count=0i ") != std::string::npos);
  CHECK(both.fused.output.find(" sum=0 ") != std::string::npos);
}

TEST_CASE("fused windows restore mid-window", "[nodes]") {
  const std::string input = generate(9, 400);
  const std::string script = all_aggregates("window().period(10s).every(10s).align()");
  const std::string expected = run_both(script, input, true).buffered.output;
  for (size_t n : {1, 17, 150, 333, 399}) {
    INFO("restored after point " << n);
    const Both both = run_both(script, input, true, n);
    CHECK(both.fused.output == expected);
    CHECK(both.buffered.output == expected);
  }
}

TEST_CASE("fused windows keep no points", "[nodes]") {
  // Without stddev (which keeps its values), state does not grow with the points per window.
  const std::string script =
      "var w = stream|from().groupBy('host')|window().period(1h).every(1h)\n"
      "w|mean('value')|influxDBOut()\nw|max('value')|influxDBOut()\n";
  const std::string few = generate(5, 50);
  const std::string many = generate(5, 2000, 2);
  farad::nodes::set_fusion_enabled(true);
  const size_t fused_few = run_script(script, few).state.size();
  const size_t fused_many = run_script(script, many).state.size();
  farad::nodes::set_fusion_enabled(false);
  const size_t buffered_many = run_script(script, many).state.size();
  farad::nodes::set_fusion_enabled(true);
  CHECK(fused_many < fused_few + 200);
  CHECK(buffered_many > 20 * fused_many);
}

TEST_CASE("which windows run fused", "[nodes]") {
  const std::string tail = "|mean('value')|influxDBOut()";
  CHECK(is_fused("stream|from()|window().period(10s).every(10s)" + tail));
  CHECK(is_fused("stream|from()|window().periodCount(2).everyCount(3)" + tail));
  // Overlapping windows, every 0 and non-decomposable children keep the buffer.
  CHECK_FALSE(is_fused("stream|from()|window().period(14s).every(10s)" + tail));
  CHECK_FALSE(is_fused("stream|from()|window().period(10s)" + tail));
  CHECK_FALSE(is_fused("stream|from()|window().periodCount(3).everyCount(2)" + tail));
  CHECK_FALSE(
      is_fused("stream|from()|window().period(10s).every(10s)|median('value')"
               "|influxDBOut()"));
  CHECK_FALSE(
      is_fused("var w = stream|from()|window().period(10s).every(10s)\n"
               "w|mean('value')|influxDBOut()\nw|influxDBOut()"));
  farad::nodes::set_fusion_enabled(false);
  CHECK_FALSE(is_fused("stream|from()|window().period(10s).every(10s)" + tail));
  farad::nodes::set_fusion_enabled(true);
}

TEST_CASE("a fused window's state restores only into a fused window", "[nodes]") {
  const auto spec = farad::test::compile_script(
      "stream|from()|window().period(10s).every(10s)|mean('value')|influxDBOut()");
  farad::nodes::set_fusion_enabled(true);
  farad::runtime::Task fused(spec, farad::nodes::node_factory());
  fused.push_point(farad::model::Point{"m", "db", "rp", {}, {{"value", 1.0}}, 0});
  const std::string state = fused.save_state();
  farad::nodes::set_fusion_enabled(false);
  farad::runtime::Task buffered(spec, farad::nodes::node_factory());
  CHECK_THROWS_AS(buffered.restore_state(state), farad::runtime::StateError);
  farad::nodes::set_fusion_enabled(true);
}
