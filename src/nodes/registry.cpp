#include "nodes/registry.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "nodes/from.hpp"
#include "nodes/influxdb_out.hpp"
#include "nodes/node_kinds.hpp"

namespace farad::nodes {

namespace {

using Factory = std::unique_ptr<runtime::Node> (*)(const compile::NodeSpec&, runtime::TaskContext&);

template <typename T>
std::unique_ptr<runtime::Node> make(const compile::NodeSpec& spec, runtime::TaskContext& context) {
  return std::make_unique<T>(spec, context);
}

// One line per node type: catalogue name → runtime class.
const std::map<std::string_view, Factory>& factories() {
  static const std::map<std::string_view, Factory> table = {
      {"stream", make<PassThroughNode>},
      {"batch", make<PassThroughNode>},
      {"noOp", make<PassThroughNode>},
      {"from", make<FromNode>},
      {"influxDBOut", make<InfluxDBOutNode>},
  };
  return table;
}

}  // namespace

std::unique_ptr<runtime::Node> create_node(const compile::NodeSpec& spec,
                                           runtime::TaskContext& context) {
  const auto& table = factories();
  auto it = table.find(spec.type);
  if (it == table.end()) {
    throw std::runtime_error(fmt::format("{}: farad cannot run '{}' nodes yet", spec.name, spec.type));
  }
  return it->second(spec, context);
}

runtime::NodeFactory node_factory() { return create_node; }

}  // namespace farad::nodes
