#include "cli/stats_dot.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "cli/api_listing.hpp"
#include "cli/api_text.hpp"
#include "expr/go_format.hpp"

namespace farad::cli {
namespace {

struct Graph {
  std::string name;
  std::vector<std::string> nodes;  // in order of first mention
  std::map<std::string, std::vector<std::string>> children;
  std::set<std::string> has_parent;
};

std::string trim(std::string text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const size_t last = text.find_last_not_of(" \t;");
  return text.substr(first, last - first + 1);
}

Graph parse_plain_dot(const std::string& dot) {
  Graph graph;
  std::istringstream lines(dot);
  auto mention = [&](const std::string& node) {
    if (!graph.children.count(node)) {
      graph.children[node];
      graph.nodes.push_back(node);
    }
  };
  for (std::string line; std::getline(lines, line);) {
    line = trim(line);
    if (line.starts_with("digraph ")) {
      graph.name = trim(line.substr(8, line.rfind('{') - 8));
      continue;
    }
    const size_t arrow = line.find("->");
    if (arrow == std::string::npos) continue;
    const std::string parent = trim(line.substr(0, arrow));
    const std::string child = trim(line.substr(arrow + 2));
    mention(parent);
    mention(child);
    graph.children[parent].push_back(child);
    graph.has_parent.insert(child);
  }
  return graph;
}

// Kapacitor's Pipeline.sort: depth-first from the sources taken in reverse, post-order,
// reversed; the order its executing task walks the nodes in.
std::vector<std::string> walk_order(const Graph& graph) {
  std::vector<std::string> sorted;
  std::set<std::string> visited;
  auto visit = [&](auto&& self, const std::string& node) -> void {
    if (!visited.insert(node).second) return;
    for (const auto& child : graph.children.at(node)) self(self, child);
    sorted.push_back(node);
  };
  for (auto it = graph.nodes.rbegin(); it != graph.nodes.rend(); ++it) {
    if (!graph.has_parent.count(*it)) visit(visit, *it);
  }
  return {sorted.rbegin(), sorted.rend()};
}

std::string stat_text(const std::string& key, const nlohmann::json& value) {
  // Kapacitor's expvar shows the average execution time as a Go duration.
  if (key == "avg_exec_time_ns" && value.is_number_integer()) {
    return expr::go::format_duration(value.get<int64_t>());
  }
  return scalar_text(value);
}

}  // namespace

std::string dot_with_stats(const nlohmann::json& task) {
  const std::string dot = text_of(task, "dot");
  const bool executing = task.value("executing", false);
  if (!executing || dot.find("graph [") != std::string::npos) return dot;
  const Graph graph = parse_plain_dot(dot);
  const nlohmann::json* node_stats = nullptr;
  double throughput = 0;
  if (task.contains("stats") && task["stats"].is_object()) {
    const nlohmann::json& stats = task["stats"];
    if (stats.contains("node-stats") && stats["node-stats"].is_object()) {
      node_stats = &stats["node-stats"];
    }
    if (stats.contains("task-stats") && stats["task-stats"].is_object() &&
        stats["task-stats"].contains("throughput") &&
        stats["task-stats"]["throughput"].is_number()) {
      throughput = stats["task-stats"]["throughput"].get<double>();
    }
  }
  const std::string unit = text_of(task, "type") == "batch" ? "batches" : "points";
  char throughput_text[64];
  std::snprintf(throughput_text, sizeof throughput_text, "%0.2f %s/s", throughput, unit.c_str());

  std::string out = "digraph " + (graph.name.empty() ? text_of(task, "id") : graph.name) + " {\n";
  out += "graph [throughput=\"" + std::string(throughput_text) + "\"];\n";
  for (const std::string& node : walk_order(graph)) {
    std::map<std::string, nlohmann::json> stats;  // sorted by name, as expvar's DoSorted
    if (node_stats && node_stats->contains(node) && (*node_stats)[node].is_object()) {
      for (const auto& [key, value] : (*node_stats)[node].items()) stats[key] = value;
    }
    // Kapacitor always lists the key (a node not timed yet shows 0s).
    stats.try_emplace("avg_exec_time_ns", 0);
    out += "\n" + node + " [";
    for (const auto& [key, value] : stats) out += key + "=\"" + stat_text(key, value) + "\" ";
    out += "];\n";
    const std::string emitted = stats.count("emitted") ? scalar_text(stats["emitted"]) : "0";
    for (const auto& child : graph.children.at(node)) {
      out += node + " -> " + child + " [processed=\"" + emitted + "\"];\n";
    }
  }
  out += "}";
  return out;
}

}  // namespace farad::cli
