#include "compile/dot.hpp"

#include <fmt/format.h>

namespace farad::compile {

std::string to_dot(const TaskSpec& task) {
  std::string out = fmt::format("digraph {} {{\n", task.name);
  for (int index : task.walk_order()) {
    const NodeSpec& node = task.nodes[static_cast<size_t>(index)];
    for (int child : node.children) {
      out += fmt::format("{} -> {};\n", node.name, task.nodes[static_cast<size_t>(child)].name);
    }
  }
  out += "}";
  return out;
}

}  // namespace farad::compile
