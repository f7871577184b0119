#include "expr/go_json_text.hpp"

#include <charconv>
#include <cmath>

#include "expr/utf8.hpp"

namespace farad::expr::go {

void append_json_float(std::string& out, double value) {
  char buffer[64];
  const double magnitude = std::fabs(value);
  // encoding/json: exponent form below 1e-6 and from 1e21, shortest digits either way.
  const bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
  const auto format = exponent ? std::chars_format::scientific : std::chars_format::fixed;
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  const size_t n = text.size();
  // Go writes e-07 as e-7 (and keeps e+21 as it is).
  if (exponent && n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0') {
    out.append(text.substr(0, n - 2));
    out += text[n - 1];
    return;
  }
  out.append(text);
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      switch (byte) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (byte < 0x20 || byte == '<' || byte == '>' || byte == '&') {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
          } else {
            out += static_cast<char>(byte);
          }
      }
      ++i;
      continue;
    }
    const expr::Rune rune = expr::decode_rune(text, i);
    if (rune.value == expr::kRuneError && rune.size == 1) {
      out += "\\ufffd";
    } else if (rune.value == 0x2028 || rune.value == 0x2029) {
      out += rune.value == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(text.substr(i, rune.size));
    }
    i += rune.size;
  }
  out += '"';
}

}  // namespace farad::expr::go
