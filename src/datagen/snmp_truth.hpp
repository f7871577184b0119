#pragma once
// The truth of the SNMP rollup, computed while generating, exactly as the reference generator
// (snmpgen.py) defines it. Per series and field, every pair of consecutive points (t1, v1),
// (t2, v2) gives one rate float64(delta) / (float64(t2 - t1 in ns) / 1e9), stamped t2, with
// delta by variant:
//   non_negative    v2 - v1; no rate when v2 < v1 (Kapacitor's derivative().nonNegative())
//   wrap_corrected  v2 - v1; when v2 < v1, 2^W - v1 + v2 (a wrap; W = 64 for ifHC*, 32 for
//                   ifIn/OutOctets) if that rate is below the wrap ceiling, else v2 (a restart)
//   uptime_aware    (with uptime) v2 after a reboot, else v2 - v1, or 2^W - v1 + v2 when
//                   v2 < v1. A reboot is when sysUpTime did not advance by t2 - t1 within 5 s,
//                   modulo 2^32 ticks, so a TimeTicks wrap is not one.
// A rate belongs to the window [w*P, (w+1)*P) that contains t2. mean = the window's rates added
// in time order / their count; tw_mean = float64(sum of deltas) / (float64(sum of t2 - t1) / 1e9)
// over the same pairs, with exact integer sums.

#include <cstdint>
#include <memory>

#include "datagen/byte_sink.hpp"
#include "datagen/snmp_generator.hpp"
#include "datagen/snmp_truth_json.hpp"

namespace farad::datagen {

struct DevicePoll;
class TruthTable;

/// Accumulates the rollup of every series and writes each window once it is complete.
class SnmpTruth {
 public:
  /// `options` must be valid; rows go to `sink`.
  SnmpTruth(const SnmpOptions& options, ByteSink& sink);
  ~SnmpTruth();

  /// Writes the meta line; call it first. `lines` is the number of lines of the data.
  void write_meta(uint64_t lines);

  /// Adds a written point of series `series` (device * ifaces + iface): its 64-bit counters (the
  /// 32-bit fields are their low 32 bits, as written) and its device's sysUpTime. Points of one
  /// series must come in time order; a point at the time of the previous one gives no rate.
  void add(size_t series, int64_t time_ns, uint64_t in, uint64_t out, uint32_t uptime_ticks);

  /// Adds the point of every interface of a device's poll, at its written time.
  void add_poll(uint32_t device, const DevicePoll& poll);

  /// Writes the rows of every window that ends at or before `time_ns`; call it when no point
  /// before `time_ns` can come any more. Rows come ordered by window, variant, series.
  void flush_until(int64_t time_ns);

  /// Writes every remaining row.
  void finish();

  /// Rows written so far.
  uint64_t rows() const { return rows_; }

 private:
  SnmpOptions options_;
  SnmpTruthJson json_;
  ByteSink& sink_;
  std::unique_ptr<TruthTable> table_;  // sized for the options
  uint64_t rows_ = 0;
};

}  // namespace farad::datagen
