#include "nodes/alert.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "expr/evaluate.hpp"
#include "nodes/go_time.hpp"
#include "nodes/point_scope.hpp"

namespace farad::nodes {
namespace {

constexpr std::array<std::string_view, 4> kLevelNames = {"OK", "INFO", "WARNING", "CRITICAL"};

std::string text_property(const compile::NodeSpec& spec, std::string_view name,
                          std::string_view fallback = {}) {
  const compile::Value* v = spec.property(name);
  return v ? v->text : std::string(fallback);
}

double number(const compile::Value& v) {
  return v.type == compile::ValueType::Int ? static_cast<double>(v.integer) : v.number;
}

}  // namespace

AlertNode::AlertNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context),
      id_template_(text_property(spec, "id", "{{ .Name }}:{{ .Group }}")),
      message_template_(text_property(spec, "message", "{{ .ID }} is {{ .Level }}")) {
  static constexpr std::array<std::string_view, 4> kNames = {"", "info", "warn", "crit"};
  for (int level = kInfo; level <= kCritical; ++level) {
    const auto name = kNames[static_cast<size_t>(level)];
    if (const auto* v = spec.property(name); v && v->lambda) {
      levels_[static_cast<size_t>(level)] = compile_lambda(
          *v->lambda, fmt::format("Failed to compile stateful expression for {}", name));
      const std::string reset = fmt::format("{}Reset", name);
      if (const auto* r = spec.property(reset); r && r->lambda) {
        resets_[static_cast<size_t>(level)] = compile_lambda(
            *r->lambda, fmt::format("Failed to compile stateful expression for {}", reset));
      }
    }
  }
  if (const auto* v = spec.property("history"))
    history_ = static_cast<size_t>(std::max<int64_t>(v->integer, 2));
  if (const auto settings = spec.all("flapping");
      !settings.empty() && settings.back()->args.size() == 2) {
    use_flapping_ = true;
    flap_low_ = number(settings.back()->args[0]);
    flap_high_ = number(settings.back()->args[1]);
    if (flap_low_ > 1 || flap_high_ > 1) {
      throw std::runtime_error(fmt::format(
          "{}: alert flap thresholds are percentages and should be between 0 and 1", name()));
    }
  }
  if (const auto settings = spec.all("stateChangesOnly"); !settings.empty()) {
    state_changes_only_ = true;
    if (!settings.back()->args.empty())
      state_changes_only_duration_ = settings.back()->args[0].integer;
  }
  all_ = spec.has("all");
  no_recoveries_ = spec.has("noRecoveries");
  level_tag_ = text_property(spec, "levelTag");
  level_field_ = text_property(spec, "levelField");
  message_field_ = text_property(spec, "messageField");
  duration_field_ = text_property(spec, "durationField");
  id_tag_ = text_property(spec, "idTag");
  id_field_ = text_property(spec, "idField");
}

std::optional<AlertNode::Level> AlertNode::first_match(int start, int stop,
                                                       const model::Fields& fields,
                                                       const model::Tags& tags, int64_t time) {
  const PointScope scope(fields, tags, time);
  for (int level = start; level > std::max(stop, static_cast<int>(kOk)); --level) {
    const auto i = static_cast<size_t>(level);
    if (!levels_[i]) continue;
    const expr::Evaluation result = expr::evaluate_predicate(*levels_[i], scope, level_states_[i]);
    if (!result.ok()) {
      error(fmt::format("error evaluating expression for level {}: {}", kLevelNames[i],
                        result.error));
      continue;
    }
    if (result.value.as_bool()) return static_cast<Level>(level);
  }
  return std::nullopt;
}

// Kapacitor's determineLevel: a higher (or the same) level first; the current level holds while
// its reset lambda is false; then a lower one; else OK.
AlertNode::Level AlertNode::determine_level(const model::Fields& fields, const model::Tags& tags,
                                            int64_t time, Level current) {
  if (auto higher = first_match(kCritical, static_cast<int>(current) - 1, fields, tags, time)) {
    return *higher;
  }
  if (const auto& reset = resets_[current]) {
    const PointScope scope(fields, tags, time);
    const expr::Evaluation result = expr::evaluate_predicate(*reset, scope, reset_states_[current]);
    if (!result.ok()) {
      error(fmt::format("error evaluating reset expression for current level {}: {}",
                        kLevelNames[current], result.error));
    } else if (!result.value.as_bool()) {
      return current;
    }
  }
  if (auto lower = first_match(current, kOk, fields, tags, time)) return *lower;
  return kOk;
}

AlertTemplateData AlertNode::template_data(std::string_view name, model::GroupKey group,
                                           const model::Tags& tags) const {
  AlertTemplateData data;
  data.name = name;
  data.task_name = context_.spec.name;
  const std::string& id = context_.interner.id(group);
  data.group = id.empty() ? std::string_view("nil") : std::string_view(id);
  data.tags = &tags;
  return data;
}

AlertNode::Event AlertNode::make_event(std::string_view name, model::GroupKey group,
                                       const model::Tags& tags, const model::Fields& fields,
                                       Level level, int64_t time, int64_t duration) {
  Event event;
  event.level = level;
  event.duration = duration;
  AlertTemplateData data = template_data(name, group, tags);
  event.id = id_template_.render(data);
  data.id = event.id;
  data.fields = &fields;
  data.level = kLevelNames[level];
  data.time = time;
  data.duration = duration;
  event.message = message_template_.render(data);
  return event;
}

void AlertNode::augment_tags(model::Tags& tags, const Event& event) const {
  if (!level_tag_.empty()) model::set_tag(tags, level_tag_, std::string(kLevelNames[event.level]));
  if (!id_tag_.empty()) model::set_tag(tags, id_tag_, event.id);
}

void AlertNode::augment(model::Tags& tags, model::Fields& fields, const Event& event) const {
  augment_tags(tags, event);
  if (!level_field_.empty())
    model::set_field(fields, level_field_, std::string(kLevelNames[event.level]));
  if (!message_field_.empty()) model::set_field(fields, message_field_, event.message);
  if (!id_field_.empty()) model::set_field(fields, id_field_, event.id);
  if (!duration_field_.empty()) model::set_field(fields, duration_field_, event.duration);
}

void AlertNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  GroupState& s = state(message.group);
  model::Point& p = message.point;
  const Level level = determine_level(p.fields, p.tags, p.time, s.history[s.index]);
  add_event(s, p.time, level);
  if (suppressed(s)) return;
  // An event for a non-OK level, or for OK right after another level (a recovery).
  if (level == kOk && !s.changed) return;
  triggered(s, p.time);
  if (no_recoveries_ && level == kOk) return;
  const int64_t duration = go_time_sub(s.last_triggered, s.first_triggered);
  const Event event = make_event(p.name, message.group, p.tags, p.fields, level, p.time, duration);
  augment(p.tags, p.fields, event);
  if (context_.outputs) context_.outputs->write(spec_, p);
  emit_point(std::move(message));
}

void AlertNode::on_batch(model::Batch&& batch, int /*port*/) {
  GroupState& s = state(batch.group);
  if (batch.points.empty()) return;
  Level lowest = kCritical;
  Level highest = kOk;
  const model::BatchPoint* highest_point = nullptr;
  const Level current = s.history[s.index];
  for (const auto& point : batch.points) {
    const Level l = determine_level(point.fields, point.tags, point.time, current);
    if (l < lowest) lowest = l;
    if (l > highest || !highest_point) {
      highest = l;
      highest_point = &point;
    }
  }
  const Level level = all_ ? lowest : highest;
  const int64_t time = all_ || level == kOk ? batch.time : highest_point->time;
  add_event(s, time, level);
  const bool raise = (s.changed && level == kOk) || (level != kOk && !suppressed(s));
  if (!raise) return;
  triggered(s, time);
  if (no_recoveries_ && level == kOk) return;
  const int64_t duration = go_time_sub(s.last_triggered, s.first_triggered);
  const Event event =
      make_event(batch.name, batch.group, batch.tags, highest_point->fields, level, time, duration);
  for (auto& point : batch.points) augment(point.tags, point.fields, event);
  if (augments_tags()) {
    // SetTags on the batch header: every tag, the new ones included, becomes a dimension.
    augment_tags(batch.tags, event);
    model::Dimensions dims{{}, context_.interner.dimensions(batch.group).by_name};
    for (const auto& tag : batch.tags) dims.tag_names.push_back(tag.first);
    batch.group = context_.interner.intern(batch.name, batch.tags, dims);
  }
  if (context_.outputs) {
    for (const auto& point : batch.points) {
      context_.outputs->write(
          spec_, model::Point{batch.name, {}, {}, point.tags, point.fields, point.time});
    }
  }
  emit_batch(std::move(batch));
}

void AlertNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  state(barrier.group);
  emit(runtime::Message(barrier));
}

void AlertNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards the deletion only from a group that exists.
  if (!states_.find(message.group)) return;
  states_.erase(message.group);
  emit(runtime::Message(message));
}

}  // namespace farad::nodes
