#pragma once
// sample(n): keeps the first of every n points of a group (the count restarts with each
// batch); sample(d): keeps the points whose time is a multiple of d (Go's Truncate, relative
// to Go's zero time). Kapacitor's sample.go.

#include <cstdint>

#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class SampleNode : public runtime::Node {
 public:
  SampleNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return counts_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void forget_group(model::GroupKey group) override { counts_.erase(group); }

 private:
  /// Whether the count-th point (from 0) at `time` is kept; advances the count.
  bool keep(int64_t& count, int64_t time) const;

  int64_t n_ = 0;
  int64_t duration_ = 0;
  runtime::GroupTable<int64_t> counts_;  // points seen per group (since the batch began)
};

}  // namespace farad::nodes
