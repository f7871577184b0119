#pragma once
// Per-group state of one node: a flat table indexed by the task's dense group key index.
// Group keys are interned per task, so a vector indexed by key is both the fastest map and a
// deterministic iteration order (first-seen order of groups in the task).

#include <optional>
#include <vector>

#include "model/group_key.hpp"

namespace farad::runtime {

template <typename State>
class GroupTable {
 public:
  /// The state of `group`, created (value-initialised) on first use.
  State& operator[](model::GroupKey group) {
    const size_t i = group.index();
    if (i >= slots_.size()) slots_.resize(i + 1);
    if (!slots_[i]) {
      slots_[i].emplace();
      ++size_;
    }
    return *slots_[i];
  }

  /// The state of `group`, or nullptr if it has none.
  State* find(model::GroupKey group) {
    const size_t i = group.index();
    return i < slots_.size() && slots_[i] ? &*slots_[i] : nullptr;
  }
  const State* find(model::GroupKey group) const {
    const size_t i = group.index();
    return i < slots_.size() && slots_[i] ? &*slots_[i] : nullptr;
  }

  /// Forgets `group` (barrier().delete(TRUE)).
  void erase(model::GroupKey group) {
    const size_t i = group.index();
    if (i < slots_.size() && slots_[i]) {
      slots_[i].reset();
      --size_;
    }
  }

  /// Number of groups with state: the node's working cardinality.
  size_t size() const { return size_; }

  /// Calls f(GroupKey, State&) for every group with state, in group-key order.
  template <typename F>
  void for_each(F&& f) {
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i]) f(model::GroupKey::from_index(static_cast<uint32_t>(i)), *slots_[i]);
    }
  }

  /// Calls f(GroupKey, const State&) for every group with state, in group-key order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i]) f(model::GroupKey::from_index(static_cast<uint32_t>(i)), *slots_[i]);
    }
  }

  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  std::vector<std::optional<State>> slots_;
  size_t size_ = 0;
};

}  // namespace farad::runtime
