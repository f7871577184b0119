#pragma once
// Internal to the line protocol parser: shared scanning constants and helpers.

#include <cstddef>
#include <string_view>

namespace farad::io {

/// The failure marker of the parser's scan functions (they return the next offset otherwise).
inline constexpr std::size_t kFailed = std::string_view::npos;

/// Bytes a backslash escapes in a measurement or field key (InfluxDB's escape.Unescape).
inline constexpr std::string_view kNameEscapes = ",\" =";
/// Bytes a backslash escapes in a tag key or value (InfluxDB's unescapeTag).
inline constexpr std::string_view kTagEscapes = ", =";
/// Bytes a backslash escapes in a string field value.
inline constexpr std::string_view kStringEscapes = "\"\\";

/// The first offset from `i` that is not a blank (space, tab or NUL, as InfluxDB skips).
inline std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\0')) ++i;
  return i;
}

}  // namespace farad::io
