#pragma once
// The binary operators of lambdas: Kapacitor's table of allowed operand types
// (`evaluationFuncs` in tick/stateful/evaluation_funcs.go), their results with Go's integer and
// float semantics, and the type-error messages Kapacitor derives from that table.

#include <cstdint>
#include <string>

#include "expr/value.hpp"

namespace farad::expr {

/// A binary operator, in Kapacitor's token order.
enum class BinaryOperator : uint8_t {
  Plus,
  Minus,
  Multiply,
  Divide,
  Modulo,
  And,
  Or,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  RegexMatch,
  RegexNotMatch,
};

/// The operator as written: `+`, `AND`, `=~`, ...
const char* operator_text(BinaryOperator op);

/// The operator written as `text`; false when `text` is not a binary operator.
bool parse_operator(std::string_view text, BinaryOperator& out);

/// Comparisons and logical operators always give a bool, whatever the operands.
bool is_comparison_or_logical(BinaryOperator op);

/// The type of `left op right`, or Invalid when Kapacitor has no such operation
/// (no implicit int/float conversion: `1 + 1.5` is an error; comparisons may mix them).
ValueType binary_result_type(BinaryOperator op, ValueType left, ValueType right);

/// Kapacitor's message for an operation the table lacks, from the operand types alone:
/// `invalid math operator % for type float`, or `mismatched type to binary operator. got
/// int * float. see bool(), int(), float(), string(), duration()`.
std::string binary_type_error(BinaryOperator op, ValueType left, ValueType right);

/// The outcome of apply_binary when it fails: Go panics on integer division by zero.
struct BinaryFailure {
  std::string message;
};

/// `left op right` for operand types the table allows (AND and OR excepted: they
/// short-circuit in the evaluator). Integer arithmetic wraps, int / int truncates, float
/// arithmetic is IEEE. Returns false and sets `failure` on integer division by zero.
bool apply_binary(BinaryOperator op, const Value& left, const Value& right, Value& out,
                  BinaryFailure& failure);

}  // namespace farad::expr
