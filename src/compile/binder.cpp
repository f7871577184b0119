#include "compile/binder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compile/constant_eval.hpp"
#include "compile/suggest.hpp"
#include "expr/regex.hpp"

namespace farad::compile {

using lang::Node;
using lang::NodeKind;

Binder::Binder(const lang::Source& source, const CompileOptions& options)
    : source_(source), options_(options) {}

void Binder::error(uint32_t offset, std::string message, std::string hint) {
  diagnostics_.push_back(lang::make_diagnostic(lang::Phase::Compile, source_, offset,
                                               std::move(message), std::move(hint)));
}

void Binder::error_at(const Node& node, std::string message, std::string hint) {
  error(node.span.begin, std::move(message), std::move(hint));
}

TaskSpec Binder::bind(const lang::Program& program) {
  std::optional<uint32_t> conflict;
  const auto inferred = infer_task_type(program, conflict);
  if (conflict) {
    mixed_task_ = true;
    error(*conflict, "invalid task type: the script uses both stream and batch",
          "a task is either a stream task or a batch task");
  }
  task_.name = options_.task_name;
  task_.type = inferred.value_or(options_.type.value_or(TaskType::Stream));

  // Kapacitor predefines exactly one source var: `stream` or `batch`.
  const ObjectType* source_type =
      find_object_type(task_.type == TaskType::Stream ? "stream" : "batch");
  const int source = add_node(*source_type, {}, {});
  task_.nodes[static_cast<size_t>(source)].provides =
      task_.type == TaskType::Stream ? EdgeType::Stream : EdgeType::Batch;
  task_.sources.push_back(source);
  Value source_value;
  source_value.type = ValueType::Node;
  source_value.node = source;
  const std::string source_name = task_type_name(task_.type);
  scope_[source_name] = source_value;
  scope_order_.push_back(source_name);

  for (const auto& statement : program.statements) bind_statement(*statement);
  check_dbrps();
  validate_nodes();
  check_does_something();
  return std::move(task_);
}

void Binder::bind_statement(const Node& statement) {
  switch (statement.kind) {
    case NodeKind::Dbrp:
      task_.dbrps.push_back({statement.text, statement.text2});
      dbrp_offsets_.push_back(statement.span.begin);
      return;
    case NodeKind::Declaration:
      bind_declaration(statement);
      return;
    case NodeKind::TypeDeclaration:
      bind_type_declaration(statement);
      return;
    default:
      eval(statement);
      return;
  }
}

namespace {

std::string description_of(const Node& node) {
  std::string out;
  for (const auto& line : node.comment) {
    if (!out.empty()) out += '\n';
    std::string_view text = line;
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    out += text;
  }
  return out;
}

bool is_var_type(ValueType t) {
  switch (t) {
    case ValueType::Bool:
    case ValueType::Int:
    case ValueType::Float:
    case ValueType::String:
    case ValueType::Duration:
    case ValueType::Regex:
    case ValueType::Lambda:
    case ValueType::Star:
    case ValueType::List:
      return true;
    default:
      return false;
  }
}

std::optional<ValueType> var_type_named(std::string_view name) {
  static constexpr std::pair<std::string_view, ValueType> kTypes[] = {
      {"int", ValueType::Int},       {"float", ValueType::Float}, {"bool", ValueType::Bool},
      {"string", ValueType::String}, {"regex", ValueType::Regex}, {"duration", ValueType::Duration},
      {"lambda", ValueType::Lambda}, {"list", ValueType::List},   {"star", ValueType::Star},
  };
  for (const auto& [type_name_text, type] : kTypes) {
    if (type_name_text == name) return type;
  }
  return std::nullopt;
}

Value zero_value(ValueType type) {
  Value v;
  v.type = type;
  if (type == ValueType::Lambda) {
    auto literal = std::make_shared<Node>();
    literal->kind = NodeKind::Bool;
    v.lambda = literal;
  }
  return v;
}

}  // namespace

void Binder::bind_declaration(const Node& declaration) {
  const std::string& name = declaration.text;
  Value value = eval(*declaration.children.front());
  if (scope_.count(name)) {
    error(declaration.op_offset, fmt::format("attempted to redefine {}, vars are immutable", name));
    return;
  }
  if (is_var_type(value.type)) {
    if (auto supplied = options_.vars.find(name); supplied != options_.vars.end()) {
      if (supplied->second.type != value.type) {
        error(declaration.op_offset,
              fmt::format("invalid type supplied for {}, got {} exp {}", name,
                          type_name(supplied->second.type), type_name(value.type)));
      } else {
        value = supplied->second;
      }
    }
    task_.vars.push_back({name, value.type, value, description_of(declaration), false});
  }
  scope_[name] = value;
  scope_order_.push_back(name);
}

void Binder::bind_type_declaration(const Node& declaration) {
  const std::string& name = declaration.text;
  const auto type = var_type_named(declaration.text2);
  if (!type) {
    // The type name follows the var name: point at it.
    const size_t type_at =
        source_.text().find(declaration.text2, declaration.op_offset + name.size());
    error(type_at == std::string::npos ? declaration.span.begin : static_cast<uint32_t>(type_at),
          fmt::format("invalid var type \"{}\"", declaration.text2),
          "var types are int, float, bool, string, regex, duration, lambda, list and star");
    return;
  }
  if (scope_.count(name)) {
    error(declaration.op_offset, fmt::format("attempted to redefine {}, vars are immutable", name));
    return;
  }
  Value value;
  if (auto supplied = options_.vars.find(name); supplied != options_.vars.end()) {
    if (supplied->second.type != *type) {
      error(declaration.op_offset, fmt::format("invalid type supplied for {}, got {} exp {}", name,
                                               type_name(supplied->second.type), type_name(*type)));
      value = zero_value(*type);
    } else {
      value = supplied->second;
    }
  } else if (options_.template_mode) {
    value = zero_value(*type);
  } else {
    error(declaration.op_offset, fmt::format("missing value for var \"{}\"", name),
          "supply it in a vars file: --vars FILE with {\"" + name + "\": {\"type\": \"" +
              declaration.text2 + "\", \"value\": ...}}");
    value.type = ValueType::Invalid;
  }
  task_.vars.push_back({name, *type, value, description_of(declaration), true});
  scope_[name] = value;
  scope_order_.push_back(name);
}

Value Binder::eval(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
      return node.is_float ? Value::make_float(node.float_value) : Value::make_int(node.int_value);
    case NodeKind::Duration:
      return Value::make_duration(node.duration_ns);
    case NodeKind::String:
      return Value::make_string(node.text);
    case NodeKind::Bool:
      return Value::make_bool(node.bool_value);
    case NodeKind::Regex:
      check_regex(node);
      return Value::make_regex(node.text);
    case NodeKind::Star:
      return Value::make_star();
    case NodeKind::Reference: {
      Value v;
      v.type = ValueType::Reference;
      v.text = node.text;
      return v;
    }
    case NodeKind::Identifier:
      return eval_identifier(node);
    case NodeKind::List: {
      Value list;
      list.type = ValueType::List;
      for (const auto& item : node.children) list.items.push_back(eval(*item));
      return list;
    }
    case NodeKind::Unary: {
      std::string message;
      Value v = evaluate_unary(node.text, eval(*node.children.front()), message);
      if (!message.empty()) error(node.op_offset, message);
      return v;
    }
    case NodeKind::Binary: {
      const Value left = eval(*node.children[0]);
      const Value right = eval(*node.children[1]);
      if (left.type == ValueType::Reference || right.type == ValueType::Reference) {
        // A field reference outside a lambda: the expression is kept as a reference so that
        // the call it is passed to can say a lambda was expected.
        Value v;
        v.type = ValueType::Reference;
        v.text = left.type == ValueType::Reference ? left.text : right.text;
        return v;
      }
      std::string message;
      Value v = evaluate_binary(node.text, left, right, message);
      if (!message.empty()) error(node.op_offset, message);
      return v;
    }
    case NodeKind::Lambda:
      return eval_lambda(node);
    case NodeKind::Function:
      return eval_global_function(node);
    case NodeKind::Chain:
      return eval_chain(node);
    case NodeKind::Declaration:
    case NodeKind::TypeDeclaration:
    case NodeKind::Dbrp:
      error_at(node, fmt::format("a {} is only allowed as a statement", kind_name(node.kind)));
      return {};
  }
  return {};
}

Value Binder::eval_identifier(const Node& identifier) {
  if (auto it = scope_.find(identifier.text); it != scope_.end()) return it->second;
  std::vector<std::string_view> names(scope_order_.begin(), scope_order_.end());
  const std::string guess = closest_name(identifier.text, names);
  std::string hint;
  if (!guess.empty()) hint = fmt::format("did you mean '{}'?", guess);
  if (mixed_task_ && (identifier.text == "stream" || identifier.text == "batch")) {
    return {};  // already reported as an invalid task type
  }
  if (identifier.text == "stream" || identifier.text == "batch") {
    hint = fmt::format("this is a {} task: only '{}' is defined", task_type_name(task_.type),
                       task_type_name(task_.type));
  }
  error_at(identifier,
           fmt::format("name \"{}\" is undefined. Names in scope: {}", identifier.text,
                       fmt::join(scope_order_, ", ")),
           hint);
  return {};
}

Value Binder::eval_global_function(const Node& function) {
  if (function.func_type != lang::FuncType::Global) {
    error_at(function, fmt::format("'{}' must be called on a node", function.text));
    return {};
  }
  if (function.text != "time") {
    error_at(function, fmt::format("no global function \"{}\" defined", function.text),
             "the only global function is time(duration[, offset])");
    return {};
  }
  std::vector<Value> args;
  for (const auto& arg : function.children) args.push_back(eval(*arg));
  const bool ok = (args.size() == 1 || args.size() == 2) &&
                  std::all_of(args.begin(), args.end(),
                              [](const Value& v) { return v.type == ValueType::Duration; });
  if (!ok) {
    error_at(function, "time() takes a duration and an optional offset duration",
             "e.g. time(10s) or time(1h, 30m)");
    return {};
  }
  Value dimension;
  dimension.type = ValueType::TimeDimension;
  dimension.integer = args[0].integer;
  dimension.offset = args.size() == 2 ? args[1].integer : 0;
  return dimension;
}

Value Binder::eval_lambda(const Node& lambda) {
  bool ok = true;
  lang::NodePtr expression = inline_vars(*lambda.children.front(), ok);
  if (!ok) return {};
  Value v;
  v.type = ValueType::Lambda;
  v.lambda = std::shared_ptr<const Node>(std::move(expression));
  return v;
}

namespace {

/// A var's value as a literal node inside a lambda (Kapacitor's ValueToLiteralNode).
lang::NodePtr literal_node(const Value& value, const Node& at, bool& ok) {
  if (value.type == ValueType::Lambda) return lang::clone(*value.lambda);
  auto literal = std::make_unique<Node>();
  literal->span = at.span;
  switch (value.type) {
    case ValueType::Bool:
      literal->kind = NodeKind::Bool;
      literal->bool_value = value.boolean;
      break;
    case ValueType::Int:
      literal->kind = NodeKind::Number;
      literal->int_value = value.integer;
      literal->text = std::to_string(value.integer);
      break;
    case ValueType::Float:
      literal->kind = NodeKind::Number;
      literal->is_float = true;
      literal->float_value = value.number;
      literal->text = to_tick(value);
      break;
    case ValueType::Duration:
      literal->kind = NodeKind::Duration;
      literal->duration_ns = value.integer;
      literal->text = format_duration(value.integer);
      break;
    case ValueType::String:
      literal->kind = NodeKind::String;
      literal->text = value.text;
      break;
    case ValueType::Regex:
      literal->kind = NodeKind::Regex;
      literal->text = value.text;
      break;
    case ValueType::Star:
      literal->kind = NodeKind::Star;
      break;
    case ValueType::List:
      literal->kind = NodeKind::List;
      for (const auto& item : value.items) literal->children.push_back(literal_node(item, at, ok));
      break;
    default:
      ok = false;
      break;
  }
  return literal;
}

}  // namespace

void Binder::check_regex(const Node& regex) {
  // Kapacitor compiles regex literals with Go's regexp (RE2 syntax) while parsing.
  std::string message;
  if (!expr::Regex::compile(regex.text, message)) {
    error_at(regex, fmt::format("invalid regex /{}/: {}", regex.text, message),
             "regexes use RE2 syntax (no lookaround, no backreferences)");
  }
}

lang::NodePtr Binder::inline_vars(const Node& expression, bool& ok) {
  if (expression.kind == NodeKind::Regex) check_regex(expression);
  if (expression.kind == NodeKind::Identifier) {
    const Value value = eval_identifier(expression);
    if (value.type == ValueType::Invalid) {
      ok = false;
      return lang::clone(expression);
    }
    auto literal = literal_node(value, expression, ok);
    if (!ok) {
      error_at(expression,
               fmt::format("cannot use {} \"{}\" inside a lambda", type_name(value.type),
                           expression.text),
               "lambdas can use vars holding bool, int, float, duration, string, regex, lambda, "
               "star or list values");
    }
    if (literal->kind != NodeKind::Identifier)
      literal->parens = literal->parens || expression.parens;
    return literal;
  }
  auto copy = std::make_unique<Node>();
  *copy = Node{expression.kind,        expression.span,
               expression.op_offset,   expression.comment,
               expression.text,        expression.text2,
               expression.int_value,   expression.float_value,
               expression.duration_ns, expression.is_float,
               expression.bool_value,  expression.triple_quoted,
               expression.parens,      expression.multi_line,
               expression.func_type,   {}};
  for (const auto& child : expression.children) copy->children.push_back(inline_vars(*child, ok));
  return copy;
}

std::optional<TaskType> infer_task_type(const lang::Program& program,
                                        std::optional<uint32_t>& conflict) {
  std::optional<TaskType> type;
  conflict.reset();
  for (const auto& statement : program.statements) {
    const Node* node = nullptr;
    if (statement->kind == NodeKind::Declaration) node = statement->children.front().get();
    if (statement->kind == NodeKind::Chain) node = statement.get();
    if (!node) continue;
    while (node->kind == NodeKind::Chain) node = node->children.front().get();
    if (node->kind != NodeKind::Identifier) continue;
    std::optional<TaskType> found;
    if (node->text == "stream") found = TaskType::Stream;
    if (node->text == "batch") found = TaskType::Batch;
    if (!found) continue;
    if (type && *type != *found && !conflict) conflict = node->span.begin;
    if (!type) type = found;
  }
  return type;
}

}  // namespace farad::compile
