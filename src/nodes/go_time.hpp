#pragma once
// Go's time.Time arithmetic where Kapacitor relies on it: the zero time as "no time yet" and
// Sub's saturation.

#include <cstdint>
#include <limits>

namespace farad::nodes {

/// Go's zero time.Time, which Kapacitor uses as "no time yet". Every real time is after it, as
/// Go's zero time (year 1) is before any int64 nanosecond time.
inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

/// Go's t.Sub(u) in nanoseconds, saturated at the int64 limits as Go's Duration is; either
/// time may be kNoTime (Go's zero time, far before every int64 time).
inline int64_t go_time_sub(int64_t t, int64_t u) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  if (t == kNoTime && u == kNoTime) return 0;
  if (u == kNoTime) return kMax;
  if (t == kNoTime) return kMin;
  int64_t d = 0;
  if (__builtin_sub_overflow(t, u, &d)) return t > u ? kMax : kMin;
  return d;
}

}  // namespace farad::nodes
