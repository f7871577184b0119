#include "nodes/state_tracking.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "nodes/point_scope.hpp"

namespace farad::nodes {

StateTrackingNode::StateTrackingNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context),
      duration_(spec.type == "stateDuration"),
      as_(duration_ ? "state_duration" : "state_count"),
      expression_(compile_lambda(*spec.args.at(0).lambda, "Failed to compile expression")) {
  if (const auto* v = spec.property("as")) as_ = v->text;
  if (const auto* v = spec.property("unit")) unit_ = v->integer;
}

StateTrackingNode::Tracker& StateTrackingNode::tracker(model::GroupKey group) {
  if (Tracker* found = groups_.find(group)) return *found;
  Tracker& created = groups_[group];
  created.expression = fresh_expression_state(context_.interner.id(group), 0);
  return created;
}

bool StateTrackingNode::track(model::Fields& fields, const model::Tags& tags, int64_t time,
                              Tracker& t) {
  const PointScope scope(fields, tags, time);
  const expr::Evaluation result = expr::evaluate_predicate(expression_, scope, t.expression);
  if (!result.ok()) {
    error(fmt::format("error while evaluating expression: {}", result.error));
    return false;
  }
  if (!result.value.as_bool()) {
    t.reset();
    model::set_field(fields, as_,
                     duration_ ? model::FieldValue(-1.0) : model::FieldValue(int64_t{-1}));
    return true;
  }
  if (duration_) {
    if (!t.in_state) {
      t.in_state = true;
      t.start = time;
    }
    const double elapsed = static_cast<double>(time - t.start);
    model::set_field(fields, as_, elapsed / static_cast<double>(unit_));
  } else {
    model::set_field(fields, as_, ++t.count);
  }
  return true;
}

void StateTrackingNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& p = message.point;
  if (track(p.fields, p.tags, p.time, tracker(message.group))) emit_point(std::move(message));
}

void StateTrackingNode::on_batch(model::Batch&& batch, int /*port*/) {
  Tracker& t = tracker(batch.group);
  t.reset();
  std::erase_if(batch.points,
                [&](model::BatchPoint& p) { return !track(p.fields, p.tags, p.time, t); });
  emit_batch(std::move(batch));
}

void StateTrackingNode::save(runtime::StateWriter& out) const {
  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey group, const Tracker& t) {
    save_group(out, group);
    save_expression_state(out, t.expression);
    out.boolean(t.in_state);
    out.i64(t.start);
    out.i64(t.count);
  });
}

void StateTrackingNode::restore(runtime::StateReader& in) {
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    Tracker& t = groups_[restore_group(in)];
    restore_expression_state(in, t.expression);
    t.in_state = in.boolean();
    t.start = in.i64();
    t.count = in.i64();
  }
}

}  // namespace farad::nodes
