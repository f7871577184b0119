#pragma once
// eval: computes new values from lambdas, in order, each result visible to the later lambdas
// by its `as` name. Without `.keep()` the point keeps only the results (less those stored as
// tags); `.keep()` keeps every old field as well; `.keep('a', ...)` keeps exactly the named
// values. `.tags(...)` stores string results as tags. Any error drops the point (logged unless
// `.quiet()`). Stateful functions count per group. Kapacitor's eval.go.

#include <string>
#include <utility>
#include <vector>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "expr/value.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class EvalNode : public runtime::Node {
 public:
  EvalNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return states_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void forget_group(model::GroupKey group) override { states_.erase(group); }

 private:
  /// Kapacitor's scope of one evaluation: name → value, in order of first use.
  using Vars = std::vector<std::pair<std::string, expr::Value>>;

  std::vector<expr::ExpressionState>& group_states(model::GroupKey group);
  /// Evaluates the lambdas over one point and replaces its fields and tags; false (the point
  /// is dropped) on error.
  bool apply(model::Fields& fields, model::Tags& tags, int64_t time,
             std::vector<expr::ExpressionState>& states);
  bool fail(std::string_view message);
  void fill_vars(const expr::CompiledExpression& expression, const model::Fields& fields,
                 const model::Tags& tags, int64_t time);
  void set_var(std::string_view name, expr::Value value);
  const expr::Value* var(std::string_view name) const;

  std::vector<expr::CompiledExpression> expressions_;
  std::vector<std::string> as_;
  std::vector<std::string> tags_;
  bool keep_ = false;
  std::vector<std::string> keep_list_;
  bool quiet_ = false;
  runtime::GroupTable<std::vector<expr::ExpressionState>> states_;
  Vars vars_;  // reused between points
};

}  // namespace farad::nodes
