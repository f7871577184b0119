#pragma once
// union: merges the data of several parents into one edge in time order. Kapacitor's union.go:
// every message (barriers included) is buffered per parent; once every parent has sent
// something, the messages at or before the smallest head time over the parents (a parent with
// an empty buffer counts with the time of its last message) are emitted, parent by parent.
// When the task stops the buffers are drained. `.rename()` renames points and batches.

#include <deque>
#include <string>
#include <vector>

#include "runtime/node.hpp"

namespace farad::nodes {

class UnionNode : public runtime::Node {
 public:
  UnionNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;

 private:
  // SetName recomputes the group id, which holds the name when grouped by measurement.
  model::GroupKey renamed_group(model::GroupKey group, const model::Tags& tags);
  void enqueue(runtime::Message&& message, int port);
  void emit_ready(bool drain);

  std::string rename_;
  std::vector<std::deque<runtime::Message>> buffers_;  // by parent
  std::vector<int64_t> low_marks_;                     // by parent; kNoTime until it sends
};

}  // namespace farad::nodes
