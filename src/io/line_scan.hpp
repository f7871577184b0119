#pragma once
// Internal to the line protocol parser: shared scanning constants and helpers.

#include <cstddef>
#include <cstdint>
#include <cstring>
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

/// A set of bytes as a lookup table: one load per byte scanned instead of a chain of compares.
class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char c : bytes) member_[static_cast<unsigned char>(c)] = true;
  }
  constexpr bool contains(char c) const { return member_[static_cast<unsigned char>(c)]; }

 private:
  bool member_[256] = {};
};

/// Where a tag key or value ends: a space, a comma or an equals sign.
inline constexpr ByteSet kTagDelimiters(" ,=");
/// Where the measurement ends: a space or a comma.
inline constexpr ByteSet kMeasurementDelimiters(" ,");
/// Where a field key scan stops: its end, a delimiter that makes it invalid, or an escape.
inline constexpr ByteSet kFieldKeyStops("= ,\\");
/// Where an unquoted field value ends.
inline constexpr ByteSet kFieldValueDelimiters(" ,");

/// The first offset from `i` (at least 1) whose byte is in `stops` and does not follow a
/// backslash, or the size of `text`: the key part's escaping rule, as InfluxDB scans it.
inline std::size_t find_unescaped(std::string_view text, std::size_t i, const ByteSet& stops) {
  for (;; ++i) {
    while (i < text.size() && !stops.contains(text[i])) ++i;
    if (i >= text.size() || text[i - 1] != '\\') return i;
  }
}

/// The first offset from `i` whose byte is in `stops`, or the size of `text`.
inline std::size_t find_any(std::string_view text, std::size_t i, const ByteSet& stops) {
  while (i < text.size() && !stops.contains(text[i])) ++i;
  return i;
}

/// The first offset from `i` that is not a blank (space, tab or NUL, as InfluxDB skips).
inline std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\0')) ++i;
  return i;
}

/// The 8 bytes at `p` as a little-endian word (the first byte lowest).
inline uint64_t load_eight(const char* p) {
  uint64_t word = 0;
  std::memcpy(&word, p, 8);
  return word;
}

/// Whether all 8 bytes of `word` are ASCII digits: each byte's high nibble is 3, and adding 6
/// to its low nibble does not carry out of it (so the low nibble is at most 9).
inline bool eight_digits(uint64_t word) {
  constexpr uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ull;
  constexpr uint64_t kThrees = 0x3030303030303030ull;
  return (word & kHigh) == kThrees && ((word + 0x0606060606060606ull) & kHigh) == kThrees;
}

/// The value of 8 ASCII digits (eight_digits(word)), the first byte most significant: pairs of
/// digits are combined, then pairs of pairs, then the two halves, each step one multiply.
inline uint32_t eight_digits_value(uint64_t word) {
  word -= 0x3030303030303030ull;
  word = (word * 10 + (word >> 8)) & 0x00FF00FF00FF00FFull;    // 4 values of 2 digits
  word = (word * 100 + (word >> 16)) & 0x0000FFFF0000FFFFull;  // 2 values of 4 digits
  return static_cast<uint32_t>((word * 10000 + (word >> 32)) & 0xFFFFFFFFull);
}

}  // namespace farad::io
