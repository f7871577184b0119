#include "expr/utf8.hpp"

#include <locale.h>
#include <wctype.h>

namespace farad::expr {
namespace {

// The C.UTF-8 locale gives Unicode tables without touching the process locale; when it is not
// installed, case mapping and classification fall back to ASCII.
locale_t unicode_locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

Rune decode_rune(std::string_view text, size_t at) {
  if (at >= text.size()) return {kRuneError, 0};
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + at;
  const size_t n = text.size() - at;
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1};
  // Accepted ranges of the second byte, as in Go's utf8 "acceptRanges".
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  size_t size = 0;
  char32_t value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    size = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    size = 3;
    value = b0 & 0x0F;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    size = 4;
    value = b0 & 0x07;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return {kRuneError, 1};
  }
  if (n < size) return {kRuneError, 1};
  if (s[1] < low || s[1] > high) return {kRuneError, 1};
  for (size_t i = 1; i < size; ++i) {
    if (!is_continuation(s[i])) return {kRuneError, 1};
    value = (value << 6) | (s[i] & 0x3F);
  }
  return {value, size};
}

Rune decode_last_rune(std::string_view text, size_t end) {
  if (end == 0) return {kRuneError, 0};
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  if (s[end - 1] < 0x80) return {s[end - 1], 1};
  // Back up to the start byte of the last rune, at most four bytes.
  size_t start = end - 1;
  const size_t limit = end >= 4 ? end - 4 : 0;
  while (start > limit && is_continuation(s[start])) --start;
  const Rune rune = decode_rune(text.substr(0, end), start);
  if (start + rune.size != end) return {kRuneError, 1};
  return rune;
}

void append_rune(std::string& out, char32_t rune) {
  if (rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) rune = kRuneError;
  if (rune < 0x80) {
    out.push_back(static_cast<char>(rune));
  } else if (rune < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (rune >> 6)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else if (rune < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (rune >> 12)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (rune >> 18)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  }
}

size_t rune_count(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); i += decode_rune(text, i).size) ++count;
  return count;
}

bool is_space(char32_t rune) {
  switch (rune) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return rune >= 0x2000 && rune <= 0x200A;
  }
}

bool is_print(char32_t rune) {
  if (rune < 0x80) return rune >= 0x20 && rune < 0x7F;
  // Go counts only U+0020 among the spaces, and no format characters (Cf).
  if (is_space(rune) || rune == 0xAD || rune == 0xFEFF) return false;
  if ((rune >= 0x200B && rune <= 0x200F) || (rune >= 0x202A && rune <= 0x202E) ||
      (rune >= 0x2060 && rune <= 0x2064)) {
    return false;
  }
  const locale_t locale = unicode_locale();
  return locale != static_cast<locale_t>(0) && iswprint_l(static_cast<wint_t>(rune), locale);
}

bool is_letter_or_digit(char32_t rune) {
  if (rune < 0x80) {
    return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z') ||
           (rune >= '0' && rune <= '9');
  }
  const locale_t locale = unicode_locale();
  return locale != static_cast<locale_t>(0) && iswalnum_l(static_cast<wint_t>(rune), locale);
}

char32_t to_lower(char32_t rune) {
  if (rune < 0x80) return rune >= 'A' && rune <= 'Z' ? rune + ('a' - 'A') : rune;
  const locale_t locale = unicode_locale();
  if (locale == static_cast<locale_t>(0)) return rune;
  return static_cast<char32_t>(towlower_l(static_cast<wint_t>(rune), locale));
}

char32_t to_upper(char32_t rune) {
  if (rune < 0x80) return rune >= 'a' && rune <= 'z' ? rune - ('a' - 'A') : rune;
  const locale_t locale = unicode_locale();
  if (locale == static_cast<locale_t>(0)) return rune;
  return static_cast<char32_t>(towupper_l(static_cast<wint_t>(rune), locale));
}

}  // namespace farad::expr
