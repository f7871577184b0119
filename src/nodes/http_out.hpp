#pragma once
// httpOut: keeps the last point or batch of each group at an endpoint, as Kapacitor serves it
// at GET /kapacitor/v1/tasks/<task>/<endpoint>, and passes the data on. Kapacitor's
// http_out.go with edge/messages.go ToRow:
//
// * One series per group, in the order groups first reached the node (a barrier counts: its
//   group's series stays null until data arrives); deleting a group removes its series.
// * Point: name, the point's full tags, columns "time" + sorted field names, one row.
// * Batch: name, the batch tags, columns "time" + the sorted names of the first point's fields
//   and of its tags that are not batch tags, one row per point (a cell a point lacks is null);
//   an empty batch has neither columns nor rows.
//
// The content lives in TaskContext::http_out; nodes/http_out_json.hpp renders it.

#include <string>
#include <vector>

#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class HttpOutNode : public runtime::Node {
 public:
  HttpOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return order_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  runtime::HttpOutEndpoint& endpoint() { return context_.http_out[endpoint_]; }
  /// The series slot of `group`, created (null) on first use.
  std::optional<runtime::HttpOutSeries>& slot(model::GroupKey group);

  std::string endpoint_;
  runtime::GroupTable<size_t> positions_;  // group → index in the endpoint's series
  std::vector<model::GroupKey> order_;     // group at each index
};

/// Kapacitor's PointMessage.ToRow.
runtime::HttpOutSeries point_series(const model::Point& point);
/// Kapacitor's BufferedBatchMessage.ToRow.
runtime::HttpOutSeries batch_series(const model::Batch& batch);

}  // namespace farad::nodes
