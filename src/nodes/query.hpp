#pragma once
// query: the source of a batch task. Farad does not query InfluxDB yet: batches enter through
// Task::push_batch (`farad run` replays a .brpl recording) and this node passes them on.
//
// Grouping: Kapacitor replaces the query's GROUP BY with `.groupBy()`, so InfluxDB returns one
// series per group whose tags are exactly the group-by tags, and each batch's group is built
// from all of its tags (sorted), by measurement when `.groupByMeasurement()` is set
// (edge.ResultToBufferedBatches); a replayed recording rebuilds it the same way from the
// recorded tags and `byname`. This node does the same, so a batch pushed with any group
// leaves with Kapacitor's: all batch tags as dimensions, by name when the query or the
// recording says so. Batch times are the caller's (a replay sets tmax as Kapacitor does).

#include "runtime/node.hpp"

namespace farad::nodes {

class QueryNode : public runtime::Node {
 public:
  QueryNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_batch(model::Batch&& batch, int port) override;

 private:
  bool by_measurement_ = false;
};

}  // namespace farad::nodes
