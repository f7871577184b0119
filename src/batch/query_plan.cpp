#include "batch/query_plan.hpp"

namespace farad::batch {
namespace {

int64_t duration_of(const compile::NodeSpec& node, std::string_view name) {
  const compile::Value* value = node.property(name);
  return value ? value->integer : 0;
}

GroupByDimensions dimensions_of(const compile::NodeSpec& node) {
  GroupByDimensions dims;
  const auto settings = node.all("groupBy");
  if (settings.empty()) return dims;
  for (const compile::Value& value : settings.back()->args) {  // the last .groupBy() wins
    switch (value.type) {
      case compile::ValueType::String:
        dims.tags.push_back(value.text);
        break;
      case compile::ValueType::Star:
        dims.tags.emplace_back("*");
        break;
      case compile::ValueType::Duration:
      case compile::ValueType::TimeDimension:
        if (dims.time_length) {
          throw QueryPlanError("groupBy cannot have more than one time dimension");
        }
        dims.time_length = value.integer;
        dims.time_offset = value.type == compile::ValueType::TimeDimension ? value.offset : 0;
        dims.time_position = dims.tags.size();
        break;
      default:
        throw QueryPlanError(std::string("invalid dimension type:") +
                             compile::type_name(value.type) + ", must be string or time.Duration");
    }
  }
  return dims;
}

FillOption fill_of(const compile::NodeSpec& node) {
  const compile::Value* fill = node.property("fill");
  if (!fill) return {};
  switch (fill->type) {
    case compile::ValueType::String:
      return fill->text;
    case compile::ValueType::Int:
      return fill->integer;
    case compile::ValueType::Float:
      return fill->number;
    default:
      return {};
  }
}

Schedule schedule_of(const compile::NodeSpec& node) {
  const int64_t every = duration_of(node, "every");
  const std::string cron = node.text("cron");
  if (every != 0 && !cron.empty()) {
    throw QueryPlanError("must not set both 'every' and 'cron' properties");
  }
  if (every > 0) return Schedule::every(every, node.has("align"));
  if (!cron.empty()) {
    try {
      return Schedule::cron(cron);
    } catch (const CronError& e) {
      throw QueryPlanError(e.what());
    }
  }
  if (every < 0) throw QueryPlanError("'every' duration must must non-negative");
  throw QueryPlanError("must define one of 'every' or 'cron'");
}

}  // namespace

QueryPlan query_plan(const compile::NodeSpec& node) {
  const std::string query = node.args.empty() ? std::string() : node.args.front().text;
  try {
    return QueryPlan{
        .node = node.name,
        .text = QueryText(query, dimensions_of(node), fill_of(node), node.has("alignGroup")),
        .schedule = schedule_of(node),
        .period = duration_of(node, "period"),
        .offset = duration_of(node, "offset"),
        .cluster = node.text("cluster")};
  } catch (const QueryTextError& e) {
    throw QueryPlanError(e.what());
  }
}

std::vector<QueryPlan> query_plans(const compile::TaskSpec& spec) {
  std::vector<QueryPlan> plans;
  for (int index : spec.walk_order()) {
    const compile::NodeSpec& node = spec.nodes[static_cast<size_t>(index)];
    if (node.type == "query") plans.push_back(query_plan(node));
  }
  return plans;
}

}  // namespace farad::batch
