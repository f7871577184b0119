#include "nodes/where.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "nodes/point_scope.hpp"

namespace farad::nodes {

WhereNode::WhereNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context),
      expression_(compile_lambda(*spec.args.at(0).lambda,
                                 "Failed to compile expression in where clause")) {}

bool WhereNode::passes(const model::Fields& fields, const model::Tags& tags, int64_t time,
                       expr::ExpressionState& state) {
  const PointScope scope(fields, tags, time);
  const expr::Evaluation result = expr::evaluate_predicate(expression_, scope, state);
  if (!result.ok()) {
    error(fmt::format("error while evaluating expression: {}", result.error));
    return false;
  }
  return result.value.as_bool();
}

void WhereNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  const model::Point& p = message.point;
  if (passes(p.fields, p.tags, p.time, states_[message.group])) emit_point(std::move(message));
}

void WhereNode::on_batch(model::Batch&& batch, int /*port*/) {
  expr::ExpressionState& state = states_[batch.group];
  std::erase_if(batch.points, [&](const model::BatchPoint& p) {
    return !passes(p.fields, p.tags, p.time, state);
  });
  emit_batch(std::move(batch));
}

void WhereNode::save(runtime::StateWriter& out) const {
  out.u64(states_.size());
  states_.for_each([&](model::GroupKey group, const expr::ExpressionState& state) {
    save_group(out, group);
    save_expression_state(out, state);
  });
}

void WhereNode::restore(runtime::StateReader& in) {
  states_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    const model::GroupKey group = restore_group(in);
    restore_expression_state(in, states_[group]);
  }
}

}  // namespace farad::nodes
