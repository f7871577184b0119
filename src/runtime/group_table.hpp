#pragma once
// Per-group state of one node: a table indexed by the task's dense group key index.
// Group keys are interned per task, so indexing by key is both the fastest map and a
// deterministic iteration order (first-seen order of groups in the task). The slots live in
// fixed chunks: a table of tens of thousands of groups grows without copying its states and
// without the unused half a doubling vector would keep (memory is bounded by series).

#include <array>
#include <memory>
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
    if (i / kChunk >= chunks_.size()) chunks_.resize(i / kChunk + 1);
    auto& chunk = chunks_[i / kChunk];
    if (!chunk) chunk = std::make_unique<Chunk>();
    auto& slot = (*chunk)[i % kChunk];
    if (!slot) {
      slot.emplace();
      ++size_;
    }
    return *slot;
  }

  /// The state of `group`, or nullptr if it has none.
  State* find(model::GroupKey group) {
    auto* slot = slot_of(group.index());
    return slot && *slot ? &**slot : nullptr;
  }
  const State* find(model::GroupKey group) const {
    const auto* slot = slot_of(group.index());
    return slot && *slot ? &**slot : nullptr;
  }

  /// Forgets `group` (barrier().delete(TRUE)).
  void erase(model::GroupKey group) {
    auto* slot = slot_of(group.index());
    if (slot && *slot) {
      slot->reset();
      --size_;
    }
  }

  /// Number of groups with state: the node's working cardinality.
  size_t size() const { return size_; }

  /// Calls f(GroupKey, State&) for every group with state, in group-key order.
  template <typename F>
  void for_each(F&& f) {
    for_each_slot(*this, f);
  }

  /// Calls f(GroupKey, const State&) for every group with state, in group-key order.
  template <typename F>
  void for_each(F&& f) const {
    for_each_slot(*this, f);
  }

  void clear() {
    chunks_.clear();
    size_ = 0;
  }

 private:
  static constexpr size_t kChunk = 256;
  using Chunk = std::array<std::optional<State>, kChunk>;

  std::optional<State>* slot_of(size_t i) const {
    if (i / kChunk >= chunks_.size() || !chunks_[i / kChunk]) return nullptr;
    return &(*chunks_[i / kChunk])[i % kChunk];
  }

  template <typename Table, typename F>
  static void for_each_slot(Table& table, F& f) {
    for (size_t c = 0; c < table.chunks_.size(); ++c) {
      if (!table.chunks_[c]) continue;
      for (size_t k = 0; k < kChunk; ++k) {
        auto& slot = (*table.chunks_[c])[k];
        if (slot) f(model::GroupKey::from_index(static_cast<uint32_t>(c * kChunk + k)), *slot);
      }
    }
  }

  std::vector<std::unique_ptr<Chunk>> chunks_;
  size_t size_ = 0;
};

}  // namespace farad::runtime
