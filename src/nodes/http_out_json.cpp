#include "nodes/http_out_json.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "expr/utf8.hpp"
#include "io/time_format.hpp"

namespace farad::nodes {
namespace {

// Go's strconv.FormatFloat(f, 'g', -1, 64) of a non-finite value: what its error message shows.
std::string non_finite_text(double value) {
  if (std::isnan(value)) return "NaN";
  return value > 0 ? "+Inf" : "-Inf";
}

void append_tags(std::string& out, const model::Tags& tags) {
  out += '{';
  for (size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, tags[i].first);
    out += ':';
    append_json_string(out, tags[i].second);
  }
  out += '}';
}

// Appends one cell; returns the text of a float Go cannot encode.
std::optional<std::string> append_value(std::string& out,
                                        const std::optional<model::FieldValue>& value) {
  if (!value) {
    out += "null";
    return std::nullopt;
  }
  switch (model::type_of(*value)) {
    case model::FieldType::Float: {
      const double f = std::get<double>(*value);
      if (!std::isfinite(f)) return non_finite_text(f);
      append_json_float(out, f);
      break;
    }
    case model::FieldType::Int:
      out += std::to_string(std::get<int64_t>(*value));
      break;
    case model::FieldType::Uint:
      out += std::to_string(std::get<uint64_t>(*value));
      break;
    case model::FieldType::String:
      append_json_string(out, std::get<std::string>(*value));
      break;
    case model::FieldType::Bool:
      out += std::get<bool>(*value) ? "true" : "false";
      break;
  }
  return std::nullopt;
}

// Appends one series (models.Row, every member omitempty).
std::optional<std::string> append_series(std::string& out, const runtime::HttpOutSeries& series) {
  out += '{';
  bool first = true;
  auto member = [&](std::string_view key) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out += key;
    out += "\":";
  };
  if (!series.name.empty()) {
    member("name");
    append_json_string(out, series.name);
  }
  if (!series.tags.empty()) {
    member("tags");
    append_tags(out, series.tags);
  }
  if (!series.columns.empty()) {
    member("columns");
    out += '[';
    for (size_t i = 0; i < series.columns.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, series.columns[i]);
    }
    out += ']';
  }
  if (!series.rows.empty()) {
    member("values");
    out += '[';
    for (size_t r = 0; r < series.rows.size(); ++r) {
      if (r > 0) out += ',';
      const auto& row = series.rows[r];
      out += "[\"";
      io::append_rfc3339_nano(out, row.time);
      out += '"';
      for (const auto& value : row.values) {
        out += ',';
        if (auto failure = append_value(out, value)) return failure;
      }
      out += ']';
    }
    out += ']';
  }
  out += '}';
  return std::nullopt;
}

// httpd.HttpError with pretty printing: json.MarshalIndent of {error, message}, four spaces.
std::string error_body(const std::string& message) {
  std::string quoted;
  append_json_string(quoted, message);
  return fmt::format("{{\n    \"error\": {0},\n    \"message\": {0}\n}}", quoted);
}

}  // namespace

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

HttpOutResponse render_http_out_response(const runtime::HttpOutEndpoint& endpoint) {
  HttpOutResponse response;
  std::string& out = response.body;
  out = "{\"series\":";
  if (!endpoint.allocated) {
    out += "null}";
    return response;
  }
  out += '[';
  for (size_t i = 0; i < endpoint.series.size(); ++i) {
    if (i > 0) out += ',';
    if (!endpoint.series[i]) {
      out += "null";
      continue;
    }
    if (auto failure = append_series(out, *endpoint.series[i])) {
      return {500, error_body("json: unsupported value: " + *failure)};
    }
  }
  out += "]}";
  return response;
}

HttpPostBody render_http_post_body(const runtime::HttpOutSeries& series) {
  HttpPostBody body;
  body.json = "{\"series\":[";
  if (auto failure = append_series(body.json, series)) {
    return {{}, "json: unsupported value: " + *failure};
  }
  body.json += "]}\n";
  return body;
}

std::string render_http_out(const runtime::HttpOutEndpoints& endpoints, std::string_view endpoint) {
  const auto it = endpoints.find(std::string(endpoint));
  if (it == endpoints.end()) {
    throw std::out_of_range(fmt::format("no httpOut node serves endpoint '{}'", endpoint));
  }
  return render_http_out_response(it->second).body;
}

}  // namespace farad::nodes
