#pragma once
// combine: pairs up the points of one time within a group, one point per lambda, in every
// combination. Kapacitor's combine.go: points are buffered per group while their time (rounded
// to `.tolerance()`) stays the same; when a point of another time arrives, or a batch ends,
// each buffered point is tested against every lambda, and for every k-subset of the buffer
// (k = number of lambdas, in lexicographic order) each lambda takes the first remaining point
// it matches. A full match is emitted: fields and non-group tags prefixed `as + delimiter`,
// group tags as they are, time the rounded time. More than `.max()` combinations is an error.
// A stream's last buffer waits for a later point; `finish(flush)` emits it.

#include <string>
#include <vector>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "model/batch.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class CombineNode : public runtime::Node {
 public:
  CombineNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

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
    std::vector<model::BatchPoint> points;      // time already rounded
    std::vector<expr::ExpressionState> states;  // one per lambda
  };

  Group& group(model::GroupKey key, std::string_view name, int64_t time);
  void add(Group& g, model::GroupKey key, model::BatchPoint&& point);
  void combine(Group& g, model::GroupKey key);
  void emit_combination(const Group& g, model::GroupKey key,
                        const std::vector<const model::BatchPoint*>& set);

  std::vector<expr::CompiledExpression> expressions_;
  std::vector<std::string> names_;
  std::string delimiter_ = ".";
  int64_t tolerance_ = 0;
  int64_t max_ = 1000000;
  runtime::GroupTable<Group> groups_;
};

}  // namespace farad::nodes
