#pragma once
// where: keeps the points for which a lambda is true; an evaluation error drops the point and
// is logged. Batch points are filtered one by one; the batch itself always passes, even when
// empty. Stateful functions in the lambda count per group. Kapacitor's where.go.

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class WhereNode : public runtime::Node {
 public:
  WhereNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return states_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void forget_group(model::GroupKey group) override { states_.erase(group); }

 private:
  bool passes(const model::Fields& fields, const model::Tags& tags, int64_t time,
              expr::ExpressionState& state);

  expr::CompiledExpression expression_;
  runtime::GroupTable<expr::ExpressionState> states_;
};

}  // namespace farad::nodes
