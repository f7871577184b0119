#include "nodes/window.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "nodes/time_quantise.hpp"
#include "nodes/window_fusion.hpp"

namespace farad::nodes {

void WindowBuffer::pop_front() {
  if (++head_ == points_.size()) {
    points_.clear();
    head_ = 0;
  } else if (head_ >= 32 && 2 * head_ >= points_.size()) {
    points_.erase(points_.begin(), points_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

WindowNode::WindowNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  auto integer = [&](std::string_view property) {
    const compile::Value* v = spec.property(property);
    return v ? v->integer : 0;
  };
  period_ = integer("period");
  every_ = integer("every");
  align_ = spec.has("align");
  fill_period_ = spec.has("fillPeriod");
  period_count_ = integer("periodCount");
  every_count_ = integer("everyCount");
  if (period_ == 0 && period_count_ == 0) {
    throw std::runtime_error(fmt::format(
        "{}: window node must have either a non zero period or non zero period count", spec.name));
  }
  by_count_ = period_ == 0;
  const bool disjoint =
      by_count_ ? period_count_ <= every_count_ : (every_ > 0 && period_ <= every_);
  fused_ = disjoint && fusion_enabled() && children_decomposable(context.spec, spec);
  if (!by_count_) {
    stamp_start_ = spec.has("stampStart");
    if (const int64_t lateness = integer("lateness"); lateness > 0) {
      buffer_.emplace(lateness);
      count("dropped_late", 0);
    }
  }
}

WindowNode::GroupState& WindowNode::group(model::GroupKey key, std::string_view name,
                                          int64_t time) {
  if (GroupState* state = groups_.find(key)) return *state;
  GroupState& state = groups_[key];
  state.name = name;
  if (by_count_) {
    state.next_emit = fill_period_ ? period_count_ : every_count_;
  } else if (fill_period_) {
    const int64_t first_period = time + period_;
    state.next_emit = first_period;
    if (align_) {
      // Aligned to `every` and after a whole period: the first points may be dropped.
      state.next_emit = go_truncate(first_period, every_);
      if (state.next_emit <= first_period) state.next_emit += every_;
    }
  } else {
    state.next_emit = next_boundary(time);
  }
  return state;
}

int64_t WindowNode::next_boundary(int64_t time) const {
  // From the triggering time, not from the previous boundary.
  const int64_t next = time + every_;
  return align_ ? go_truncate(next, every_) : next;
}

void WindowNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (!buffer_) return process_point(std::move(message));
  if (!buffer_->offer(std::move(message))) count("dropped_late");
  release(false);
}

void WindowNode::on_compact(model::CompactPoint& point, int /*port*/) {
  if (!buffer_) return process_compact(point);
  if (!buffer_->offer(point)) count("dropped_late");
  release(false);
}

void WindowNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  if (!buffer_) return process_barrier(barrier);
  buffer_->offer(barrier);
  release(false);
}

void WindowNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  if (!buffer_) return process_delete(message);
  buffer_->offer(message);
  release(false);
}

void WindowNode::release(bool everything) {
  buffer_->release(
      everything, [this](runtime::Message&& message) { dispatch(std::move(message)); },
      [this](model::CompactPoint& point) { process_compact(point); });
}

void WindowNode::dispatch(runtime::Message&& message) {
  if (auto* point = std::get_if<runtime::PointMessage>(&message)) {
    return process_point(std::move(*point));
  }
  if (const auto* barrier = std::get_if<runtime::BarrierMessage>(&message)) {
    return process_barrier(*barrier);
  }
  process_delete(std::get<runtime::DeleteGroupMessage>(message));
}

void WindowNode::process_point(runtime::PointMessage&& message) {
  GroupState& state = group(message.group, message.point.name, message.point.time);
  if (by_count_) return count_point(state, std::move(message));
  time_point(state, std::move(message));
}

void WindowNode::process_compact(model::CompactPoint& point) {
  // Only a fused window takes compact points.
  GroupState& state = group(point.group, context_.series[point.series].name, point.time);
  if (by_count_) {
    ++state.count;
    state.last_time = point.time;
    if (state.count > state.next_emit - period_count_) emit_fused_compact(point);
    return end_count_window(state, point.group);
  }
  close_passed_window(state, point.group, point.time);
  if (fused_takes(state, point.time, period_)) emit_fused_compact(point);
}

void WindowNode::close_passed_window(GroupState& state, model::GroupKey key, int64_t time) {
  if (time < state.next_emit) return;
  if (fused_) {
    emit_close(state, key, state.next_emit);
  } else {
    // The left-closed window [next - period, next): more points may share the next time.
    purge(state, state.next_emit - period_, true);
    emit_window(state, key, state.next_emit);
  }
  state.next_emit = next_boundary(time);
  state.started = false;
}

bool WindowNode::fused_takes(GroupState& state, int64_t time, int64_t period) {
  // What a purge would keep: everything from the first point inside the window on.
  if (!state.started && time >= state.next_emit - period) state.started = true;
  return state.started;
}

void WindowNode::time_point(GroupState& state, runtime::PointMessage&& message) {
  const int64_t t = message.point.time;
  const model::GroupKey key = message.group;
  if (every_ == 0) {
    // Emit on every point: the right-closed window (t - period, t].
    state.points.push({std::move(message.point.fields), std::move(message.point.tags), t});
    if (t >= state.next_emit) {
      purge(state, t - period_, false);
      emit_window(state, key, t);
      state.next_emit = t;
    }
    return;
  }
  close_passed_window(state, key, t);
  if (fused_) {
    if (fused_takes(state, t, period_)) emit_fused_point(std::move(message));
    return;
  }
  state.points.push({std::move(message.point.fields), std::move(message.point.tags), t});
}

void WindowNode::count_point(GroupState& state, runtime::PointMessage&& message) {
  ++state.count;
  state.last_time = message.point.time;
  const model::GroupKey key = message.group;
  if (fused_) {
    if (state.count > state.next_emit - period_count_) emit_fused_point(std::move(message));
  } else {
    state.points.push(
        {std::move(message.point.fields), std::move(message.point.tags), message.point.time});
    if (static_cast<int64_t>(state.points.size()) > period_count_) state.points.pop_front();
  }
  end_count_window(state, key);
}

void WindowNode::end_count_window(GroupState& state, model::GroupKey key) {
  if (state.count != state.next_emit) return;
  state.next_emit += every_count_;
  if (fused_) {
    emit_close(state, key, state.last_time);
  } else {
    emit_window(state, key, state.last_time);
  }
}

void WindowNode::process_barrier(const runtime::BarrierMessage& barrier) {
  // A barrier creates the group like any message; Kapacitor names such a window "barrier".
  GroupState& state = group(barrier.group, "barrier", barrier.time);
  if (by_count_) {
    emit(runtime::Message(barrier));
    return;
  }
  time_barrier(state, barrier.group, barrier.time);
}

void WindowNode::time_barrier(GroupState& state, model::GroupKey key, int64_t time) {
  if (time < state.next_emit) return;
  if (every_ == 0) {
    purge(state, time - period_, false);
    emit_window(state, key, time);
    state.next_emit = time;
    return;
  }
  close_passed_window(state, key, time);
}

void WindowNode::on_batch(model::Batch&& /*batch*/, int /*port*/) {
  error("window does not support batch data");
}

void WindowNode::process_delete(const runtime::DeleteGroupMessage& message) {
  // Kapacitor forwards a deletion only from a node that knew the group.
  if (!groups_.find(message.group)) return;
  groups_.erase(message.group);
  emit(runtime::Message(message));
}

void WindowNode::purge(GroupState& state, int64_t oldest, bool inclusive) {
  auto& points = state.points;
  while (!points.empty() &&
         (inclusive ? points.front().time < oldest : points.front().time <= oldest)) {
    points.pop_front();
  }
}

void WindowNode::emit_window(GroupState& state, model::GroupKey key, int64_t time) {
  model::Batch batch{state.name, key, context_.interner.tags(key), stamp(time), {}};
  batch.points.assign(state.points.begin(), state.points.end());
  emit_batch(std::move(batch));
}

void WindowNode::emit_close(const GroupState& state, model::GroupKey key, int64_t time) {
  emit_batch(model::Batch{state.name, key, context_.interner.tags(key), stamp(time), {}});
}

void WindowNode::emit_fused_point(runtime::PointMessage&& message) {
  emit_point(std::move(message));
  // Kapacitor counts a window's batch as one emitted message, not its points.
  --stats_.emitted;
}

void WindowNode::emit_fused_compact(model::CompactPoint& point) {
  emit_compact(point);
  --stats_.emitted;
}

}  // namespace farad::nodes
