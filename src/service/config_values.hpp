#pragma once
// The text forms of configuration values that TOML has no type for: Go-style durations, byte
// sizes with units, and the names of enumerated options.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "service/config.hpp"

namespace farad::service {

/// A parsed value, or why the text is not one (lower case, no final period).
template <class T>
struct Parsed {
  std::optional<T> value;
  std::string error;
};

/// Go's time.ParseDuration without the sign: one or more <decimal><unit> groups ("1h30m",
/// "1.5s"), units ns, us (or µs), ms, s, m, h; a bare "0" is zero.
Parsed<Duration> parse_duration(std::string_view text);
/// The shortest exact form in whole units: "48h", "1m30s", "100ms", "0s".
std::string format_duration(Duration duration);

/// A non-negative integer, optionally followed by a unit: B, kB (or KB), MB, GB, TB (powers of
/// 1000) or KiB, MiB, GiB, TiB (powers of 1024).
Parsed<ByteSize> parse_byte_size(std::string_view text);
/// The exact form with the smallest number: "64MiB", "25MB", "1500", "0".
std::string format_byte_size(ByteSize size);

/// The names of an enumerated option, indexed by the enumerator's value.
template <class Enum>
std::span<const std::string_view> enum_names();
template <>
std::span<const std::string_view> enum_names<FsyncMode>();
template <>
std::span<const std::string_view> enum_names<LogLevel>();

template <class Enum>
std::string_view enum_name(Enum value) {
  return enum_names<Enum>()[static_cast<size_t>(value)];
}

template <class Enum>
std::optional<Enum> parse_enum(std::string_view text) {
  const auto names = enum_names<Enum>();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

/// "a", "b" or "c": the names for an error message.
std::string quoted_alternatives(std::span<const std::string_view> names);

/// Why `text` is not HOST:PORT ("127.0.0.1:9092", "[::1]:9092", ":9092"), or empty if it is.
std::string bind_address_error(std::string_view text);

}  // namespace farad::service
