#pragma once
// stateDuration and stateCount: per group, how long (in `unit`s, as a float) or for how many
// consecutive points a lambda has been true, stored in the field `as`; -1 when it is false.
// The state restarts with every batch. A lambda error drops the point (logged). Kapacitor's
// state_tracking.go, one class for both node types as there.

#include <cstdint>
#include <string>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class StateTrackingNode : public runtime::Node {
 public:
  StateTrackingNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void forget_group(model::GroupKey group) override { groups_.erase(group); }

 private:
  struct Tracker {
    expr::ExpressionState expression;
    bool in_state = false;  // stateDuration: start is set
    int64_t start = 0;      // stateDuration: time the state began
    int64_t count = 0;      // stateCount: points in the state

    void reset() {
      in_state = false;
      start = 0;
      count = 0;
    }
  };

  Tracker& tracker(model::GroupKey group);
  /// Adds the `as` field to the point; false (the point is dropped) on a lambda error.
  bool track(model::Fields& fields, const model::Tags& tags, int64_t time, Tracker& tracker);

  bool duration_ = false;  // stateDuration, else stateCount
  std::string as_;
  int64_t unit_ = 1'000'000'000;
  expr::CompiledExpression expression_;
  runtime::GroupTable<Tracker> groups_;
};

}  // namespace farad::nodes
