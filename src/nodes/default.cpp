#include "nodes/default.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace farad::nodes {
namespace {

model::FieldValue to_field(const compile::Value& value) {
  switch (value.type) {
    case compile::ValueType::Float:
      return value.number;
    case compile::ValueType::Int:
      return value.integer;
    case compile::ValueType::String:
      return value.text;
    case compile::ValueType::Bool:
      return value.boolean;
    default:
      throw std::runtime_error(fmt::format("unsupported type {} for default field value",
                                           compile::type_name(value.type)));
  }
}

}  // namespace

DefaultNode::DefaultNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  // Kapacitor keeps maps: a name set twice takes the last value.
  for (const auto* field : spec.all("field")) {
    model::set_field(fields_, field->args.at(0).text, to_field(field->args.at(1)));
  }
  for (const auto* tag : spec.all("tag")) {
    model::set_tag(tags_, tag->args.at(0).text, tag->args.at(1).text);
  }
}

void DefaultNode::default_fields(model::Fields& fields) const {
  for (const auto& [name, value] : fields_) {
    if (!model::find_field(fields, name)) model::set_field(fields, name, value);
  }
}

bool DefaultNode::default_tags(model::Tags& tags) const {
  bool changed = false;
  for (const auto& [name, value] : tags_) {
    const std::string* current = model::find_tag(tags, name);
    if (current && !current->empty()) continue;
    model::set_tag(tags, name, value);
    changed = true;
  }
  return changed;
}

void DefaultNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  default_fields(point.fields);
  if (default_tags(point.tags)) {
    // The group id is recomputed from the new tags under the same dimensions.
    message.group = context_.interner.intern(point, context_.interner.dimensions(message.group));
  }
  emit_point(std::move(message));
}

void DefaultNode::on_batch(model::Batch&& batch, int /*port*/) {
  if (default_tags(batch.tags)) {
    // Kapacitor's BeginBatch.SetTags: the dimensions become the header's tag names.
    model::Dimensions dims;
    dims.by_name = context_.interner.dimensions(batch.group).by_name;
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = context_.interner.intern(batch.name, batch.tags, dims);
  }
  for (auto& point : batch.points) {
    default_fields(point.fields);
    default_tags(point.tags);
  }
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
