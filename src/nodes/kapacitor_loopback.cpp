#include "nodes/kapacitor_loopback.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "io/line_protocol_writer.hpp"

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
  if (!context_.connections || !context_.connections->loopback) return;
  loopback_ = context_.connections->loopback;
  for (const auto& dbrp : context_.spec.dbrps) {
    if (dbrp.database == database_ && dbrp.retention_policy == retention_policy_) {
      throw std::runtime_error(
          fmt::format("loop detected on dbrp: {{{} {}}}", dbrp.database, dbrp.retention_policy));
    }
  }
  count("points_written", 0);
}

void KapacitorLoopbackNode::send(const model::Point& point) {
  if (!loopback_) {
    if (context_.outputs) context_.outputs->write(spec_, point);
    return;
  }
  std::string body;
  io::append_line(body, point);
  body += '\n';
  loopback_(point.database, point.retention_policy, std::move(body));
  count("points_written", 1);
}

void KapacitorLoopbackNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  if (!database_.empty()) point.database = database_;
  if (!retention_policy_.empty()) point.retention_policy = retention_policy_;
  if (!measurement_.empty()) point.name = measurement_;
  for (const auto& [key, value] : tags_) model::set_tag(point.tags, key, value);
  send(point);
}

void KapacitorLoopbackNode::on_batch(model::Batch&& batch, int /*port*/) {
  if (loopback_) {
    // One body for the whole batch: one log record instead of one per point.
    std::string body;
    for (auto& batch_point : batch.points) {
      model::Point point{batch.name,
                         database_,
                         retention_policy_,
                         std::move(batch_point.tags),
                         std::move(batch_point.fields),
                         batch_point.time};
      for (const auto& [key, value] : tags_) model::set_tag(point.tags, key, value);
      io::append_line(body, point);
      body += '\n';
    }
    loopback_(database_, retention_policy_, std::move(body));
    count("points_written", batch.points.size());
    return;
  }
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
