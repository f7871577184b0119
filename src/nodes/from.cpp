#include "nodes/from.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "nodes/point_scope.hpp"
#include "nodes/time_quantise.hpp"

namespace farad::nodes {
namespace {

const lang::Node& lambda_expression(const compile::Value& value) {
  const lang::Node& lambda = *value.lambda;
  return lambda.kind == lang::NodeKind::Lambda ? *lambda.children.front() : lambda;
}

// Kapacitor's FromNode.Where: each further `.where` becomes `previous AND next`.
lang::NodePtr combined_where(const compile::NodeSpec& spec) {
  lang::NodePtr combined;
  for (const auto* setting : spec.all("where")) {
    if (setting->args.empty() || !setting->args.front().lambda) continue;
    lang::NodePtr next = lang::clone(lambda_expression(setting->args.front()));
    if (!combined) {
      combined = std::move(next);
      continue;
    }
    auto both = std::make_unique<lang::Node>();
    both->kind = lang::NodeKind::Binary;
    both->text = "AND";
    both->span = next->span;
    both->op_offset = next->span.begin;
    both->children.push_back(std::move(combined));
    both->children.push_back(std::move(next));
    combined = std::move(both);
  }
  return combined;
}

}  // namespace

FromNode::FromNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  database_ = spec.text("database");
  retention_policy_ = spec.text("retentionPolicy");
  measurement_ = spec.text("measurement");
  if (const auto* v = spec.property("truncate")) truncate_ = v->integer;
  if (const auto* v = spec.property("round")) round_ = v->integer;
  dimensions_.by_name = spec.has("groupByMeasurement");
  if (const auto settings = spec.all("groupBy"); !settings.empty()) {
    for (const auto& dim : settings.back()->args) {
      if (dim.type == compile::ValueType::Star) group_by_star_ = true;
      if (dim.type == compile::ValueType::String) dimensions_.tag_names.push_back(dim.text);
    }
  }
  std::sort(dimensions_.tag_names.begin(), dimensions_.tag_names.end());
  if (const lang::NodePtr where = combined_where(spec)) {
    where_ = compile_lambda(*where, "Failed to compile from expression");
  }
}

bool FromNode::matches_series(std::string_view database, std::string_view retention_policy,
                              std::string_view name) const {
  if (!database_.empty() && database != database_) return false;
  if (!retention_policy_.empty() && retention_policy != retention_policy_) return false;
  return measurement_.empty() || name == measurement_;
}

bool FromNode::matches(const model::Point& point) {
  if (!matches_series(point.database, point.retention_policy, point.name)) return false;
  if (!where_) return true;
  const PointScope scope(point.fields, point.tags, point.time);
  const expr::Evaluation result = expr::evaluate_predicate(*where_, scope, where_state_);
  if (!result.ok()) {
    error(fmt::format("failed to evaluate WHERE expression: {}", result.error));
    return false;
  }
  return result.value.as_bool();
}

void FromNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& point = message.point;
  // The where lambda sees the original time: quantising comes after.
  if (!matches(point)) return;
  point.time = quantise(point.time);
  if (group_by_star_) {
    // `*` groups by every tag the point has.
    model::Dimensions dims{{}, dimensions_.by_name};
    for (const auto& tag : point.tags) dims.tag_names.push_back(tag.first);
    message.group = context_.interner.intern(point, dims);
  } else {
    message.group = groups_.intern(context_.interner, point, dimensions_);
  }
  emit_point(std::move(message));
}

int64_t FromNode::quantise(int64_t time) const {
  if (truncate_ > 0) time = go_truncate(time, truncate_);
  if (round_ > 0) time = go_round(time, round_);
  return time;
}

const FromNode::SeriesVerdict& FromNode::verdict(uint32_t series) {
  if (series >= verdicts_.size()) verdicts_.resize(series + 1);
  SeriesVerdict& verdict = verdicts_[series];
  if (verdict.known) return verdict;
  const model::SeriesRef entry = context_.series[series];
  verdict.known = true;
  verdict.selected = matches_series(entry.database, entry.retention_policy, entry.name);
  if (!verdict.selected) return verdict;
  model::Dimensions dims = dimensions_;
  if (group_by_star_) {
    dims.tag_names.clear();
    for (const auto& tag : entry.tags) dims.tag_names.push_back(tag.first);
  }
  verdict.group = context_.interner.intern(entry.name, entry.tags, dims);
  return verdict;
}

void FromNode::on_compact(model::CompactPoint& point, int /*port*/) {
  const SeriesVerdict& v = verdict(point.series);
  if (!v.selected) return;
  point.time = quantise(point.time);
  point.group = v.group;
  emit_compact(point);
}

void FromNode::save(runtime::StateWriter& out) const {
  out.boolean(where_ && where_->is_stateful());
  if (where_ && where_->is_stateful()) save_expression_state(out, where_state_);
}

void FromNode::restore(runtime::StateReader& in) {
  if (in.boolean()) restore_expression_state(in, where_state_);
}

}  // namespace farad::nodes
