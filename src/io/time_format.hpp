#pragma once
// RFC 3339 times as Go writes and reads them (time.RFC3339Nano, UTC): the text of Kapacitor's
// JSON recordings and HTTP outputs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace farad::io {

/// An instant with the full RFC 3339 range (years 0000–9999), wider than int64 nanoseconds.
struct Instant {
  int64_t seconds = 0;  ///< since the Unix epoch
  int32_t nanos = 0;    ///< 0 ≤ nanos < 1e9

  bool operator==(const Instant&) const = default;
};

/// Go's zero time.Time, 0001-01-01T00:00:00Z: what Go writes for an unset time.
inline constexpr Instant kGoZeroTime{-62135596800, 0};

/// Appends `unix_nanos` as `2006-01-02T15:04:05.999999999Z`: the fraction's trailing zeros are
/// trimmed and it is left out when zero, as Go's time.RFC3339Nano.
void append_rfc3339_nano(std::string& out, int64_t unix_nanos);

/// `unix_nanos` as RFC3339Nano text.
std::string format_rfc3339_nano(int64_t unix_nanos);

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±hh:mm)` into UTC. As Go does, a fraction longer than
/// nine digits is truncated; fields out of range (month 13, Feb 30, hour 24, second 60) fail.
std::optional<Instant> parse_rfc3339(std::string_view text);

/// The instant in nanoseconds since the epoch, or nullopt when it does not fit in int64.
std::optional<int64_t> to_unix_nanos(Instant instant);

/// parse_rfc3339 then to_unix_nanos.
std::optional<int64_t> parse_rfc3339_nanos(std::string_view text);

}  // namespace farad::io
