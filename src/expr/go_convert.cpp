#include "expr/go_convert.hpp"

#include <locale.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "expr/go_format.hpp"
#include "expr/utf8.hpp"

namespace farad::expr::go {
namespace {

constexpr double kTwo63 = 9223372036854775808.0;

// CVTTSD2SQ: the x86-64 conversion Go emits; out-of-range and NaN give the "integer
// indefinite" value 0x8000000000000000.
int64_t cvttsd2sq(double value) {
  if (std::isnan(value) || value >= kTwo63 || value < -kTwo63) return INT64_MIN;
  return static_cast<int64_t>(value);
}

std::string num_error(const char* function, std::string_view text, const char* what) {
  return std::string("strconv.") + function + ": parsing " + quote(text) + ": " + what;
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

size_t common_prefix_ignore_case(std::string_view text, std::string_view prefix) {
  size_t n = 0;
  while (n < text.size() && n < prefix.size() && lower(text[n]) == prefix[n]) ++n;
  return n;
}

// Go's special(): [+-]inf, [+-]infinity, nan (case-insensitive); the length consumed.
bool parse_special(std::string_view s, double& out, size_t& consumed) {
  if (s.empty()) return false;
  double sign = 1;
  size_t sign_length = 0;
  if (s[0] == '+' || s[0] == '-') {
    sign = s[0] == '-' ? -1 : 1;
    sign_length = 1;
    s.remove_prefix(1);
  } else if (lower(s[0]) == 'n') {
    if (common_prefix_ignore_case(s, "nan") != 3) return false;
    out = std::nan("");
    consumed = 3;
    return true;
  }
  if (s.empty() || lower(s[0]) != 'i') return false;
  size_t n = common_prefix_ignore_case(s, "infinity");
  if (n > 3 && n < 8) n = 3;
  if (n != 3 && n != 8) return false;
  out = sign * HUGE_VAL;
  consumed = sign_length + n;
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

// Go's underscoreOK: underscores only between digits (a base prefix counts as a digit).
bool underscores_ok(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    if (is_digit(s[i]) || (hex && is_hex_digit(s[i]))) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// Go's readFloat, syntax only: the whole text must be a decimal or hexadecimal float.
bool valid_float_syntax(std::string_view s) {
  size_t i = 0;
  bool underscores = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool hex = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  bool saw_dot = false;
  bool saw_digits = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if (is_digit(c) || (hex && is_hex_digit(c))) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  if (i < s.size() && lower(s[i]) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == '_'); ++i) {
      if (s[i] == '_') underscores = true;
    }
  } else if (hex) {
    return false;  // a hexadecimal mantissa needs a 'p' exponent
  }
  if (underscores && !underscores_ok(s.substr(0, i))) return false;
  return i == s.size();
}

locale_t c_locale() {
  static const locale_t locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
  return locale;
}

}  // namespace

int64_t float_to_int64(double value) {
  return cvttsd2sq(value);
}

uint64_t float_to_uint64(double value) {
  if (value < kTwo63) return static_cast<uint64_t>(cvttsd2sq(value));
  return static_cast<uint64_t>(cvttsd2sq(value - kTwo63)) | (uint64_t{1} << 63);
}

bool parse_bool(std::string_view text, bool& out, std::string& error) {
  static constexpr std::string_view truths[] = {"1", "t", "T", "TRUE", "true", "True"};
  static constexpr std::string_view falsities[] = {"0", "f", "F", "FALSE", "false", "False"};
  for (auto t : truths) {
    if (text == t) return out = true, true;
  }
  for (auto f : falsities) {
    if (text == f) return out = false, true;
  }
  error = num_error("ParseBool", text, "invalid syntax");
  return false;
}

bool parse_int(std::string_view text, int64_t& out, std::string& error) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) {
    error = num_error("ParseInt", text, "invalid syntax");
    return false;
  }
  uint64_t n = 0;
  constexpr uint64_t cutoff = UINT64_MAX / 10 + 1;
  for (char c : s) {
    if (!is_digit(c)) {
      error = num_error("ParseInt", text, "invalid syntax");
      return false;
    }
    const auto digit = static_cast<uint64_t>(c - '0');
    const uint64_t next = n * 10 + digit;
    if (n >= cutoff || next < n * 10) {
      error = num_error("ParseInt", text, "value out of range");
      return false;
    }
    n = next;
  }
  constexpr uint64_t limit = uint64_t{1} << 63;
  if ((!negative && n >= limit) || (negative && n > limit)) {
    error = num_error("ParseInt", text, "value out of range");
    return false;
  }
  out = negative ? static_cast<int64_t>(0 - n) : static_cast<int64_t>(n);
  return true;
}

bool parse_float(std::string_view text, double& out, std::string& error) {
  size_t consumed = 0;
  if (parse_special(text, out, consumed)) {
    if (consumed == text.size()) return true;
    error = num_error("ParseFloat", text, "invalid syntax");
    return false;
  }
  if (!valid_float_syntax(text)) {
    error = num_error("ParseFloat", text, "invalid syntax");
    return false;
  }
  std::string digits;
  digits.reserve(text.size());
  for (char c : text) {
    if (c != '_') digits.push_back(c);
  }
  // strtod_l in the "C" locale rounds correctly for decimal and hexadecimal input alike,
  // whatever the process locale is.
  errno = 0;
  out = strtod_l(digits.c_str(), nullptr, c_locale());
  if (errno == ERANGE && std::isinf(out)) {
    error = num_error("ParseFloat", text, "value out of range");
    return false;
  }
  return true;
}

bool parse_influxql_duration(std::string_view text, int64_t& out) {
  if (text.size() < 2) return false;
  // InfluxQL walks runes, so a multi-byte µ is one unit character.
  std::vector<char32_t> runes;
  for (size_t i = 0; i < text.size();) {
    const Rune rune = decode_rune(text, i);
    runes.push_back(rune.value);
    i += rune.size;
  }
  size_t i = 0;
  const bool negative = runes[0] == '-';
  if (negative) ++i;
  constexpr int64_t us = 1000;
  constexpr int64_t ms = 1000 * us;
  constexpr int64_t second = 1000 * ms;
  constexpr int64_t minute = 60 * second;
  constexpr int64_t hour = 60 * minute;
  int64_t total = 0;
  while (i < runes.size()) {
    const size_t start = i;
    while (i < runes.size() && runes[i] >= '0' && runes[i] <= '9') ++i;
    if (i >= runes.size() || i == start) return false;
    std::string number;
    for (size_t k = start; k < i; ++k) number.push_back(static_cast<char>(runes[k]));
    int64_t n = 0;
    std::string ignored;
    if (!parse_int(number, n, ignored)) return false;
    int64_t unit = 0;
    switch (runes[i]) {
      case 'n':
        if (i + 1 < runes.size() && runes[i + 1] == 's') {
          unit = 1;
          ++i;
        } else {
          return false;
        }
        break;
      case 'u':
      case U'µ':
        unit = us;
        break;
      case 'm':
        if (i + 1 < runes.size() && runes[i + 1] == 's') {
          unit = ms;
          ++i;
        } else {
          unit = minute;
        }
        break;
      case 's':
        unit = second;
        break;
      case 'h':
        unit = hour;
        break;
      case 'd':
        unit = 24 * hour;
        break;
      case 'w':
        unit = 7 * 24 * hour;
        break;
      default:
        return false;
    }
    total = wrap_add(total, wrap_mul(n, unit));
    ++i;
  }
  if (total < 0 && !negative) return false;
  out = negative ? wrap_neg(total) : total;
  return true;
}

}  // namespace farad::expr::go
