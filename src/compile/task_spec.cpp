#include "compile/task_spec.hpp"

#include <algorithm>

namespace farad::compile {

const Value* NodeSpec::property(std::string_view property_name) const {
  for (auto it = properties.rbegin(); it != properties.rend(); ++it) {
    if (it->name == property_name && it->args.size() == 1) return &it->args.front();
  }
  return nullptr;
}

std::string NodeSpec::text(std::string_view property_name) const {
  const Value* v = property(property_name);
  return v && v->type == ValueType::String ? v->text : std::string();
}

bool NodeSpec::has(std::string_view property_name) const {
  return std::any_of(properties.begin(), properties.end(),
                     [&](const PropertySetting& p) { return p.name == property_name; });
}

std::vector<const PropertySetting*> NodeSpec::all(std::string_view property_name) const {
  std::vector<const PropertySetting*> out;
  for (const auto& p : properties) {
    if (p.name == property_name) out.push_back(&p);
  }
  return out;
}

std::vector<int> TaskSpec::walk_order() const {
  // Kapacitor sorts by a depth-first post-order over the sources taken in reverse, then
  // reverses the list; reproducing it keeps DOT output and stats order identical.
  std::vector<int> sorted;
  std::vector<bool> done(nodes.size(), false);
  auto visit = [&](auto&& self, int index) -> void {
    if (done[static_cast<size_t>(index)]) return;
    for (int child : nodes[static_cast<size_t>(index)].children) self(self, child);
    done[static_cast<size_t>(index)] = true;
    sorted.push_back(index);
  };
  for (auto it = sources.rbegin(); it != sources.rend(); ++it) visit(visit, *it);
  std::reverse(sorted.begin(), sorted.end());
  return sorted;
}

const char* edge_name(EdgeType edge) {
  switch (edge) {
    case EdgeType::None:
      return "noedge";
    case EdgeType::Stream:
      return "stream";
    case EdgeType::Batch:
      return "batch";
  }
  return "noedge";
}

const char* task_type_name(TaskType type) {
  return type == TaskType::Stream ? "stream" : "batch";
}

}  // namespace farad::compile
