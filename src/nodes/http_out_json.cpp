#include "nodes/http_out_json.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "expr/go_json_text.hpp"
#include "io/time_format.hpp"

namespace farad::nodes {

using expr::go::append_json_float;
using expr::go::append_json_string;

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
  if (const auto* f = std::get_if<double>(&*value); f != nullptr && !std::isfinite(*f)) {
    return non_finite_text(*f);
  }
  append_json_field_value(out, *value);
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

void append_json_field_value(std::string& out, const model::FieldValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          append_json_float(out, v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          append_json_string(out, v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else {
          out += std::to_string(v);
        }
      },
      value);
}

std::string render_http_out(const runtime::HttpOutEndpoints& endpoints, std::string_view endpoint) {
  const auto it = endpoints.find(std::string(endpoint));
  if (it == endpoints.end()) {
    throw std::out_of_range(fmt::format("no httpOut node serves endpoint '{}'", endpoint));
  }
  return render_http_out_response(it->second).body;
}

}  // namespace farad::nodes
