#pragma once
// Counter arithmetic of counterRate: how much a counter moved between two samples, told apart
// from wraps and restarts. Deltas stay in uint64 (a double is exact only up to 2^53).
//
// The rules are those of the SNMP reference rollup ("wrap_corrected" and "uptime_aware"):
// * a reboot seen in the uptime: delta = v2 (the counter restarted from 0), a restart;
// * v2 >= v1: delta = v2 - v1;
// * otherwise a wrap, delta = 2^W - v1 + v2, unless v1 >= 2^W (a 32-bit counter cannot have
//   held it) or a ceiling is set and the wrap's rate is not below it: then a restart, v2.

#include <cmath>
#include <cstdint>
#include <optional>

#include "model/compact_point.hpp"
#include "model/field_value.hpp"

namespace farad::nodes {

enum class CounterStep : uint8_t { Increase, Wrap, Restart };

struct CounterDelta {
  uint64_t delta = 0;
  CounterStep step = CounterStep::Increase;
  bool operator==(const CounterDelta&) const = default;
};

/// What decides between a wrap and a restart.
struct CounterRules {
  int width = 64;                 ///< 32 or 64 bits
  std::optional<double> ceiling;  ///< highest plausible rate, per unit; none: every drop wraps
  int64_t unit = 1'000'000'000;   ///< rate unit, ns
};

/// delta / (elapsed / unit) as doubles, in this order (bit-identical to the reference rollup's
/// `float(delta) / ((t2 - t1) / 1e9)` for a unit of 1s). `elapsed` in ns, > 0.
double counter_rate(uint64_t delta, int64_t elapsed, int64_t unit);

/// The step from v1 to v2 over `elapsed` ns (> 0); `rebooted` comes from counter_rebooted.
CounterDelta counter_delta(uint64_t v1, uint64_t v2, int64_t elapsed, bool rebooted,
                           const CounterRules& rules);

/// Whether a device rebooted between two samples of its TimeTicks uptime (1/100 s, 32 bits):
/// the uptime advance modulo 2^32 must match the elapsed time within `slack` ns.
bool counter_rebooted(uint64_t uptime1, uint64_t uptime2, int64_t elapsed, int64_t slack);

/// A counter sample: a non-negative integer, an unsigned, or an integral float in [0, 2^64);
/// nullopt for anything else.
std::optional<uint64_t> counter_value(const model::FieldValue& value);
inline std::optional<uint64_t> counter_value(const model::CompactValue& value) {
  switch (value.type) {
    case model::FieldType::Uint:
      return value.u;
    case model::FieldType::Int:
      if (value.i < 0) return std::nullopt;
      return static_cast<uint64_t>(value.i);
    case model::FieldType::Float:
      // [0, 2^64) and integral.
      if (!(value.f >= 0 && value.f < 18446744073709551616.0) || std::trunc(value.f) != value.f) {
        return std::nullopt;
      }
      return static_cast<uint64_t>(value.f);
    default:
      return std::nullopt;
  }
}

}  // namespace farad::nodes
