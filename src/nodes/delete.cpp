#include "nodes/delete.hpp"

#include <algorithm>

namespace farad::nodes {

DeleteNode::DeleteNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  for (const auto* field : spec.all("field")) fields_.push_back(field->args.at(0).text);
  for (const auto* tag : spec.all("tag")) tags_.push_back(tag->args.at(0).text);
}

bool DeleteNode::is_deleted_tag(const std::string& name) const {
  return std::find(tags_.begin(), tags_.end(), name) != tags_.end();
}

void DeleteNode::delete_from(model::Fields& fields) const {
  for (const auto& name : fields_) model::erase_field(fields, name);
}

bool DeleteNode::delete_from(model::Tags& tags) const {
  bool changed = false;
  for (const auto& name : tags_) changed = model::erase_tag(tags, name) || changed;
  return changed;
}

void DeleteNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  delete_from(point.fields);
  delete_from(point.tags);
  const model::Dimensions& dims = context_.interner.dimensions(message.group);
  if (std::any_of(dims.tag_names.begin(), dims.tag_names.end(),
                  [&](const std::string& dim) { return is_deleted_tag(dim); })) {
    model::Dimensions kept{{}, dims.by_name};
    for (const auto& dim : dims.tag_names) {
      if (!is_deleted_tag(dim)) kept.tag_names.push_back(dim);
    }
    message.group = context_.interner.intern(point, kept);
  }
  emit_point(std::move(message));
}

void DeleteNode::on_batch(model::Batch&& batch, int /*port*/) {
  if (delete_from(batch.tags)) {
    // Kapacitor's BeginBatch.SetTags: the dimensions become the header's tag names.
    model::Dimensions dims;
    dims.by_name = context_.interner.dimensions(batch.group).by_name;
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = context_.interner.intern(batch.name, batch.tags, dims);
  }
  for (auto& point : batch.points) {
    delete_from(point.fields);
    delete_from(point.tags);
  }
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
