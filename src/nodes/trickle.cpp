#include "nodes/trickle.hpp"

namespace farad::nodes {

void TrickleNode::on_batch(model::Batch&& batch, int /*port*/) {
  const model::Dimensions& dims = context_.interner.dimensions(batch.group);
  for (auto& batch_point : batch.points) {
    runtime::PointMessage message;
    message.point.name = batch.name;
    message.point.tags = std::move(batch_point.tags);
    message.point.fields = std::move(batch_point.fields);
    message.point.time = batch_point.time;
    // Kapacitor computes the group id from the point's own tags under the batch dimensions.
    message.group = context_.interner.intern(message.point, dims);
    emit_point(std::move(message));
  }
}

}  // namespace farad::nodes
