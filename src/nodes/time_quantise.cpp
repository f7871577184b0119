#include "nodes/time_quantise.hpp"

namespace farad::nodes {

namespace {

/// (time since Go's zero time) mod d, computed without overflowing int64: the offset of the
/// Unix epoch from Go's zero time is reduced modulo d first.
int64_t remainder_since_go_zero(int64_t unix_nanos, int64_t d) {
  // (a * b) mod d for a = seconds to the epoch, b = 1e9, without 128-bit arithmetic.
  int64_t epoch_offset = 0;
  int64_t seconds = kGoZeroToUnixSeconds % d;
  for (int i = 0; i < 9; ++i) seconds = (seconds * 10) % d;  // * 1e9, one digit at a time
  epoch_offset = seconds;
  int64_t r = (unix_nanos % d + epoch_offset) % d;
  if (r < 0) r += d;
  return r;
}

}  // namespace

int64_t go_truncate(int64_t unix_nanos, int64_t d) {
  if (d <= 0) return unix_nanos;
  return unix_nanos - remainder_since_go_zero(unix_nanos, d);
}

int64_t go_round(int64_t unix_nanos, int64_t d) {
  if (d <= 0) return unix_nanos;
  const int64_t r = remainder_since_go_zero(unix_nanos, d);
  // Go rounds halfway values up: r + r < d means round down.
  if (r < d - r) return unix_nanos - r;
  return unix_nanos + (d - r);
}

}  // namespace farad::nodes
