#include "nodes/log.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "expr/go_format.hpp"
#include "io/time_format.hpp"

namespace farad::nodes {
namespace {

// logfmt: a value with a space, `=` or `"` is quoted.
void append_value(std::string& out, std::string_view value) {
  if (value.find_first_of(" =\"\n\t") == std::string_view::npos) {
    out.append(value);
  } else {
    out.append(expr::go::quote(value));
  }
}

void append_pair(std::string& out, std::string_view key, std::string_view value) {
  out.push_back(' ');
  out.append(key);
  out.push_back('=');
  append_value(out, value);
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

}  // namespace

LogNode::LogNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  std::string level = "INFO";
  if (const auto* v = spec.property("level")) level = v->text;
  std::transform(level.begin(), level.end(), level.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  // Kapacitor logs DEBUG and ERROR at their level and everything else (WARN too) as info.
  level_ = level == "DEBUG" ? "D" : level == "ERROR" ? "E" : "I";
  if (const auto* v = spec.property("prefix")) prefix_ = v->text;
}

void LogNode::write(std::string_view message, const model::Tags& tags, const model::Fields* fields,
                    int64_t time, std::string_view extra) {
  std::string line(message);
  append_pair(line, "prefix", prefix_);
  line.append(extra);
  for (const auto& [key, value] : tags) append_pair(line, "tag_" + key, value);
  if (fields) {
    for (const auto& [key, value] : *fields) append_pair(line, "field_" + key, field_text(value));
  }
  append_pair(line, "time", io::format_rfc3339_nano(time));
  log(level_, line);
}

void LogNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (!context_.log) return emit_point(std::move(message));
  const model::Point& p = message.point;
  std::string extra;
  append_pair(extra, "name", p.name);
  append_pair(extra, "db", p.database);
  append_pair(extra, "rp", p.retention_policy);
  append_pair(extra, "group", context_.interner.id(message.group));
  const auto& dims = context_.interner.dimensions(message.group).tag_names;
  append_pair(extra, "dimension", fmt::format("{}", fmt::join(dims, ",")));
  write("point", p.tags, &p.fields, p.time, extra);
  emit_point(std::move(message));
}

void LogNode::on_batch(model::Batch&& batch, int /*port*/) {
  if (!context_.log) return emit_batch(std::move(batch));
  std::string extra;
  append_pair(extra, "name", batch.name);
  append_pair(extra, "group", context_.interner.id(batch.group));
  write("begin batch", batch.tags, nullptr, batch.time, extra);
  for (const auto& p : batch.points) write("batch point", p.tags, &p.fields, p.time, extra);
  write("end batch", batch.tags, nullptr, batch.time, extra);
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
