#pragma once
// influxDBOut: writes every point (or every point of a batch) to InfluxDB. Until the InfluxDB
// sink exists, points go to the task's OutputSink exactly as they would be written:
// measurement from .measurement() or the point/batch name, .tag()s overriding point tags.

#include "nodes/point_writer.hpp"

namespace farad::nodes {

class InfluxDBOutNode : public PointWriterNode {
 public:
  using PointWriterNode::PointWriterNode;
};

}  // namespace farad::nodes
