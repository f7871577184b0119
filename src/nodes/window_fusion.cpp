#include "nodes/window_fusion.hpp"

#include <atomic>
#include <cstdlib>
#include <string>

namespace farad::nodes {

namespace {

bool enabled_from_environment() {
  const char* value = std::getenv("FARAD_NO_FUSION");
  return value == nullptr || std::string(value) != "1";
}

std::atomic<bool>& enabled_flag() {
  static std::atomic<bool> flag{enabled_from_environment()};
  return flag;
}

}  // namespace

bool fusion_enabled() {
  return enabled_flag().load(std::memory_order_relaxed);
}

void set_fusion_enabled(bool enabled) {
  enabled_flag().store(enabled, std::memory_order_relaxed);
}

bool is_decomposable_aggregate(std::string_view node_type) {
  for (std::string_view name :
       {"count", "sum", "mean", "min", "max", "first", "last", "spread", "stddev", "rollup"}) {
    if (node_type == name) return true;
  }
  return false;
}

bool children_decomposable(const compile::TaskSpec& task, const compile::NodeSpec& window) {
  if (window.children.empty()) return false;
  for (int child : window.children) {
    const compile::NodeSpec& spec = task.nodes[static_cast<size_t>(child)];
    if (!is_decomposable_aggregate(spec.type) || spec.parents.size() != 1) return false;
  }
  return true;
}

}  // namespace farad::nodes
