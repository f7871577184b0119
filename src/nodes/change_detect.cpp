#include "nodes/change_detect.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace farad::nodes {

ChangeDetectNode::ChangeDetectNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  for (const auto& field : spec.args) fields_.push_back(field.text);
}

bool ChangeDetectNode::changed(const model::Fields& fields, model::Fields& previous) {
  bool any = false;
  for (const auto& name : fields_) {
    const model::FieldValue* value = model::find_field(fields, name);
    if (!value) {
      error(fmt::format("Invalid field in change detect: expected field {} not found", name));
      continue;
    }
    // A field the previous point lacked counts as changed. NaN never equals itself.
    const model::FieldValue* before = model::find_field(previous, name);
    if (!before || *before != *value) {
      any = true;
      break;
    }
  }
  if (!any) return false;
  previous.clear();
  for (const auto& name : fields_) {
    if (const auto* value = model::find_field(fields, name)) {
      model::set_field(previous, name, *value);
    }
  }
  return true;
}

void ChangeDetectNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (changed(message.point.fields, previous_[message.group])) emit_point(std::move(message));
}

void ChangeDetectNode::on_batch(model::Batch&& batch, int /*port*/) {
  model::Fields& previous = previous_[batch.group];
  previous.clear();
  std::erase_if(batch.points,
                [&](const model::BatchPoint& p) { return !changed(p.fields, previous); });
  emit_batch(std::move(batch));
}

void ChangeDetectNode::save(runtime::StateWriter& out) const {
  out.u64(previous_.size());
  previous_.for_each([&](model::GroupKey group, const model::Fields& fields) {
    save_group(out, group);
    out.fields(fields);
  });
}

void ChangeDetectNode::restore(runtime::StateReader& in) {
  previous_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    const model::GroupKey group = restore_group(in);
    previous_[group] = in.fields();
  }
}

}  // namespace farad::nodes
