#pragma once
// Runs the windows of a batch task's query nodes: the query for a window goes to the node's
// InfluxDB server, its series come back as batches, and the batches enter the task at that
// node. Fetching and delivering are separate steps so that the daemon can query without
// holding its tasks lock.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/influxdb_query_client.hpp"
#include "batch/query_plan.hpp"
#include "model/batch.hpp"
#include "runtime/task.hpp"

namespace farad::batch {

/// The batches of one window of one query node.
struct WindowBatches {
  size_t query_index = 0;
  QueryWindow window;
  std::string query;  ///< the InfluxQL sent
  std::vector<model::Batch> batches;
  std::string error;  ///< why the query failed; the batches are then empty
};

/// One HTTP connection per server; not thread-safe.
class BatchQueryRunner {
 public:
  /// `connections` null: every query fails with "InfluxDB not configured".
  explicit BatchQueryRunner(std::shared_ptr<const runtime::Connections> connections);
  ~BatchQueryRunner();

  /// Queries the window. Failures (server, answer) are returned in `error`, not thrown:
  /// Kapacitor logs them and goes on with the next tick.
  WindowBatches fetch(const QueryPlan& plan, size_t query_index, const QueryWindow& window);

 private:
  std::shared_ptr<const runtime::Connections> connections_;
  std::map<std::string, std::unique_ptr<InfluxQueryClient>> clients_;
};

/// Pushes the fetched batches into the task at their query node (counting them in its
/// batches_queried and points_queried) and records the window's stop as that node's last.
void deliver(runtime::Task& task, WindowBatches&& fetched);

/// The stop of the last window run by the task's `query_index`-th query node (restored from a
/// checkpoint), or nullopt.
std::optional<int64_t> last_stop(runtime::Task& task, size_t query_index);

/// Every window of every query node with a tick in (start, stop] that ended by `now`, ordered
/// by tick (then node), as `record batch` and `replay-live batch` run them.
std::vector<std::pair<size_t, QueryWindow>> windows_of_task(const std::vector<QueryPlan>& plans,
                                                            int64_t start, int64_t stop,
                                                            int64_t now);

}  // namespace farad::batch
