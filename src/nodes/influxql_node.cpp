#include "nodes/influxql_node.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace farad::nodes {

namespace {

const compile::Value* arg(const compile::NodeSpec& spec, size_t i) {
  return i < spec.args.size() ? &spec.args[i] : nullptr;
}

int64_t int_arg(const compile::NodeSpec& spec, size_t i) {
  const compile::Value* v = arg(spec, i);
  return v ? v->integer : 0;
}

// Go's %T of a field value of this type.
std::string_view go_type(model::FieldType type) {
  static constexpr std::string_view names[] = {"float64", "int64", "uint64", "string", "bool"};
  return names[static_cast<size_t>(type)];
}

}  // namespace

InfluxQLNode::InfluxQLNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  const auto function = influxql::function_of(spec.type);
  if (!function) throw std::runtime_error(fmt::format("{}: not an InfluxQL function", spec.name));
  args_.function = *function;
  traits_ = &influxql::traits(*function);
  using influxql::Function;
  size_t field_index = 0;
  switch (*function) {
    case Function::Top:
    case Function::Bottom:
      // top(n, field, fieldsAndTags...): Kapacitor computes the extra names but never outputs
      // them; the points keep all their tags anyway.
      args_.n = int_arg(spec, 0);
      field_index = 1;
      if (args_.n < 1) {
        throw std::runtime_error(fmt::format("{}: {} needs a positive number of points, got {}",
                                             spec.name, spec.type, args_.n));
      }
      break;
    case Function::Percentile:
      if (const auto* v = arg(spec, 1)) {
        args_.percentile =
            v->type == compile::ValueType::Int ? static_cast<double>(v->integer) : v->number;
      }
      break;
    case Function::Elapsed:
      args_.duration = int_arg(spec, 1);
      if (args_.duration == 0) {
        throw std::runtime_error(fmt::format("{}: elapsed needs a non-zero unit", spec.name));
      }
      break;
    case Function::MovingAverage:
      args_.n = int_arg(spec, 1);
      if (args_.n < 1) {
        throw std::runtime_error(fmt::format(
            "{}: movingAverage needs a window of at least 1 point, got {}", spec.name, args_.n));
      }
      break;
    case Function::HoltWinters:
    case Function::HoltWintersWithFit:
      args_.n = int_arg(spec, 1);
      args_.season = int_arg(spec, 2);
      args_.duration = int_arg(spec, 3);
      if (args_.duration <= 0) {
        throw std::runtime_error(
            fmt::format("{}: holtWinters needs a positive interval", spec.name));
      }
      break;
    default:
      break;
  }
  if (const auto* v = arg(spec, field_index)) field_ = v->text;
  const compile::Value* as = spec.property("as");
  as_ = as ? as->text : std::string(traits_->method);
  point_times_ = spec.has("usePointTimes") || traits_->transformation ||
                 *function == Function::HoltWinters || *function == Function::HoltWintersWithFit;
  if (!spec.parents.empty()) {
    const auto& parent = context.spec.nodes[static_cast<size_t>(spec.parents[0])];
    batch_input_ = parent.provides == compile::EdgeType::Batch;
  }
}

InfluxQLNode::GroupState& InfluxQLNode::group(model::GroupKey key, std::string_view name,
                                              int64_t time, bool named) {
  if (GroupState* state = groups_.find(key)) return *state;
  // Kapacitor's NewGroup: the group takes the name and time of its first message.
  GroupState& state = groups_[key];
  state.named = named;
  state.name = name;
  state.time = time;
  return state;
}

bool InfluxQLNode::realize(GroupState& state, const model::Fields& fields) {
  const model::FieldValue* value = model::find_field(fields, field_);
  if (!value) {
    error(fmt::format(
        "failed to realize reduce context from fields: field \"{}\" missing from point", field_));
    return false;
  }
  std::string why;
  const model::FieldType type = model::type_of(*value);
  state.reducer = influxql::make_reducer(args_, type, why);
  if (!state.reducer) {
    error(fmt::format(
        "failed to realize reduce context from fields: invalid influxql func {} with field {}: {}",
        traits_->method, field_, why));
    return false;
  }
  state.type = type;
  return true;
}

void InfluxQLNode::aggregate(GroupState& state, const model::Fields& fields,
                             const model::Tags& tags, int64_t time, std::string_view context) {
  const model::FieldValue* value = model::find_field(fields, field_);
  if (!value) {
    error(fmt::format("{}: field {} missing from point cannot aggregate", context, field_));
    return;
  }
  if (model::type_of(*value) != state.type) {
    error(fmt::format("{}: field {} has wrong type: got {} exp {}", context, field_,
                      go_type(model::type_of(*value)), go_type(state.type)));
    return;
  }
  state.reducer->aggregate({*value, time, tags, fields});
}

void InfluxQLNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  if (batch_input_) {
    // A fused window's point: the next point of the group's open batch. Kapacitor counts the
    // window's batch once, not its points.
    --stats_.processed;
    GroupState& state = group(message.group, message.point.name, message.point.time, false);
    if (!state.open) {
      state.open = true;
      state.reducer.reset();
      state.batch_size = 0;
    }
    model::BatchPoint point{std::move(message.point.fields), std::move(message.point.tags),
                            message.point.time};
    batch_point(state, point);
    return;
  }
  if (traits_->transformation) return transform_point(std::move(message));
  stream_point(std::move(message));
}

void InfluxQLNode::stream_point(runtime::PointMessage&& message) {
  const model::Point& p = message.point;
  GroupState& state = group(message.group, p.name, p.time, true);
  if (p.time != state.time) {
    // Time moved on: emit what the previous timestamp accumulated and start again.
    if (state.reducer) emit_result(state, message.group);
    state.name = p.name;
    state.time = p.time;
    state.reducer.reset();
  }
  if (!state.reducer && !realize(state, p.fields)) return;
  aggregate(state, p.fields, p.tags, p.time, "failed to aggregate point");
}

void InfluxQLNode::transform_point(runtime::PointMessage&& message) {
  const model::Point& p = message.point;
  GroupState& state = group(message.group, p.name, p.time, true);
  if (!state.reducer && !realize(state, p.fields)) return;
  aggregate(state, p.fields, p.tags, p.time, "failed to aggregate point");
  // Kapacitor emits even after a failed aggregate: reducers that keep their last result repeat it.
  emit_result(state, message.group);
}

void InfluxQLNode::on_batch(model::Batch&& batch, int /*port*/) {
  if (traits_->transformation) return transform_batch(std::move(batch));
  GroupState& state = group(batch.group, batch.name, batch.time, true);
  if (!state.named) {
    state.named = true;
    state.name = batch.name;
  }
  if (!state.open) {
    state.reducer.reset();
    state.batch_size = 0;
  }
  state.open = false;
  state.time = batch.time;
  for (const auto& point : batch.points) batch_point(state, point);
  end_batch(state, batch.group);
}

void InfluxQLNode::batch_point(GroupState& state, const model::BatchPoint& point) {
  // A point whose field is missing before the reducer exists is skipped and not counted.
  if (!state.reducer && !realize(state, point.fields)) return;
  aggregate(state, point.fields, point.tags, point.time, "failed to aggregate point in batch");
  ++state.batch_size;
}

void InfluxQLNode::end_batch(GroupState& state, model::GroupKey key) {
  if (state.batch_size == 0 && !traits_->empty_ok) return;
  if (!state.reducer) {
    // An empty batch: count and sum report 0, from a float reducer as Kapacitor assumes.
    std::string why;
    state.reducer = influxql::make_reducer(args_, model::FieldType::Float, why);
    state.type = model::FieldType::Float;
    if (!state.reducer) return;
  }
  emit_result(state, key);
}

void InfluxQLNode::transform_batch(model::Batch&& batch) {
  GroupState& state = group(batch.group, batch.name, batch.time, true);
  // The reducer starts again with every batch, so each batch loses its first result.
  state.time = batch.time;
  state.reducer.reset();
  model::Batch out{batch.name, batch.group, batch.tags, batch.time, {}};
  const model::Tags& group_tags = context_.interner.tags(batch.group);
  for (const auto& point : batch.points) {
    if (!state.reducer && !realize(state, point.fields)) continue;
    aggregate(state, point.fields, point.tags, point.time, "failed to aggregate batch point");
    auto results = state.reducer->emit();
    if (results.size() != 1) continue;
    model::BatchPoint result;
    result.fields.emplace_back(as_, std::move(results[0].value));
    result.tags = group_tags;
    result.time = result_time(state, results[0].time);
    out.points.push_back(std::move(result));
  }
  emit_batch(std::move(out));
}

void InfluxQLNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  // A barrier creates the group as any message does, named as Kapacitor names barriers. A group
  // only fused points created is still unknown to a buffered path: the barrier names it too.
  GroupState& state = group(barrier.group, "barrier", barrier.time, true);
  if (!state.named) {
    state.named = true;
    state.name = "barrier";
  }
  emit(runtime::Message(barrier));
}

void InfluxQLNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards a deletion only from a node that knew the group (fused points do not
  // count: a buffered window would not have sent anything yet).
  const GroupState* state = groups_.find(message.group);
  if (!state) return;
  const bool known = state->named;
  groups_.erase(message.group);
  if (known) emit(runtime::Message(message));
}

void InfluxQLNode::finish(bool flush) {
  if (!flush || batch_input_ || traits_->transformation) return;
  groups_.for_each([&](model::GroupKey key, GroupState& state) {
    if (state.reducer) emit_result(state, key);
    state.reducer.reset();
  });
}

}  // namespace farad::nodes
