#include "runtime/task.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace farad::runtime {

Task::Task(std::shared_ptr<const compile::TaskSpec> spec, const NodeFactory& factory,
           OutputSink* outputs)
    : spec_(std::move(spec)),
      context_(std::make_unique<TaskContext>(
          TaskContext{*spec_, {}, outputs, {}, {}, {}, {}, true, {}, {}})) {
  const auto& specs = spec_->nodes;
  nodes_.reserve(specs.size());
  for (const auto& node_spec : specs) {
    nodes_.push_back(factory(node_spec, *context_));
  }
  std::vector<Node*> all;
  for (auto& node : nodes_) all.push_back(node.get());
  for (auto& node : nodes_) node->on_task_built(all);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].type == "stats") clocked_.push_back(static_cast<int>(i));
  }
  // Kapacitor feeds the i-th recorded query to the i-th query node in walk order.
  for (int index : spec_->walk_order()) {
    if (specs[static_cast<size_t>(index)].type == "query") query_nodes_.push_back(index);
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    for (int child : specs[i].children) {
      const auto& parents = specs[static_cast<size_t>(child)].parents;
      // A node appears once per link in its child's parents; the port is its position there.
      int port = 0;
      for (size_t p = 0; p < parents.size(); ++p) {
        if (parents[p] == static_cast<int>(i)) port = static_cast<int>(p);
      }
      nodes_[i]->add_child(nodes_[static_cast<size_t>(child)].get(), port);
    }
  }
}

void Task::advance_data_time(int64_t time) {
  for (int index : clocked_) nodes_[static_cast<size_t>(index)]->on_data_time(time);
}

void Task::push_point(model::Point point) {
  if (!clocked_.empty()) advance_data_time(point.time);
  // The stream node is always node 0 of a stream task; points enter ungrouped.
  nodes_.front()->receive(Message(PointMessage{std::move(point), {}}), 0);
}

bool Task::takes_compact() const {
  // FARAD_NO_COMPACT=1 turns compact points off everywhere, so that tests can compare.
  static const bool disabled = [] {
    const char* off = std::getenv("FARAD_NO_COMPACT");
    return off != nullptr && std::string_view(off) == "1";
  }();
  if (disabled) return false;
  if (spec_->nodes.empty() || spec_->nodes.front().type != "stream") return false;
  const auto& children = spec_->nodes.front().children;
  return !children.empty() && std::all_of(children.begin(), children.end(), [&](int child) {
    return nodes_[static_cast<size_t>(child)]->takes_compact();
  });
}

void Task::push_compact(model::CompactPoint& point) {
  if (!clocked_.empty()) advance_data_time(point.time);
  point.group = {};
  nodes_.front()->receive_compact(point, 0);
}

void Task::push_batch(size_t query_index, model::Batch batch) {
  if (query_index >= query_nodes_.size()) {
    throw std::out_of_range(fmt::format("the task has {} query nodes, input {} has no query node",
                                        query_nodes_.size(), query_index + 1));
  }
  if (!clocked_.empty()) advance_data_time(batch.time);
  nodes_[static_cast<size_t>(query_nodes_[query_index])]->receive(Message(std::move(batch)), 0);
}

void Task::finish(bool flush) {
  for (int index : spec_->walk_order()) nodes_[static_cast<size_t>(index)]->finish(flush);
}

std::string Task::save_state() const {
  StateWriter out;
  for (int index : spec_->walk_order()) {
    const Node& node = *nodes_[static_cast<size_t>(index)];
    out.string(node.name());
    StateWriter node_state;
    node.save_counters(node_state);
    node.save(node_state);
    out.string(node_state.bytes());
  }
  return out.take();
}

void Task::restore_state(std::string_view bytes) {
  StateReader in(bytes);
  for (int index : spec_->walk_order()) {
    Node& node = *nodes_[static_cast<size_t>(index)];
    const std::string name = in.string();
    if (name != node.name()) {
      throw StateError(
          fmt::format("state is for node {}, the task has {} here", name, node.name()));
    }
    const std::string node_bytes = in.string();
    StateReader node_in(node_bytes);
    node.restore_counters(node_in);
    node.restore(node_in);
  }
}

std::vector<NodeReport> Task::report() const {
  std::vector<NodeReport> out;
  for (int index : spec_->walk_order()) {
    const Node& node = *nodes_[static_cast<size_t>(index)];
    out.push_back(
        {node.name(), node.current_stats(), node.working_cardinality(), node.avg_exec_time_ns()});
  }
  return out;
}

}  // namespace farad::runtime
