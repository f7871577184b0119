#pragma once
// flatten: merges the points of one time within a group into one point whose field names are
// built from the `.on()` tag values. Kapacitor's flatten.go: points are buffered per group
// while their time (rounded to `.tolerance()`) stays the same; a point of another time, a
// barrier past the buffer's time, or the end of a batch flushes the buffer as one point with
// fields `v1.v2.field` (tag values joined by `.delimiter()`, then the field name unless
// `.dropOriginalFieldName()`), the group tags and the buffer's time. A point missing an `on`
// tag is logged and left out. A stream's last buffer waits; `finish(flush)` emits it.

#include <optional>
#include <string>
#include <vector>

#include "model/batch.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class FlattenNode : public runtime::Node {
 public:
  FlattenNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void finish(bool flush) override;
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return groups_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  struct Group {
    int64_t time = 0;
    std::string name;
    std::vector<model::BatchPoint> points;  // time already rounded
  };
  // What adding a point flushed: the previous time's flattened fields.
  struct Flushed {
    int64_t time = 0;
    model::Fields fields;
  };

  Group& group(model::GroupKey key, std::string_view name, int64_t time);
  std::optional<Flushed> add(Group& g, model::BatchPoint&& point);
  model::Fields flatten(const std::vector<model::BatchPoint>& points);
  void emit_flattened(const Group& g, model::GroupKey key, model::Fields&& fields, int64_t time);

  std::vector<std::string> on_;
  std::string delimiter_ = ".";
  int64_t tolerance_ = 0;
  bool drop_original_name_ = false;
  runtime::GroupTable<Group> groups_;
};

}  // namespace farad::nodes
