#include "nodes/barrier.hpp"

#include <algorithm>
#include <stdexcept>

#include "nodes/time_quantise.hpp"

namespace farad::nodes {

BarrierNode::BarrierNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (const auto* v = spec.property("idle")) idle_ = v->integer;
  if (const auto* v = spec.property("period")) period_ = v->integer;
  if (const auto* v = spec.property("delete")) delete_ = v->boolean;
  if (idle_ <= 0 && period_ <= 0) {
    throw std::runtime_error("barrier node must have either a non zero idle or a non zero period");
  }
}

BarrierNode::GroupState* BarrierNode::arrive(model::GroupKey group, int64_t time) {
  GroupState* state = groups_.find(group);
  if (!state) {
    state = &groups_[group];
    state->last_time = time;
    return state;
  }
  bool due = false;
  int64_t stamp = 0;
  // Kapacitor's idle timer is reset by every message, so idle is measured from the latest.
  if (idle_ > 0 && time - state->last_time > idle_) {
    due = true;
    stamp = state->last_time + idle_;
  } else if (idle_ <= 0 && go_truncate(time, period_) > state->last_time) {
    due = true;
    stamp = go_truncate(state->last_time, period_) + period_;
  }
  if (due) {
    emit(runtime::Message(runtime::BarrierMessage{group, stamp}));
    // A period ticker ticks at every multiple of the period the data crossed.
    while (!delete_ && idle_ <= 0 && stamp + period_ <= go_truncate(time, period_)) {
      stamp += period_;
      emit(runtime::Message(runtime::BarrierMessage{group, stamp}));
    }
    // Without delete, Kapacitor's idle timer fires again every `idle` while the group stays
    // quiet: one barrier per idle period crossed before this message.
    while (!delete_ && idle_ > 0 && time - stamp > idle_) {
      stamp += idle_;
      emit(runtime::Message(runtime::BarrierMessage{group, stamp}));
    }
    if (delete_) {
      emit(runtime::Message(runtime::DeleteGroupMessage{group}));
      groups_.erase(group);
      state = &groups_[group];
      state->last_time = time;
      return state;
    }
    state->has_barrier = true;
    state->barrier_time = stamp;
    state->last_time = std::max(state->last_time, stamp);
  }
  if (state->has_barrier && time < state->barrier_time) return nullptr;
  return state;
}

void BarrierNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  GroupState* state = arrive(message.group, message.point.time);
  if (!state) return;
  state->last_time = message.point.time;
  emit_point(std::move(message));
}

void BarrierNode::on_batch(model::Batch&& batch, int /*port*/) {
  GroupState* state = arrive(batch.group, batch.time);
  if (!state) state = groups_.find(batch.group);
  // Kapacitor filters the points one by one; each kept point resets the idle clock.
  std::erase_if(batch.points, [&](const model::BatchPoint& p) {
    return state->has_barrier && p.time < state->barrier_time;
  });
  if (!batch.points.empty()) state->last_time = batch.points.back().time;
  emit_batch(std::move(batch));
}

void BarrierNode::on_barrier(const runtime::BarrierMessage& barrier, int port) {
  GroupState* state = arrive(barrier.group, barrier.time);
  if (!state) return;
  state->last_time = barrier.time;
  state->has_barrier = true;
  state->barrier_time = barrier.time;
  Node::on_barrier(barrier, port);
}

void BarrierNode::save(runtime::StateWriter& out) const {
  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey group, const GroupState& state) {
    save_group(out, group);
    out.i64(state.last_time);
    out.boolean(state.has_barrier);
    out.i64(state.barrier_time);
  });
}

void BarrierNode::restore(runtime::StateReader& in) {
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    GroupState& state = groups_[restore_group(in)];
    state.last_time = in.i64();
    state.has_barrier = in.boolean();
    state.barrier_time = in.i64();
  }
}

}  // namespace farad::nodes
