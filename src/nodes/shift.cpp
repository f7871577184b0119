#include "nodes/shift.hpp"

#include <stdexcept>

namespace farad::nodes {

ShiftNode::ShiftNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (!spec.args.empty()) shift_ = spec.args.front().integer;
  if (shift_ == 0) throw std::runtime_error("invalid shift value: must be non zero duration");
}

void ShiftNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  message.point.time += shift_;
  emit_point(std::move(message));
}

void ShiftNode::on_batch(model::Batch&& batch, int /*port*/) {
  batch.time += shift_;
  for (auto& point : batch.points) point.time += shift_;
  emit_batch(std::move(batch));
}

}  // namespace farad::nodes
