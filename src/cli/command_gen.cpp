// farad gen: synthetic data for demos, tests and benchmarks. `farad gen snmp` writes SNMP
// interface counters as Telegraf's snmp input does, and optionally their exact rollup.
#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "compile/duration_text.hpp"
#include "datagen/byte_sink.hpp"
#include "datagen/snmp_generator.hpp"
#include "io/time_format.hpp"

namespace farad::cli {

namespace {

using datagen::kSecondNs;

// A duration as InfluxQL writes it (1d, 1h30m, 500ms), or a plain number of seconds (60, 2.5),
// as the reference generator's flags accept.
int64_t duration_flag(const Arguments& args, const std::string& flag, int64_t fallback) {
  const auto text = args.value(flag);
  if (!text) return fallback;
  double seconds = 0;
  const char* end = text->data() + text->size();
  if (auto [ptr, error] = std::from_chars(text->data(), end, seconds);
      error == std::errc() && ptr == end) {
    return static_cast<int64_t>(seconds * 1e9 + (seconds < 0 ? -0.5 : 0.5));
  }
  if (auto ns = compile::parse_duration_text(*text)) return *ns;
  throw UsageError("--" + flag + ": bad duration '" + *text + "' (e.g. 60s, 5m, 1d, 1h30m)");
}

template <typename Number>
Number number_flag(const Arguments& args, const std::string& flag, Number fallback) {
  const auto text = args.value(flag);
  if (!text) return fallback;
  Number value{};
  const char* end = text->data() + text->size();
  auto [ptr, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || ptr != end) {
    throw UsageError("--" + flag + ": bad number '" + *text + "'");
  }
  return value;
}

int64_t precision_flag(const Arguments& args) {
  const std::string text = args.value("precision").value_or("ns");
  if (text == "ns" || text == "n") return 1;
  if (text == "us" || text == "u") return 1'000;
  if (text == "ms") return 1'000'000;
  if (text == "s") return kSecondNs;
  throw UsageError("--precision must be ns, us, ms or s");
}

int64_t start_flag(const Arguments& args, int64_t fallback) {
  const auto text = args.value("start");
  if (!text) return fallback;
  if (auto ns = io::parse_rfc3339_nanos(*text)) return *ns;
  int64_t seconds = 0;
  const char* end = text->data() + text->size();
  if (auto [ptr, error] = std::from_chars(text->data(), end, seconds);
      error == std::errc() && ptr == end) {
    return seconds * kSecondNs;
  }
  throw UsageError("--start: expected RFC3339 (2017-04-11T00:00:00Z) or epoch seconds");
}

datagen::SnmpOptions snmp_options(const Arguments& args) {
  datagen::SnmpOptions o;
  o.devices = number_flag<uint32_t>(args, "devices", o.devices);
  o.ifaces = number_flag<uint32_t>(args, "ifaces", o.ifaces);
  o.interval_ns = duration_flag(args, "interval", o.interval_ns);
  o.start_ns = start_flag(args, o.start_ns);
  o.duration_ns = duration_flag(args, "duration", o.duration_ns);
  if (auto seed = args.value("seed")) o.seed = datagen::parse_seed(*seed);
  o.precision_ns = precision_flag(args);
  o.wrap32 = args.has("wrap32");
  o.unsigned_ints = args.has("unsigned");
  o.uptime = args.has("uptime");
  o.reset_prob = number_flag<double>(args, "reset-prob", 0);
  o.gap_prob = number_flag<double>(args, "gap-prob", 0);
  o.jitter_ns = duration_flag(args, "jitter", 0);
  o.shuffle_window_ns = duration_flag(args, "shuffle-window", 0);
  o.truth_period_ns = duration_flag(args, "truth-period", o.truth_period_ns);
  o.wrap_ceiling = number_flag<double>(args, "wrap-ceiling", o.wrap_ceiling);
  o.tw_mean = args.has("tw-mean");
  try {
    datagen::validate(o);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  return o;
}

}  // namespace

int run_gen(const Args& argv) {
  const Arguments args(
      argv,
      {"devices", "ifaces", "interval", "start", "duration", "seed", "precision", "reset-prob",
       "gap-prob", "jitter", "shuffle-window", "out", "truth", "truth-period", "wrap-ceiling"},
      {"wrap32", "unsigned", "uptime", "tw-mean", "stats"});
  if (args.positional().size() != 1 || args.positional()[0] != "snmp") {
    throw UsageError("gen needs a generator: snmp");
  }
  const datagen::SnmpOptions options = snmp_options(args);
  const auto started = std::chrono::steady_clock::now();
  auto lines = datagen::open_file_sink(args.value("out").value_or("-"));
  std::unique_ptr<datagen::ByteSink> truth;
  if (auto path = args.value("truth")) truth = datagen::open_file_sink(*path);
  const datagen::SnmpStats stats = datagen::generate_snmp(options, lines.get(), truth.get());
  lines->close();
  if (truth) truth->close();
  if (args.has("stats")) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "farad gen: " << stats.lines << " lines, " << stats.missed_polls
              << " missed polls, " << stats.reboots << " reboots, " << stats.truth_rows
              << " truth rows in " << seconds << " s ("
              << static_cast<uint64_t>(static_cast<double>(stats.lines) / seconds) << " lines/s)\n";
  }
  return 0;
}

}  // namespace farad::cli
