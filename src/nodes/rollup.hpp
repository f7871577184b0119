#pragma once
// rollup (farad's own): one point per window holding a statistic of each of several fields, so
// a long rollup of many series keeps a few numbers per group and open window. It reads batches
// (a window) and emits a stream, as Kapacitor's InfluxQL aggregates do: name = the batch's name,
// tags = the group tags, time = the batch's time; fields in sorted order.
//
// For each field F, over the window's points that have F (output name A, `.as()`, default F):
// * default: A = Σ F / count, summed in arrival order in the type of the first value: the bits
//   of Kapacitor's mean('F') (a value of another type, a string or a bool is an error);
// * `.timeWeighted()`: A = Σ F_delta / (Σ elapsed / unit), from the companion fields the
//   counterRate node writes with `.details()` (F_delta unsigned, elapsed nanoseconds): the mean
//   rate weighted by interval length. A point with F and without them is an error;
// * `.counts()`: also A_count (values used), A_wraps and A_restarts (sums of F_wrap and
//   F_restart, absent counting 0).
// A point that fails for F still counts for the other fields. A field without values in the
// window is left out; a window without values for any field emits nothing, as mean does.
//
// Fused windows (window_fusion.hpp): a PointMessage is the next point of the group's open
// window and the next Batch closes it; buffered batches run through the same accumulators, so
// both give the same output.

#include <optional>

#include <boost/container/small_vector.hpp>
#include <string>
#include <vector>

#include "nodes/rollup_accumulator.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class RollupNode : public runtime::Node {
 public:
  RollupNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }
  bool takes_compact() const override { return true; }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_compact(model::CompactPoint& point, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  /// One input field, its companions and its output names, spelt once.
  struct FieldNames {
    std::string field;
    std::string delta;
    std::string wrap;
    std::string restart;
    std::string as;
    std::string as_count;
    std::string as_wraps;
    std::string as_restarts;
    // Ids in the task's FieldKeyTable, for compact points.
    uint16_t field_id = 0;
    uint16_t delta_id = 0;
    uint16_t wrap_id = 0;
    uint16_t restart_id = 0;
  };

  struct GroupState {
    bool known = false;  // a batch or barrier reached the group, as without fusion
    bool open = false;   // a fused window is being accumulated
    // One per FieldNames, inline for one or two (in and out): no pointer chase per point.
    boost::container::small_vector<RollupAccumulator, 2> fields;
  };

  GroupState& group(model::GroupKey key);
  /// The group's open fused window, started when there is none.
  GroupState& open_window(model::GroupKey key);
  void start_window(GroupState& state) const;
  /// Adds a point's fields (read through field_reader.hpp) to the group's accumulators.
  template <typename Reader>
  void add_point(GroupState& state, const Reader& fields);
  template <typename Reader>
  void add_field(RollupAccumulator& accumulator, const FieldNames& names, const Reader& fields);
  bool accepts_type(const RollupAccumulator& accumulator, model::FieldType type,
                    const FieldNames& names);
  /// A companion integer of `field`; when absent, 0 if `optional`, else an error (nullopt).
  template <typename Reader>
  std::optional<uint64_t> companion(const Reader& fields, const std::string& field,
                                    const std::string& name, uint16_t id, bool optional);
  void emit_window(const GroupState& state, const model::Batch& batch);

  std::vector<FieldNames> names_;
  std::string elapsed_ = "elapsed";
  uint16_t elapsed_id_ = 0;
  bool time_weighted_ = false;
  bool counts_ = false;
  int64_t unit_ = 1'000'000'000;
  runtime::GroupTable<GroupState> groups_;
};

}  // namespace farad::nodes
