#pragma once
// The text of the truth: JSON lines in the exact format of the reference generator (snmpgen.py),
// so that one reader takes either generator's file and their rows can be compared byte for byte.
// The reference writes json.dumps(row, sort_keys=True): keys sorted at every level, ", " and
// ": " as separators, floats as Python's repr.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "datagen/snmp_generator.hpp"

namespace farad::datagen {

/// Exact sums of deltas: a 64-bit counter's wrap-corrected delta alone can be close to 2^64.
__extension__ typedef unsigned __int128 Uint128;

/// The truth's variants, in the order their rows come within a window.
enum TruthVariant : int { kNonNegative, kWrapCorrected, kUptimeAware };
inline constexpr int kMaxVariants = 3;
/// ifHCInOctets, ifHCOutOctets, then with wrap32 ifInOctets, ifOutOctets: sorted by name too.
inline constexpr int kMaxFields = 4;

/// uptime_aware takes a pair for a reboot when sysUpTime advanced by more than this more or
/// less than the time between the points: it covers --precision s and the 10 ms tick.
inline constexpr int64_t kUptimeSlackNs = 5 * kSecondNs;

/// One field's rollup in one (variant, series, window) row.
struct FieldRollup {
  double rate_sum = 0;     ///< the rates, added in time order
  uint64_t count = 0;      ///< how many rates
  Uint128 delta_sum = 0;   ///< the deltas behind them, exactly
  int64_t elapsed_ns = 0;  ///< their t2 - t1, summed
};

/// Writes the meta line and the rows of the truth for one set of options.
class SnmpTruthJson {
 public:
  /// `options` must be valid.
  explicit SnmpTruthJson(const SnmpOptions& options);

  /// Variants the truth has: non_negative, wrap_corrected and with uptime uptime_aware.
  int variants() const { return options_.uptime ? 3 : 2; }
  /// Fields rolled up: the 64-bit counters, and with wrap32 the 32-bit ones.
  int fields() const { return options_.wrap32 ? 4 : 2; }

  /// The first line: {"type": "meta", ...} with the arguments, fields, variants and period.
  /// `lines` is the number of line protocol lines the data has.
  void append_meta(std::string& out, uint64_t lines) const;

  /// One {"type": "rollup", ...} line for the window starting at `start_ns`; `rollups` has
  /// fields() entries. A field with count 0 has mean (and tw_mean) null.
  void append_row(std::string& out, int variant, size_t series, int64_t start_ns,
                  const FieldRollup* rollups) const;

 private:
  SnmpOptions options_;
  std::vector<std::string> device_tags_;  // "agent_host": "10.0.0.1", "hostname": "r0001",
  std::vector<std::string> iface_tags_;   // "ifIndex": "1", "ifName": "Gi0/1"
};

/// Appends `value` as Python's repr(float) (and so json.dumps) writes it: the shortest digits
/// that read back the same value, ".0" after an integral value, an exponent below 1e-4 and from
/// 1e16 on (1e-05, 1e+16); Infinity and NaN as json.dumps writes them.
void append_python_float(std::string& out, double value);

/// The double nearest `value` (ties to even), as Python's float() of an integer.
double nearest_double(Uint128 value);

/// A duration as both generators' flags read it: 1d, 3h, 1h30m, 500ms, 0s.
std::string duration_text(int64_t ns);

}  // namespace farad::datagen
