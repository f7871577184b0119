// WindowNode: end-of-input flush and checkpoint state.

#include <fmt/format.h>

#include <algorithm>

#include "nodes/window.hpp"

namespace farad::nodes {

void WindowNode::finish(bool flush) {
  // Nothing more can arrive: what the reorder buffer holds is no longer waiting for anything.
  if (buffer_) release(true);
  // Kapacitor never flushes a window: only `farad run --flush` asks for the pending ones.
  if (!flush) return;
  groups_.for_each([&](model::GroupKey key, GroupState& state) {
    if (by_count_) {
      // The points of the next window seen so far: indexes after next_emit - periodCount.
      const int64_t pending = state.count - std::max<int64_t>(state.next_emit - period_count_, 0);
      if (pending <= 0) return;
      if (fused_) return emit_close(state, key, state.last_time);
      const auto take = std::min<size_t>(static_cast<size_t>(pending), state.points.size());
      model::Batch batch{state.name, key, context_.interner.tags(key), state.last_time, {}};
      batch.points.assign(state.points.end() - static_cast<std::ptrdiff_t>(take),
                          state.points.end());
      emit_batch(std::move(batch));
      return;
    }
    if (every_ == 0) return;  // every point has been emitted already
    if (fused_) {
      if (state.started) emit_close(state, key, state.next_emit);
      return;
    }
    purge(state, state.next_emit - period_, true);
    if (!state.points.empty()) emit_window(state, key, state.next_emit);
  });
}

void WindowNode::save(runtime::StateWriter& out) const {
  std::vector<model::GroupKey> keys;
  for (uint32_t i = 0; i < context_.interner.size(); ++i) {
    const auto key = model::GroupKey::from_index(i);
    if (groups_.find(key)) keys.push_back(key);
  }
  // Fused and buffered windows split their state differently with their children.
  out.boolean(fused_);
  out.u64(keys.size());
  for (const auto key : keys) {
    save_group(out, key);
    const GroupState& state = *groups_.find(key);
    out.string(state.name);
    out.i64(state.next_emit);
    out.i64(state.count);
    out.i64(state.last_time);
    out.boolean(state.started);
    out.u64(state.points.size());
    for (const auto& point : state.points) out.batch_point(point);
  }
  out.boolean(buffer_.has_value());
  if (buffer_) {
    buffer_->save(
        out, [this](runtime::StateWriter& w, model::GroupKey g) { save_group(w, g); },
        [this](const model::CompactPoint& p) { return context_.materialise(p); });
  }
}

void WindowNode::restore(runtime::StateReader& in) {
  groups_.clear();
  if (in.boolean() != fused_) {
    throw runtime::StateError(fmt::format(
        "{}: the state was saved with fused windows {}; restore it with the same setting "
        "(FARAD_NO_FUSION)",
        name(), fused_ ? "off" : "on"));
  }
  const uint64_t count = in.u64();
  for (uint64_t i = 0; i < count; ++i) {
    GroupState& state = groups_[restore_group(in)];
    state.name = in.string();
    state.next_emit = in.i64();
    state.count = in.i64();
    state.last_time = in.i64();
    state.started = in.boolean();
    const uint64_t points = in.u64();
    for (uint64_t p = 0; p < points; ++p) state.points.push(in.batch_point());
  }
  if (in.boolean() != buffer_.has_value()) {
    throw runtime::StateError(
        fmt::format("{}: the state was saved with another .lateness() setting", name()));
  }
  if (buffer_) {
    buffer_->restore(in, [this](runtime::StateReader& r) { return restore_group(r); });
  }
}

}  // namespace farad::nodes
