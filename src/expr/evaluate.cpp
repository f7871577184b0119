// The evaluator mirrors Kapacitor's NodeEvaluator: `type_of` is its Type() (the type a node
// will produce for this point, found without evaluating anything), `eval_as` its
// EvalFloat/EvalInt/... (evaluate, asking for a given type). Kapacitor's messages depend on
// which of the two finds a problem first, so the split is kept; unlike Kapacitor, nothing is
// cached between points, so an error on one point cannot affect the next.

#include "expr/evaluate.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "expr/go_convert.hpp"
#include "expr/go_format.hpp"

namespace farad::expr {
namespace {

using Kind = ExprNode::Kind;
using enum ValueType;

// Kapacitor's Go type of the evaluator of a node, for its "expected ... got %T" messages.
const char* evaluator_type(const ExprNode& node) {
  switch (node.kind) {
    case Kind::Reference:
      return "*stateful.EvalReferenceNode";
    case Kind::Negate:
    case Kind::Not:
      return "*stateful.EvalUnaryNode";
    case Kind::Binary:
      return "*stateful.EvalBinaryNode";
    case Kind::Call:
      return "*stateful.EvalFunctionNode";
    case Kind::Literal:
      break;
  }
  switch (node.literal.type()) {
    case Float:
      return "*stateful.EvalFloatNode";
    case Int:
      return "*stateful.EvalIntNode";
    case String:
      return "*stateful.EvalStringNode";
    case Bool:
      return "*stateful.EvalBoolNode";
    case Regex:
      return "*stateful.EvalRegexNode";
    default:
      return "*stateful.EvalDurationNode";
  }
}

// The Go type of a binary operation's result as `%T` prints it (Kapacitor's
// resultContainer.value() knows only bool, int64 and float64).
const char* binary_result_go_type(const Value& value) {
  switch (value.type()) {
    case Bool:
      return "bool";
    case Int:
      return "int64";
    case Float:
      return "float64";
    default:
      return "<nil>";
  }
}

class Evaluator {
 public:
  Evaluator(const CompiledExpression& expression, const Scope& scope, ExpressionState& state)
      : expression_(expression), scope_(scope), state_(state) {}

  std::string error;
  bool panicked = false;

  // Kapacitor's fillScope: every referenced name resolved before anything is evaluated.
  bool fill_scope() {
    const auto& names = expression_.references();
    std::vector<Value>& slots = state_.workspace();
    slots.resize(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[i];
      if (name == "time") {
        slots[i] = Value::make_time(scope_.time());
        continue;
      }
      Value field = scope_.field(name);
      const auto tag = scope_.tag(name);
      if (!field.is_missing() && tag) {
        return fail(fmt::format("cannot have field and tags with same name {}", go::quote(name)));
      }
      if (!field.is_missing()) {
        slots[i] = std::move(field);
      } else if (tag) {
        slots[i] = Value::make_borrowed_string(*tag);
      } else {
        slots[i] = Value::make_missing();
      }
    }
    slots_ = slots.data();
    return true;
  }

  bool type_of(const ExprNode& node, ValueType& out) {
    switch (node.kind) {
      case Kind::Literal:
        out = node.literal.type();
        return true;
      case Kind::Reference:
        out = slots_[node.slot].type();
        return true;
      case Kind::Negate:
      case Kind::Not:
        if (node.constant_type != Invalid) {
          out = node.constant_type;
          return true;
        }
        return type_of(node.children[0], out);
      case Kind::Binary: {
        if (node.constant_type != Invalid) {
          out = node.constant_type;
          return true;
        }
        ValueType left = Invalid;
        ValueType right = Invalid;
        if (!type_of(node.children[0], left) || !type_of(node.children[1], right)) return false;
        out = binary_result_type(node.op, left, right);
        if (out == Invalid) return fail(binary_type_error(node.op, left, right));
        return true;
      }
      case Kind::Call:
        return call_type(node, out);
    }
    return false;
  }

  bool eval_as(const ExprNode& node, ValueType want, Value& out) {
    switch (node.kind) {
      case Kind::Literal:
        return literal_as(node, want, out);
      case Kind::Reference:
        return reference_as(node, want, out);
      case Kind::Negate:
      case Kind::Not:
        return unary_as(node, want, out);
      case Kind::Binary:
        return binary_as(node, want, out);
      case Kind::Call: {
        Value result;
        if (!call(node, result)) return false;
        if (result.type() != want) return type_guard(want, result.type());
        out = std::move(result);
        return true;
      }
    }
    return false;
  }

 private:
  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }

  bool type_guard(ValueType requested, ValueType actual) {
    return fail(fmt::format("TypeGuard: expression returned unexpected type {}, expected {}",
                            type_name(actual), type_name(requested)));
  }

  // Prefixes the current error unless it is a panic, which unwinds unannotated in Go.
  bool wrap(const std::string& prefix) {
    if (!panicked) error = prefix + error;
    return false;
  }

  bool literal_as(const ExprNode& node, ValueType want, Value& out) {
    const ValueType actual = node.literal.type();
    if (actual == want) {
      out = node.literal;
      return true;
    }
    // Kapacitor's float literal reports a float request when asked for an int.
    return type_guard(actual == Float && want == Int ? Float : want, actual);
  }

  bool reference_as(const ExprNode& node, ValueType want, Value& out) {
    const Value& value = slots_[node.slot];
    if (want == Missing) {
      if (!value.is_missing()) return type_guard(Missing, value.type());
      out = value;
      return fail(fmt::format("missing value: \"{}\"", node.name));
    }
    if (value.type() == want) {
      out = value;
      return true;
    }
    if (value.is_missing())
      return fail(fmt::format("reference \"{}\" is missing value", node.name));
    return type_guard(want, value.type());
  }

  bool unary_as(const ExprNode& node, ValueType want, Value& out) {
    const ExprNode& operand = node.children[0];
    ValueType type = Invalid;
    switch (want) {
      case Float:
      case Int:
      case Duration:
      case Bool:
        // Kapacitor picks the operation from the type alone: `-` of a bool negates it too.
        if (!type_of(node, type)) return false;
        if (type != want) return type_guard(want, type);
        if (!eval_as(operand, want, out)) return false;
        if (want == Float) out = Value::make_float(-out.as_float());
        if (want == Int) out = Value::make_int(go::wrap_neg(out.as_int()));
        if (want == Duration) out = Value::make_duration(go::wrap_neg(out.as_int()));
        if (want == Bool) out = Value::make_bool(!out.as_bool());
        return true;
      case Missing:
        if (operand.kind != Kind::Reference) {
          return fail(fmt::format("expected nodeEvaluator to be *EvalReferenceNode got {}",
                                  evaluator_type(operand)));
        }
        return fail(fmt::format("reference \"{}\" is missing value", operand.name));
      default:
        return type_guard(want, node.constant_type);
    }
  }

  bool binary_as(const ExprNode& node, ValueType want, Value& out) {
    if (want == Regex || want == Time || want == Missing) {
      return type_guard(want, node.constant_type);
    }
    Value result;
    if (!binary_value(node, result)) return false;
    if (result.type() == want) {
      out = std::move(result);
      return true;
    }
    if (want == Float) return type_guard(Float, result.type() == Int ? Int : node.constant_type);
    if (want == Int) return type_guard(Int, result.type() == Float ? Float : node.constant_type);
    return fail(
        fmt::format("expression returned unexpected type {}", binary_result_go_type(result)));
  }

  bool binary_value(const ExprNode& node, Value& out) {
    const ExprNode& left = node.children[0];
    const ExprNode& right = node.children[1];
    ValueType lt = left.constant_type;
    ValueType rt = right.constant_type;
    if (left.dynamic || right.dynamic) {
      if (!type_of(left, lt) || !type_of(right, rt)) return false;
    }
    if (binary_result_type(node.op, lt, rt) == Invalid) return operand_error(node);
    if (node.op == BinaryOperator::And || node.op == BinaryOperator::Or) {
      Value side;
      if (!eval_as(left, Bool, side)) return false;
      // Short circuit: the right side is not evaluated (stateful calls there do not advance).
      if (side.as_bool() == (node.op == BinaryOperator::Or)) {
        out = Value::make_bool(side.as_bool());
        return true;
      }
      if (!eval_as(right, Bool, side)) return false;
      out = Value::make_bool(side.as_bool());
      return true;
    }
    Value l;
    Value r;
    if (!eval_as(left, lt, l) || !eval_as(right, rt, r)) return false;
    BinaryFailure failure;
    if (apply_binary(node.op, l, r, out, failure)) return true;
    panicked = true;
    return fail(failure.message);
  }

  // Kapacitor's determineError: the most specific explanation of an operation the types
  // do not allow.
  bool operand_error(const ExprNode& node) {
    std::array<ValueType, 2> types{};
    static constexpr const char* side[] = {"left", "right"};
    for (size_t i = 0; i < 2; ++i) {
      const ExprNode& operand = node.children[i];
      if (!type_of(operand, types[i])) {
        return fail(fmt::format("can't get the type of the {} node: {}", side[i], error));
      }
      if (types[i] == Invalid) return fail(fmt::format("{} value is invalid value type", side[i]));
      if (types[i] == Missing) {
        if (operand.kind != Kind::Reference) {
          return fail(fmt::format("expected {}Evaluator to be *EvalReferenceNode got {}", side[i],
                                  evaluator_type(operand)));
        }
        return fail(
            fmt::format("{} reference value \"{}\" is missing value", side[i], operand.name));
      }
    }
    return fail(binary_type_error(node.op, types[0], types[1]));
  }

  bool call_type(const ExprNode& node, ValueType& out) {
    std::array<ValueType, kMaxArguments> types{};
    const size_t count = node.children.size();
    for (size_t i = 0; i < count; ++i) {
      if (!type_of(node.children[i], types[i])) {
        return wrap(fmt::format("Failed to handle {} argument: ", i + 1));
      }
    }
    const Function& function = *node.function;
    if (const Signature* s = find_signature(function, std::span(types.data(), count))) {
      out = s->result;
      return true;
    }
    std::vector<std::string> missing;
    std::string arguments;
    for (size_t i = 0; i < count; ++i) {
      const std::string text = node_text(node.children[i]);
      if (types[i] == Missing) missing.push_back(text);
      if (i > 0) arguments += ",";
      arguments += text + ": " + type_name(types[i]);
    }
    if (missing.empty()) {
      return fail(
          fmt::format("Cannot call function \"{}\" with args ({}), available signatures "
                      "are {}.",
                      function.name, arguments, signatures_text(function)));
    }
    // "values in scope" lists the expression's references less the missing arguments.
    std::vector<std::string> in_scope;
    for (const std::string& name : expression_.references()) in_scope.push_back("\"" + name + "\"");
    for (const std::string& m : missing) {
      const auto found = std::find(in_scope.begin(), in_scope.end(), m);
      if (found != in_scope.end()) in_scope.erase(found);
    }
    return fail(fmt::format(
        "Cannot call function \"{}\" {} {} {} missing, values in scope are [{}]", function.name,
        missing.size() > 1 ? "arguments" : "argument", fmt::join(missing, ", "),
        missing.size() > 1 ? "are" : "is", fmt::join(in_scope, ", ")));
  }

  // Kapacitor's eval() of a function argument: a missing reference is passed on as missing.
  bool eval_argument(const ExprNode& node, Value& out) {
    ValueType type = Invalid;
    if (!type_of(node, type)) return false;
    switch (type) {
      case Bool:
      case Int:
      case Float:
      case String:
      case Regex:
      case Time:
      case Duration:
        return eval_as(node, type, out);
      case Missing:
        if (eval_as(node, Missing, out)) return true;
        if (panicked || error.find("missing value") == std::string::npos) return false;
        error.clear();
        out = Value::make_missing();
        return true;
      default:
        return fail(
            fmt::format("function arg expression returned unexpected type {}", type_name(type)));
    }
  }

  bool call(const ExprNode& node, Value& out) {
    std::array<Value, kMaxArguments> arguments;
    const size_t count = node.children.size();
    for (size_t i = 0; i < count; ++i) {
      if (!eval_argument(node.children[i], arguments[i])) {
        return wrap(fmt::format("Failed to handle {} argument: ", i + 1));
      }
    }
    CallContext context{node.function->name, state_, scope_, {}, false};
    if (node.function->call(std::span<const Value>(arguments.data(), count), context, out)) {
      return true;
    }
    error = std::move(context.error);
    panicked = context.panicked;
    return wrap(fmt::format("error calling \"{}\": ", node.function->name));
  }

  const CompiledExpression& expression_;
  const Scope& scope_;
  ExpressionState& state_;
  const Value* slots_ = nullptr;
};

Evaluation finish(Evaluator& evaluator, Value value, bool ok) {
  Evaluation result;
  if (!ok) {
    result.error = std::move(evaluator.error);
    result.panicked = evaluator.panicked;
    return result;
  }
  value.own();
  result.value = std::move(value);
  return result;
}

}  // namespace

Evaluation evaluate(const CompiledExpression& expression, const Scope& scope,
                    ExpressionState& state) {
  Evaluator evaluator(expression, scope, state);
  Value value;
  ValueType type = Invalid;
  if (!evaluator.fill_scope() || !evaluator.type_of(expression.root(), type)) {
    return finish(evaluator, value, false);
  }
  switch (type) {
    case Int:
    case Float:
    case String:
    case Bool:
    case Duration:
    case Missing: {
      const bool ok = evaluator.eval_as(expression.root(), type, value);
      return finish(evaluator, std::move(value), ok);
    }
    default:
      evaluator.error = fmt::format("expression returned unexpected type {}", type_name(type));
      return finish(evaluator, value, false);
  }
}

Evaluation evaluate_predicate(const CompiledExpression& expression, const Scope& scope,
                              ExpressionState& state) {
  Evaluator evaluator(expression, scope, state);
  Value value;
  ValueType type = Invalid;
  const bool ok = evaluator.fill_scope() && evaluator.type_of(expression.root(), type) &&
                  evaluator.eval_as(expression.root(), Bool, value);
  return finish(evaluator, std::move(value), ok);
}

}  // namespace farad::expr
