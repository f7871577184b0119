#pragma once
// A running node: one object per NodeSpec. Messages are pushed synchronously from parents to
// children in data order, so a task is deterministic: the same input gives the same output.
// Per-group state lives in the node (GroupTable) and is saved/restored for checkpoints.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compile/task_spec.hpp"
#include "runtime/message.hpp"
#include "runtime/state_codec.hpp"
#include "runtime/task_context.hpp"

namespace farad::runtime {

/// Kapacitor's node statistics.
struct NodeStats {
  uint64_t processed = 0;  ///< messages received (points, batches)
  uint64_t emitted = 0;    ///< messages sent to children
  uint64_t errors = 0;     ///< points or batches dropped because of an error
  /// Node-specific counters (`wraps`, `dropped_late`, ...), in the order they were first counted.
  std::vector<std::pair<std::string, uint64_t>> counters;

  /// The value of counter `name`; 0 when it was never counted.
  uint64_t counter(std::string_view name) const;
};

class Node {
 public:
  Node(const compile::NodeSpec& spec, TaskContext& context);
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  const compile::NodeSpec& spec() const { return spec_; }
  const std::string& name() const { return spec_.name; }
  const NodeStats& stats() const { return stats_; }

  /// Delivers a message from the parent at position `port` of spec().parents.
  void receive(Message&& message, int port);
  /// Whether the node reads compact points itself (on_compact); a parent sends any other node
  /// the equal Point.
  virtual bool takes_compact() const { return false; }
  /// Delivers a compact point (the node takes_compact()); the node may change it.
  void receive_compact(model::CompactPoint& point, int port);
  /// Links a child; `port` is this node's position among the child's parents.
  void add_child(Node* child, int port) {
    children_.push_back({child, port, child->takes_compact()});
  }

  /// End of input. `flush` asks nodes holding open windows to emit them (Kapacitor does not:
  /// only `farad run --flush` sets it). Called in walk order, parents first.
  virtual void finish(bool flush);

  /// Per-group state for checkpoints. A node without state writes nothing.
  virtual void save(StateWriter& out) const;
  virtual void restore(StateReader& in);
  /// Number of groups holding state (Kapacitor's working_cardinality).
  virtual size_t working_cardinality() const { return 0; }
  /// The statistics as reported now: stats() plus what threads of the node's own (a sink's
  /// sender) have counted. Called with the task not running, from any thread.
  virtual NodeStats current_stats() const { return stats_; }
  /// Kapacitor's avg_exec_time_ns: the mean time the node spends on a message, its children's
  /// time excluded, over the sampled messages (see receive()); 0 before the first sample.
  /// Wall-clock figures: reported, never saved with the state.
  int64_t avg_exec_time_ns() const;

  /// The node's counters (stats, emitted per group), saved with the task state by Task.
  void save_counters(StateWriter& out) const;
  void restore_counters(StateReader& in);

  /// Messages (points, batches) emitted per group, in group-key order (for `stats`).
  std::vector<std::pair<model::GroupKey, uint64_t>> emitted_by_group() const;

  /// Called once the task has built every node (indexed like the spec's nodes).
  virtual void on_task_built(const std::vector<Node*>& /*nodes*/) {}
  /// Data time has reached `time` (the time of the point about to enter the task).
  virtual void on_data_time(int64_t /*time*/) {}

 protected:
  virtual void on_point(PointMessage&& message, int port);
  virtual void on_batch(model::Batch&& batch, int port);
  /// Default: the equal Point to on_point.
  virtual void on_compact(model::CompactPoint& point, int port);
  /// Default: pass the barrier on.
  virtual void on_barrier(const BarrierMessage& barrier, int port);
  /// Default: forget the group (forget_group) and pass the message on.
  virtual void on_delete_group(const DeleteGroupMessage& message, int port);
  virtual void forget_group(model::GroupKey /*group*/) {}

  void emit(Message&& message);
  void emit_point(PointMessage&& message) { emit(Message(std::move(message))); }
  void emit_batch(model::Batch&& batch) { emit(Message(std::move(batch))); }
  /// Emits a point in its compact form: children that take it get it as it is, the others the
  /// equal Point. Counted as one emitted point, as emit_point.
  void emit_compact(model::CompactPoint& point);
  /// Counts an error and logs it; the message is dropped as Kapacitor drops it.
  void error(std::string_view text);
  /// Adds `n` to the node-specific counter `name`; `count(name, 0)` lists it with value 0.
  void count(std::string_view name, uint64_t n = 1);
  void log(std::string_view level, std::string_view text);

  /// Writes/reads a group key by its identity (name, tags, dimensions), not its index.
  void save_group(StateWriter& out, model::GroupKey group) const;
  model::GroupKey restore_group(StateReader& in);

  TaskContext& context_;
  const compile::NodeSpec& spec_;
  NodeStats stats_;

 private:
  void deliver(Message&& message, int port);
  void count_emitted(model::GroupKey group);
  /// Runs `deliver` and, for one message in kSampleEvery entering the task, times it.
  template <typename Deliver>
  void timed(Deliver&& deliver);

  struct Child {
    Node* node;
    int port;
    bool compact;  // node->takes_compact(), fixed once the node is built: asked once per edge
  };
  std::vector<Child> children_;
  std::vector<uint64_t> emitted_by_group_;  // indexed by group key index
  uint64_t exec_samples_ = 0;
  int64_t exec_ns_ = 0;
};

}  // namespace farad::runtime
