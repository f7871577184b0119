// CounterRateNode: end of input and checkpoint state.

#include <fmt/format.h>

#include "nodes/counter_rate.hpp"

namespace farad::nodes {

void CounterRateNode::finish(bool /*flush*/) {
  // Nothing more can arrive: what the buffer holds is no longer waiting for anything.
  if (!buffer_) return;
  release(true);
}

void CounterRateNode::save(runtime::StateWriter& out) const {
  out.u64(counters_.size());
  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey key, const GroupState& state) {
    save_group(out, key);
    out.boolean(state.started);
    out.i64(state.last_time);
    out.u64(state.samples.size());
    for (const Sample& sample : state.samples) {
      out.boolean(sample.set);
      out.u64(sample.value);
      out.i64(sample.time);
      out.boolean(sample.has_uptime);
      out.u64(sample.uptime);
    }
  });
  out.boolean(buffer_.has_value());
  if (buffer_) {
    buffer_->save(
        out, [this](runtime::StateWriter& w, model::GroupKey g) { save_group(w, g); },
        [this](const model::CompactPoint& p) { return context_.materialise(p); });
  }
}

void CounterRateNode::restore(runtime::StateReader& in) {
  if (in.u64() != counters_.size()) {
    throw runtime::StateError(
        fmt::format("{}: the state was saved with another number of counters", name()));
  }
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    GroupState& state = groups_[restore_group(in)];
    state.started = in.boolean();
    state.last_time = in.i64();
    state.samples.resize(in.u64());
    for (Sample& sample : state.samples) {
      sample.set = in.boolean();
      sample.value = in.u64();
      sample.time = in.i64();
      sample.has_uptime = in.boolean();
      sample.uptime = in.u64();
    }
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
