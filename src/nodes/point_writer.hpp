#pragma once
// The shared front of the nodes that send data out of a task (influxDBOut, es,
// kapacitorLoopback): each point, or each point of a batch as a point named after the batch,
// is shaped by the node's .measurement()/.database()/.retentionPolicy()/.tag() properties and
// handed to write().

#include <string>

#include "runtime/node.hpp"

namespace farad::nodes {

/// The properties that rename a point and add static tags before it leaves the task.
struct PointShape {
  std::string measurement;
  std::string database;
  std::string retention_policy;
  model::Tags tags;

  /// Reads measurement, database, retentionPolicy and the tag(key, value) settings of `spec`.
  static PointShape from_spec(const compile::NodeSpec& spec);
  void apply(model::Point& point) const;
};

class PointWriterNode : public runtime::Node {
 public:
  PointWriterNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
      : Node(spec, context), shape_(PointShape::from_spec(spec)) {}

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  /// Receives every shaped point. Default: the task's OutputSink (the capture of `farad run`).
  virtual void write(model::Point&& point);

  PointShape shape_;
};

}  // namespace farad::nodes
