// encoding/json's Encoder.Encode of a template value (Kapacitor's json and jsonCompact).

#include <cmath>

#include "expr/go_format.hpp"
#include "expr/utf8.hpp"
#include "io/time_format.hpp"
#include "sinks/go_value.hpp"

namespace farad::sinks {

namespace {

// encoding/json's float64: shortest digits, exponent form below 1e-6 and from 1e21, with the
// exponent's leading zero dropped (1e-07 is written 1e-7).
void append_json_number(std::string& out, double value) {
  const double magnitude = std::fabs(value);
  if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
    std::string text = expr::go::format_float_v(value);
    const size_t e = text.find("e-0");
    if (e != std::string::npos) text.erase(e + 2, 1);
    out += text;
    return;
  }
  out += expr::go::format_float_f(value);
}

// encoding/json's string with HTML escaping (the Encoder's default): <, > and & as \u00XX,
// U+2028 and U+2029 escaped, invalid UTF-8 as U+FFFD.
void append_json_text(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      if (byte == '"' || byte == '\\') {
        out += '\\';
        out += static_cast<char>(byte);
      } else if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte == '\t') {
        out += "\\t";
      } else if (byte == '\b') {
        out += "\\b";
      } else if (byte == '\f') {
        out += "\\f";
      } else if (byte < 0x20 || byte == '<' || byte == '>' || byte == '&') {
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
      } else {
        out += static_cast<char>(byte);
      }
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

bool append_json(std::string& out, const GoValue& value) {
  using Kind = GoValue::Kind;
  switch (value.kind) {
    case Kind::Invalid:
    case Kind::Nil:
      out += "null";
      return true;
    case Kind::Bool:
      out += value.boolean ? "true" : "false";
      return true;
    case Kind::Int:
      out += std::to_string(value.integer);
      return true;
    case Kind::Uint:
      out += std::to_string(value.unsigned_integer);
      return true;
    case Kind::Float:
      if (!std::isfinite(value.floating)) return false;
      append_json_number(out, value.floating);
      return true;
    case Kind::String:
      append_json_text(out, value.text);
      return true;
    case Kind::Time:
      out += '"';
      io::append_rfc3339_nano(out, value.integer);
      out += '"';
      return true;
    case Kind::List:
      out += '[';
      for (size_t i = 0; i < value.items->size(); ++i) {
        if (i > 0) out += ',';
        if (!append_json(out, (*value.items)[i])) return false;
      }
      out += ']';
      return true;
    case Kind::Map:
    case Kind::Struct: {
      out += '{';
      bool first = true;
      for (const auto& [key, element] : *value.entries) {
        if (!first) out += ',';
        first = false;
        append_json_text(out, key);
        out += ':';
        if (!append_json(out, element)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

}  // namespace

std::string go_json(const GoValue& value, bool& ok) {
  std::string out;
  ok = append_json(out, value);
  if (!ok) return {};
  out += '\n';
  return out;
}

}  // namespace farad::sinks
