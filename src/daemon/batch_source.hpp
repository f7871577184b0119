#pragma once
// Where a batch replay's batches come from: a batch recording (`.brpl`), or the task's own
// queries run now over a time range (Kapacitor's replay-live batch, and record batch). Each
// reports how far it has got, for the job's "progress".

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/query_plan.hpp"
#include "compile/task_spec.hpp"
#include "model/batch.hpp"
#include "model/group_key.hpp"
#include "runtime/connections.hpp"

namespace farad::daemon {

struct SourcedBatch {
  size_t query_index = 0;  ///< the query node it enters at
  model::Batch batch;
  /// A recorded batch's tmax as recorded (unshifted); nullopt for a batch just queried, whose
  /// time is its tmax.
  std::optional<int64_t> recorded_tmax;
};

class BatchSource {
 public:
  virtual ~BatchSource() = default;
  /// The next batch; false at the end. Throws on unreadable input or a failed query.
  virtual bool next(SourcedBatch& out) = 0;
  /// How much of the input has been read, 0..1.
  virtual double progress() const = 0;
};

/// The batches of a `.brpl` file, the i-th entry feeding the i-th query node, merged by time.
std::unique_ptr<BatchSource> batch_recording_source(const std::filesystem::path& path,
                                                    model::GroupKeyInterner& interner);

/// The batches the given query nodes' queries return for every window with a tick in
/// (start, stop] that ended by now, in tick order. A failed query throws, as Kapacitor's
/// recording of a batch fails on the first query error.
std::unique_ptr<BatchSource> live_batch_source(
    std::vector<batch::QueryPlan> plans, std::vector<size_t> query_indexes,
    std::shared_ptr<const runtime::Connections> connections, int64_t start, int64_t stop);

/// The batches an ad hoc InfluxQL query returns (Kapacitor's record query and replay-live
/// query), all entering the first query node. `cluster` empty: the default server.
std::unique_ptr<BatchSource> query_batch_source(
    std::string query, std::string cluster,
    std::shared_ptr<const runtime::Connections> connections);

}  // namespace farad::daemon
