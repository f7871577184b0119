#pragma once
// The per-series state of the truth (see snmp_truth.hpp for the rules): each series' previous
// point and the sums of its current window, sized at compile time for the options (fields,
// uptime_aware, tw_mean) so that the sums of one series share a cache line or two and the
// generator pays for nothing it did not ask for.

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "datagen/byte_sink.hpp"
#include "datagen/snmp_truth_json.hpp"

namespace farad::datagen {

/// The options-independent face of SnmpTruthTable.
class TruthTable {
 public:
  virtual ~TruthTable() = default;
  /// One point of `series` at `time_ns`, in window `window_end`; see SnmpTruth::add.
  virtual void add(size_t series, int64_t time_ns, int64_t window_end, uint64_t in, uint64_t out,
                   uint32_t uptime_ticks) = 0;
  /// The points of series first .. first + count - 1, all at `time_ns` in window `window_end`.
  virtual void add_block(size_t first, uint32_t count, int64_t time_ns, int64_t window_end,
                         const uint64_t* in, const uint64_t* out, uint32_t uptime_ticks) = 0;
  /// Writes the rows of every window ending at or before `time_ns` to `sink`, ordered by window,
  /// variant, series, and forgets those windows; returns how many rows it wrote.
  virtual uint64_t take_due(int64_t time_ns, const SnmpTruthJson& json, ByteSink& sink) = 0;
};

template <int Fields, bool Uptime, bool TwMean>
class SnmpTruthTable final : public TruthTable {
 public:
  SnmpTruthTable(size_t series, int64_t period_ns, double wrap_ceiling)
      : series_(series), period_ns_(period_ns), wrap_ceiling_(wrap_ceiling) {}

  void add(size_t series, int64_t time_ns, int64_t window_end, uint64_t in, uint64_t out,
           uint32_t uptime_ticks) override {
    add_point(series, time_ns, window_end, in, out, uptime_ticks);
  }

  void add_block(size_t first, uint32_t count, int64_t time_ns, int64_t window_end,
                 const uint64_t* in, const uint64_t* out, uint32_t uptime_ticks) override {
    for (uint32_t i = 0; i < count; ++i) {
      add_point(first + i, time_ns, window_end, in[i], out[i], uptime_ticks);
    }
  }

  uint64_t take_due(int64_t time_ns, const SnmpTruthJson& json, ByteSink& sink) override;

 private:
  static constexpr int kVariants = Uptime ? 3 : 2;
  static constexpr int64_t kNoWindow = INT64_MAX;
  static constexpr uint64_t kLow32 = 0xffff'ffff;
  static constexpr int64_t kTickNs = 10'000'000;          // sysUpTime counts hundredths of a second
  static constexpr size_t kChunkBytes = size_t{1} << 20;  // rows handed to the sink at a time

  // For tw_mean, kept apart so that the usual pair (no counter fell, no reboot), where every
  // variant has the same delta, adds one sum instead of one per variant.
  struct NoTimeWeights {};
  struct TimeWeights {
    int64_t pairs_ns = 0;              // sum of t2 - t1 over every pair
    Uint128 risen_delta[Fields] = {};  // sum of v2 - v1 where v2 >= v1: non_negative's
    int64_t fallen_ns[Fields] = {};    // sum of t2 - t1 where the counter fell
    Uint128 extra_delta[kVariants - 1][Fields] = {};  // what wrap_corrected, uptime_aware add
  };
  struct Window {
    int64_t end = kNoWindow;
    uint64_t pairs = 0;  // wrap_corrected and uptime_aware take every pair
    uint64_t non_negative_count[Fields] = {};
    double rate_sum[kVariants][Fields] = {};  // rates added in time order
    [[no_unique_address]] std::conditional_t<TwMean, TimeWeights, NoTimeWeights> weights;
  };
  struct alignas(64) Series {  // whole cache lines; what every pair uses comes first
    int64_t previous_ns = 0;
    uint64_t previous_in = 0, previous_out = 0;
    uint32_t previous_uptime = 0;
    bool has_previous = false;
    Window window;
  };

  void add_point(size_t series, int64_t time_ns, int64_t window_end, uint64_t in, uint64_t out,
                 uint32_t uptime_ticks);
  void add_pair(Window& w, const Series& s, int64_t elapsed_ns, uint64_t in, uint64_t out,
                uint32_t uptime_ticks) const;
  void append_row(int variant, size_t series, const Window& w, const SnmpTruthJson& json,
                  std::string& out, uint64_t& rows) const;

  std::vector<Series> series_;
  // Windows a series left before they were due: a point's window can start after the nominal
  // poll time the last flush ran at (jitter), while the previous window is still unwritten.
  std::vector<std::pair<size_t, Window>> left_;
  int64_t period_ns_;
  double wrap_ceiling_;
  int64_t earliest_end_ = kNoWindow;  // no window ends before this
};

template <int Fields, bool Uptime, bool TwMean>
void SnmpTruthTable<Fields, Uptime, TwMean>::add_point(size_t series, int64_t time_ns,
                                                       int64_t window_end, uint64_t in,
                                                       uint64_t out, uint32_t uptime_ticks) {
  Series& s = series_[series];
  if (s.has_previous && time_ns > s.previous_ns) {
    if (s.window.end != window_end) {
      if (s.window.end != kNoWindow) left_.emplace_back(series, s.window);
      s.window = Window{};
      s.window.end = window_end;
      earliest_end_ = std::min(earliest_end_, window_end);
    }
    add_pair(s.window, s, time_ns - s.previous_ns, in, out, uptime_ticks);
  }
  s.previous_ns = time_ns;
  s.previous_in = in;
  s.previous_out = out;
  s.previous_uptime = uptime_ticks;
  s.has_previous = true;
}

template <int Fields, bool Uptime, bool TwMean>
void SnmpTruthTable<Fields, Uptime, TwMean>::add_pair(Window& w, const Series& s,
                                                      int64_t elapsed_ns, uint64_t in, uint64_t out,
                                                      uint32_t uptime_ticks) const {
  // As the reference: dt = float64(ns) / 1e9 and rate = float64(delta) / dt, the integer delta
  // exact (counters stay below 2^53, so it also equals float64(v2) - float64(v1)).
  const double seconds = static_cast<double>(elapsed_ns) / 1e9;
  bool reboot = false;
  if constexpr (Uptime) {
    // Without a reboot the uptime advanced by the elapsed time, modulo 2^32 ticks: the uint32
    // difference undoes a TimeTicks wrap.
    const int64_t advanced_ns = static_cast<int64_t>(uptime_ticks - s.previous_uptime) * kTickNs;
    reboot = std::llabs(advanced_ns - elapsed_ns) > kUptimeSlackNs;
  }
  const uint64_t before[4] = {s.previous_in, s.previous_out, s.previous_in & kLow32,
                              s.previous_out & kLow32};
  const uint64_t now[4] = {in, out, in & kLow32, out & kLow32};
  ++w.pairs;
  if constexpr (TwMean) w.weights.pairs_ns += elapsed_ns;
  for (int f = 0; f < Fields; ++f) {
    const uint64_t v1 = before[f], v2 = now[f];
    if (v2 >= v1) {
      const uint64_t delta = v2 - v1;
      const double rate = static_cast<double>(delta) / seconds;
      w.rate_sum[kNonNegative][f] += rate;
      w.rate_sum[kWrapCorrected][f] += rate;
      ++w.non_negative_count[f];
      if constexpr (TwMean) w.weights.risen_delta[f] += delta;
      if constexpr (Uptime) {
        // After a reboot, v2 is the bytes since it: v1 more than v2 - v1.
        w.rate_sum[kUptimeAware][f] += reboot ? static_cast<double>(v2) / seconds : rate;
        if constexpr (TwMean) {
          if (reboot) w.weights.extra_delta[kUptimeAware - 1][f] += v1;
        }
      }
      continue;
    }
    // The counter fell. 2^W - v1 + v2 is v2 - v1 modulo 2^W.
    const uint64_t wrapped = f < 2 ? v2 - v1 : (v2 - v1) & kLow32;
    const double wrapped_rate = static_cast<double>(wrapped) / seconds;
    const double restart_rate = static_cast<double>(v2) / seconds;  // the bytes since 0
    const bool wrap = wrapped_rate < wrap_ceiling_;
    w.rate_sum[kWrapCorrected][f] += wrap ? wrapped_rate : restart_rate;
    if constexpr (TwMean) {
      w.weights.fallen_ns[f] += elapsed_ns;
      w.weights.extra_delta[kWrapCorrected - 1][f] += wrap ? wrapped : v2;
    }
    if constexpr (Uptime) {
      w.rate_sum[kUptimeAware][f] += reboot ? restart_rate : wrapped_rate;
      if constexpr (TwMean) w.weights.extra_delta[kUptimeAware - 1][f] += reboot ? v2 : wrapped;
    }
  }
}

template <int Fields, bool Uptime, bool TwMean>
uint64_t SnmpTruthTable<Fields, Uptime, TwMean>::take_due(int64_t time_ns,
                                                          const SnmpTruthJson& json,
                                                          ByteSink& sink) {
  if (time_ns < earliest_end_) return 0;
  std::vector<std::tuple<int64_t, size_t, const Window*>> due;  // window end, series, sums
  int64_t next = kNoWindow;
  for (const auto& [series, window] : left_) {
    if (window.end <= time_ns) {
      due.emplace_back(window.end, series, &window);
    } else {
      next = std::min(next, window.end);
    }
  }
  for (size_t s = 0; s < series_.size(); ++s) {
    const int64_t end = series_[s].window.end;
    if (end <= time_ns) {
      due.emplace_back(end, s, &series_[s].window);
    } else {
      next = std::min(next, end);
    }
  }
  std::sort(due.begin(), due.end());
  uint64_t rows = 0;
  std::string out;
  for (size_t first = 0; first < due.size();) {
    // One window end at a time: its variants in order, each over the series.
    size_t last = first;
    while (last < due.size() && std::get<0>(due[last]) == std::get<0>(due[first])) ++last;
    for (int v = 0; v < kVariants; ++v) {
      for (size_t n = first; n < last; ++n) {
        append_row(v, std::get<1>(due[n]), *std::get<2>(due[n]), json, out, rows);
        if (out.size() >= kChunkBytes) {
          sink.write(out);
          out.clear();
        }
      }
    }
    first = last;
  }
  if (!out.empty()) sink.write(out);
  for (Series& s : series_) {
    if (s.window.end <= time_ns) s.window = Window{};
  }
  std::erase_if(left_, [&](const auto& left) { return left.second.end <= time_ns; });
  earliest_end_ = next;
  return rows;
}

template <int Fields, bool Uptime, bool TwMean>
void SnmpTruthTable<Fields, Uptime, TwMean>::append_row(int variant, size_t series, const Window& w,
                                                        const SnmpTruthJson& json, std::string& out,
                                                        uint64_t& rows) const {
  FieldRollup rollups[Fields];
  bool any = false;
  for (int f = 0; f < Fields; ++f) {
    FieldRollup& r = rollups[f];
    r.rate_sum = w.rate_sum[variant][f];
    r.count = variant == kNonNegative ? w.non_negative_count[f] : w.pairs;
    if constexpr (TwMean) {
      const TimeWeights& t = w.weights;
      r.delta_sum = t.risen_delta[f];
      r.elapsed_ns = t.pairs_ns;
      if (variant == kNonNegative) {
        r.elapsed_ns -= t.fallen_ns[f];
      } else {
        r.delta_sum += t.extra_delta[variant - 1][f];
      }
    }
    any |= r.count > 0;
  }
  if (!any) return;  // every pair of the window fell in every field: no non_negative row
  json.append_row(out, variant, series, w.end - period_ns_, rollups);
  ++rows;
}

}  // namespace farad::datagen
