// The field set of a line: keys, and values typed the way InfluxDB 1.x types them.
#include <fast_float/fast_float.h>

#include <charconv>
#include <cmath>

#include "io/line_protocol.hpp"
#include "io/line_scan.hpp"

namespace farad::io {
namespace {

constexpr std::size_t kMaxKeyLength = 65535;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// The characters InfluxDB's scanNumber lets through for a float: digits, one '.', an exponent
// marker after the first character, and a sign only first or right after the exponent marker.
bool float_syntax(std::string_view text) {
  bool decimal = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) continue;
    if (c == '.') {
      if (decimal) return false;
      decimal = true;
      continue;
    }
    if ((c == 'e' || c == 'E') && i > 0) continue;
    if (c == '-' && i == 0) continue;
    if ((c == '+' || c == '-') && i > 0 && (text[i - 1] == 'e' || text[i - 1] == 'E')) continue;
    return false;
  }
  return true;
}

// Parses a numeric token (`1.5`, `-3i`, `7u`, `1e10`); returns an error message or "".
std::string_view parse_number(std::string_view token, bool unsigned_fields, FieldViewValue& out) {
  const char* first = token.data();
  const char* last = token.data() + token.size();
  const char suffix = token.back();
  if (suffix == 'i') {
    const std::string_view body = token.substr(0, token.size() - 1);
    if (!all_digits(body.front() == '-' ? body.substr(1) : body)) return "invalid number";
    int64_t value = 0;
    const auto result = std::from_chars(first, last - 1, value);
    if (result.ec == std::errc::result_out_of_range) return "integer out of range";
    out = value;
    return {};
  }
  if (suffix == 'u') {
    if (!all_digits(token.substr(0, token.size() - 1))) return "invalid number";
    if (!unsigned_fields) return "unsigned integers are not enabled";
    uint64_t value = 0;
    const auto result = std::from_chars(first, last - 1, value);
    if (result.ec == std::errc::result_out_of_range) return "unsigned integer out of range";
    out = value;
    return {};
  }
  // `nan`, `inf`, hex floats and stray letters never reach fast_float: InfluxDB rejects them.
  if (!float_syntax(token)) return "invalid number";
  double value = 0;
  const auto result = fast_float::from_chars(first, last, value);
  if (result.ec != std::errc() || result.ptr != last) return "invalid number";
  // Go's ParseFloat fails on overflow (to ±Inf) but returns 0 on underflow, as fast_float does.
  if (std::isinf(value)) return "float out of range";
  out = value;
  return {};
}

// t T true True TRUE f F false False FALSE, as InfluxDB's scanBoolean.
bool parse_boolean(std::string_view token, bool& out) {
  if (token == "t" || token == "T" || token == "true" || token == "True" || token == "TRUE") {
    out = true;
    return true;
  }
  if (token == "f" || token == "F" || token == "false" || token == "False" || token == "FALSE") {
    out = false;
    return true;
  }
  return false;
}

// The common integer field `-?[0-9]{1,18}i` followed by a delimiter, read in one pass (18
// digits cannot overflow); kFailed for anything else, which the general path then reads.
std::size_t parse_plain_integer(std::string_view record, std::size_t pos, FieldViewValue& value) {
  std::size_t i = pos;
  const bool negative = record[i] == '-';
  if (negative) ++i;
  const std::size_t digits = i;
  uint64_t magnitude = 0;
  // Eight digits at a time while they last (a wrapped magnitude is refused below: > 18 digits).
  for (; i + 8 <= record.size(); i += 8) {
    const uint64_t word = load_eight(record.data() + i);
    if (!eight_digits(word)) break;
    magnitude = magnitude * 100000000 + eight_digits_value(word);
  }
  for (; i < record.size() && is_digit(record[i]); ++i) {
    magnitude = magnitude * 10 + static_cast<uint64_t>(record[i] - '0');
  }
  const std::size_t count = i - digits;
  if (count == 0 || count > 18 || i >= record.size() || record[i] != 'i') return kFailed;
  ++i;
  if (i < record.size() && !kFieldValueDelimiters.contains(record[i])) return kFailed;
  const auto signed_magnitude = static_cast<int64_t>(magnitude);
  value = negative ? -signed_magnitude : signed_magnitude;
  return i;
}

}  // namespace

std::size_t LineParser::parse_fields(std::string_view record, std::size_t pos) {
  std::size_t i = skip_blanks(record, pos);
  if (i >= record.size()) return fail(i, "missing fields");
  for (;;) {
    // A field key ends at an unescaped '='; in the field part a backslash escapes the next byte.
    const std::size_t key_start = i;
    for (;;) {
      i = find_any(record, i, kFieldKeyStops);
      if (i >= record.size()) return fail(key_start, "invalid field format");
      const char c = record[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '=') break;
      return fail(key_start, "invalid field format");  // a space or a comma
    }
    if (i == key_start) return fail(i, "missing field key");
    const std::string_view raw_key = record.substr(key_start, i - key_start);
    if (key_length_ + 4 + raw_key.size() > kMaxKeyLength) {
      return fail(key_start, "max key length exceeded");
    }
    ++i;
    if (i >= record.size() || record[i] == ',' || record[i] == ' ') {
      return fail(i, "missing field value");
    }
    FieldViewValue value;
    i = parse_value(record, i, value);
    if (i == kFailed) return kFailed;
    fields_.push_back({unescape(raw_key, kNameEscapes), value});
    if (i >= record.size() || record[i] == ' ') break;
    ++i;  // the ',' before the next field
  }
  finish_fields();
  return i;
}

std::size_t LineParser::parse_value(std::string_view record, std::size_t pos,
                                    FieldViewValue& value) {
  if (record[pos] == '"') {
    std::size_t i = pos + 1;
    while (i < record.size() && record[i] != '"') i += record[i] == '\\' ? 2 : 1;
    if (i >= record.size()) return fail(pos, "unbalanced quotes");
    value = unescape(record.substr(pos + 1, i - pos - 1), kStringEscapes);
    ++i;
    if (i < record.size() && record[i] != ',' && record[i] != ' ') {
      return fail(i, "invalid field value");
    }
    return i;
  }
  if (const std::size_t end = parse_plain_integer(record, pos, value); end != kFailed) return end;
  const std::size_t end = find_any(record, pos, kFieldValueDelimiters);
  const std::string_view token = record.substr(pos, end - pos);
  const char c = token.front();
  if (is_digit(c) || c == '.' || c == '-' || c == 'n' || c == 'N') {
    const auto message = parse_number(token, options_.unsigned_fields, value);
    if (!message.empty()) return fail(pos, message);
    return end;
  }
  if (c == 't' || c == 'T' || c == 'f' || c == 'F') {
    bool flag = false;
    if (!parse_boolean(token, flag)) return fail(pos, "invalid boolean");
    value = flag;
    return end;
  }
  return fail(pos, "invalid field value");
}

void LineParser::finish_fields() {
  // Stable insertion sort by key, then keep the last of equal keys: InfluxDB builds a map, so a
  // repeated field key takes the value written last.
  for (std::size_t i = 1; i < fields_.size(); ++i) {
    for (std::size_t j = i; j > 0 && fields_[j].key < fields_[j - 1].key; --j) {
      std::swap(fields_[j], fields_[j - 1]);
    }
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i + 1 < fields_.size() && fields_[i + 1].key == fields_[i].key) continue;
    fields_[out++] = fields_[i];
  }
  fields_.resize(out);
}

}  // namespace farad::io
