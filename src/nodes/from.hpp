#pragma once
// from: selects the points of a stream by database, retention policy, measurement and
// where-lambdas, quantises their time (truncate, round) and sets their group (groupBy,
// groupByMeasurement). Kapacitor's stream.go FromNode.

#include <optional>
#include <string_view>
#include <vector>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "model/group_key.hpp"
#include "model/group_key_cache.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class FromNode : public runtime::Node {
 public:
  FromNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  /// The where expression's stateful functions (from has one state for all points: it sees
  /// them before they are grouped).
  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  /// Compact points, unless a where lambda needs the whole point.
  bool takes_compact() const override { return !where_; }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_compact(model::CompactPoint& point, int port) override;

 private:
  /// What from decides for every point of one series of compact points, decided once.
  struct SeriesVerdict {
    bool known = false;
    bool selected = false;
    model::GroupKey group;
  };

  bool matches(const model::Point& point);
  bool matches_series(std::string_view database, std::string_view retention_policy,
                      std::string_view name) const;
  const SeriesVerdict& verdict(uint32_t series);
  int64_t quantise(int64_t time) const;

  std::string database_;
  std::string retention_policy_;
  std::string measurement_;
  int64_t truncate_ = 0;
  int64_t round_ = 0;
  bool group_by_star_ = false;
  model::Dimensions dimensions_;
  model::GroupKeyCache groups_;  // the group of each series of dimensions_ values seen
  std::optional<expr::CompiledExpression> where_;
  expr::ExpressionState where_state_;
  std::vector<SeriesVerdict> verdicts_;  // by series id
};

}  // namespace farad::nodes
