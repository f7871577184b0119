#pragma once
// The DOT that `kapacitor show` prints for an executing task (Kapacitor's EDot): a graph
// attribute with the throughput, then each node in walk order with its statistics as
// attributes sorted by name, and its edges with the count that passed along them:
//
//   digraph cpu {
//   graph [throughput="0.00 points/s"];
//
//   stream0 [avg_exec_time_ns="0s" emitted="3" errors="0" ... ];
//   stream0 -> from1 [processed="3"];
//   ...
//   }
//
// farad's server gives the plain DOT and the statistics apart; this joins them.

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace farad::cli {

/// The DOT to show for a task answer of the API. A task that is not executing, or whose "dot"
/// already carries statistics, keeps its "dot" unchanged.
std::string dot_with_stats(const nlohmann::json& task);

}  // namespace farad::cli
