#include "datagen/snmp_generator.hpp"

#include <charconv>
#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/snmp_lines.hpp"
#include "datagen/snmp_model.hpp"
#include "datagen/snmp_truth.hpp"

namespace farad::datagen {

namespace {

constexpr size_t kChunkBytes = size_t{4} << 20;  // what goes to the sink at a time

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

// A device poll held back by the shuffle until every block due before it has been produced.
struct HeldBlock {
  int64_t delivery_ns;
  uint64_t order;  // production order breaks ties, so the output stays deterministic
  std::string text;
  bool operator>(const HeldBlock& other) const {
    return delivery_ns != other.delivery_ns ? delivery_ns > other.delivery_ns : order > other.order;
  }
};

// Collects lines into chunks of kChunkBytes for the sink, and holds shuffled blocks back.
class LineOutput {
 public:
  LineOutput(ByteSink& sink, size_t max_block) : sink_(sink), max_block_(max_block) {
    buffer_.resize(kChunkBytes + max_block);
  }

  // Room for one block; commit() with its end afterwards.
  char* reserve() {
    if (used_ + max_block_ > buffer_.size()) flush();
    return buffer_.data() + used_;
  }
  void commit(const char* end) {
    used_ = static_cast<size_t>(end - buffer_.data());
    if (used_ >= kChunkBytes) flush();
  }

  void hold(int64_t delivery_ns, const char* begin, const char* end) {
    held_.push(HeldBlock{delivery_ns, held_count_++, std::string(begin, end)});
  }
  // Writes the held blocks due before `time_ns`: every block made later arrives at or after it.
  void release_before(int64_t time_ns) {
    while (!held_.empty() && held_.top().delivery_ns < time_ns) {
      const std::string& text = held_.top().text;
      char* out = buffer_.data() + used_;
      if (used_ + text.size() > buffer_.size()) {
        flush();
        out = buffer_.data();
      }
      text.copy(out, text.size());
      commit(out + text.size());
      held_.pop();
    }
  }

  void flush() {
    if (used_ > 0) sink_.write(std::string_view(buffer_.data(), used_));
    used_ = 0;
  }

 private:
  ByteSink& sink_;
  size_t max_block_;
  std::vector<char> buffer_;
  size_t used_ = 0;
  std::priority_queue<HeldBlock, std::vector<HeldBlock>, std::greater<>> held_;
  uint64_t held_count_ = 0;
};

// The truth's meta line comes first and counts the lines: the missed polls are known ahead,
// as every draw is counter-based.
uint64_t written_lines(const SnmpOptions& options, const SnmpModel& model) {
  const uint64_t polls = poll_count(options);
  uint64_t device_polls = polls * options.devices;
  if (options.gap_prob > 0) {
    for (uint64_t k = 0; k < polls; ++k) {
      for (uint32_t d = 0; d < options.devices; ++d) device_polls -= model.missed(k, d);
    }
  }
  return device_polls * options.ifaces;
}

}  // namespace

void validate(const SnmpOptions& o) {
  require(o.devices >= 1 && o.devices <= 254u * 65536u, "--devices must be 1 .. 16646144");
  require(o.ifaces >= 1 && o.ifaces <= 48 * 1000, "--ifaces must be 1 .. 48000");
  require(o.interval_ns > 0, "--interval must be positive");
  require(o.duration_ns >= 0, "--duration must not be negative");
  // Counters must stay below 2^53 (see SnmpModel) and nominal times inside int64.
  require(o.duration_ns <= 3650 * kDayNs, "--duration must be at most 3650d");
  require(o.start_ns > -100LL * 365 * kDayNs && o.start_ns < 200LL * 365 * kDayNs,
          "--start must be between 1870 and 2169");
  require(o.precision_ns == 1 || o.precision_ns == 1'000 || o.precision_ns == 1'000'000 ||
              o.precision_ns == kSecondNs,
          "--precision must be ns, us, ms or s");
  require(o.reset_prob >= 0 && o.reset_prob <= 1, "--reset-prob must be in [0, 1]");
  require(o.gap_prob >= 0 && o.gap_prob <= 1, "--gap-prob must be in [0, 1]");
  require(o.jitter_ns >= 0 && o.jitter_ns < o.interval_ns,
          "--jitter must be at least 0 and less than --interval");
  require(o.shuffle_window_ns >= 0, "--shuffle-window must not be negative");
  require(o.truth_period_ns > 0, "--truth-period must be positive");
  require(o.wrap_ceiling > 0, "--wrap-ceiling must be positive");
}

uint64_t poll_count(const SnmpOptions& o) {
  return static_cast<uint64_t>((o.duration_ns + o.interval_ns - 1) / o.interval_ns);
}

uint64_t parse_seed(std::string_view text) {
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return value;
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

SnmpStats generate_snmp(const SnmpOptions& options, ByteSink* lines, ByteSink* truth) {
  validate(options);
  SnmpModel model(options);
  const SnmpLineWriter writer(options);
  std::unique_ptr<LineOutput> output;
  if (lines) output = std::make_unique<LineOutput>(*lines, writer.max_block_bytes());
  std::unique_ptr<SnmpTruth> rollup;
  if (truth) {
    rollup = std::make_unique<SnmpTruth>(options, *truth);
    rollup->write_meta(written_lines(options, model));
  }
  const bool shuffle = options.shuffle_window_ns > 0;

  SnmpStats stats;
  DevicePoll poll;
  const uint64_t polls = poll_count(options);
  for (uint64_t k = 0; k < polls; ++k) {
    // Every earlier poll happened before this nominal time, and every later one at or after it.
    const int64_t nominal = options.start_ns + static_cast<int64_t>(k) * options.interval_ns;
    if (rollup) rollup->flush_until(nominal);
    if (output && shuffle) output->release_before(nominal);
    for (uint32_t d = 0; d < options.devices; ++d) {
      model.poll(k, d, poll);
      stats.reboots += poll.rebooted;
      if (poll.missed) {
        ++stats.missed_polls;
        continue;
      }
      stats.lines += options.ifaces;
      // The truth sees what a reader of the output sees: the written, truncated times.
      if (rollup) rollup->add_poll(d, poll);
      if (!output) continue;
      char* begin = output->reserve();
      char* end = writer.write_block(begin, d, poll);
      if (shuffle) {
        output->hold(poll.delivery_ns, begin, end);
      } else {
        output->commit(end);
      }
    }
  }
  if (output) {
    output->release_before(INT64_MAX);
    output->flush();
  }
  if (rollup) {
    rollup->finish();
    stats.truth_rows = rollup->rows();
  }
  return stats;
}

}  // namespace farad::datagen
