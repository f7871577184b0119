#pragma once
// shift(d): moves points, and batches with all their points, by d in time. Barriers keep
// their time. Kapacitor's shift.go.

#include "runtime/node.hpp"

namespace farad::nodes {

class ShiftNode : public runtime::Node {
 public:
  /// Throws when d is 0, as Kapacitor refuses to start such a task.
  ShiftNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  int64_t shift_ = 0;
};

}  // namespace farad::nodes
