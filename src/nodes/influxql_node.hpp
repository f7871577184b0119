#pragma once
// The InfluxQL function nodes (count, mean, ..., top, holtWinters, difference, ...): one class,
// parameterised by the function, as Kapacitor's influxql.go InfluxQLNode. The reducers live in
// influxql_reducer*.cpp; this class does what Kapacitor's node does around them:
//
// * batch input: one reduction per batch and group; the reducer is created from the type of the
//   first point that has the field (a later point of another type is an error and is skipped);
//   output name = the name the group had when it was created, time = batch time (point times
//   with .usePointTimes(), holtWinters always); an empty batch gives a result only for count and
//   sum (0).
// * stream input: points of a group with the same time accumulate; the result is emitted when a
//   point with another time arrives (stamped with the accumulated time).
// * transformations (difference, elapsed, movingAverage, cumulativeSum): a result per point.
//
// Fused windows (window.hpp): on a batch edge a PointMessage is a point of the window being
// accumulated, as if it were the next point of an open batch, and the next Batch closes that
// batch (its name and time are the window's). The window sends them only when every child is a
// decomposable aggregate, so the result is exactly that of the buffered batch.

#include <memory>
#include <string>

#include "nodes/influxql_reducer.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class InfluxQLNode : public runtime::Node {
 public:
  /// Throws std::runtime_error for arguments that would make Kapacitor panic (a zero count).
  InfluxQLNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// With `flush`, stream input emits the accumulation of each group's last timestamp.
  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  /// Kapacitor's influxqlGroup: its baseReduceContext (name, time) and reduceContext.
  struct GroupState {
    bool named = false;  // false until a batch names a group a fused point created
    std::string name;
    int64_t time = 0;
    std::unique_ptr<influxql::Reducer> reducer;
    model::FieldType type = model::FieldType::Float;  // the reducer's input type
    uint64_t batch_size = 0;
    bool open = false;  // a fused window batch is being accumulated

    void save(runtime::StateWriter& out) const;
    void restore(runtime::StateReader& in, const influxql::FunctionArgs& args);
  };

  GroupState& group(model::GroupKey key, std::string_view name, int64_t time, bool named);
  bool realize(GroupState& state, const model::Fields& fields);
  void aggregate(GroupState& state, const model::Fields& fields, const model::Tags& tags,
                 int64_t time, std::string_view context);
  void batch_point(GroupState& state, const model::BatchPoint& point);
  void end_batch(GroupState& state, model::GroupKey key);
  void transform_batch(model::Batch&& batch);
  void transform_point(runtime::PointMessage&& message);
  void stream_point(runtime::PointMessage&& message);
  void emit_result(GroupState& state, model::GroupKey key);
  int64_t result_time(const GroupState& state, int64_t point_time) const;

  influxql::FunctionArgs args_;
  const influxql::FunctionTraits* traits_;
  std::string field_;
  std::string as_;
  bool point_times_ = false;
  bool batch_input_ = false;
  runtime::GroupTable<GroupState> groups_;
};

}  // namespace farad::nodes
