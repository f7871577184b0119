#pragma once
// query: the source of a batch task. Batches enter through Task::push_batch, from the batch
// scheduler (src/batch: the node's query run against InfluxDB on its schedule) or from a
// replayed .brpl recording (`farad run`), and this node passes them on.
//
// Grouping: Kapacitor replaces the query's GROUP BY with `.groupBy()`, so InfluxDB returns one
// series per group whose tags are exactly the group-by tags, and each batch's group is built
// from all of its tags (sorted), by measurement when `.groupByMeasurement()` is set
// (edge.ResultToBufferedBatches); a replayed recording rebuilds it the same way from the
// recorded tags and `byname`. This node does the same, so a batch pushed with any group
// leaves with Kapacitor's: all batch tags as dimensions, by name when the query or the
// recording says so. Batch times are the caller's (a replay sets tmax as Kapacitor does).

#include <optional>

#include "runtime/node.hpp"

namespace farad::nodes {

class QueryNode : public runtime::Node {
 public:
  QueryNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// Counts a batch its query returned (Kapacitor's batches_queried and points_queried).
  void count_queried(size_t points);
  /// The stop of the last window whose query completed, nullopt before the first. Kept in the
  /// node state, so that a restored checkpoint knows which periods ran.
  std::optional<int64_t> last_stop() const { return last_stop_; }
  void set_last_stop(int64_t stop) { last_stop_ = stop; }

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;

 protected:
  void on_batch(model::Batch&& batch, int port) override;

 private:
  bool by_measurement_ = false;
  std::optional<int64_t> last_stop_;
};

}  // namespace farad::nodes
