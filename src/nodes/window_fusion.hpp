#pragma once
// Fused window aggregates (docs/architecture.md, decision 2). A window whose children are all
// aggregates with O(1) state per window does not buffer points: it sends each point that belongs
// to the open window straight to its children (as a PointMessage on its batch edge) and closes
// the window with an empty Batch carrying the window's name, group, tags and time. The
// InfluxQL node (and rollup) treat those as the points and the end of one batch, with the same
// accumulators in the same order, so fused and buffered windows give the same output bit for bit.
//
// Fusion applies when the windows of a group never overlap: time windows with 0 < period <=
// every (each point belongs to at most one window) and count windows with periodCount <=
// everyCount. Overlapping windows (period > every, every 0) keep the buffer.

#include <string_view>

#include "compile/task_spec.hpp"

namespace farad::nodes {

/// Whether windows may run fused. Read once from the environment: FARAD_NO_FUSION=1 disables.
bool fusion_enabled();
/// Overrides the environment for the rest of the process (tests run both paths).
void set_fusion_enabled(bool enabled);

/// The aggregates a fused window can feed point by point: count, sum, mean, min, max, first,
/// last, spread, rollup (constant state) and stddev (keeps the values: InfluxDB's two-pass
/// algorithm needs them to give the same bits).
bool is_decomposable_aggregate(std::string_view node_type);

/// Whether every child of `window` is a decomposable aggregate (and there is one at least).
bool children_decomposable(const compile::TaskSpec& task, const compile::NodeSpec& window);

}  // namespace farad::nodes
