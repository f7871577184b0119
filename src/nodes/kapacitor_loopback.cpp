#include "nodes/kapacitor_loopback.hpp"

namespace farad::nodes {

KapacitorLoopbackNode::KapacitorLoopbackNode(const compile::NodeSpec& spec,
                                             runtime::TaskContext& context)
    : Node(spec, context) {
  database_ = spec.text("database");
  retention_policy_ = spec.text("retentionPolicy");
  measurement_ = spec.text("measurement");
  for (const auto* tag : spec.all("tag")) {
    if (tag->args.size() == 2) model::set_tag(tags_, tag->args[0].text, tag->args[1].text);
  }
}

void KapacitorLoopbackNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  if (!database_.empty()) point.database = database_;
  if (!retention_policy_.empty()) point.retention_policy = retention_policy_;
  if (!measurement_.empty()) point.name = measurement_;
  for (const auto& [key, value] : tags_) model::set_tag(point.tags, key, value);
  if (context_.outputs) context_.outputs->write(spec_, point);
}

void KapacitorLoopbackNode::on_batch(model::Batch&& batch, int /*port*/) {
  for (auto& batch_point : batch.points) {
    model::Point point{batch.name,
                       database_,
                       retention_policy_,
                       std::move(batch_point.tags),
                       std::move(batch_point.fields),
                       batch_point.time};
    for (const auto& [key, value] : tags_) model::set_tag(point.tags, key, value);
    if (context_.outputs) context_.outputs->write(spec_, point);
  }
}

}  // namespace farad::nodes
