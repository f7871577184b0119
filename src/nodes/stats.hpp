#pragma once
// stats: every `interval`, one point per group of the observed node, named "stats", with the
// field `emitted` (messages the node has emitted for that group) and the group's tags.
// Kapacitor ticks on the wall clock; farad runs on data time, so the interval boundaries are
// crossed by the data: when a point at or after the next boundary enters the task, the stats
// are emitted stamped with that boundary (rounded to the interval with .align(), as Kapacitor
// rounds its tick time). The first boundary is one interval after the first point (aligned:
// the next multiple of the interval).

#include <optional>

#include "runtime/node.hpp"

namespace farad::nodes {

class StatsNode : public runtime::Node {
 public:
  StatsNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void on_task_built(const std::vector<Node*>& nodes) override;
  void on_data_time(int64_t time) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;

 private:
  void emit_stats(int64_t time);

  int64_t interval_ = 0;
  bool align_ = false;
  const Node* observed_ = nullptr;
  std::optional<int64_t> next_;
};

}  // namespace farad::nodes
