#include "nodes/derivative.hpp"

#include <fmt/format.h>

#include <limits>

namespace farad::nodes {

namespace {

// Go's %T of a field value, "<nil>" when absent.
std::string_view go_type(const model::FieldValue* value) {
  static constexpr std::string_view names[] = {"float64", "int64", "uint64", "string", "bool"};
  return value ? names[value->index()] : "<nil>";
}

// Go's Time.Sub: saturates instead of overflowing.
int64_t time_sub(int64_t a, int64_t b) {
  int64_t d = 0;
  if (__builtin_sub_overflow(a, b, &d)) {
    return a > b ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return d;
}

}  // namespace

DerivativeNode::DerivativeNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (!spec.args.empty()) field_ = spec.args[0].text;
  const compile::Value* as = spec.property("as");
  as_ = as ? as->text : field_;
  if (const compile::Value* unit = spec.property("unit")) unit_ = unit->integer;
  non_negative_ = spec.has("nonNegative");
}

std::optional<double> DerivativeNode::derive(Previous& previous, const model::Fields& fields,
                                             int64_t time) {
  const model::FieldValue* value = model::find_field(fields, field_);
  double current = 0;
  if (value && value->index() == 0) {
    current = std::get<double>(*value);
  } else if (value && value->index() == 1) {
    current = static_cast<double>(std::get<int64_t>(*value));
  } else {
    error(fmt::format("cannot perform derivative: field is the wrong type: field={} type={}",
                      field_, go_type(value)));
    return std::nullopt;
  }
  const Previous before = previous;
  previous = {true, current, time};
  if (!before.set) return std::nullopt;
  const auto elapsed = static_cast<double>(time_sub(time, before.time));
  if (elapsed == 0) {
    error("cannot perform derivative: elaspsed time was 0");
    return std::nullopt;
  }
  const double diff = current - before.value;
  if (non_negative_ && diff < 0) return std::nullopt;
  return diff / (elapsed / static_cast<double>(unit_));
}

void DerivativeNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  auto rate = derive(groups_[message.group], message.point.fields, message.point.time);
  if (!rate) return;
  model::set_field(message.point.fields, as_, *rate);
  emit_point(std::move(message));
}

void DerivativeNode::on_batch(model::Batch&& batch, int /*port*/) {
  Previous& previous = groups_[batch.group];
  previous = {};
  std::vector<model::BatchPoint> points;
  points.reserve(batch.points.size());
  for (auto& point : batch.points) {
    auto rate = derive(previous, point.fields, point.time);
    if (!rate) continue;
    model::set_field(point.fields, as_, *rate);
    points.push_back(std::move(point));
  }
  batch.points = std::move(points);
  emit_batch(std::move(batch));
}

void DerivativeNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  groups_[barrier.group];  // a barrier creates the group, as any message does in Kapacitor
  emit(runtime::Message(barrier));
}

void DerivativeNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards a deletion only from a node that knew the group.
  if (!groups_.find(message.group)) return;
  groups_.erase(message.group);
  emit(runtime::Message(message));
}

void DerivativeNode::save(runtime::StateWriter& out) const {
  std::vector<model::GroupKey> keys;
  for (uint32_t i = 0; i < context_.interner.size(); ++i) {
    const auto key = model::GroupKey::from_index(i);
    if (groups_.find(key)) keys.push_back(key);
  }
  out.u64(keys.size());
  for (const auto key : keys) {
    save_group(out, key);
    const Previous& p = *groups_.find(key);
    out.boolean(p.set);
    out.f64(p.value);
    out.i64(p.time);
  }
}

void DerivativeNode::restore(runtime::StateReader& in) {
  groups_.clear();
  const uint64_t count = in.u64();
  for (uint64_t i = 0; i < count; ++i) {
    Previous& p = groups_[restore_group(in)];
    p.set = in.boolean();
    p.value = in.f64();
    p.time = in.i64();
  }
}

}  // namespace farad::nodes
