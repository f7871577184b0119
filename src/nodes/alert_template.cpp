#include "nodes/alert_template.hpp"

#include <cctype>
#include <optional>

#include "expr/go_format.hpp"

namespace farad::nodes {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string field_text(const model::FieldValue& value) {
  switch (model::type_of(value)) {
    case model::FieldType::Float:
      return expr::go::format_float_v(std::get<double>(value));
    case model::FieldType::Int:
      return std::to_string(std::get<int64_t>(value));
    case model::FieldType::Uint:
      return std::to_string(std::get<uint64_t>(value));
    case model::FieldType::String:
      return std::get<std::string>(value);
    case model::FieldType::Bool:
      return std::get<bool>(value) ? "true" : "false";
  }
  return {};
}

// A map lookup as text/template prints it: a missing tag is "" (map[string]string's zero
// value), a missing field `<no value>` (map[string]interface{}).
std::optional<std::string> lookup(std::string_view map, std::string_view key,
                                  const AlertTemplateData& data) {
  if (map == ".Tags") {
    const std::string* value = data.tags ? model::find_tag(*data.tags, key) : nullptr;
    return value ? *value : std::string();
  }
  if (map == ".Fields") {
    const model::FieldValue* value = data.fields ? model::find_field(*data.fields, key) : nullptr;
    return value ? field_text(*value) : std::string("<no value>");
  }
  return std::nullopt;
}

std::optional<std::string> evaluate(std::string_view pipeline, const AlertTemplateData& data) {
  if (pipeline == ".Name") return std::string(data.name);
  if (pipeline == ".TaskName") return std::string(data.task_name);
  if (pipeline == ".Group") return std::string(data.group);
  if (pipeline == ".ID") return std::string(data.id);
  if (pipeline == ".Level") return std::string(data.level);
  if (pipeline == ".Time") return expr::go::format_time_utc(data.time);
  if (pipeline == ".Duration") return expr::go::format_duration(data.duration);
  for (std::string_view map : {".Tags.", ".Fields."}) {
    if (pipeline.starts_with(map)) {
      return lookup(map.substr(0, map.size() - 1), pipeline.substr(map.size()), data);
    }
  }
  // index .Tags "key"
  if (pipeline.starts_with("index ")) {
    std::string_view rest = trim(pipeline.substr(6));
    const size_t space = rest.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view map = rest.substr(0, space);
    const std::string_view key = trim(rest.substr(space));
    if (key.size() < 2 || key.front() != '"' || key.back() != '"') return std::nullopt;
    return lookup(map, key.substr(1, key.size() - 2), data);
  }
  return std::nullopt;
}

}  // namespace

AlertTemplate::AlertTemplate(std::string_view text) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  size_t pos = 0;
  bool trim_leading = false;
  while (true) {
    const size_t open = text.find("{{", pos);
    const size_t close = open == std::string_view::npos ? open : text.find("}}", open + 2);
    const size_t literal_end = close == std::string_view::npos ? text.size() : open;
    std::string literal(text.substr(pos, literal_end - pos));
    if (trim_leading) {
      size_t first = 0;
      while (first < literal.size() && is_space(literal[first])) ++first;
      literal.erase(0, first);
    }
    if (close == std::string_view::npos) {
      if (!literal.empty()) parts_.push_back({false, literal, {}});
      break;
    }
    std::string_view inner = text.substr(open + 2, close - open - 2);
    // `{{- ` trims the whitespace before the action, ` -}}` the whitespace after it.
    if (inner.starts_with("- ")) {
      inner.remove_prefix(2);
      while (!literal.empty() && is_space(literal.back())) literal.pop_back();
    }
    trim_leading = inner.ends_with(" -");
    if (trim_leading) inner.remove_suffix(2);
    if (!literal.empty()) parts_.push_back({false, literal, {}});
    parts_.push_back(
        {true, std::string(trim(inner)), std::string(text.substr(open, close + 2 - open))});
    pos = close + 2;
  }
}

std::string AlertTemplate::render(const AlertTemplateData& data) const {
  std::string out;
  for (const Part& part : parts_) {
    if (!part.action) {
      out += part.text;
      continue;
    }
    const auto value = evaluate(part.text, data);
    out += value ? *value : part.raw;
  }
  return out;
}

}  // namespace farad::nodes
