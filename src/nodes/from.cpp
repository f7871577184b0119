#include "nodes/from.hpp"

#include <algorithm>

#include "nodes/time_quantise.hpp"

namespace farad::nodes {

FromNode::FromNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  auto text = [&](std::string_view property) {
    const compile::Value* v = spec.property(property);
    return v ? v->text : std::string();
  };
  database_ = text("database");
  retention_policy_ = text("retentionPolicy");
  measurement_ = text("measurement");
  if (const auto* v = spec.property("truncate")) truncate_ = v->integer;
  if (const auto* v = spec.property("round")) round_ = v->integer;
  dimensions_.by_name = spec.has("groupByMeasurement");
  if (const auto settings = spec.all("groupBy"); !settings.empty()) {
    for (const auto& dim : settings.back()->args) {
      if (dim.type == compile::ValueType::Star) group_by_star_ = true;
      if (dim.type == compile::ValueType::String) dimensions_.tag_names.push_back(dim.text);
    }
  }
  std::sort(dimensions_.tag_names.begin(), dimensions_.tag_names.end());
}

void FromNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  if (!database_.empty() && point.database != database_) return;
  if (!retention_policy_.empty() && point.retention_policy != retention_policy_) return;
  if (!measurement_.empty() && point.name != measurement_) return;
  if (truncate_ > 0) point.time = go_truncate(point.time, truncate_);
  if (round_ > 0) point.time = go_round(point.time, round_);
  if (group_by_star_) {
    // `*` groups by every tag the point has.
    model::Dimensions dims{{}, dimensions_.by_name};
    for (const auto& tag : point.tags) dims.tag_names.push_back(tag.first);
    message.group = context_.interner.intern(point, dims);
  } else {
    message.group = context_.interner.intern(point, dimensions_);
  }
  emit_point(std::move(message));
}

}  // namespace farad::nodes
