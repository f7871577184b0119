#pragma once
// A lambda expression compiled once per node spec into an immutable typed tree, evaluated per
// point by evaluate.hpp. The tree records what Kapacitor's `stateful.NewExpression` works out
// ahead of the data: each node's constant type (bool for every comparison, the literal's type,
// ...) and whether its type can change from point to point.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "expr/functions.hpp"
#include "expr/operators.hpp"
#include "expr/value.hpp"
#include "lang/ast.hpp"

namespace farad::expr {

/// One node of a compiled expression.
struct ExprNode {
  enum class Kind : uint8_t {
    Literal,    ///< `literal`
    Reference,  ///< `"name"`: `slot` indexes CompiledExpression::references()
    Negate,     ///< unary `-`: children = {operand}
    Not,        ///< unary `!`: children = {operand}
    Binary,     ///< `op`: children = {left, right}
    Call,       ///< `function`: children = arguments
  };

  Kind kind = Kind::Literal;
  BinaryOperator op = BinaryOperator::Plus;
  /// Kapacitor's constant type: the type known without data, or Invalid when it depends on
  /// data (references, calls, arithmetic on them).
  ValueType constant_type = ValueType::Invalid;
  /// Kapacitor's IsDynamic: the node's type is worked out per point.
  bool dynamic = false;
  uint32_t slot = 0;
  const Function* function = nullptr;
  uint32_t offset = 0;  ///< byte offset of the node (its operator) in the script
  Value literal;
  std::string name;  ///< Reference: the name; Literal regex: the literal as written
  std::vector<ExprNode> children;
};

/// An immutable compiled expression. Evaluating it needs a Scope and an ExpressionState.
class CompiledExpression {
 public:
  /// The root of the tree.
  const ExprNode& root() const { return root_; }
  /// The distinct names the expression references (`"time"` included), in order of first use.
  const std::vector<std::string>& references() const { return references_; }
  /// Whether the expression calls sigma(), count(), spread() or rand(), whose state is per
  /// group (ExpressionState).
  bool is_stateful() const { return stateful_; }
  /// The expression as Kapacitor prints it in messages (`"value" > 10`).
  std::string text() const;

 private:
  friend CompiledExpression compile_expression(const lang::Node& expression);

  ExprNode root_;
  std::vector<std::string> references_;
  bool stateful_ = false;
};

/// An expression Kapacitor rejects (or, for functions, would reject at every evaluation).
class CompileError : public std::runtime_error {
 public:
  CompileError(const std::string& message, uint32_t offset)
      : std::runtime_error(message), offset_(offset) {}
  /// Byte offset in the script of the node at fault.
  uint32_t offset() const { return offset_; }

 private:
  uint32_t offset_;
};

/// Compiles a lambda's expression (or the Lambda node itself). Throws CompileError with
/// Kapacitor's message for what Kapacitor detects when it creates the expression (`1 + 1.5`,
/// `TRUE < FALSE`, an Identifier left in the tree) and, earlier than Kapacitor, for calls that
/// can never succeed: an unknown function (`undefined function: "foo"`), an argument count no
/// signature has, or literal argument types no signature accepts.
CompiledExpression compile_expression(const lang::Node& expression);

/// Kapacitor's rendering of a node in messages: references quoted, strings and regexes as
/// their literal text, floats and durations as Go prints them, no parentheses.
std::string node_text(const ExprNode& node);

}  // namespace farad::expr
