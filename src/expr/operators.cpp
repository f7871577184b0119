#include "expr/operators.hpp"

#include <array>

#include <fmt/format.h>

#include "expr/go_convert.hpp"
#include "expr/regex.hpp"

namespace farad::expr {
namespace {

using enum ValueType;
using Op = BinaryOperator;

struct Operation {
  Op op;
  ValueType left;
  ValueType right;
  ValueType result;
};

// Kapacitor's evaluationFuncs, one line per allowed (operator, left, right).
constexpr Operation kOperations[] = {
    {Op::And, Bool, Bool, Bool},
    {Op::Or, Bool, Bool, Bool},
    {Op::Equal, Bool, Bool, Bool},
    {Op::NotEqual, Bool, Bool, Bool},
    {Op::Equal, Float, Float, Bool},
    {Op::NotEqual, Float, Float, Bool},
    {Op::Less, Float, Float, Bool},
    {Op::Greater, Float, Float, Bool},
    {Op::LessEqual, Float, Float, Bool},
    {Op::GreaterEqual, Float, Float, Bool},
    {Op::Equal, Float, Int, Bool},
    {Op::NotEqual, Float, Int, Bool},
    {Op::Less, Float, Int, Bool},
    {Op::Greater, Float, Int, Bool},
    {Op::LessEqual, Float, Int, Bool},
    {Op::GreaterEqual, Float, Int, Bool},
    {Op::Equal, Int, Float, Bool},
    {Op::NotEqual, Int, Float, Bool},
    {Op::Less, Int, Float, Bool},
    {Op::Greater, Int, Float, Bool},
    {Op::LessEqual, Int, Float, Bool},
    {Op::GreaterEqual, Int, Float, Bool},
    {Op::Equal, Int, Int, Bool},
    {Op::NotEqual, Int, Int, Bool},
    {Op::Less, Int, Int, Bool},
    {Op::Greater, Int, Int, Bool},
    {Op::LessEqual, Int, Int, Bool},
    {Op::GreaterEqual, Int, Int, Bool},
    {Op::Equal, String, String, Bool},
    {Op::NotEqual, String, String, Bool},
    {Op::Less, String, String, Bool},
    {Op::Greater, String, String, Bool},
    {Op::LessEqual, String, String, Bool},
    {Op::GreaterEqual, String, String, Bool},
    {Op::RegexMatch, String, Regex, Bool},
    {Op::RegexNotMatch, String, Regex, Bool},
    {Op::Equal, Duration, Duration, Bool},
    {Op::NotEqual, Duration, Duration, Bool},
    {Op::Less, Duration, Duration, Bool},
    {Op::Greater, Duration, Duration, Bool},
    {Op::LessEqual, Duration, Duration, Bool},
    {Op::GreaterEqual, Duration, Duration, Bool},
    {Op::Plus, Float, Float, Float},
    {Op::Minus, Float, Float, Float},
    {Op::Multiply, Float, Float, Float},
    {Op::Divide, Float, Float, Float},
    {Op::Plus, Int, Int, Int},
    {Op::Minus, Int, Int, Int},
    {Op::Multiply, Int, Int, Int},
    {Op::Divide, Int, Int, Int},
    {Op::Modulo, Int, Int, Int},
    {Op::Plus, Duration, Duration, Duration},
    {Op::Minus, Duration, Duration, Duration},
    {Op::Multiply, Duration, Int, Duration},
    {Op::Multiply, Int, Duration, Duration},
    {Op::Multiply, Duration, Float, Duration},
    {Op::Multiply, Float, Duration, Duration},
    {Op::Divide, Duration, Int, Duration},
    {Op::Divide, Duration, Float, Duration},
    {Op::Divide, Duration, Duration, Int},
    {Op::Plus, String, String, String},
};

constexpr const char* kDivideByZero = "runtime error: integer divide by zero";

// Kapacitor's typeToBinaryOperators: the operators a type appears with, on either side.
bool type_has_operator(ValueType type, Op op) {
  for (const Operation& o : kOperations) {
    if (o.op == op && (o.left == type || o.right == type)) return true;
  }
  return false;
}

const char* operator_kind(Op op) {
  switch (op) {
    case Op::Plus:
    case Op::Minus:
    case Op::Multiply:
    case Op::Divide:
    case Op::Modulo:
      return "math";
    case Op::And:
    case Op::Or:
      return "logical";
    default:
      return "comparison";
  }
}

template <typename T>
bool compare(Op op, T left, T right) {
  switch (op) {
    case Op::Equal:
      return left == right;
    case Op::NotEqual:
      return left != right;
    case Op::Less:
      return left < right;
    case Op::Greater:
      return left > right;
    case Op::LessEqual:
      return left <= right;
    case Op::GreaterEqual:
      return left >= right;
    default:
      return false;
  }
}

// Go's int64 division and remainder: panics on zero; MinInt64 / -1 wraps to MinInt64.
bool divide(Op op, int64_t left, int64_t right, int64_t& out, BinaryFailure& failure) {
  if (right == 0) {
    failure.message = kDivideByZero;
    return false;
  }
  if (right == -1) {
    out = op == Op::Modulo ? 0 : go::wrap_neg(left);
    return true;
  }
  out = op == Op::Modulo ? left % right : left / right;
  return true;
}

bool integer_arithmetic(Op op, int64_t left, int64_t right, int64_t& out, BinaryFailure& failure) {
  switch (op) {
    case Op::Plus:
      out = go::wrap_add(left, right);
      return true;
    case Op::Minus:
      out = go::wrap_sub(left, right);
      return true;
    case Op::Multiply:
      out = go::wrap_mul(left, right);
      return true;
    default:
      return divide(op, left, right, out, failure);
  }
}

double float_arithmetic(Op op, double left, double right) {
  switch (op) {
    case Op::Plus:
      return left + right;
    case Op::Minus:
      return left - right;
    case Op::Multiply:
      return left * right;
    default:
      return left / right;
  }
}

bool duration_arithmetic(Op op, const Value& left, const Value& right, Value& out,
                         BinaryFailure& failure) {
  const ValueType lt = left.type();
  const ValueType rt = right.type();
  int64_t ns = 0;
  if (lt == Duration && rt == Duration) {
    if (op == Op::Divide) {
      if (!divide(op, left.as_int(), right.as_int(), ns, failure)) return false;
      out = Value::make_int(ns);
      return true;
    }
    ns = op == Op::Plus ? go::wrap_add(left.as_int(), right.as_int())
                        : go::wrap_sub(left.as_int(), right.as_int());
  } else if (lt == Float || rt == Float) {
    // time.Duration(float64(d) * f), and likewise for /.
    const double d = static_cast<double>(lt == Duration ? left.as_int() : right.as_int());
    const double f = lt == Float ? left.as_float() : right.as_float();
    ns = go::float_to_int64(op == Op::Divide ? d / f : (lt == Float ? f * d : d * f));
  } else if (op == Op::Divide) {
    if (!divide(op, left.as_int(), right.as_int(), ns, failure)) return false;
  } else {
    ns = go::wrap_mul(left.as_int(), right.as_int());
  }
  out = Value::make_duration(ns);
  return true;
}

}  // namespace

const char* operator_text(BinaryOperator op) {
  static constexpr std::array<const char*, 15> texts = {
      "+", "-", "*", "/", "%", "AND", "OR", "==", "!=", "<", ">", "<=", ">=", "=~", "!~"};
  return texts[static_cast<size_t>(op)];
}

bool parse_operator(std::string_view text, BinaryOperator& out) {
  for (size_t i = 0; i <= static_cast<size_t>(Op::RegexNotMatch); ++i) {
    if (text == operator_text(static_cast<Op>(i))) {
      out = static_cast<Op>(i);
      return true;
    }
  }
  return false;
}

bool is_comparison_or_logical(BinaryOperator op) {
  return op != Op::Plus && op != Op::Minus && op != Op::Multiply && op != Op::Divide &&
         op != Op::Modulo;
}

ValueType binary_result_type(BinaryOperator op, ValueType left, ValueType right) {
  for (const Operation& o : kOperations) {
    if (o.op == op && o.left == left && o.right == right) return o.result;
  }
  return Invalid;
}

std::string binary_type_error(BinaryOperator op, ValueType left, ValueType right) {
  // Kapacitor checks the left type's operators in both branches, so an operator the left type
  // has never blames the right type.
  if (left != Invalid && !type_has_operator(left, op)) {
    return fmt::format("invalid {} operator {} for type {}", operator_kind(op), operator_text(op),
                       type_name(left));
  }
  if (left == Invalid && right != Invalid) {
    return fmt::format("invalid {} operator {} for type {}", operator_kind(op), operator_text(op),
                       type_name(right));
  }
  return fmt::format(
      "mismatched type to binary operator. got {} {} {}. see bool(), int(), float(), string(), "
      "duration()",
      type_name(left), operator_text(op), type_name(right));
}

bool apply_binary(BinaryOperator op, const Value& left, const Value& right, Value& out,
                  BinaryFailure& failure) {
  const ValueType lt = left.type();
  const ValueType rt = right.type();
  if (is_comparison_or_logical(op)) {
    bool result = false;
    if (op == Op::RegexMatch || op == Op::RegexNotMatch) {
      result = right.as_regex().match(left.as_string()) == (op == Op::RegexMatch);
    } else if (lt == Bool) {
      result = compare(op, left.as_bool(), right.as_bool());
    } else if (lt == String) {
      result = compare(op, left.as_string(), right.as_string());
    } else if (lt == Float || rt == Float) {
      const double l = lt == Float ? left.as_float() : static_cast<double>(left.as_int());
      const double r = rt == Float ? right.as_float() : static_cast<double>(right.as_int());
      result = compare(op, l, r);
    } else {
      result = compare(op, left.as_int(), right.as_int());  // int or duration
    }
    out = Value::make_bool(result);
    return true;
  }
  if (lt == Duration || rt == Duration) return duration_arithmetic(op, left, right, out, failure);
  if (lt == String) {
    std::string joined(left.as_string());
    joined.append(right.as_string());
    out = Value::make_string(std::move(joined));
    return true;
  }
  if (lt == Float) {
    out = Value::make_float(float_arithmetic(op, left.as_float(), right.as_float()));
    return true;
  }
  int64_t result = 0;
  if (!integer_arithmetic(op, left.as_int(), right.as_int(), result, failure)) return false;
  out = Value::make_int(result);
  return true;
}

}  // namespace farad::expr
