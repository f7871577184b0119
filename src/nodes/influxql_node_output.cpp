// InfluxQLNode: turning reducer results into points or batches (Kapacitor's EmitPoint and
// EmitBatch of influxql.gen.go.tmpl), and the node's checkpoint state.

#include <fmt/format.h>

#include "nodes/influxql_node.hpp"

namespace farad::nodes {

int64_t InfluxQLNode::result_time(const GroupState& state, int64_t point_time) const {
  if (!point_times_ || point_time == influxql::kZeroTime) return state.time;
  return point_time;
}

void InfluxQLNode::emit_result(GroupState& state, model::GroupKey key) {
  std::vector<influxql::ReducedPoint> results = state.reducer->emit();
  const model::Tags& group_tags = context_.interner.tags(key);
  if (traits_->emits_batch) {
    model::Batch batch{state.name, key, group_tags, state.time, {}};
    batch.points.reserve(results.size());
    for (auto& r : results) {
      model::BatchPoint point;
      point.fields.emplace_back(as_, std::move(r.value));
      point.tags = group_tags;
      // Points with tags of their own (top, bottom) merge them over the group tags.
      for (auto& [k, v] : r.tags) model::set_tag(point.tags, k, v);
      point.time = result_time(state, r.time);
      if (point.time > batch.time) batch.time = point.time;
      batch.points.push_back(std::move(point));
    }
    emit_batch(std::move(batch));
    return;
  }
  if (results.size() != 1) return;
  influxql::ReducedPoint& r = results[0];
  model::Point point;
  point.name = state.name;
  point.time = result_time(state, r.time);
  if (traits_->simple_selector) {
    // The selected point's own tags and fields, its field renamed to `as`.
    point.tags = std::move(r.aux_tags);
    point.fields = std::move(r.aux_fields);
    if (as_ != field_) {
      const model::FieldValue* selected = model::find_field(point.fields, field_);
      model::FieldValue value = selected ? *selected : r.value;
      model::erase_field(point.fields, field_);
      model::set_field(point.fields, as_, std::move(value));
    }
  } else {
    point.tags = group_tags;
    point.fields.emplace_back(as_, std::move(r.value));
  }
  emit_point(runtime::PointMessage{std::move(point), key});
}

void InfluxQLNode::GroupState::save(runtime::StateWriter& out) const {
  out.boolean(named);
  out.string(name);
  out.i64(time);
  out.boolean(reducer != nullptr);
  if (reducer) {
    out.u64(static_cast<uint64_t>(type));
    reducer->save(out);
  }
  out.u64(batch_size);
  out.boolean(open);
}

void InfluxQLNode::GroupState::restore(runtime::StateReader& in,
                                       const influxql::FunctionArgs& args) {
  named = in.boolean();
  name = in.string();
  time = in.i64();
  reducer.reset();
  if (in.boolean()) {
    type = static_cast<model::FieldType>(in.u64());
    std::string why;
    reducer = influxql::make_reducer(args, type, why);
    if (!reducer) throw runtime::StateError(fmt::format("state holds a reducer: {}", why));
    reducer->restore(in);
  }
  batch_size = in.u64();
  open = in.boolean();
}

void InfluxQLNode::save(runtime::StateWriter& out) const {
  std::vector<model::GroupKey> keys;
  for (uint32_t i = 0; i < context_.interner.size(); ++i) {
    const auto key = model::GroupKey::from_index(i);
    if (groups_.find(key)) keys.push_back(key);
  }
  out.u64(keys.size());
  for (const auto key : keys) {
    save_group(out, key);
    groups_.find(key)->save(out);
  }
}

void InfluxQLNode::restore(runtime::StateReader& in) {
  groups_.clear();
  const uint64_t count = in.u64();
  for (uint64_t i = 0; i < count; ++i) {
    const model::GroupKey key = restore_group(in);
    groups_[key].restore(in, args_);
  }
}

}  // namespace farad::nodes
