// Throughput of the main job, measured against a baseline in the same run: parsing the same
// line protocol without running a task. `scripts/bench/rollup` runs this and prints the ratio.
// BM_ParseToPoints is the reading thread's share of `farad run` (parse and build owned points),
// BM_Rollup the whole job on one thread, BM_RollupPipelined the job as `farad run` runs it:
// reading and parsing on a second thread (io::PointBlockReader), the task on this one.
#include <benchmark/benchmark.h>

#include <string>

#include "compile/compiler.hpp"
#include "datagen/byte_sink.hpp"
#include "datagen/snmp_generator.hpp"
#include "io/line_protocol.hpp"
#include "io/point_block_reader.hpp"
#include "nodes/registry.hpp"
#include "runtime/task.hpp"

namespace {

using namespace farad;

/// One hour of 50 devices x 24 interfaces at 60 s (72,000 lines), generated once.
const std::string& sample_lines() {
  static const std::string lines = [] {
    datagen::SnmpOptions options;
    options.devices = 50;
    options.ifaces = 24;
    options.duration_ns = 3600LL * 1000000000;
    datagen::StringSink sink;
    datagen::generate_snmp(options, &sink, nullptr);
    return sink.text();
  }();
  return lines;
}

std::shared_ptr<const compile::TaskSpec> rollup_spec() {
  const char* script = R"(
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |derivative('ifHCInOctets')
        .unit(1s)
        .nonNegative()
        .as('in_rate')
    |window()
        .period(1d)
        .every(1d)
        .align()
    |mean('in_rate')
        .as('in_rate')
    |influxDBOut()
        .database('rollups')
)";
  compile::CompileOptions options;
  options.template_mode = true;
  auto result = compile::compile_source(lang::Source("bench.tick", script), options);
  if (!result.ok()) throw std::runtime_error(lang::render_all(result.diagnostics));
  return result.task;
}

void BM_ParseOnly(benchmark::State& state) {
  const std::string& lines = sample_lines();
  int64_t points = 0;
  for (auto _ : state) {
    const auto summary =
        io::parse_lines(lines, io::Precision::Nanosecond, 0,
                        [&](const io::LineView& view) { benchmark::DoNotOptimize(view.time); });
    points += static_cast<int64_t>(summary.accepted);
  }
  state.SetItemsProcessed(points);
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

void BM_ParseToPoints(benchmark::State& state) {
  const std::string& lines = sample_lines();
  int64_t points = 0;
  for (auto _ : state) {
    const auto summary =
        io::parse_lines(lines, io::Precision::Nanosecond, 0, [&](const io::LineView& view) {
          benchmark::DoNotOptimize(io::to_point(view, "telegraf", "autogen"));
        });
    points += static_cast<int64_t>(summary.accepted);
  }
  state.SetItemsProcessed(points);
}
BENCHMARK(BM_ParseToPoints)->Unit(benchmark::kMillisecond);

void BM_Rollup(benchmark::State& state) {
  const std::string& lines = sample_lines();
  const auto spec = rollup_spec();
  int64_t points = 0;
  for (auto _ : state) {
    runtime::Task task(spec, nodes::node_factory());
    const auto summary =
        io::parse_lines(lines, io::Precision::Nanosecond, 0, [&](const io::LineView& view) {
          task.push_point(io::to_point(view, "telegraf", "autogen"));
        });
    task.finish(true);
    points += static_cast<int64_t>(summary.accepted);
  }
  state.SetItemsProcessed(points);
}
BENCHMARK(BM_Rollup)->Unit(benchmark::kMillisecond);

void BM_RollupPipelined(benchmark::State& state) {
  const std::string& lines = sample_lines();
  const auto spec = rollup_spec();
  int64_t points = 0;
  for (auto _ : state) {
    runtime::Task task(spec, nodes::node_factory());
    io::PointBlockReader reader(io::memory_source(lines), io::ParseOptions{}, "telegraf",
                                "autogen");
    io::PointBlock block;
    while (reader.next(block)) {
      for (auto& point : block.points) task.push_point(std::move(point));
      points += static_cast<int64_t>(block.points.size());
    }
    task.finish(true);
  }
  state.SetItemsProcessed(points);
}
// Real time: the reading thread's work is not in this thread's CPU time.
BENCHMARK(BM_RollupPipelined)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
