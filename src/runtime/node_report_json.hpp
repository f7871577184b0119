#pragma once
// The nodes' statistics as JSON lines (`farad run --stats FILE`): one object per node, in walk
// order, with Kapacitor's counters and the node-specific ones.

#include <string>
#include <vector>

#include "runtime/task.hpp"

namespace farad::runtime {

/// One line per node: {"name", "processed", "emitted", "errors", "working_cardinality", then
/// the node's own counters in the order it declared them}; with `exec_time`, also
/// "avg_exec_time_ns" after "errors" (wall clock: `farad run` leaves it out to stay
/// reproducible).
std::string node_reports_json(const std::vector<NodeReport>& reports, bool exec_time = false);

}  // namespace farad::runtime
