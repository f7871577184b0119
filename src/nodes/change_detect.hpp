#pragma once
// changeDetect('f', ...): passes a point on only when one of the listed fields differs (in
// type or value) from the last point passed on in its group; the first point always passes.
// A listed field missing from a point is logged and does not count as a change. Batches
// start afresh. Kapacitor's change_detect.go.

#include <string>
#include <vector>

#include "model/point.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class ChangeDetectNode : public runtime::Node {
 public:
  ChangeDetectNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return previous_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void forget_group(model::GroupKey group) override { previous_.erase(group); }

 private:
  /// Whether `fields` changed from `previous`; if so, `previous` takes the watched values.
  bool changed(const model::Fields& fields, model::Fields& previous);

  std::vector<std::string> fields_;
  /// The watched fields of the last point passed on, per group.
  runtime::GroupTable<model::Fields> previous_;
};

}  // namespace farad::nodes
