#include "nodes/observed_keys.hpp"

#include <string>
#include <vector>

namespace farad::nodes {
namespace {

void add(std::vector<std::string>& keys, const std::string& key) {
  if (key.empty()) return;
  for (const auto& k : keys) {
    if (k == key) return;
  }
  keys.push_back(key);
}

// The reads of one node, added to `keys`; false when the node is not one whose reads are known.
// `follow` tells whether the node passes input keys on to its children.
bool add_reads(const compile::NodeSpec& node, model::KeyProjection& keys, bool& follow) {
  follow = true;
  if (node.type == "stream" || node.type == "window") return true;
  if (node.type == "from") {
    if (node.has("where")) return false;
    for (const auto* setting : node.all("groupBy")) {
      for (const auto& dim : setting->args) {
        if (dim.type == compile::ValueType::Star) keys.all_tags = true;
        if (dim.type == compile::ValueType::String) add(keys.tags, dim.text);
      }
    }
    return true;
  }
  if (node.type == "counterRate") {
    // Reads its counters, the ceiling and uptime fields; passes every key on and adds outputs.
    for (const auto& arg : node.args) add(keys.fields, arg.text);
    add(keys.fields, node.text("ceilingField"));
    add(keys.fields, node.text("uptime"));
    return true;
  }
  if (node.type == "rollup") {
    // Reads its fields and their counterRate companions; emits only the group tags and its own
    // statistics, so nothing of the input reaches its children.
    for (const auto& arg : node.args) {
      for (const char* suffix : {"", "_delta", "_wrap", "_restart"}) {
        add(keys.fields, arg.text + suffix);
      }
    }
    add(keys.fields, "elapsed");
    follow = false;
    return true;
  }
  return false;
}

}  // namespace

model::KeyProjection observed_keys(const compile::TaskSpec& spec) {
  if (spec.type != compile::TaskType::Stream || spec.sources.size() != 1) return {};
  model::KeyProjection keys;
  keys.all_tags = false;
  keys.all_fields = false;
  std::vector<bool> seen(spec.nodes.size(), false);
  std::vector<int> pending = spec.sources;
  while (!pending.empty()) {
    const auto index = static_cast<size_t>(pending.back());
    pending.pop_back();
    if (index >= spec.nodes.size() || seen[index]) continue;
    seen[index] = true;
    const compile::NodeSpec& node = spec.nodes[index];
    bool follow = true;
    if (!add_reads(node, keys, follow)) return {};
    if (follow) pending.insert(pending.end(), node.children.begin(), node.children.end());
  }
  if (keys.all_tags) keys.tags.clear();
  return keys;
}

}  // namespace farad::nodes
