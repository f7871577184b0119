#include "nodes/es_document.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include "expr/go_json_text.hpp"
#include "io/time_format.hpp"
#include "nodes/http_out_json.hpp"

namespace farad::nodes {

using expr::go::append_json_string;

namespace {

void set_if(std::string& target, const compile::NodeSpec& spec, std::string_view property) {
  if (const compile::Value* value = spec.property(property)) target = value->text;
}

/// ISO 8601 week number (01-53) of a day.
unsigned iso_week(std::chrono::sys_days day) {
  using namespace std::chrono;
  const weekday wd{day};
  const unsigned iso_wd = wd.iso_encoding();  // Monday 1 ... Sunday 7
  // The week belongs to the year of its Thursday.
  const sys_days thursday = day + days(4 - static_cast<int>(iso_wd));
  const year_month_day thursday_date{thursday};
  const sys_days first = sys_days{thursday_date.year() / January / 1};
  return static_cast<unsigned>((thursday - first).count() / 7 + 1);
}

bool finite(const model::FieldValue& value) {
  const double* number = std::get_if<double>(&value);
  return number == nullptr || std::isfinite(*number);
}

}  // namespace

EsDocumentShape EsDocumentShape::from_spec(const compile::NodeSpec& spec) {
  EsDocumentShape shape;
  set_if(shape.index, spec, "index");
  set_if(shape.action, spec, "action");
  set_if(shape.timestamp_field, spec, "timestampField");
  if (const compile::Value* format = spec.property("timestampFormat")) {
    shape.timestamp_millis = format->text == "epoch_millis";
  }
  set_if(shape.measurement_field, spec, "measurementField");
  set_if(shape.tags_field, spec, "tagsField");
  set_if(shape.fields_field, spec, "fieldsField");
  return shape;
}

std::string es_document_id(std::string_view task, std::string_view node,
                           const model::Point& point) {
  std::string key;
  key.append(task).push_back('\0');
  key.append(node).push_back('\0');
  key.append(point.name).push_back('\0');
  for (const auto& [tag, value] : point.tags) {
    key.append(tag).push_back('\0');
    key.append(value).push_back('\0');
  }
  key += std::to_string(point.time);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(key.data(), key.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
  }
  return hex;
}

std::string es_index_name(std::string_view pattern, int64_t time_ns) {
  using namespace std::chrono;
  const sys_time<nanoseconds> time{nanoseconds(time_ns)};
  const sys_days day = floor<days>(time);
  const year_month_day date{day};
  const auto hour = duration_cast<hours>(time - day).count();
  const int year = static_cast<int>(date.year());
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    const char token = pattern[++i];
    switch (token) {
      case 'Y':
        out += fmt::format("{:04}", year);
        break;
      case 'y':
        out += fmt::format("{:02}", ((year % 100) + 100) % 100);
        break;
      case 'm':
        out += fmt::format("{:02}", static_cast<unsigned>(date.month()));
        break;
      case 'd':
        out += fmt::format("{:02}", static_cast<unsigned>(date.day()));
        break;
      case 'H':
        out += fmt::format("{:02}", hour);
        break;
      case 'V':
        out += fmt::format("{:02}", iso_week(day));
        break;
      case '%':
        out += '%';
        break;
      default:
        out += '%';
        out += token;
    }
  }
  return out;
}

size_t append_es_entry(std::string& out, const EsDocumentShape& shape, std::string_view task,
                       std::string_view node, const model::Point& point) {
  out += "{\"";
  out += shape.action;
  out += "\":{\"_index\":";
  append_json_string(out, es_index_name(shape.index, point.time));
  out += ",\"_id\":\"";
  out += es_document_id(task, node, point);
  out += "\"}}\n{";
  append_json_string(out, shape.timestamp_field);
  out += ':';
  if (shape.timestamp_millis) {
    const int64_t millis = point.time / 1'000'000 - (point.time % 1'000'000 < 0 ? 1 : 0);
    out += std::to_string(millis);
  } else {
    out += '"';
    io::append_rfc3339_nano(out, point.time);
    out += '"';
  }
  if (!shape.measurement_field.empty()) {
    out += ',';
    append_json_string(out, shape.measurement_field);
    out += ':';
    append_json_string(out, point.name);
  }
  // At the top level a name is written once: the timestamp and measurement first, then fields,
  // then tags (a tag named like a field is left out).
  const auto reserved = [&](std::string_view name) {
    return name == shape.timestamp_field ||
           (!shape.measurement_field.empty() && name == shape.measurement_field);
  };
  const bool tags_top = shape.tags_field.empty();
  const bool fields_top = shape.fields_field.empty();
  const auto write_member = [&](std::string_view name, auto&& write_value, bool& first) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, name);
    out += ':';
    write_value();
  };
  bool first = false;
  if (!tags_top) {
    out += ',';
    append_json_string(out, shape.tags_field);
    out += ":{";
    first = true;
  }
  for (const auto& [key, value] : point.tags) {
    if (tags_top && (reserved(key) || (fields_top && model::find_field(point.fields, key)) ||
                     (!fields_top && key == shape.fields_field))) {
      continue;
    }
    write_member(
        key, [&] { append_json_string(out, value); }, first);
  }
  if (!tags_top) {
    out += '}';
    first = false;
  }
  if (!fields_top) {
    out += ',';
    append_json_string(out, shape.fields_field);
    out += ":{";
    first = true;
  }
  size_t omitted = 0;
  for (const auto& [key, value] : point.fields) {
    if (!finite(value)) {
      ++omitted;
      continue;
    }
    if (fields_top && (reserved(key) || (!tags_top && key == shape.tags_field))) continue;
    write_member(
        key, [&] { append_json_field_value(out, value); }, first);
  }
  if (!fields_top) out += '}';
  out += "}\n";
  return omitted;
}

std::string es_index_template(const EsDocumentShape& shape) {
  const std::string prefix = shape.index.substr(0, shape.index.find('%'));
  std::string out = "{\"index_patterns\":[";
  append_json_string(out, prefix + "*");
  // Rates must not become long (a first value of 1000) or float (ES's default for decimals).
  out +=
      "],\"priority\":200,\"template\":{\"mappings\":{\"dynamic_templates\":["
      "{\"farad_strings\":{\"match_mapping_type\":\"string\",\"mapping\":{\"type\":"
      "\"keyword\",\"ignore_above\":1024}}},"
      "{\"farad_longs\":{\"match_mapping_type\":\"long\",\"mapping\":{\"type\":\"double\"}}},"
      "{\"farad_doubles\":{\"match_mapping_type\":\"double\",\"mapping\":{\"type\":"
      "\"double\"}}}],\"properties\":{";
  append_json_string(out, shape.timestamp_field);
  out += ":{\"type\":\"date\"}";
  if (!shape.measurement_field.empty()) {
    out += ',';
    append_json_string(out, shape.measurement_field);
    out += ":{\"type\":\"keyword\"}";
  }
  out += "}}},\"_meta\":{\"managed_by\":\"farad\"}}";
  return out;
}

}  // namespace farad::nodes
