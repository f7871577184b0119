// Throughput of the write-ahead log: appending 5000-line request bodies (one Telegraf flush of
// a large agent) under the interval policy, the daemon's expected setting, and under `always`
// with 1 and 4 concurrent appenders to show what group commit buys. Old segments are deleted
// as the run goes (256 MiB kept), so a long run does not fill the disk.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "datagen/byte_sink.hpp"
#include "datagen/snmp_generator.hpp"
#include "store/wal_reader.hpp"
#include "store/wal_writer.hpp"

namespace {

using namespace farad;

/// One poll of 50 devices x 100 interfaces: 5000 lines.
const std::string& request_body() {
  static const std::string body = [] {
    datagen::SnmpOptions options;
    options.devices = 50;
    options.ifaces = 100;
    options.duration_ns = options.interval_ns;
    datagen::StringSink sink;
    datagen::generate_snmp(options, &sink, nullptr);
    return sink.text();
  }();
  return body;
}

std::filesystem::path bench_dir() {
  return std::filesystem::temp_directory_path() / ("farad-wal-bench-" + std::to_string(::getpid()));
}

std::unique_ptr<store::WalWriter> writer;

void append_bodies(benchmark::State& state, store::FsyncPolicy policy) {
  if (state.thread_index() == 0) {
    std::filesystem::remove_all(bench_dir());
    store::WalOptions options;
    options.fsync = policy;
    options.fsync_interval = std::chrono::milliseconds(100);
    writer = std::make_unique<store::WalWriter>(bench_dir(), options);
  }
  const std::string& body = request_body();
  store::WalRecordHeader header{"telegraf", "autogen", io::Precision::Nanosecond, 0,
                                store::BodyEncoding::LineProtocol};
  store::WalRetention retention{std::nullopt, 256ULL << 20};
  int64_t appended = 0;
  for (auto _ : state) {
    header.arrival_ns = ++appended;
    benchmark::DoNotOptimize(writer->append(header, body));
    if (appended % 64 == 0) writer->apply_retention(retention, 0, std::nullopt);
  }
  state.SetBytesProcessed(appended * static_cast<int64_t>(body.size()));
  state.SetItemsProcessed(appended * 5000);  // lines
  if (state.thread_index() == 0) {
    state.counters["fsyncs"] = static_cast<double>(writer->stats().fsyncs);
    writer.reset();
    std::filesystem::remove_all(bench_dir());
  }
}

void BM_AppendInterval(benchmark::State& state) {
  append_bodies(state, store::FsyncPolicy::Interval);
}
BENCHMARK(BM_AppendInterval)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_AppendAlways(benchmark::State& state) {
  append_bodies(state, store::FsyncPolicy::Always);
}
BENCHMARK(BM_AppendAlways)->Unit(benchmark::kMicrosecond)->UseRealTime()->Threads(1)->Threads(4);

// Reading back (CRC check and copy of each body), the cost of a replay before parsing.
void BM_ReadBack(benchmark::State& state) {
  std::filesystem::remove_all(bench_dir());
  const std::string& body = request_body();
  {
    store::WalOptions options;
    options.fsync = store::FsyncPolicy::Never;
    store::WalWriter log(bench_dir(), options);
    for (int64_t i = 0; i < 100; ++i) log.append({"telegraf", "autogen", {}, i, {}}, body);
  }
  int64_t records = 0;
  for (auto _ : state) {
    store::WalReader reader(bench_dir());
    store::WalEntry entry;
    while (reader.next(entry)) ++records;
  }
  state.SetBytesProcessed(records * static_cast<int64_t>(body.size()));
  state.SetItemsProcessed(records * 5000);
  std::filesystem::remove_all(bench_dir());
}
BENCHMARK(BM_ReadBack)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
