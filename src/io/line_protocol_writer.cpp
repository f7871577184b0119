#include "io/line_protocol_writer.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace farad::io {
namespace {

// Appends `text` with a backslash before every byte in `special`.
void append_escaped(std::string& out, std::string_view text, std::string_view special) {
  for (char c : text) {
    if (special.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
}

template <class Int>
void append_int(std::string& out, Int value) {
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, result.ptr);
}

}  // namespace

void append_go_float(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
    return;
  }
  // The shortest round-trip digits come from scientific to_chars; Go then lays those digits out
  // in fixed notation, padding with zeros (to_chars' fixed form prints the exact binary value of
  // large numbers instead, e.g. 1e23 → 99999999999999991611392).
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view text(buf, static_cast<std::size_t>(result.ptr - buf));
  if (text.front() == '-') {
    out.push_back('-');
    text.remove_prefix(1);
  }
  const auto e = text.find('e');
  int exponent = 0;
  const char* exp_first = text.data() + e + 1;
  if (*exp_first == '+') ++exp_first;  // from_chars takes no plus sign
  std::from_chars(exp_first, text.data() + text.size(), exponent);
  char digits[24];
  int count = 0;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits[count++] = c;
  }
  // value = 0.d1d2d3... × 10^(exponent + 1)
  const int point = exponent + 1;
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out.append(digits, static_cast<std::size_t>(count));
  } else if (point >= count) {
    out.append(digits, static_cast<std::size_t>(count));
    out.append(static_cast<std::size_t>(point - count), '0');
  } else {
    out.append(digits, static_cast<std::size_t>(point));
    out.push_back('.');
    out.append(digits + point, static_cast<std::size_t>(count - point));
  }
}

void append_line(std::string& out, const model::Point& point, Precision precision) {
  append_escaped(out, point.name, ", ");
  for (const auto& [key, value] : point.tags) {
    if (value.empty()) continue;  // models.Tags.HashKey drops empty values
    out.push_back(',');
    append_escaped(out, key, ", =");
    out.push_back('=');
    append_escaped(out, value, ", =");
  }
  out.push_back(' ');
  bool first = true;
  for (const auto& [key, value] : point.fields) {
    if (!first) out.push_back(',');
    first = false;
    append_escaped(out, key, ",\" =");
    out.push_back('=');
    switch (model::type_of(value)) {
      case model::FieldType::Float:
        append_go_float(out, std::get<double>(value));
        break;
      case model::FieldType::Int:
        append_int(out, std::get<int64_t>(value));
        out.push_back('i');
        break;
      case model::FieldType::Uint:
        append_int(out, std::get<uint64_t>(value));
        out.push_back('u');
        break;
      case model::FieldType::String:
        out.push_back('"');
        append_escaped(out, std::get<std::string>(value), "\"\\");
        out.push_back('"');
        break;
      case model::FieldType::Bool:
        out += std::get<bool>(value) ? "true" : "false";
        break;
    }
  }
  out.push_back(' ');
  append_int(out, point.time / precision_nanos(precision));
}

std::string format_line(const model::Point& point, Precision precision) {
  std::string out;
  append_line(out, point, precision);
  return out;
}

}  // namespace farad::io
