#pragma once
// The truth of the SNMP rollup, computed while generating: what
//   derivative(field).unit(1s).nonNegative() |window().period(P).every(P).align() |mean()
// yields per series, for ifHCInOctets and ifHCOutOctets, written as JSON lines.
//
// Per series and field, every point after the first gives the rate (v - v_prev) / dt with
// dt = float64(t - t_prev in ns) / 1e9, stamped at t; the rate is dropped when v < v_prev
// (nonNegative) or dt = 0 (Kapacitor reports an error and emits nothing), and either way the point
// becomes the previous one. A rate at t belongs to the window [end - P, end) with end a multiple
// of P since the epoch; the window's mean is the sum of its rates in time order / their number.

#include <cstdint>
#include <string>
#include <vector>

#include "datagen/byte_sink.hpp"
#include "datagen/snmp_generator.hpp"

namespace farad::datagen {

/// Accumulates the rollup of every series and writes each window once it is complete.
class SnmpTruth {
 public:
  /// `options` must be valid; rows go to `sink`.
  SnmpTruth(const SnmpOptions& options, ByteSink& sink);

  /// Adds a written point of series `series` (device * ifaces + iface). Points of one series
  /// must come in time order.
  void add(size_t series, int64_t time_ns, uint64_t in, uint64_t out);

  /// Writes the rows of every window that ends at or before `time_ns`; call it when no point
  /// before `time_ns` can come any more. Rows come ordered by window end, then series.
  void flush_until(int64_t time_ns);

  /// Writes every remaining row.
  void finish();

  /// Rows written so far.
  uint64_t rows() const { return rows_; }

 private:
  static constexpr int64_t kNoWindow = INT64_MAX;

  struct Window {
    int64_t end = kNoWindow;
    double sum_in = 0, sum_out = 0;
    uint64_t count_in = 0, count_out = 0, count_any = 0;
  };
  // A series has at most two windows open: points come per poll in time order, so when a flush
  // at a nominal poll time has run, only the window of the previous poll's point (if it ends
  // later) and the current one can be open.
  struct Series {
    bool has_previous = false;
    int64_t previous_ns = 0;
    uint64_t previous_in = 0, previous_out = 0;
    Window open[2];
  };

  Window& window_for(size_t series, int64_t end);
  void write_row(size_t series, const Window& window);

  SnmpOptions options_;
  ByteSink& sink_;
  std::vector<Series> series_;
  std::vector<std::string> hosts_, if_names_;
  int64_t earliest_end_ = kNoWindow;  // no window ends before this
  uint64_t rows_ = 0;
  std::string buffer_;
};

}  // namespace farad::datagen
