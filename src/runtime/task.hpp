#pragma once
// A running task: one Node per NodeSpec of a compiled TaskSpec, linked as the DAG says.
// Points enter at the stream node, batches at a query node; everything downstream happens
// synchronously in the caller's thread, in data order.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "compile/task_spec.hpp"
#include "runtime/node.hpp"
#include "runtime/task_context.hpp"

namespace farad::runtime {

/// Creates the runtime node of a spec (src/nodes/registry.cpp provides the real one).
using NodeFactory =
    std::function<std::unique_ptr<Node>(const compile::NodeSpec& spec, TaskContext& context)>;

struct NodeReport {
  std::string name;
  NodeStats stats;
  size_t working_cardinality = 0;
  int64_t avg_exec_time_ns = 0;  ///< wall clock: reported by the daemon, not by `farad run`
};

class Task {
 public:
  Task(std::shared_ptr<const compile::TaskSpec> spec, const NodeFactory& factory,
       OutputSink* outputs = nullptr);

  const compile::TaskSpec& spec() const { return *spec_; }
  TaskContext& context() { return *context_; }

  /// A point of one of the task's dbrps (stream tasks).
  void push_point(model::Point point);
  /// Whether the stream node's children read compact points: then a reader that can should
  /// push them instead of Points (same output, less work). FARAD_NO_COMPACT=1 says never.
  bool takes_compact() const;
  /// A compact point of one of the task's dbrps; its series and field keys must be in
  /// context().series and context().field_keys. The task's nodes may change `point`.
  void push_compact(model::CompactPoint& point);
  /// A batch returned by the `query_index`-th query node (batch tasks), in walk order.
  void push_batch(size_t query_index, model::Batch batch);
  /// The number of query nodes and the `query_index`-th of them (the batch scheduler's).
  size_t query_count() const { return query_nodes_.size(); }
  Node& query_node(size_t query_index) {
    return *nodes_.at(static_cast<size_t>(query_nodes_.at(query_index)));
  }
  /// End of input (see Node::finish).
  void finish(bool flush);

  /// Every node's state, in walk order, with the node names as a consistency check.
  std::string save_state() const;
  void restore_state(std::string_view bytes);

  std::vector<NodeReport> report() const;

 private:
  std::shared_ptr<const compile::TaskSpec> spec_;
  std::unique_ptr<TaskContext> context_;
  std::vector<std::unique_ptr<Node>> nodes_;  // indexed like spec().nodes
  std::vector<int> query_nodes_;
  std::vector<int> clocked_;  // nodes driven by data time (stats)

  void advance_data_time(int64_t time);
};

}  // namespace farad::runtime
