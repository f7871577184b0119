#pragma once
// alert: raises alerts from level lambdas. Kapacitor's alert.go, without the alert service:
//
// * Per point (per batch: its highest level, or its lowest with `.all()`), the level is the
//   highest of crit/warn/info whose lambda is true, except that a level stays while its reset
//   lambda is false. Lambdas and their stateful functions are shared by all groups, as in
//   Kapacitor.
// * Per group, the last `.history()` levels decide flapping (`.flapping(low, high)`) and
//   state changes (`.stateChangesOnly([d])`); an event is raised for a non-OK level, or for OK
//   right after another level (a recovery, unless `.noRecoveries()`).
// * An event sends the point (or batch) on to the children with levelTag/idTag and
//   levelField/messageField/idField/durationField set, and writes the same point(s) to the
//   task's OutputSink: what the handlers would have been sent. Handlers, topics, inhibitors
//   and details are not run; id and message templates support the common actions only
//   (nodes/alert_template.hpp).

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "expr/compiled_expression.hpp"
#include "expr/expression_state.hpp"
#include "nodes/alert_template.hpp"
#include "runtime/group_table.hpp"
#include "runtime/node.hpp"

namespace farad::nodes {

class AlertNode : public runtime::Node {
 public:
  AlertNode(const compile::NodeSpec& spec, runtime::TaskContext& context);

  void save(runtime::StateWriter& out) const override;
  void restore(runtime::StateReader& in) override;
  size_t working_cardinality() const override { return states_.size(); }

 protected:
  void on_point(runtime::PointMessage&& message, int port) override;
  void on_batch(model::Batch&& batch, int port) override;
  void on_barrier(const runtime::BarrierMessage& barrier, int port) override;
  void on_delete_group(const runtime::DeleteGroupMessage& message, int port) override;

 private:
  enum Level : uint8_t { kOk, kInfo, kWarning, kCritical };
  struct GroupState {
    std::vector<Level> history;
    size_t index = 0;
    bool flapping = false;
    bool changed = false;
    bool expired = false;
    int64_t first_triggered = 0;  // kNoTime until triggered
    int64_t last_triggered = 0;
  };
  // The event an alert raised, as the augmented points carry it.
  struct Event {
    Level level = kOk;
    std::string id;
    std::string message;
    int64_t duration = 0;
  };

  GroupState& state(model::GroupKey group);
  Level determine_level(const model::Fields& fields, const model::Tags& tags, int64_t time,
                        Level current);
  std::optional<Level> first_match(int start, int stop, const model::Fields& fields,
                                   const model::Tags& tags, int64_t time);
  void add_event(GroupState& s, int64_t time, Level level) const;
  void triggered(GroupState& s, int64_t time) const;
  double percent_change(const GroupState& s) const;
  bool suppressed(const GroupState& s) const;

  AlertTemplateData template_data(std::string_view name, model::GroupKey group,
                                  const model::Tags& tags) const;
  Event make_event(std::string_view name, model::GroupKey group, const model::Tags& tags,
                   const model::Fields& fields, Level level, int64_t time, int64_t duration);
  bool augments_tags() const { return !level_tag_.empty() || !id_tag_.empty(); }
  void augment(model::Tags& tags, model::Fields& fields, const Event& event) const;
  void augment_tags(model::Tags& tags, const Event& event) const;

  std::array<std::optional<expr::CompiledExpression>, 4> levels_;
  std::array<std::optional<expr::CompiledExpression>, 4> resets_;
  std::array<expr::ExpressionState, 4> level_states_;
  std::array<expr::ExpressionState, 4> reset_states_;
  AlertTemplate id_template_;
  AlertTemplate message_template_;
  size_t history_ = 21;
  bool use_flapping_ = false;
  double flap_low_ = 0;
  double flap_high_ = 0;
  bool state_changes_only_ = false;
  int64_t state_changes_only_duration_ = 0;
  bool all_ = false;
  bool no_recoveries_ = false;
  std::string level_tag_, level_field_, message_field_, duration_field_, id_tag_, id_field_;
  runtime::GroupTable<GroupState> states_;
};

}  // namespace farad::nodes
