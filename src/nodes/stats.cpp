#include "nodes/stats.hpp"

#include <stdexcept>

#include "nodes/time_quantise.hpp"

namespace farad::nodes {

StatsNode::StatsNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  interval_ = spec.args.empty() ? 0 : spec.args[0].integer;
  align_ = spec.has("align");
  if (interval_ <= 0)
    throw std::runtime_error(spec.name + ": stats node must have positive interval");
}

void StatsNode::on_task_built(const std::vector<Node*>& nodes) {
  if (spec_.observed >= 0) observed_ = nodes[static_cast<size_t>(spec_.observed)];
}

void StatsNode::on_data_time(int64_t time) {
  if (!next_) {
    next_ = align_ ? go_truncate(time, interval_) + interval_ : time + interval_;
    return;
  }
  // One emission per boundary the data crossed, as a clock ticking through the gap would.
  while (time >= *next_) {
    emit_stats(align_ ? go_round(*next_, interval_) : *next_);
    *next_ += interval_;
  }
}

void StatsNode::emit_stats(int64_t time) {
  if (!observed_) return;
  auto groups = observed_->emitted_by_group();
  if (groups.empty()) groups.emplace_back(model::GroupKey(), 0);  // Kapacitor's nil group
  for (const auto& [group, emitted] : groups) {
    runtime::PointMessage message;
    message.point.name = "stats";
    message.point.tags = context_.interner.tags(group);
    message.point.fields.emplace_back("emitted", static_cast<int64_t>(emitted));
    message.point.time = time;
    message.group = group;
    emit_point(std::move(message));
  }
}

void StatsNode::save(runtime::StateWriter& out) const {
  out.boolean(next_.has_value());
  out.i64(next_.value_or(0));
}

void StatsNode::restore(runtime::StateReader& in) {
  const bool has_next = in.boolean();
  const int64_t next = in.i64();
  if (has_next) next_ = next;
}

}  // namespace farad::nodes
