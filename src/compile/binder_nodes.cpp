// Creating pipeline nodes: ids and names as Kapacitor assigns them, edges and their types.
#include <fmt/format.h>

#include "compile/binder.hpp"

namespace farad::compile {

using lang::Node;

int Binder::add_node(const ObjectType& type, std::vector<int> parents, lang::Span span) {
  NodeSpec node;
  node.type = std::string(type.name);
  node.object_type = &type;
  node.span = span;
  node.wants = type.wants_any ? EdgeType::None : type.wants;
  const int index = static_cast<int>(task_.nodes.size());
  task_.nodes.push_back(std::move(node));
  if (parents.empty()) {
    // A source (stream, batch, stats) gets its id when it is added.
    task_.nodes.back().id = next_id_++;
  }
  for (int parent : parents) link(parent, index);
  NodeSpec& added = task_.nodes[static_cast<size_t>(index)];
  added.name = fmt::format("{}{}", type.desc, added.id);
  return index;
}

void Binder::link(int parent, int child) {
  // Kapacitor assigns an id on every link: a join of three parents takes three ids and keeps
  // the last one. Node names derive from it, so we reproduce the count.
  NodeSpec& c = task_.nodes[static_cast<size_t>(child)];
  c.id = next_id_++;
  c.name = fmt::format("{}{}", c.object_type->desc, c.id);
  c.parents.push_back(parent);
  task_.nodes[static_cast<size_t>(parent)].children.push_back(child);
}

namespace {

EdgeType provided(const ObjectType& type, EdgeType parent) {
  switch (type.provides) {
    case Provides::None:
      return EdgeType::None;
    case Provides::Stream:
      return EdgeType::Stream;
    case Provides::Batch:
      return EdgeType::Batch;
    case Provides::SameAsParent:
      return parent;
  }
  return parent;
}

}  // namespace

Value Binder::create_node(const Value& parent_value, const Method& method, const Node& call,
                          std::vector<Value> args) {
  const int parent = parent_value.node;
  if (method.name == "deadman") return expand_deadman(parent, call, args);

  const ObjectType* type = find_object_type(method.target);
  if (!type) {
    error_at(call, fmt::format("internal: unknown node type '{}'", method.target));
    return {};
  }
  const EdgeType parent_edge = task_.nodes[static_cast<size_t>(parent)].provides;
  if (!type->wants_any && type->wants != parent_edge) {
    const std::string& parent_name = task_.nodes[static_cast<size_t>(parent)].name;
    error_at(call,
             fmt::format("'{}' needs a {} edge but {} provides {}", call.text,
                         edge_name(type->wants), parent_name, edge_name(parent_edge)),
             type->wants == EdgeType::Stream && parent_edge == EdgeType::Batch
                 ? "batch data is already windowed; use |trickle() to turn batches into points"
                 : "");
    return {};
  }

  std::vector<int> parents{parent};
  std::vector<Value> node_args;
  const bool joins = method.name == "join" || method.name == "union";
  for (auto& arg : args) {
    if (joins && arg.type == ValueType::Node) {
      parents.push_back(arg.node);
    } else {
      node_args.push_back(std::move(arg));
    }
  }
  int index;
  if (method.name == "union") {
    // Kapacitor links the other parents first, then the receiver: one id per link.
    std::vector<int> order(parents.begin() + 1, parents.end());
    order.push_back(parent);
    index = add_node(*type, order, call.span);
  } else if (method.name == "stats") {
    index = add_node(*type, {}, call.span);
    task_.sources.push_back(index);
    if (task_.nodes[static_cast<size_t>(parent)].children.empty()) {
      // Kapacitor gives a leaf node a no-op child so that it has somewhere to send its data.
      const int noop = add_node(*find_object_type("noOp"), {parent}, call.span);
      task_.nodes[static_cast<size_t>(noop)].wants = parent_edge;
      task_.nodes[static_cast<size_t>(noop)].provides = parent_edge;
    }
    task_.nodes[static_cast<size_t>(index)].args = node_args;
    task_.nodes[static_cast<size_t>(index)].observed = parent;
    task_.nodes[static_cast<size_t>(index)].provides = EdgeType::Stream;
    task_.nodes[static_cast<size_t>(index)].wants = EdgeType::None;
    Value v;
    v.type = ValueType::Node;
    v.node = index;
    return v;
  } else {
    index = add_node(*type, parents, call.span);
  }
  NodeSpec& node = task_.nodes[static_cast<size_t>(index)];
  node.args = std::move(node_args);
  if (type->wants_any) node.wants = parent_edge;
  node.provides = provided(*type, parent_edge);
  Value v;
  v.type = ValueType::Node;
  v.node = index;
  return v;
}

}  // namespace farad::compile

namespace farad::compile {

namespace {

lang::NodePtr make_node(lang::NodeKind kind, std::string text = {}) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->text = std::move(text);
  return node;
}

}  // namespace

Value Binder::expand_deadman(int parent, const Node& call, const std::vector<Value>& args) {
  // deadman(threshold, interval, lambdas...) is Kapacitor's shorthand for
  // |stats(interval).align() |derivative('emitted').unit(interval).nonNegative() |alert().crit(...)
  const Value& threshold = args[0];
  const Value& interval = args[1];
  auto method_named = [](std::string_view name) -> const Method& {
    for (const auto& m : universal_methods()) {
      if (m.name == name) return m;
    }
    for (const auto& m : common_chain_methods()) {
      if (m.name == name) return m;
    }
    throw std::logic_error("catalogue lacks " + std::string(name));
  };
  Value observed;
  observed.type = ValueType::Node;
  observed.node = parent;
  const Value stats = create_node(observed, method_named("stats"), call, {interval});
  task_.nodes[static_cast<size_t>(stats.node)].properties.push_back({"align", {}, call.span});
  const Value derivative =
      create_node(stats, method_named("derivative"), call, {Value::make_string("emitted")});
  NodeSpec& d = task_.nodes[static_cast<size_t>(derivative.node)];
  d.properties.push_back({"unit", {interval}, call.span});
  d.properties.push_back({"nonNegative", {}, call.span});
  const Value alert = create_node(derivative, method_named("alert"), call, {});

  auto crit = make_node(lang::NodeKind::Binary, "<=");
  crit->children.push_back(make_node(lang::NodeKind::Reference, "emitted"));
  auto number = make_node(lang::NodeKind::Number, to_tick(threshold));
  number->is_float = true;
  number->float_value = threshold.number;
  crit->children.push_back(std::move(number));
  for (size_t i = 2; i < args.size(); ++i) {
    auto both = make_node(lang::NodeKind::Binary, "AND");
    both->children.push_back(std::move(crit));
    both->children.push_back(lang::clone(*args[i].lambda));
    crit = std::move(both);
  }
  Value lambda;
  lambda.type = ValueType::Lambda;
  lambda.lambda = std::shared_ptr<const Node>(std::move(crit));
  NodeSpec& a = task_.nodes[static_cast<size_t>(alert.node)];
  const std::string& observed_name = task_.nodes[static_cast<size_t>(parent)].name;
  a.properties.push_back({"crit", {lambda}, call.span});
  a.properties.push_back(
      {"id",
       {Value::make_string(fmt::format("node '{}' in task '{{{{ .TaskName }}}}'", observed_name))},
       call.span});
  a.properties.push_back(
      {"message",
       {Value::make_string(fmt::format(
           "{{{{ .ID }}}} is {{{{ if eq .Level \"OK\" }}}}alive{{{{ else }}}}dead{{{{ end }}}}: "
           "{{{{ index .Fields \"emitted\" | printf \"%0.3f\" }}}} points/{}.",
           format_duration(interval.integer)))},
       call.span});
  return alert;
}

}  // namespace farad::compile
