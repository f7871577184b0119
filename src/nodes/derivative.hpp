#pragma once
// derivative: the rate of change of a field between consecutive points of a group (Kapacitor's
// derivative.go). Per group it remembers the last point whose field was numeric:
//
// * a point whose field is absent or not int/float is an error: dropped, previous unchanged;
// * the first point of a group (or of a batch) is only remembered;
// * zero elapsed time is an error: the point becomes the previous one, nothing is emitted;
// * with .nonNegative() a decrease emits nothing (the point still becomes the previous one);
// * otherwise a copy of the point is emitted with `as` (default: the field itself, overwritten)
//   set to (cur - prev) / (elapsed / unit) as a float, all other fields and tags kept.
//
// Negative elapsed time (out-of-order points) is not checked, as in Kapacitor. On a batch edge
// the previous point is forgotten at every batch, so each batch loses its first point.

#include <optional>
#include <string>

#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class DerivativeNode : public runtime::Node {
 public:
  DerivativeNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  /// The previous point: only its field value (as float) and time are ever used.
  struct Previous {
    bool set = false;
    double value = 0;
    int64_t time = 0;
  };

  /// The rate from `previous` to (fields, time), updating `previous`; nullopt: emit nothing.
  std::optional<double> derive(Previous& previous, const model::Fields& fields, int64_t time);

  std::string field_;
  std::string as_;
  int64_t unit_ = 1'000'000'000;
  bool non_negative_ = false;
  runtime::GroupTable<Previous> groups_;
};

}  // namespace farad::nodes
