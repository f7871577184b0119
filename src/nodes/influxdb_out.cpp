#include "nodes/influxdb_out.hpp"

namespace farad::nodes {

InfluxDBOutNode::InfluxDBOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  measurement_ = spec.text("measurement");
  database_ = spec.text("database");
  retention_policy_ = spec.text("retentionPolicy");
  for (const auto* tag : spec.all("tag")) {
    model::set_tag(static_tags_, tag->args[0].text, tag->args[1].text);
  }
}

void InfluxDBOutNode::write(model::Point&& point) {
  if (!measurement_.empty()) point.name = measurement_;
  if (!database_.empty()) point.database = database_;
  if (!retention_policy_.empty()) point.retention_policy = retention_policy_;
  for (const auto& [key, value] : static_tags_) model::set_tag(point.tags, key, value);
  if (context_.outputs) context_.outputs->write(spec_, point);
}

void InfluxDBOutNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  write(std::move(message.point));
}

void InfluxDBOutNode::on_batch(model::Batch&& batch, int /*port*/) {
  for (auto& batch_point : batch.points) {
    model::Point point;
    point.name = batch.name;
    point.tags = std::move(batch_point.tags);
    point.fields = std::move(batch_point.fields);
    point.time = batch_point.time;
    write(std::move(point));
  }
}

}  // namespace farad::nodes
