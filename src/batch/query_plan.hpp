#pragma once
// What a query node of a batch task asks for, read from its compiled spec as Kapacitor's
// newQueryNode reads pipeline.QueryNode: the rewritten query text, the schedule, period,
// offset, the InfluxDB server (`.cluster()`) and whether groups include the measurement.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "batch/query_text.hpp"
#include "batch/schedule.hpp"
#include "compile/task_spec.hpp"

namespace farad::batch {

/// A query node whose properties cannot run (Kapacitor refuses to start the task).
struct QueryPlanError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct QueryPlan {
  std::string node;  ///< the node's name (query1)
  QueryText text;
  Schedule schedule;
  int64_t period = 0;
  int64_t offset = 0;
  std::string cluster;  ///< `.cluster()`; empty: the default server
};

/// Throws QueryPlanError with Kapacitor's messages.
QueryPlan query_plan(const compile::NodeSpec& node);

/// The plans of every query node of a batch task, in the order Task::push_batch numbers them
/// (walk order).
std::vector<QueryPlan> query_plans(const compile::TaskSpec& spec);

}  // namespace farad::batch
