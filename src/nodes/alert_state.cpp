// AlertNode's per-group history: state changes, flapping, expiry of stateChangesOnly, and the
// checkpoint of it all. Kapacitor's alertState.

#include "nodes/alert.hpp"
#include "nodes/go_time.hpp"
#include "nodes/point_scope.hpp"

namespace farad::nodes {

AlertNode::GroupState& AlertNode::state(model::GroupKey group) {
  if (GroupState* found = states_.find(group)) return *found;
  GroupState& s = states_[group];
  s.history.assign(history_, kOk);
  s.first_triggered = kNoTime;
  s.last_triggered = kNoTime;
  return s;
}

bool AlertNode::suppressed(const GroupState& s) const {
  return (use_flapping_ && s.flapping) || (state_changes_only_ && !s.changed && !s.expired);
}

void AlertNode::add_event(GroupState& s, int64_t time, Level level) const {
  s.changed = s.history[s.index] != level;
  s.index = (s.index + 1) % s.history.size();
  s.history[s.index] = level;
  if (use_flapping_) {
    const double p = percent_change(s);
    if (s.flapping && p < flap_low_) {
      s.flapping = false;
    } else if (!s.flapping && p > flap_high_) {
      s.flapping = true;
    }
  }
  s.expired = !s.changed && state_changes_only_duration_ != 0 &&
              go_time_sub(time, s.last_triggered) >= state_changes_only_duration_;
}

void AlertNode::triggered(GroupState& s, int64_t time) const {
  s.last_triggered = time;
  // A first trigger since OK starts the alert's duration.
  const size_t previous = s.index == 0 ? s.history.size() - 1 : s.index - 1;
  if (s.history[previous] == kOk) s.first_triggered = time;
}

// Kapacitor's percentChange: state changes over the history, the newest weighted 1.5 times
// the oldest (weights from 1.2/1.5 up to 1.2).
double AlertNode::percent_change(const GroupState& s) const {
  const size_t l = s.history.size();
  double changes = 0;
  double weight = 0.8;  // Go computes the constant 1.2/1.5 exactly
  const double step = (1.2 - weight) / static_cast<double>(l - 1);
  for (size_t i = 0; i + 1 < l; ++i) {
    const size_t c = (i + s.index) % l;
    const size_t p = c == 0 ? l - 1 : c - 1;
    if (s.history[c] != s.history[p]) changes += weight;
    weight += step;
  }
  return changes / static_cast<double>(l - 1);
}

void AlertNode::save(runtime::StateWriter& out) const {
  out.u64(states_.size());
  states_.for_each([&](model::GroupKey group, const GroupState& s) {
    save_group(out, group);
    out.u64(s.history.size());
    for (Level level : s.history) out.u64(level);
    out.u64(s.index);
    out.boolean(s.flapping);
    out.boolean(s.changed);
    out.boolean(s.expired);
    out.i64(s.first_triggered);
    out.i64(s.last_triggered);
  });
  for (const auto& s : level_states_) save_expression_state(out, s);
  for (const auto& s : reset_states_) save_expression_state(out, s);
}

void AlertNode::restore(runtime::StateReader& in) {
  states_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    GroupState& s = states_[restore_group(in)];
    s.history.resize(in.u64());
    for (Level& level : s.history) level = static_cast<Level>(in.u64() & 3);
    s.index = in.u64();
    if (s.history.empty() || s.index >= s.history.size()) {
      throw runtime::StateError("alert state: history index out of range");
    }
    s.flapping = in.boolean();
    s.changed = in.boolean();
    s.expired = in.boolean();
    s.first_triggered = in.i64();
    s.last_triggered = in.i64();
  }
  for (auto& s : level_states_) restore_expression_state(in, s);
  for (auto& s : reset_states_) restore_expression_state(in, s);
}

}  // namespace farad::nodes
