#pragma once
// Runs one replay: a fresh instance of the task's spec (never the running task: its state is
// untouched) fed from a PointSource with Kapacitor's clock and time shifting, its outputs going
// through the task's own output nodes. fileOut writes beside the live file: its path gets the
// suffix `.replay-<replay id>`, so a replay never appends to or truncates the task's output.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "compile/task_spec.hpp"
#include "daemon/batch_source.hpp"
#include "daemon/point_source.hpp"
#include "daemon/replay_clock.hpp"
#include "runtime/connections.hpp"

namespace farad::daemon {

struct ReplayPlan {
  std::string id;
  std::shared_ptr<const compile::TaskSpec> spec;  ///< compiled from the task's definition
  std::filesystem::path output_dir;               ///< relative fileOut paths resolve here
  ReplayClockKind clock = ReplayClockKind::Fast;
  bool recording_time = false;
  int64_t zero_ns = 0;  ///< the wall time the first point maps to
  std::shared_ptr<const runtime::Connections> connections;  ///< the output nodes' services
};

/// The spec with every fileOut path suffixed `.replay-<id>`.
std::shared_ptr<const compile::TaskSpec> replay_spec(const compile::TaskSpec& spec,
                                                     const std::string& id);

struct ReplayOutcome {
  std::string error;         ///< "" when it finished
  std::string stats = "{}";  ///< Kapacitor's ExecutionStats as JSON
};

/// Replays every point of `source` of the spec's dbrps. `progress` is called now and then with
/// 0..1; `cancelled` is polled (a real clock's waits too). Never throws.
ReplayOutcome run_replay(const ReplayPlan& plan, PointSource& source,
                         const std::function<void(double)>& progress,
                         const std::atomic<bool>& cancelled);

/// Replays the batches of the source `open` gives (it is handed the replay task's group
/// interner) into a fresh instance of a batch task, with Kapacitor's replayBatchFromChan rule:
/// per query node, the first point of its first batch maps to the clock's zero. Never throws.
ReplayOutcome run_batch_replay(
    const ReplayPlan& plan,
    const std::function<std::unique_ptr<BatchSource>(model::GroupKeyInterner&)>& open,
    const std::function<void(double)>& progress, const std::atomic<bool>& cancelled);

}  // namespace farad::daemon
