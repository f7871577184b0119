#pragma once
// influxDBOut: writes every point (or every point of a batch) to InfluxDB. Until the InfluxDB
// sink exists, points go to the task's OutputSink exactly as they would be written:
// measurement from .measurement() or the point/batch name, .tag()s overriding point tags.

#include "runtime/node.hpp"

namespace farad::nodes {

class InfluxDBOutNode : public runtime::Node {
 public:
  InfluxDBOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;

 private:
  void write(model::Point&& point);

  std::string measurement_;
  std::string database_;
  std::string retention_policy_;
  model::Tags static_tags_;
};

}  // namespace farad::nodes
