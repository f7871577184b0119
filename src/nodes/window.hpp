#pragma once
// window: groups stream points into batches, by time or by count (Kapacitor's window.go).
// One window per group, created by the group's first message (a barrier names it "barrier").
//
// Time windows (`period`, `every`, `align`, `fillPeriod`), every > 0: the first boundary is
// t0 + every (truncated to `every` from Go's zero time with align), or t0 + period with
// fillPeriod (aligned: truncated, plus `every` unless after t0 + period). A point (or barrier)
// at or after the boundary N emits the buffered points of [N - period, N) as a batch stamped N
// and sets the next boundary from its own time: time + every (truncated with align), so gaps
// produce no empty windows. The point is buffered after that. Purging only trims the front of
// the arrival-ordered buffer, so an out-of-order point behind a kept one stays. (Kapacitor's
// ring buffer may also drop such a point, depending on where its storage wraps: not copied.)
// every == 0: each point is buffered first, then (once at or after the first boundary) the
// window (time - period, time] is emitted stamped with the point's time.
// Barriers drive emission like points but are not forwarded.
//
// Count windows (`periodCount`, `everyCount`): the last periodCount points, emitted after every
// everyCount points (the first time after periodCount with fillPeriod), stamped with the newest
// point's time; barriers are forwarded.
//
// Batches: name = the group's first point's name, tags = group tags, each point with its own
// fields and tags. Windows that never overlap run fused (window_fusion.hpp): no buffer.
//
// farad extensions, time windows only: `.lateness(L)` puts a reorder buffer in front of all of
// the above (reorder_buffer.hpp; points later than L are dropped and counted `dropped_late`),
// and `.stampStart()` stamps each batch (and fused close) with its window's start, boundary -
// period, as InfluxQL's GROUP BY time() does, instead of its end.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "runtime/group_table.hpp"
#include "runtime/node.hpp"
#include "runtime/reorder_buffer.hpp"

namespace farad::nodes {

/// A window's points in arrival order. Dropping from the front is amortised O(1), and an empty
/// buffer allocates nothing (fused windows have one per group and never use it).
class WindowBuffer {
 public:
  void push(model::BatchPoint point) { points_.push_back(std::move(point)); }
  bool empty() const { return head_ == points_.size(); }
  size_t size() const { return points_.size() - head_; }
  const model::BatchPoint& front() const { return points_[head_]; }
  void pop_front();
  std::vector<model::BatchPoint>::const_iterator begin() const {
    return points_.begin() + static_cast<std::ptrdiff_t>(head_);
  }
  std::vector<model::BatchPoint>::const_iterator end() const { return points_.end(); }

 private:
  std::vector<model::BatchPoint> points_;
  size_t head_ = 0;
};

class WindowNode : public runtime::Node {
 public:
  /// Throws std::runtime_error when neither period nor periodCount is set.
  WindowNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// Whether this window sends its children points and closes instead of batches.
  bool fused() const { return fused_; }

  /// Releases what the reorder buffer holds; with `flush`, each group's pending window is
  /// emitted if it holds points.
  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }
  /// A fused window passes compact points on as they are.
  bool takes_compact() const override { return fused_; }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_compact(model::CompactPoint& point, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  struct GroupState {
    std::string name;
    int64_t next_emit = 0;  // time windows: the boundary; count windows: the point count
    int64_t count = 0;      // count windows: points seen
    int64_t last_time = 0;  // count windows: time of the newest point
    bool started = false;   // fused time windows: a point of the open window has arrived
    WindowBuffer points;    // unfused: the buffer
  };

  /// Runs a message that has left the reorder buffer (or needed none).
  void dispatch(runtime::Message&& message);
  /// Runs what the reorder buffer releases (everything with `everything`).
  void release(bool everything);
  void process_point(runtime::PointMessage&& message);
  void process_compact(model::CompactPoint& point);
  void process_barrier(const runtime::BarrierMessage& barrier);
  void process_delete(const runtime::DeleteGroupMessage& message);
  /// The time a window ending at `boundary` is stamped with.
  int64_t stamp(int64_t boundary) const { return stamp_start_ ? boundary - period_ : boundary; }
  GroupState& group(model::GroupKey key, std::string_view name, int64_t time);
  int64_t next_boundary(int64_t time) const;
  void time_point(GroupState& state, runtime::PointMessage&& message);
  /// Time windows, every > 0: closes the open window when `time` is at or past its boundary.
  void close_passed_window(GroupState& state, model::GroupKey key, int64_t time);
  /// Fused time windows: whether a point at `time` belongs to the open window.
  static bool fused_takes(GroupState& state, int64_t time, int64_t period);
  /// Count windows: emits the window when the group's count reaches its end.
  void end_count_window(GroupState& state, model::GroupKey key);
  void time_barrier(GroupState& state, model::GroupKey key, int64_t time);
  void count_point(GroupState& state, runtime::PointMessage&& message);
  void emit_window(GroupState& state, model::GroupKey key, int64_t time);
  void emit_close(const GroupState& state, model::GroupKey key, int64_t time);
  void emit_fused_point(runtime::PointMessage&& message);
  void emit_fused_compact(model::CompactPoint& point);
  static void purge(GroupState& state, int64_t oldest, bool inclusive);

  int64_t period_ = 0;
  int64_t every_ = 0;
  bool align_ = false;
  bool fill_period_ = false;
  int64_t period_count_ = 0;
  int64_t every_count_ = 0;
  bool by_count_ = false;
  bool fused_ = false;
  bool stamp_start_ = false;
  std::optional<runtime::ReorderBuffer> buffer_;
  runtime::GroupTable<GroupState> groups_;
};

}  // namespace farad::nodes
