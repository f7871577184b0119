#pragma once
// Go's time.Truncate and time.Round, which quantise relative to Go's zero time
// (0001-01-01T00:00:00Z), not the Unix epoch: for periods that do not divide the distance
// between the two (weeks, 7m, ...) buckets start elsewhere than an epoch-based modulo gives.

#include <cstdint>

namespace farad::nodes {

/// Seconds from Go's zero time to the Unix epoch.
inline constexpr int64_t kGoZeroToUnixSeconds = 62135596800;

/// Go's t.Truncate(d) for a Unix-nanosecond time.
int64_t go_truncate(int64_t unix_nanos, int64_t d);
/// Go's t.Round(d): halfway values round up.
int64_t go_round(int64_t unix_nanos, int64_t d);

}  // namespace farad::nodes
