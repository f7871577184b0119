#include "compile/constant_eval.hpp"

#include <fmt/format.h>

#include <cmath>

#include "expr/regex.hpp"

namespace farad::compile {

namespace {

template <typename T>
Value compare(const std::string& op, T a, T b) {
  if (op == "==") return Value::make_bool(a == b);
  if (op == "!=") return Value::make_bool(a != b);
  if (op == "<") return Value::make_bool(a < b);
  if (op == "<=") return Value::make_bool(a <= b);
  if (op == ">") return Value::make_bool(a > b);
  if (op == ">=") return Value::make_bool(a >= b);
  return {};
}

bool is_comparison(const std::string& op) {
  return op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
}

Value ints(const std::string& op, int64_t a, int64_t b, std::string& error) {
  if (is_comparison(op)) return compare(op, a, b);
  if (op == "+") return Value::make_int(a + b);
  if (op == "-") return Value::make_int(a - b);
  if (op == "*") return Value::make_int(a * b);
  if ((op == "/" || op == "%") && b == 0) {
    error = "integer division by zero";
    return {};
  }
  if (op == "/") return Value::make_int(a / b);
  if (op == "%") return Value::make_int(a % b);
  return {};
}

Value floats(const std::string& op, double a, double b) {
  if (is_comparison(op)) return compare(op, a, b);
  if (op == "+") return Value::make_float(a + b);
  if (op == "-") return Value::make_float(a - b);
  if (op == "*") return Value::make_float(a * b);
  if (op == "/") return Value::make_float(a / b);
  return {};
}

Value durations(const std::string& op, const Value& l, const Value& r, std::string& error) {
  const bool ld = l.type == ValueType::Duration;
  const bool rd = r.type == ValueType::Duration;
  if (ld && rd) {
    if (is_comparison(op)) return compare(op, l.integer, r.integer);
    if (op == "+") return Value::make_duration(l.integer + r.integer);
    if (op == "-") return Value::make_duration(l.integer - r.integer);
    if (op == "/") {
      if (r.integer == 0) {
        error = "division by a zero duration";
        return {};
      }
      return Value::make_int(l.integer / r.integer);
    }
    return {};
  }
  const Value& d = ld ? l : r;
  const Value& n = ld ? r : l;
  auto scaled = [&](double factor) { return Value::make_duration(std::llround(factor)); };
  if (op == "*") {
    return n.type == ValueType::Int ? Value::make_duration(d.integer * n.integer)
                                    : scaled(static_cast<double>(d.integer) * n.number);
  }
  if (op == "/" && ld) {
    if (n.type == ValueType::Int) {
      if (n.integer == 0) {
        error = "division of a duration by zero";
        return {};
      }
      return Value::make_duration(d.integer / n.integer);
    }
    return scaled(static_cast<double>(d.integer) / n.number);
  }
  return {};
}

bool is_number(ValueType t) {
  return t == ValueType::Int || t == ValueType::Float;
}

}  // namespace

Value evaluate_binary(const std::string& op, const Value& left, const Value& right,
                      std::string& error) {
  if (left.type == ValueType::Invalid || right.type == ValueType::Invalid) return {};
  Value result;
  const ValueType lt = left.type;
  const ValueType rt = right.type;
  if (lt == ValueType::Int && rt == ValueType::Int) {
    result = ints(op, left.integer, right.integer, error);
  } else if (lt == ValueType::Float && rt == ValueType::Float) {
    result = floats(op, left.number, right.number);
  } else if (is_number(lt) && is_number(rt) && is_comparison(op)) {
    const double a = lt == ValueType::Int ? static_cast<double>(left.integer) : left.number;
    const double b = rt == ValueType::Int ? static_cast<double>(right.integer) : right.number;
    result = compare(op, a, b);
  } else if (lt == ValueType::String && rt == ValueType::String) {
    result =
        op == "+" ? Value::make_string(left.text + right.text) : compare(op, left.text, right.text);
  } else if (lt == ValueType::String && rt == ValueType::Regex && (op == "=~" || op == "!~")) {
    std::string message;
    const auto regex = expr::Regex::compile(right.text, message);
    if (!regex) {
      error = fmt::format("invalid regex /{}/: {}", right.text, message);
      return {};
    }
    const bool match = regex->match(left.text);
    result = Value::make_bool(op == "=~" ? match : !match);
  } else if (lt == ValueType::Bool && rt == ValueType::Bool) {
    if (op == "AND") result = Value::make_bool(left.boolean && right.boolean);
    if (op == "OR") result = Value::make_bool(left.boolean || right.boolean);
    if (op == "==") result = Value::make_bool(left.boolean == right.boolean);
    if (op == "!=") result = Value::make_bool(left.boolean != right.boolean);
  } else if ((lt == ValueType::Duration && (rt == ValueType::Duration || is_number(rt))) ||
             (is_number(lt) && rt == ValueType::Duration)) {
    result = durations(op, left, right, error);
  }
  if (result.type == ValueType::Invalid && error.empty()) {
    error = fmt::format(
        "mismatched type to binary operator. got {} {} {}. see bool(), int(), float(), "
        "string(), duration()",
        type_name(lt), op, type_name(rt));
  }
  return result;
}

Value evaluate_unary(const std::string& op, const Value& operand, std::string& error) {
  if (operand.type == ValueType::Invalid) return {};
  if (op == "-") {
    if (operand.type == ValueType::Int) return Value::make_int(-operand.integer);
    if (operand.type == ValueType::Float) return Value::make_float(-operand.number);
    if (operand.type == ValueType::Duration) return Value::make_duration(-operand.integer);
  }
  if (op == "!" && operand.type == ValueType::Bool) return Value::make_bool(!operand.boolean);
  error = fmt::format("invalid argument to '{}': {}", op, type_name(operand.type));
  return {};
}

}  // namespace farad::compile
