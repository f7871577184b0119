#include "nodes/counter_rate.hpp"

#include <fmt/format.h>

#include <limits>
#include <stdexcept>

#include "nodes/field_reader.hpp"

namespace farad::nodes {

namespace {

/// The arguments of the last setting of a multi-argument property; empty when never set.
std::vector<compile::Value> last_args(const compile::NodeSpec& spec, std::string_view name) {
  const auto settings = spec.all(name);
  return settings.empty() ? std::vector<compile::Value>{} : settings.back()->args;
}

int64_t duration_or(const compile::NodeSpec& spec, std::string_view name, int64_t fallback) {
  const compile::Value* v = spec.property(name);
  return v ? v->integer : fallback;
}

}  // namespace

CounterRateNode::CounterRateNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  const auto as = last_args(spec, "as");
  const auto widths = last_args(spec, "width");
  for (const auto& arg : spec.args) {
    Counter counter;
    counter.field = arg.text;
    counter.as = arg.text;
    counters_.push_back(std::move(counter));
  }
  if (counters_.empty()) throw std::runtime_error(name() + ": counterRate needs a counter field");
  if (!as.empty() && as.size() != counters_.size()) {
    throw std::runtime_error(name() + ": counterRate needs one .as() name per counter");
  }
  if (!widths.empty() && widths.size() != 1 && widths.size() != counters_.size()) {
    throw std::runtime_error(name() + ": counterRate needs one width, or one per counter");
  }
  for (size_t i = 0; i < counters_.size(); ++i) {
    Counter& counter = counters_[i];
    if (!as.empty()) counter.as = as[i].text;
    if (!widths.empty())
      counter.width = static_cast<int>(widths[widths.size() == 1 ? 0 : i].integer);
    if (counter.width != 32 && counter.width != 64) {
      throw std::runtime_error(name() + ": counter width must be 32 or 64");
    }
    counter.delta_field = counter.as + "_delta";
    counter.wrap_field = counter.as + "_wrap";
    counter.restart_field = counter.as + "_restart";
    counter.field_id = context.field_keys.intern(counter.field);
    counter.as_id = context.field_keys.intern(counter.as);
  }
  unit_ = duration_or(spec, "unit", unit_);
  if (unit_ <= 0) throw std::runtime_error(name() + ": counterRate unit must be positive");
  if (const compile::Value* c = spec.property("ceiling")) ceiling_ = c->number;
  ceiling_field_ = spec.text("ceilingField");
  if (const compile::Value* s = spec.property("ceilingScale")) ceiling_scale_ = s->number;
  uptime_field_ = spec.text("uptime");
  if (!ceiling_field_.empty()) ceiling_field_id_ = context.field_keys.intern(ceiling_field_);
  if (!uptime_field_.empty()) uptime_field_id_ = context.field_keys.intern(uptime_field_);
  uptime_slack_ = duration_or(spec, "uptimeSlack", uptime_slack_);
  heartbeat_ = duration_or(spec, "heartbeat", 0);
  details_ = spec.has("details");
  if (const int64_t lateness = duration_or(spec, "lateness", 0); lateness > 0) {
    buffer_.emplace(lateness);
  }
  // Listed from the start, so that --stats shows them even when they stay 0.
  for (const char* counter : {"wraps", "restarts", "gaps", "dropped_late", "equal_time"}) {
    count(counter, 0);
  }
}

CounterRateNode::GroupState& CounterRateNode::group(model::GroupKey key) {
  GroupState& state = groups_[key];
  if (state.samples.size() != counters_.size()) state.samples.resize(counters_.size());
  return state;
}

template <typename Reader>
std::optional<double> CounterRateNode::ceiling_of(const Reader& fields) const {
  if (ceiling_field_.empty()) return ceiling_;
  const auto value = fields.find(ceiling_field_, ceiling_field_id_);
  const std::optional<double> speed = value ? number_of(*value) : std::nullopt;
  // ifHighSpeed is 0 when the agent does not know the speed: no ceiling from it then.
  if (!speed || !(*speed * ceiling_scale_ > 0)) return ceiling_;
  return *speed * ceiling_scale_;
}

template <typename Reader>
std::optional<uint64_t> CounterRateNode::uptime_of(const Reader& fields) const {
  if (uptime_field_.empty()) return std::nullopt;
  const auto value = fields.find(uptime_field_, uptime_field_id_);
  return value ? counter_value(*value) : std::nullopt;
}

bool CounterRateNode::apply(GroupState& state, model::Fields& fields, int64_t time) {
  if (!compute(state, PointFieldReader{fields}, time)) return false;
  set_results(fields);
  return true;
}

template <typename Reader>
bool CounterRateNode::compute(GroupState& state, const Reader& fields, int64_t time) {
  bool any_counter = false;
  readings_.clear();
  for (size_t i = 0; i < counters_.size(); ++i) {
    const auto value = fields.find(counters_[i].field, counters_[i].field_id);
    if (!value) continue;
    any_counter = true;
    if (auto v = counter_value(*value)) {
      readings_.emplace_back(i, *v);
    } else {
      error(fmt::format("cannot compute counter rate: invalid counter value: field={} type={}",
                        counters_[i].field, model::type_name(field_type(*value))));
    }
  }
  if (!any_counter) {
    error("cannot compute counter rate: the point has none of the counter fields");
    return false;
  }
  if (state.started && time < state.last_time) {
    count("dropped_late");
    return false;
  }
  if (state.started && time == state.last_time) {
    count("equal_time");
    return false;
  }
  if (readings_.empty()) return false;  // every counter was invalid: already counted as errors
  state.started = true;
  state.last_time = time;

  const std::optional<uint64_t> uptime = uptime_of(fields);
  const std::optional<double> ceiling = ceiling_of(fields);
  results_.clear();
  for (const auto& [index, value] : readings_) {
    Sample& previous = state.samples[index];
    const Sample current{.value = value,
                         .time = time,
                         .uptime = uptime.value_or(0),
                         .set = true,
                         .has_uptime = uptime.has_value()};
    const Sample before = previous;
    previous = current;
    if (!before.set) continue;
    int64_t elapsed = 0;
    if (__builtin_sub_overflow(time, before.time, &elapsed)) {
      elapsed = std::numeric_limits<int64_t>::max();
    }
    if (heartbeat_ > 0 && elapsed > heartbeat_) {
      count("gaps");
      continue;
    }
    const bool rebooted = before.has_uptime && current.has_uptime &&
                          counter_rebooted(before.uptime, current.uptime, elapsed, uptime_slack_);
    const CounterRules rules{counters_[index].width, ceiling, unit_};
    const CounterDelta delta = counter_delta(before.value, value, elapsed, rebooted, rules);
    if (delta.step == CounterStep::Wrap) count("wraps");
    if (delta.step == CounterStep::Restart) count("restarts");
    results_.push_back({index, delta, elapsed});
  }
  return !results_.empty();
}

void CounterRateNode::set_results(model::Fields& fields) const {
  // At most one reallocation for all the output fields.
  fields.reserve(fields.size() + results_.size() * (details_ ? 4 : 1) + (details_ ? 1 : 0));
  for (const Result& result : results_) {
    const Counter& counter = counters_[result.counter];
    model::set_field(fields, counter.as, counter_rate(result.delta.delta, result.elapsed, unit_));
    if (!details_) continue;
    model::set_field(fields, counter.delta_field, result.delta.delta);
    model::set_field(fields, counter.wrap_field,
                     int64_t{result.delta.step == CounterStep::Wrap ? 1 : 0});
    model::set_field(fields, counter.restart_field,
                     int64_t{result.delta.step == CounterStep::Restart ? 1 : 0});
  }
  if (details_) model::set_field(fields, "elapsed", int64_t{results_.front().elapsed});
}

void CounterRateNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (!buffer_) return process_point(std::move(message));
  if (!buffer_->offer(std::move(message))) count("dropped_late");
  release(false);
}

void CounterRateNode::on_compact(model::CompactPoint& point, int port) {
  // Rates replace nothing: the point needs room for one field per counter, else it goes on as
  // a Point (the same state serves both forms).
  if (point.size + counters_.size() > model::kCompactFields) {
    return on_point(runtime::PointMessage{context_.materialise(point), point.group}, port);
  }
  if (!buffer_) return process_compact(point);
  if (!buffer_->offer(point)) count("dropped_late");
  release(false);
}

void CounterRateNode::process_compact(model::CompactPoint& point) {
  if (!compute(group(point.group), CompactFieldReader{point}, point.time)) return;
  for (const Result& result : results_) {
    model::CompactValue rate;
    rate.type = model::FieldType::Float;
    rate.f = counter_rate(result.delta.delta, result.elapsed, unit_);
    point.set(counters_[result.counter].as_id, rate);
  }
  emit_compact(point);
}

void CounterRateNode::process_point(runtime::PointMessage&& message) {
  if (!apply(group(message.group), message.point.fields, message.point.time)) return;
  emit_point(std::move(message));
}

void CounterRateNode::on_batch(model::Batch&& batch, int /*port*/) {
  GroupState& state = group(batch.group);
  std::vector<model::BatchPoint> points;
  points.reserve(batch.points.size());
  for (auto& point : batch.points) {
    if (apply(state, point.fields, point.time)) points.push_back(std::move(point));
  }
  batch.points = std::move(points);
  emit_batch(std::move(batch));
}

void CounterRateNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  if (!buffer_) return dispatch(runtime::Message(barrier));
  buffer_->offer(barrier);
  release(false);
}

void CounterRateNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  if (!buffer_) return dispatch(runtime::Message(message));
  buffer_->offer(message);
  release(false);
}

void CounterRateNode::release(bool everything) {
  buffer_->release(
      everything, [this](runtime::Message&& message) { dispatch(std::move(message)); },
      [this](model::CompactPoint& point) { process_compact(point); });
}

void CounterRateNode::dispatch(runtime::Message&& message) {
  if (auto* point = std::get_if<runtime::PointMessage>(&message)) {
    return process_point(std::move(*point));
  }
  if (const auto* barrier = std::get_if<runtime::BarrierMessage>(&message)) {
    group(barrier->group);  // a barrier creates the group, as any message does in Kapacitor
    return emit(std::move(message));
  }
  const auto& deletion = std::get<runtime::DeleteGroupMessage>(message);
  // As derivative: a deletion is forwarded only by a node that knew the group.
  if (!groups_.find(deletion.group)) return;
  groups_.erase(deletion.group);
  emit(std::move(message));
}

}  // namespace farad::nodes
