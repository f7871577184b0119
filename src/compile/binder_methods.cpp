// Method calls on pipeline nodes and alert handlers: `|chain()`, `.property()`, `@udf()`.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compile/binder.hpp"
#include "compile/suggest.hpp"

namespace farad::compile {

using lang::FuncType;
using lang::Node;
using lang::NodeKind;

namespace {

/// Kapacitor matches a script name to a Go method by upper-casing only its first letter, so
/// `.Period()` is `.period()` and `.URL()` is `.uRL()`; the catalogue spells names with the
/// first letter in lower case.
bool same_method_name(std::string_view catalogue_name, std::string_view script_name) {
  if (catalogue_name.size() != script_name.size() || script_name.empty()) return false;
  const auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  return lower(catalogue_name[0]) == lower(script_name[0]) &&
         catalogue_name.substr(1) == script_name.substr(1);
}

const Method* find_method(std::span<const Method> methods, std::string_view name, MethodKind kind) {
  for (const auto& m : methods) {
    if (m.kind == kind && same_method_name(m.name, name)) return &m;
  }
  return nullptr;
}

/// Every method reachable from an object type, with the given kind, in lookup order: the type's
/// own, the chain methods every chainable node has, the methods of every node, then (for
/// handlers) the same for the alert node the handler belongs to.
const Method* lookup(const ObjectType& type, std::string_view name, MethodKind kind) {
  for (const ObjectType* t = &type; t != nullptr;
       t = t->fallback.empty() ? nullptr : find_object_type(t->fallback)) {
    if (auto m = find_method(t->methods, name, kind)) return m;
    if (!t->is_node) continue;
    if (t->chainable) {
      if (auto m = find_method(common_chain_methods(), name, kind)) return m;
    }
    if (auto m = find_method(universal_methods(), name, kind)) return m;
  }
  return nullptr;
}

bool has_any(const ObjectType& type, std::string_view name,
             std::initializer_list<MethodKind> kinds) {
  return std::any_of(kinds.begin(), kinds.end(),
                     [&](MethodKind k) { return lookup(type, name, k) != nullptr; });
}

std::vector<std::string_view> method_names(const ObjectType& type, bool chain) {
  std::vector<std::string_view> names;
  for (const ObjectType* t = &type; t != nullptr;
       t = t->fallback.empty() ? nullptr : find_object_type(t->fallback)) {
    auto add = [&](std::span<const Method> methods) {
      for (const auto& m : methods) {
        if ((m.kind == MethodKind::Chain) == chain) names.push_back(m.name);
      }
    };
    add(t->methods);
    if (t->is_node && t->chainable) add(common_chain_methods());
    if (t->is_node) add(universal_methods());
  }
  return names;
}

const char* arg_type_name(ArgType t) {
  switch (t) {
    case ArgType::Bool:
      return "bool";
    case ArgType::Int:
      return "int";
    case ArgType::Float:
      return "float";
    case ArgType::String:
      return "string";
    case ArgType::Duration:
      return "duration";
    case ArgType::Lambda:
      return "lambda";
    case ArgType::Regex:
      return "regex";
    case ArgType::Star:
      return "star";
    case ArgType::Node:
      return "node";
    case ArgType::IntOrDuration:
      return "int or duration";
    case ArgType::StringOrStar:
      return "string or star";
    case ArgType::Dimension:
      return "string, star or time()";
    case ArgType::Any:
      return "value";
  }
  return "value";
}

bool accepts(ArgType expected, ValueType actual) {
  switch (expected) {
    case ArgType::Bool:
      return actual == ValueType::Bool;
    case ArgType::Int:
      return actual == ValueType::Int;
    case ArgType::Float:
      return actual == ValueType::Float;
    case ArgType::String:
      return actual == ValueType::String;
    case ArgType::Duration:
      return actual == ValueType::Duration;
    case ArgType::Lambda:
      return actual == ValueType::Lambda;
    case ArgType::Regex:
      return actual == ValueType::Regex;
    case ArgType::Star:
      return actual == ValueType::Star;
    case ArgType::Node:
      return actual == ValueType::Node;
    case ArgType::IntOrDuration:
      return actual == ValueType::Int || actual == ValueType::Duration;
    case ArgType::StringOrStar:
      return actual == ValueType::String || actual == ValueType::Star;
    case ArgType::Dimension:
      return actual == ValueType::String || actual == ValueType::Star ||
             actual == ValueType::TimeDimension;
    case ArgType::Any:
      return actual != ValueType::Invalid && actual != ValueType::Handler &&
             actual != ValueType::Reference;
  }
  return false;
}

/// How to write a value of the wrong type so that it has the expected one.
std::string type_hint(ArgType expected, const Value& actual) {
  if (expected == ArgType::Lambda) {
    return actual.type == ValueType::Reference
               ? "field references are only evaluated inside a lambda: write lambda: ..."
               : "write the expression as lambda: ...";
  }
  if (actual.type == ValueType::Reference) {
    return "did you use double quotes instead of single quotes? strings are written 'like this'";
  }
  if (expected == ArgType::Float && actual.type == ValueType::Int) {
    return fmt::format("write {}.0: an int is not accepted where a float is expected",
                       actual.integer);
  }
  if (expected == ArgType::Duration &&
      (actual.type == ValueType::Int || actual.type == ValueType::Float)) {
    return "a duration needs a unit, e.g. 10s, 5m, 1h";
  }
  if (expected == ArgType::Int && actual.type == ValueType::Float) {
    return "write an integer without a decimal point";
  }
  if (expected == ArgType::String && actual.type == ValueType::Node) {
    return "a node cannot be used here; strings are written 'like this'";
  }
  return {};
}

}  // namespace

const ObjectType& Binder::receiver_type(const Value& receiver) const {
  const NodeSpec& node = task_.nodes[static_cast<size_t>(receiver.node)];
  if (receiver.type == ValueType::Handler) {
    return *find_object_type(node.handlers[static_cast<size_t>(receiver.handler)].type);
  }
  return *node.object_type;
}

std::vector<Value> Binder::eval_arguments(const Node& call) {
  std::vector<Value> args;
  for (const auto& arg : call.children) args.push_back(eval(*arg));
  // Kapacitor spreads a single list argument into the argument list: groupBy(tagsVar).
  if (args.size() == 1 && args.front().type == ValueType::List) {
    std::vector<Value> items = args.front().items;
    return items;
  }
  return args;
}

bool Binder::check_arguments(const Method& method, const Node& call, std::vector<Value>& args) {
  if (std::any_of(args.begin(), args.end(),
                  [](const Value& v) { return v.type == ValueType::Invalid; })) {
    return false;  // already reported
  }
  const Signature& sig = method.signature;
  const size_t fixed = sig.count;
  const bool count_ok = sig.has_variadic ? args.size() >= fixed : args.size() == fixed;
  if (!count_ok) {
    std::vector<std::string> expected;
    for (size_t i = 0; i < fixed; ++i) expected.push_back(arg_type_name(sig.params[i]));
    if (sig.has_variadic) expected.push_back(fmt::format("{}...", arg_type_name(sig.variadic)));
    error(call.span.begin,
          fmt::format("wrong number of arguments to '{}': expected {}{}, got {}", method.name,
                      sig.has_variadic ? "at least " : "", fixed, args.size()),
          fmt::format("{}({})", method.name, fmt::join(expected, ", ")));
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < args.size(); ++i) {
    const ArgType expected = i < fixed ? sig.params[i] : sig.variadic;
    if (accepts(expected, args[i].type)) continue;
    const Node& at = i < call.children.size() ? *call.children[i] : call;
    if (args[i].type == ValueType::Reference && expected == ArgType::String) {
      error_at(at,
               fmt::format("cannot assign reference \"{}\" to type string, did you use double "
                           "quotes instead of single quotes?",
                           args[i].text),
               fmt::format("write '{}'", args[i].text));
    } else {
      error_at(at,
               fmt::format("argument {} of '{}' must be {}, got {}", i + 1, method.name,
                           arg_type_name(expected), type_name(args[i].type)),
               type_hint(expected, args[i]));
    }
    ok = false;
  }
  return ok;
}

Value Binder::eval_chain(const Node& chain) {
  const Value receiver = eval(*chain.children[0]);
  const Node& right = *chain.children[1];
  if (receiver.type == ValueType::Invalid) return {};
  if (receiver.type != ValueType::Node && receiver.type != ValueType::Handler) {
    error(chain.op_offset,
          fmt::format("cannot use '{}' on a {} value: only pipeline nodes have methods", chain.text,
                      type_name(receiver.type)));
    return {};
  }
  if (right.kind == NodeKind::Identifier) return read_property(receiver, right);
  switch (right.func_type) {
    case FuncType::Chain:
      return call_chain_method(receiver, right);
    case FuncType::Property:
      return call_property(receiver, right);
    case FuncType::Dynamic:
      return call_udf(receiver, right);
    case FuncType::Global:
      break;
  }
  error_at(right, fmt::format("unexpected call of '{}'", right.text));
  return {};
}

Value Binder::call_chain_method(const Value& receiver, const Node& call) {
  const ObjectType& type = receiver_type(receiver);
  const Method* method = lookup(type, call.text, MethodKind::Chain);
  if (!method) {
    if (has_any(type, call.text, {MethodKind::Property, MethodKind::Handler})) {
      error_at(call,
               fmt::format("no chaining method \"{}\" on {}, but property does exist", call.text,
                           type.name),
               fmt::format("use '.' operator instead: 'node.{}(..)'", call.text));
    } else {
      const std::string guess = closest_name(call.text, method_names(type, true));
      error_at(call, fmt::format("no chaining method \"{}\" on {}", call.text, type.name),
               guess.empty() ? "" : fmt::format("did you mean '|{}'?", guess));
    }
    return {};
  }
  std::vector<Value> args = eval_arguments(call);
  // A chain method called on a handler chains from the handler's alert node.
  Value parent = receiver;
  parent.type = ValueType::Node;
  parent.handler = -1;
  if (!check_arguments(*method, call, args)) {
    if (method->name == "deadman") return {};
    // Create the node anyway (without its arguments) so that the rest of the chain is checked
    // too; its own whole-node rules are skipped to avoid follow-on errors.
    Value node = create_node(parent, *method, call, {});
    if (node.type == ValueType::Node) invalid_nodes_.insert(node.node);
    return node;
  }
  return create_node(parent, *method, call, std::move(args));
}

Value Binder::call_property(const Value& receiver, const Node& call) {
  const ObjectType& type = receiver_type(receiver);
  if (type.name == "udf" && receiver.type == ValueType::Node) {
    // UDF options are declared by the UDF process, not by farad: any option is recorded as given.
    std::vector<Value> args;
    for (const auto& arg : call.children) args.push_back(eval(*arg));
    task_.nodes[static_cast<size_t>(receiver.node)].properties.push_back(
        {call.text, std::move(args), call.span});
    return receiver;
  }
  const Method* method = nullptr;
  const ObjectType* owner = &type;
  // Handler properties first, then the alert node's (reachable through the handler).
  for (const ObjectType* t = &type; t && !method;
       t = t->fallback.empty() ? nullptr : find_object_type(t->fallback)) {
    method = find_method(t->methods, call.text, MethodKind::Property);
    if (!method) method = find_method(t->methods, call.text, MethodKind::Handler);
    if (!method && t->is_node)
      method = find_method(universal_methods(), call.text, MethodKind::Property);
    owner = t;
  }
  if (!method) {
    if (has_any(type, call.text, {MethodKind::Chain})) {
      error_at(call,
               fmt::format("no property method \"{}\" on {}, but chaining method does exist",
                           call.text, type.name),
               fmt::format("use '|' operator instead: 'node|{}(..)'", call.text));
      // What follows belongs to the node the script meant to create: not checkable here.
      return {};
    }
    const std::string guess = closest_name(call.text, method_names(type, false));
    error_at(call, fmt::format("no method or property \"{}\" on {}", call.text, type.name),
             guess.empty() ? "" : fmt::format("did you mean '.{}'?", guess));
    // The rest of the chain is still checked: every error is reported, not only the first.
    return receiver;
  }
  std::vector<Value> args = eval_arguments(call);
  if (!check_arguments(*method, call, args)) {
    return method->kind == MethodKind::Handler ? Value{} : receiver;
  }
  NodeSpec& node = task_.nodes[static_cast<size_t>(receiver.node)];
  if (method->kind == MethodKind::Handler) {
    node.handlers.push_back({std::string(method->target), std::move(args), {}, call.span});
    Value handler = receiver;
    handler.type = ValueType::Handler;
    handler.handler = static_cast<int>(node.handlers.size() - 1);
    return handler;
  }
  PropertySetting setting{std::string(method->name), std::move(args), call.span};
  if (receiver.type == ValueType::Handler && !owner->is_node) {
    node.handlers[static_cast<size_t>(receiver.handler)].properties.push_back(std::move(setting));
    return receiver;
  }
  node.properties.push_back(std::move(setting));
  // A node property reached through a handler returns the node (Go's promoted method).
  Value result = receiver;
  result.type = ValueType::Node;
  result.handler = -1;
  return result;
}

Value Binder::read_property(const Value& receiver, const Node& identifier) {
  const NodeSpec& node = task_.nodes[static_cast<size_t>(receiver.node)];
  if (const Value* value = node.property(identifier.text)) return *value;
  if (receiver.type == ValueType::Node &&
      lookup(*node.object_type, identifier.text, MethodKind::Property)) {
    error_at(identifier, fmt::format("property \"{}\" of {} has not been set and cannot be read",
                                     identifier.text, node.name));
    return {};
  }
  error_at(identifier, fmt::format("object {} has no property {}", node.name, identifier.text));
  return {};
}

Value Binder::call_udf(const Value& receiver, const Node& call) {
  const ObjectType& type = receiver_type(receiver);
  if (!type.is_node || !type.chainable) {
    error_at(call, fmt::format("cannot call UDF '@{}' on {}", call.text, type.name));
    return {};
  }
  const ObjectType* udf = find_object_type("udf");
  // add_node may grow the node vector: read what we need from the parent first.
  const EdgeType parent_edge = task_.nodes[static_cast<size_t>(receiver.node)].provides;
  const int index = add_node(*udf, {receiver.node}, call.span);
  NodeSpec& node = task_.nodes[static_cast<size_t>(index)];
  node.udf = call.text;
  node.wants = parent_edge;
  node.provides = parent_edge;
  for (const auto& arg : call.children) node.args.push_back(eval(*arg));
  Value v;
  v.type = ValueType::Node;
  v.node = index;
  return v;
}

}  // namespace farad::compile
