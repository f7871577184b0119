#include "expr/go_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "expr/time_utc.hpp"
#include "expr/utf8.hpp"

namespace farad::expr::go {
namespace {

// The shortest round-trip decimal digits of |value| and the exponent of the first digit
// (value = 0.d1d2d3... * 10^(exponent + 1)); what Go's strconv computes before formatting.
struct Digits {
  std::string digits;
  int exponent = 0;
};

Digits shortest_digits(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                    std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  const size_t e = text.find('e');
  Digits out;
  for (char c : text.substr(0, e)) {
    if (c != '.') out.digits.push_back(c);
  }
  out.exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  return out;
}

std::string special_float(double value) {
  if (std::isnan(value)) return "NaN";
  return value > 0 ? "+Inf" : "-Inf";
}

// Digits laid out without an exponent.
std::string fixed_layout(const Digits& d) {
  const int nd = static_cast<int>(d.digits.size());
  const int dp = d.exponent + 1;  // digits before the decimal point
  if (dp <= 0) return "0." + std::string(static_cast<size_t>(-dp), '0') + d.digits;
  if (nd <= dp) return d.digits + std::string(static_cast<size_t>(dp - nd), '0');
  return d.digits.substr(0, static_cast<size_t>(dp)) + "." +
         d.digits.substr(static_cast<size_t>(dp));
}

}  // namespace

std::string format_float_v(double value) {
  if (!std::isfinite(value)) return special_float(value);
  const Digits d = shortest_digits(value);
  std::string out = std::signbit(value) ? "-" : "";
  // Go: with the shortest precision, %e is chosen when exp < -4 || exp >= 6.
  if (d.exponent < -4 || d.exponent >= 6) {
    out.push_back(d.digits[0]);
    if (d.digits.size() > 1) {
      out.push_back('.');
      out.append(d.digits, 1);
    }
    out += fmt::format("e{}{:02d}", d.exponent < 0 ? '-' : '+', std::abs(d.exponent));
    return out;
  }
  return out + fixed_layout(d);
}

std::string format_float_f(double value) {
  if (!std::isfinite(value)) return special_float(value);
  const Digits d = shortest_digits(value);
  return (std::signbit(value) ? "-" : "") + fixed_layout(d);
}

namespace {

// The fraction of v / 10^precision as ".ddd" without trailing zeros, or "" when it is zero;
// v becomes v / 10^precision. Go's fmtFrac.
std::string take_fraction(uint64_t& v, int precision) {
  std::string digits;
  for (int i = 0; i < precision; ++i) {
    const auto digit = static_cast<char>('0' + v % 10);
    if (digit != '0' || !digits.empty()) digits.insert(digits.begin(), digit);
    v /= 10;
  }
  return digits.empty() ? digits : "." + digits;
}

}  // namespace

std::string format_duration(int64_t ns) {
  const bool negative = ns < 0;
  // Two's complement negation keeps math.MinInt64 representable, as Go's uint64 does.
  uint64_t u = negative ? ~static_cast<uint64_t>(ns) + 1 : static_cast<uint64_t>(ns);
  std::string out;
  constexpr uint64_t second = 1000000000;
  if (u == 0) return "0s";
  if (u < second) {
    int precision = 0;
    if (u < 1000) {
      out = "ns";
    } else if (u < 1000000) {
      precision = 3;
      out = "µs";
    } else {
      precision = 6;
      out = "ms";
    }
    out.insert(0, take_fraction(u, precision));
    out.insert(0, std::to_string(u));
  } else {
    out = take_fraction(u, 9) + "s";
    out.insert(0, std::to_string(u % 60));
    u /= 60;
    if (u > 0) {
      out.insert(0, std::to_string(u % 60) + "m");
      u /= 60;
      if (u > 0) out.insert(0, std::to_string(u) + "h");
    }
  }
  if (negative) out.insert(0, "-");
  return out;
}

std::string format_influxql_duration(int64_t ns) {
  struct Unit {
    int64_t ns;
    const char* suffix;
  };
  static constexpr Unit units[] = {
      {7LL * 24 * 3600 * 1000000000, "w"},
      {24LL * 3600 * 1000000000, "d"},
      {3600LL * 1000000000, "h"},
      {60LL * 1000000000, "m"},
      {1000000000, "s"},
      {1000000, "ms"},
      {1000, "u"},
  };
  if (ns == 0) return "0s";
  for (const Unit& unit : units) {
    if (ns % unit.ns == 0) return std::to_string(ns / unit.ns) + unit.suffix;
  }
  return std::to_string(ns) + "ns";
}

std::string quote(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    const Rune rune = decode_rune(text, i);
    if (rune.size == 1 && rune.value == kRuneError) {
      const auto byte = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out.push_back(hex[byte >> 4]);
      out.push_back(hex[byte & 15]);
      i += 1;
      continue;
    }
    const char32_t r = rune.value;
    i += rune.size;
    if (r == '"' || r == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(r));
    } else if (is_print(r)) {
      append_rune(out, r);
    } else if (r == '\a') {
      out += "\\a";
    } else if (r == '\b') {
      out += "\\b";
    } else if (r == '\f') {
      out += "\\f";
    } else if (r == '\n') {
      out += "\\n";
    } else if (r == '\r') {
      out += "\\r";
    } else if (r == '\t') {
      out += "\\t";
    } else if (r == '\v') {
      out += "\\v";
    } else if (r < ' ' || r == 0x7f) {
      out += "\\x";
      out.push_back(hex[r >> 4]);
      out.push_back(hex[r & 15]);
    } else if (r < 0x10000) {
      out += fmt::format("\\u{:04x}", static_cast<uint32_t>(r));
    } else {
      out += fmt::format("\\U{:08x}", static_cast<uint32_t>(r));
    }
  }
  out.push_back('"');
  return out;
}

std::string format_time_utc(int64_t unix_ns) {
  const CivilTime t = civil_time(unix_ns);
  auto nanos = static_cast<uint64_t>(t.nanosecond);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}{} +0000 UTC", t.year, t.month,
                     t.day, t.hour, t.minute, t.second, take_fraction(nanos, 9));
}

}  // namespace farad::expr::go
