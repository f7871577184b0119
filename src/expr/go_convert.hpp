#pragma once
// Go's number conversions and strconv parsers, with their exact results and error texts:
// Kapacitor's casts (`int(3.9)`, `float('1_000')`, `bool('T')`) are built on them.

#include <cstdint>
#include <string>
#include <string_view>

namespace farad::expr::go {

/// Go's `int64(f)` as compiled for amd64: truncation toward zero; NaN and values outside the
/// int64 range give math.MinInt64.
int64_t float_to_int64(double value);

/// Go's `uint64(f)` as compiled for amd64 (negative values wrap through int64, NaN gives 2^63).
uint64_t float_to_uint64(double value);

/// Two's complement arithmetic: Go's integer operations wrap silently.
inline int64_t wrap_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
inline int64_t wrap_mul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
inline int64_t wrap_neg(int64_t a) {
  return static_cast<int64_t>(0 - static_cast<uint64_t>(a));
}

/// `strconv.ParseBool`. On failure returns false and sets `error` to Go's message
/// (`strconv.ParseBool: parsing "yes": invalid syntax`).
bool parse_bool(std::string_view text, bool& out, std::string& error);

/// `strconv.ParseInt(text, 10, 64)`; on failure Go's message (`invalid syntax` or
/// `value out of range`).
bool parse_int(std::string_view text, int64_t& out, std::string& error);

/// `strconv.ParseFloat(text, 64)`: decimal and hexadecimal (`0x1p-2`) forms, `_` separators,
/// `inf`/`infinity`/`nan`; overflow is an error, underflow is not.
bool parse_float(std::string_view text, double& out, std::string& error);

/// `influxql.ParseDuration`: `10s`, `1h30m`, `-5m`, units ns u µ ms s m h d w. False on any
/// error (callers phrase their own message).
bool parse_influxql_duration(std::string_view text, int64_t& out);

}  // namespace farad::expr::go
