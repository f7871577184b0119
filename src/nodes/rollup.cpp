#include "nodes/rollup.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <type_traits>
#include <variant>

#include "nodes/field_reader.hpp"

namespace farad::nodes {

namespace {

// The value of an integer field that may not be negative (a count, a delta, nanoseconds).
std::optional<uint64_t> non_negative(const model::FieldValue& value) {
  if (const auto* u = std::get_if<uint64_t>(&value)) return *u;
  if (const auto* i = std::get_if<int64_t>(&value); i && *i >= 0) return static_cast<uint64_t>(*i);
  return std::nullopt;
}
std::optional<uint64_t> non_negative(const model::CompactValue& value) {
  if (value.type == model::FieldType::Uint) return value.u;
  if (value.type == model::FieldType::Int && value.i >= 0) return static_cast<uint64_t>(value.i);
  return std::nullopt;
}

const model::FieldValue& as_field_value(const model::FieldValue& value) {
  return value;
}
model::FieldValue as_field_value(const model::CompactValue& value) {
  return value.to_field_value();
}

// A value as an error message shows it: numbers as themselves, other types by their kind.
std::string describe(const model::FieldValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return "a string";
        } else if constexpr (std::is_same_v<T, bool>) {
          return "a boolean";
        } else {
          return fmt::format("{}", v);
        }
      },
      value);
}
std::string describe(const model::CompactValue& value) {
  return describe(value.to_field_value());
}

}  // namespace

RollupNode::RollupNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  std::vector<std::string> as;
  if (const auto settings = spec.all("as"); !settings.empty()) {
    for (const auto& v : settings.back()->args) as.push_back(v.text);
  }
  for (size_t i = 0; i < spec.args.size(); ++i) {
    const std::string& field = spec.args[i].text;
    const std::string& name = i < as.size() ? as[i] : field;
    FieldNames& names =
        names_.emplace_back(FieldNames{field, field + "_delta", field + "_wrap", field + "_restart",
                                       name, name + "_count", name + "_wraps", name + "_restarts"});
    auto& keys = context.field_keys;
    names.field_id = keys.intern(names.field);
    names.delta_id = keys.intern(names.delta);
    names.wrap_id = keys.intern(names.wrap);
    names.restart_id = keys.intern(names.restart);
  }
  elapsed_id_ = context.field_keys.intern(elapsed_);
  time_weighted_ = spec.has("timeWeighted");
  counts_ = spec.has("counts");
  if (const compile::Value* unit = spec.property("unit")) unit_ = unit->integer;
}

RollupNode::GroupState& RollupNode::group(model::GroupKey key) {
  if (GroupState* state = groups_.find(key)) return *state;
  GroupState& state = groups_[key];
  start_window(state);
  return state;
}

void RollupNode::start_window(GroupState& state) const {
  state.fields.assign(names_.size(), RollupAccumulator{});
}

RollupNode::GroupState& RollupNode::open_window(model::GroupKey key) {
  GroupState& state = group(key);
  if (!state.open) {
    state.open = true;
    start_window(state);
  }
  return state;
}

void RollupNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  // Only a fused window sends points on a batch edge: the next point of the open window, which
  // counts as part of one batch, as without fusion.
  --stats_.processed;
  add_point(open_window(message.group), PointFieldReader{message.point.fields});
}

void RollupNode::on_compact(model::CompactPoint& point, int /*port*/) {
  --stats_.processed;
  add_point(open_window(point.group), CompactFieldReader{point});
}

void RollupNode::on_batch(model::Batch&& batch, int /*port*/) {
  GroupState& state = group(batch.group);
  state.known = true;
  if (!state.open) start_window(state);
  state.open = false;
  for (const auto& point : batch.points) add_point(state, PointFieldReader{point.fields});
  emit_window(state, batch);
}

template <typename Reader>
void RollupNode::add_point(GroupState& state, const Reader& fields) {
  for (size_t i = 0; i < names_.size(); ++i) add_field(state.fields[i], names_[i], fields);
}

template <typename Reader>
void RollupNode::add_field(RollupAccumulator& accumulator, const FieldNames& names,
                           const Reader& fields) {
  const auto value = fields.find(names.field, names.field_id);
  if (!value) return;
  const model::FieldType type = field_type(*value);
  if (type != model::FieldType::Float && type != model::FieldType::Int &&
      type != model::FieldType::Uint) {
    return error(fmt::format("field {} is {}, not a number", names.field, describe(*value)));
  }
  if (!time_weighted_ && !accepts_type(accumulator, type, names)) return;
  // Every companion is read before anything is added, so a bad one skips the value whole.
  std::optional<uint64_t> delta;
  std::optional<uint64_t> elapsed;
  if (time_weighted_) {
    delta = companion(fields, names.field, names.delta, names.delta_id, false);
    elapsed = companion(fields, names.field, elapsed_, elapsed_id_, false);
    if (!delta || !elapsed) return;
    if (*elapsed == 0) {
      return error(fmt::format("field {} covers no time: {} is 0", names.field, elapsed_));
    }
  }
  std::optional<uint64_t> wraps;
  std::optional<uint64_t> restarts;
  if (counts_) {
    wraps = companion(fields, names.field, names.wrap, names.wrap_id, true);
    restarts = companion(fields, names.field, names.restart, names.restart_id, true);
    if (!wraps || !restarts) return;
  }
  if (time_weighted_) {
    accumulator.add_interval(*delta, *elapsed);
  } else {
    accumulator.add_value(as_field_value(*value));
  }
  if (counts_) accumulator.add_events(*wraps, *restarts);
}

bool RollupNode::accepts_type(const RollupAccumulator& accumulator, model::FieldType type,
                              const FieldNames& names) {
  if (accumulator.accepts(type)) return true;
  error(fmt::format("field {} has wrong type: got {}, the window's first value was {}", names.field,
                    model::type_name(type), model::type_name(accumulator.type())));
  return false;
}

template <typename Reader>
std::optional<uint64_t> RollupNode::companion(const Reader& fields, const std::string& field,
                                              const std::string& name, uint16_t id, bool optional) {
  const auto value = fields.find(name, id);
  if (!value) {
    if (optional) return 0;
    error(fmt::format("point has field {} but no {}: timeWeighted needs counterRate's details",
                      field, name));
    return std::nullopt;
  }
  auto number = non_negative(*value);
  if (!number) {
    error(fmt::format("field {} must be a non-negative integer, got {}", name, describe(*value)));
  }
  return number;
}

void RollupNode::emit_window(const GroupState& state, const model::Batch& batch) {
  model::Point point;
  for (size_t i = 0; i < names_.size(); ++i) {
    const RollupAccumulator& accumulator = state.fields[i];
    if (accumulator.count() == 0) continue;
    const FieldNames& names = names_[i];
    const double value =
        time_weighted_ ? accumulator.time_weighted_mean(unit_) : accumulator.mean();
    model::set_field(point.fields, names.as, value);
    if (!counts_) continue;
    model::set_field(point.fields, names.as_count, static_cast<int64_t>(accumulator.count()));
    model::set_field(point.fields, names.as_wraps, accumulator.wraps());
    model::set_field(point.fields, names.as_restarts, accumulator.restarts());
  }
  if (point.fields.empty()) return;
  point.name = batch.name;
  point.tags = context_.interner.tags(batch.group);
  point.time = batch.time;
  emit_point(runtime::PointMessage{std::move(point), batch.group});
}

void RollupNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  group(barrier.group).known = true;
  emit(runtime::Message(barrier));
}

void RollupNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Forwarded only by a node that knew the group: fused points alone do not make it known, as a
  // buffered window would not have sent anything yet.
  const GroupState* state = groups_.find(message.group);
  if (!state) return;
  const bool known = state->known;
  groups_.erase(message.group);
  if (known) emit(runtime::Message(message));
}

void RollupNode::save(runtime::StateWriter& out) const {
  std::vector<model::GroupKey> keys;
  groups_.for_each([&](model::GroupKey key, const GroupState&) { keys.push_back(key); });
  out.u64(keys.size());
  for (const auto key : keys) {
    save_group(out, key);
    const GroupState& state = *groups_.find(key);
    out.boolean(state.known);
    out.boolean(state.open);
    for (const auto& accumulator : state.fields) accumulator.save(out);
  }
}

void RollupNode::restore(runtime::StateReader& in) {
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    GroupState& state = groups_[restore_group(in)];
    state.known = in.boolean();
    state.open = in.boolean();
    start_window(state);
    for (auto& accumulator : state.fields) accumulator.restore(in);
  }
}

}  // namespace farad::nodes
