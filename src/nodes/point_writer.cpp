#include "nodes/point_writer.hpp"

namespace farad::nodes {

PointShape PointShape::from_spec(const compile::NodeSpec& spec) {
  PointShape shape;
  shape.measurement = spec.text("measurement");
  shape.database = spec.text("database");
  shape.retention_policy = spec.text("retentionPolicy");
  for (const auto* tag : spec.all("tag")) {
    if (tag->args.size() == 2) model::set_tag(shape.tags, tag->args[0].text, tag->args[1].text);
  }
  return shape;
}

void PointShape::apply(model::Point& point) const {
  if (!measurement.empty()) point.name = measurement;
  if (!database.empty()) point.database = database;
  if (!retention_policy.empty()) point.retention_policy = retention_policy;
  for (const auto& [key, value] : tags) model::set_tag(point.tags, key, value);
}

void PointWriterNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  shape_.apply(message.point);
  write(std::move(message.point));
}

void PointWriterNode::on_batch(model::Batch&& batch, int /*port*/) {
  for (auto& batch_point : batch.points) {
    model::Point point;
    point.name = batch.name;
    point.tags = std::move(batch_point.tags);
    point.fields = std::move(batch_point.fields);
    point.time = batch_point.time;
    shape_.apply(point);
    write(std::move(point));
  }
}

void PointWriterNode::write(model::Point&& point) {
  if (context_.outputs) context_.outputs->write(spec_, point);
}

}  // namespace farad::nodes
