#pragma once
// counterRate (a farad extension): per-second (per-unit) rates of monotonic counters such as
// SNMP's ifHCInOctets, corrected for counter wraps, restarts and device reboots, as derivative
// cannot do. `|counterRate('ifHCInOctets', 'ifHCOutOctets')`, stream -> stream or batch -> batch.
//
// Per group and counter, consecutive samples (t1, v1), (t2, v2) give one rate stamped t2:
// counter_delta.hpp decides the delta (increase, wrap or restart) in uint64 arithmetic, and the
// rate is delta / ((t2 - t1) / unit). A stream emits a copy of the later point with each
// output field (`.as()`, default the counter's name) set to its rate; a point for which no
// counter gave a rate emits nothing. A batch keeps the points that gave a rate; the samples
// carry over from batch to batch.
//
// * A counter missing from a point keeps its previous sample: its next rate spans the point.
//   A counter that is not a non-negative integer (or integral float) is an error, ignored for
//   that point. A point with none of the counters is an error and is dropped.
// * A group's first sample of a counter gives no rate.
// * A point older than the group's previous point is dropped (`dropped_late`); one at the same
//   time is ignored (`equal_time`). With `.lateness(L)` a reorder buffer (reorder_buffer.hpp)
//   puts points back in time order first and drops (`dropped_late`) those later than L.
// * `.heartbeat(d)`: an interval longer than d gives no rate (`gaps`); the later sample becomes
//   the previous one.
// * `.uptime('sysUpTime')`: a reboot is an uptime advance that does not match the elapsed time
//   within `.uptimeSlack()`; the interval is then a restart. Both samples need the field.
// * `.ceiling(c)` or `.ceilingField(f)` x `.ceilingScale(s)` (from the later point; a field
//   that is absent, not a number or not positive falls back to `.ceiling()`): a wrap whose rate
//   is not below the ceiling is a restart. Without a ceiling every decrease is a wrap.
// * `.details()` adds per output name A: A_delta (unsigned), A_wrap, A_restart (0/1), and one
//   `elapsed` (int ns): the interval of the first counter, in argument order, that gave a rate.
//
// Counters (`farad run --stats`): wraps, restarts, gaps, dropped_late, equal_time.

#include <optional>

#include <boost/container/small_vector.hpp>
#include <string>
#include <vector>

#include "nodes/counter_delta.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"
#include "runtime/reorder_buffer.hpp"

namespace farad::nodes {

class CounterRateNode : public runtime::Node {
 public:
  /// Throws std::runtime_error on settings the compiler should have refused.
  CounterRateNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// Releases the points still held by the reorder buffer, in time order.
  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }
  /// Compact points carry the rates unless .details() needs more fields than they hold.
  bool takes_compact() const override { return !details_; }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_compact(model::CompactPoint& point, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  struct Counter {
    std::string field;
    std::string as;
    uint16_t field_id = 0;  // in the task's FieldKeyTable, for compact points
    uint16_t as_id = 0;
    int width = 64;
    // .details() field names, built once.
    std::string delta_field;
    std::string wrap_field;
    std::string restart_field;
  };

  /// The previous sample of one counter in one group.
  struct Sample {  // 32 bytes: the flags last, not padded each to 8
    uint64_t value = 0;
    int64_t time = 0;
    uint64_t uptime = 0;
    bool set = false;
    bool has_uptime = false;
  };

  struct GroupState {
    bool started = false;   // a point of the group has been accepted
    int64_t last_time = 0;  // time of the group's last accepted point
    // One per counter, inline for the usual one or two (in and out): a group's state is then one
    // contiguous record, which a stream of many series reads without a pointer chase.
    boost::container::small_vector<Sample, 2> samples;
  };

  /// One counter's result for the current point.
  struct Result {
    size_t counter;
    CounterDelta delta;
    int64_t elapsed;
  };

  /// Updates `state` with a point's fields; sets the rate fields and returns true when at least
  /// one counter gave a rate.
  bool apply(GroupState& state, model::Fields& fields, int64_t time);
  /// Updates `state` with a point's fields (Fields or a CompactPoint, read through
  /// counter_rate_fields.hpp) and fills results_; true when at least one counter gave a rate.
  template <typename Reader>
  bool compute(GroupState& state, const Reader& fields, int64_t time);
  template <typename Reader>
  std::optional<double> ceiling_of(const Reader& fields) const;
  template <typename Reader>
  std::optional<uint64_t> uptime_of(const Reader& fields) const;
  GroupState& group(model::GroupKey key);
  /// Writes results_ (the output fields, and the details) into `fields`.
  void set_results(model::Fields& fields) const;

  /// Runs a message that has left the reorder buffer (or needed none).
  void dispatch(runtime::Message&& message);
  void process_point(runtime::PointMessage&& message);
  void process_compact(model::CompactPoint& point);
  /// Runs what the reorder buffer releases (everything with `everything`).
  void release(bool everything);

  std::vector<Counter> counters_;
  int64_t unit_ = 1'000'000'000;
  std::optional<double> ceiling_;
  std::string ceiling_field_;
  uint16_t ceiling_field_id_ = 0;
  uint16_t uptime_field_id_ = 0;
  double ceiling_scale_ = 1.0;
  std::string uptime_field_;
  int64_t uptime_slack_ = 5'000'000'000;
  int64_t heartbeat_ = 0;
  bool details_ = false;
  std::optional<runtime::ReorderBuffer> buffer_;
  runtime::GroupTable<GroupState> groups_;
  // Per-point scratch, kept to avoid two allocations per point: (counter, value) read, results.
  std::vector<std::pair<size_t, uint64_t>> readings_;
  std::vector<Result> results_;
};

}  // namespace farad::nodes
