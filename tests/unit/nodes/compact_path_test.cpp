// Tasks fed compact points (model/compact_point.hpp) as `farad run` feeds them: which tasks
// take them, and that they give what the same task gives on Points, also across a save and
// restore in the middle of the input (held compact points are saved as Points).
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/byte_source.hpp"
#include "io/point_block_reader.hpp"
#include "nodes/observed_keys.hpp"
#include "run_script.hpp"

using namespace farad;

namespace {

const std::string kRates = R"(
stream
    |from()
        .measurement('interface')
        .groupBy('host', 'ifName')
    |counterRate('in', 'out')
        .width(32, 64)
        .uptime('up')
        .heartbeat(50s)
        .lateness(30s)
        .as('in_bps', 'out_bps')
    |window()
        .period(60s)
        .every(60s)
        .align()
    |rollup('in_bps', 'out_bps')
        .counts()
    |influxDBOut()
)";

const std::string kWindowLateness = R"(
stream
    |from()
        .measurement('interface')
        .groupBy(*)
    |window()
        .period(40s)
        .every(40s)
        .lateness(25s)
    |rollup('in', 'out')
    |influxDBOut()
)";

const std::string kDetails = R"(
stream
    |from()
        .measurement('interface')
        .groupBy('host')
    |counterRate('in')
        .lateness(30s)
        .details()
    |window()
        .period(60s)
        .every(60s)
    |rollup('in')
        .timeWeighted()
    |influxDBOut()
)";

const std::string kOverlapping = R"(
stream
    |from()
        .measurement('interface')
        .groupBy('host')
    |window()
        .period(60s)
        .every(20s)
    |rollup('out')
        .counts()
    |influxDBOut()
)";

// Four interfaces polled every 10 s, each poll up to 25 s late; `in` is a 32-bit counter that
// wraps, one device reboots, a few lines carry a string where a counter is expected, and one
// series key has an escape.
std::string snmp_input() {
  std::string out;
  const char* const series[] = {"interface,host=a,ifName=e0", "interface,host=a,ifName=e1",
                                "interface,host=b,ifName=e0", "interface,host=b,ifName=x\\ y"};
  for (int poll = 0; poll < 120; ++poll) {
    for (int s = 0; s < 4; ++s) {
      // Lines of a poll arrive in turn, some polls late (up to 25 s).
      const int shift = (poll * 7 + s * 3) % 11 == 0 ? 25 : (poll + s) % 3;
      const int64_t time = 1'000'000 + int64_t{poll} * 10 - shift;
      const uint64_t in = (4'294'967'000ull + uint64_t(poll) * 90 * (s + 1)) % 4'294'967'296ull;
      const uint64_t out_counter = (s == 2 && poll >= 60) ? uint64_t(poll - 60) * 50 : poll * 1000;
      const int64_t up = (s >= 2 && poll >= 60) ? (poll - 60) * 1000 : poll * 1000 + 5;
      out += series[s];
      if (s == 1 && poll % 17 == 3) {
        out += " in=\"n/a\",out=" + std::to_string(out_counter) + "i";
      } else {
        out += " in=" + std::to_string(in) + "i,out=" + std::to_string(out_counter) +
               "u,up=" + std::to_string(up) + "i,extra=1";
      }
      out += " " + std::to_string(time) + "\n";
    }
  }
  return out;
}

struct Fed {
  std::string output;
  std::vector<runtime::NodeReport> report;
  std::size_t compact_records = 0;
};

// Feeds `input` (seconds) to the script's task, as compact points (the way `farad run` does)
// or as Points; with `restore_after`, the task is saved after that many records and the rest
// goes to a new task restored from that state.
Fed feed(const std::string& script, const std::string& input, bool compact,
         std::size_t restore_after = 0) {
  const auto spec = test::compile_script("dbrp \"db\".\"rp\"\n" + script);
  test::CapturingSink sink;
  auto task = std::make_unique<runtime::Task>(spec, nodes::node_factory(), &sink);
  const model::KeyProjection keys = nodes::observed_keys(*spec);
  std::optional<io::CompactFieldIds> layout;
  if (compact) {
    REQUIRE_FALSE(keys.all_fields);
    REQUIRE(task->takes_compact());
    layout.emplace();
    for (const auto& field : keys.fields) {
      layout->ids.emplace_back(field, task->context().field_keys.intern(field));
    }
  }
  io::PointBlockReader reader(io::memory_source(input), io::ParseOptions{io::Precision::Second},
                              "db", "rp", keys, layout);
  std::vector<model::SeriesEntry> all_series;  // for a restored task's context
  Fed fed;
  std::size_t records = 0;
  io::PointBlock block;
  while (reader.next(block)) {
    REQUIRE(block.compact.empty() == !compact);
    for (auto& entry : block.new_series) {
      all_series.push_back(entry);
      task->context().series.add(std::move(entry));
    }
    std::size_t full = 0;
    const std::size_t count = compact ? block.compact.size() : block.points.size();
    for (std::size_t i = 0; i < count; ++i) {
      if (!compact) {
        task->push_point(std::move(block.points[i]));
      } else if (block.compact[i].size == io::kFullPoint) {
        model::Point point = std::move(block.points[full++]);
        const model::SeriesRef known = task->context().series[block.compact[i].series];
        point.name = known.name;
        point.database = known.database;
        point.retention_policy = known.retention_policy;
        point.tags = known.tags;
        task->push_point(std::move(point));
      } else {
        ++fed.compact_records;
        task->push_compact(block.compact[i]);
      }
      if (++records == restore_after) {
        const std::string state = task->save_state();
        task = std::make_unique<runtime::Task>(spec, nodes::node_factory(), &sink);
        // The reader's series ids and field ids stay valid in the new task's context.
        for (const auto& entry : all_series) task->context().series.add(entry);
        if (layout) {
          for (const auto& [field, id] : layout->ids) {
            REQUIRE(task->context().field_keys.intern(field) == id);
          }
        }
        task->restore_state(state);
      }
    }
  }
  task->finish(true);
  fed.output = sink.lines;
  fed.report = task->report();
  return fed;
}

std::string describe(const std::vector<runtime::NodeReport>& report) {
  std::string out;
  for (const auto& node : report) {
    const runtime::NodeStats& stats = node.stats;
    out += node.name + " processed=" + std::to_string(stats.processed) +
           " emitted=" + std::to_string(stats.emitted) + " errors=" + std::to_string(stats.errors) +
           " cardinality=" + std::to_string(node.working_cardinality);
    for (const auto& [name, value] : stats.counters)
      out += " " + name + "=" + std::to_string(value);
    out += "\n";
  }
  return out;
}

bool takes_compact_input(const std::string& script) {
  const auto spec = test::compile_script("dbrp \"db\".\"rp\"\n" + script);
  test::CapturingSink sink;
  runtime::Task task(spec, nodes::node_factory(), &sink);
  // The condition under which `farad run` reads line protocol as compact points.
  return !nodes::observed_keys(*spec).all_fields && task.takes_compact();
}

}  // namespace

TEST_CASE("compact path: which tasks are fed compact points", "[nodes]") {
  CHECK(takes_compact_input(kRates));
  CHECK(takes_compact_input(kWindowLateness));
  CHECK(takes_compact_input(kDetails));  // from takes them; counterRate gets Points
  // A where lambda: every field is observable, and from needs the whole point.
  CHECK_FALSE(takes_compact_input(R"(
stream
    |from()
        .where(lambda: "in" > 0)
    |window()
        .period(1m)
        .every(1m)
    |rollup('in')
    |influxDBOut()
)"));
  // A node whose reads are not known: every field is kept, Points are simpler.
  CHECK_FALSE(takes_compact_input(R"(
stream
    |from()
    |counterRate('in')
    |influxDBOut()
)"));
  // An overlapping window is not fused: from takes compact points, the window gets Points.
  CHECK(takes_compact_input(kOverlapping));
}

TEST_CASE("compact path: the same output and counters as Points", "[nodes]") {
  const std::string input = snmp_input();
  for (const std::string* script : {&kRates, &kWindowLateness, &kDetails, &kOverlapping}) {
    INFO(*script);
    const Fed points = feed(*script, input, false);
    const Fed compact = feed(*script, input, true);
    CHECK(compact.compact_records > 300);  // most lines
    // The lines with a string `in` travel as Points, to the scripts that read `in`.
    if (script != &kOverlapping) CHECK(compact.compact_records < test::count_lines(input));
    CHECK(test::count_lines(points.output) > 5);
    CHECK(compact.output == points.output);
    CHECK(describe(compact.report) == describe(points.report));
  }
}

TEST_CASE("compact path: a task saved and restored mid-stream continues the same", "[nodes]") {
  const std::string input = snmp_input();
  for (const std::string* script : {&kRates, &kWindowLateness, &kDetails, &kOverlapping}) {
    INFO(*script);
    const Fed points = feed(*script, input, false);
    for (const std::size_t at : {std::size_t{7}, std::size_t{201}, std::size_t{333}}) {
      INFO("restored after " << at << " records");
      const Fed restored = feed(*script, input, true, at);
      CHECK(restored.output == points.output);
    }
  }
}
