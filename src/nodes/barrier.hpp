#pragma once
// barrier: emits Barrier messages so that nodes downstream (windows) can close a group's data
// when the group goes quiet, and with `.delete(TRUE)` a DeleteGroup after each barrier.
//
// Kapacitor drives both modes by the wall clock; farad runs on data time, so a barrier is
// emitted when data shows that the clock would have fired:
// * `idle(d)`: a message arriving more than d after the group's previous one is preceded by a
//   Barrier stamped previous + d (Kapacitor's stamp), and, as Kapacitor's timer fires again
//   every further d of silence, one more per d crossed before the message (not with delete:
//   the group is gone after its first barrier).
// * `period(d)`: a message that crosses a multiple of d (Go's Truncate) since the group's
//   previous one is preceded by a Barrier stamped with that multiple (Kapacitor stamps the
//   wall-clock time of its ticker).
// Data older than the group's last barrier is dropped, as in Kapacitor. Nothing is emitted
// when the input ends. Kapacitor's barrier.go.

#include <cstdint>

#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class BarrierNode : public runtime::Node {
 public:
  /// Throws unless exactly one of idle and period is positive.
  BarrierNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void forget_group(model::GroupKey group) override { groups_.erase(group); }

 private:
  struct GroupState {
    int64_t last_time = 0;     ///< time of the group's latest message
    bool has_barrier = false;  ///< a barrier has been emitted or passed on
    int64_t barrier_time = 0;  ///< the latest barrier's time
  };

  /// Emits the barrier (and deletion) data arriving at `time` shows to be due, then returns
  /// the group's state (created if new or deleted), or nullptr when data at `time` is older
  /// than the last barrier and must be dropped.
  GroupState* arrive(model::GroupKey group, int64_t time);

  int64_t idle_ = 0;
  int64_t period_ = 0;
  bool delete_ = false;
  runtime::GroupTable<GroupState> groups_;
};

}  // namespace farad::nodes
