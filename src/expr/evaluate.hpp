#pragma once
// Evaluating a compiled expression against one point: Kapacitor's `Expression.Eval` (eval
// node) and `EvalPredicate` (where, alert levels, stateCount, ...), with the same results and
// the same error messages.

#include <string>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "expr/scope.hpp"
#include "expr/value.hpp"

namespace farad::expr {

/// The outcome of one evaluation: a value, or Kapacitor's error message.
struct Evaluation {
  Value value;        ///< the result when ok(); never borrows from the scope
  std::string error;  ///< empty on success
  /// Kapacitor would have panicked rather than returned an error (integer division by zero,
  /// strSubstring with start > stop). Inside eval() Kapacitor recovers and reports the
  /// message; inside a predicate the panic stops the task.
  bool panicked = false;

  bool ok() const { return error.empty(); }
};

/// Kapacitor's `Expression.Eval`: the value of the expression, which must be a float, int,
/// string, bool or duration (`expression returned unexpected type time` otherwise). The
/// state's stateful functions advance.
Evaluation evaluate(const CompiledExpression& expression, const Scope& scope,
                    ExpressionState& state);

/// Kapacitor's `EvalPredicate`: the expression's type is checked, then it is evaluated as a
/// bool (`value` is a Bool on success).
Evaluation evaluate_predicate(const CompiledExpression& expression, const Scope& scope,
                              ExpressionState& state);

}  // namespace farad::expr
