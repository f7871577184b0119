#pragma once
// Timestamp precision of line protocol (`precision=` of InfluxDB's /write).

#include <cstdint>
#include <optional>
#include <string_view>

namespace farad::io {

/// The unit of a line protocol timestamp.
enum class Precision : uint8_t { Nanosecond, Microsecond, Millisecond, Second, Minute, Hour };

/// Parses `n`/`ns`, `u`/`us`/`µ`, `ms`, `s`, `m`, `h`; "" is nanoseconds; anything else nullopt.
std::optional<Precision> parse_precision(std::string_view text);

/// The short name: `n`, `u`, `ms`, `s`, `m` or `h`.
std::string_view precision_name(Precision precision);

/// Nanoseconds per unit.
constexpr int64_t precision_nanos(Precision precision) {
  switch (precision) {
    case Precision::Nanosecond:
      return 1;
    case Precision::Microsecond:
      return 1'000;
    case Precision::Millisecond:
      return 1'000'000;
    case Precision::Second:
      return 1'000'000'000;
    case Precision::Minute:
      return 60'000'000'000;
    case Precision::Hour:
      return 3'600'000'000'000;
  }
  return 1;
}

/// Rounds `unix_nanos` down to a multiple of the unit, as Go's Time.Truncate does for the
/// default time of a line without a timestamp.
constexpr int64_t truncate_to(int64_t unix_nanos, Precision precision) {
  const int64_t unit = precision_nanos(precision);
  int64_t rem = unix_nanos % unit;
  if (rem < 0) rem += unit;
  return unix_nanos - rem;
}

}  // namespace farad::io
