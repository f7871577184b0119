#pragma once
// from: selects the points of a stream by database, retention policy, measurement and
// where-lambdas, quantises their time (truncate, round) and sets their group (groupBy,
// groupByMeasurement). Kapacitor's stream.go FromNode.

#include <optional>

#include "model/group_key.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class FromNode : public runtime::Node {
 public:
  FromNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;

 private:
  std::string database_;
  std::string retention_policy_;
  std::string measurement_;
  int64_t truncate_ = 0;
  int64_t round_ = 0;
  bool group_by_star_ = false;
  model::Dimensions dimensions_;
};

}  // namespace farad::nodes
