#pragma once
// es: writes every point (or every point of a batch) to Elasticsearch as a document. farad's
// own node: Kapacitor has none. Until the Elasticsearch sink exists, documents go to the task's
// OutputSink as the points they are made from: measurement from .measurement() or the data's
// own name, .tag()s overriding point tags (the same shaping as influxDBOut).

#include "nodes/point_writer.hpp"

namespace farad::nodes {

class EsOutNode : public PointWriterNode {
 public:
  using PointWriterNode::PointWriterNode;
};

}  // namespace farad::nodes
