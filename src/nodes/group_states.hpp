#pragma once
// Read-only iteration over a node's GroupTable, for save(): GroupTable::for_each is not const.
// Groups come in key order, the same order for_each gives.

#include <cstdint>

#include "runtime/group_table.hpp"
#include "runtime/task_context.hpp"

namespace farad::nodes {

/// Calls f(GroupKey, const State&) for every group of `table`, in group-key order.
template <typename State, typename F>
void for_each_group(const runtime::GroupTable<State>& table, const runtime::TaskContext& context,
                    F&& f) {
  const auto count = static_cast<uint32_t>(context.interner.size());
  for (uint32_t i = 0; i < count; ++i) {
    const model::GroupKey key = model::GroupKey::from_index(i);
    if (const State* state = table.find(key)) f(key, *state);
  }
}

}  // namespace farad::nodes
