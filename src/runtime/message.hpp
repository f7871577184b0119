#pragma once
// What travels along an edge, as in Kapacitor's edge package: points (stream edges), whole
// batches (batch edges), barriers and group deletions. Batches travel buffered (Kapacitor's
// BufferedBatchMessage); fused windows never materialise theirs.

#include <cstdint>
#include <variant>

#include "model/batch.hpp"
#include "model/group_key.hpp"
#include "model/point.hpp"

namespace farad::runtime {

/// A point of a stream edge and the group it belongs to (its dimensions applied).
struct PointMessage {
  model::Point point;
  model::GroupKey group;
};

/// Kapacitor's Barrier: data time has reached `time` for `group`.
struct BarrierMessage {
  model::GroupKey group;
  int64_t time = 0;
};

/// Kapacitor's DeleteGroup: forget every state kept for `group`.
struct DeleteGroupMessage {
  model::GroupKey group;
};

using Message = std::variant<PointMessage, model::Batch, BarrierMessage, DeleteGroupMessage>;

}  // namespace farad::runtime
