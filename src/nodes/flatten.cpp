#include "nodes/flatten.hpp"

#include <fmt/format.h>

#include "nodes/go_time.hpp"
#include "nodes/time_quantise.hpp"

namespace farad::nodes {

FlattenNode::FlattenNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  if (const auto settings = spec.all("on"); !settings.empty()) {
    for (const auto& tag : settings.back()->args) on_.push_back(tag.text);
  }
  if (const auto* v = spec.property("delimiter")) delimiter_ = v->text;
  if (const auto* v = spec.property("tolerance")) tolerance_ = v->integer;
  if (const auto settings = spec.all("dropOriginalFieldName"); !settings.empty()) {
    // `.dropOriginalFieldName()` with no argument means TRUE.
    const auto& args = settings.back()->args;
    drop_original_name_ = args.empty() || args.front().boolean;
  }
}

FlattenNode::Group& FlattenNode::group(model::GroupKey key, std::string_view name, int64_t time) {
  if (Group* found = groups_.find(key)) return *found;
  Group& g = groups_[key];
  g.time = go_round(time, tolerance_);
  g.name = name;
  return g;
}

std::optional<FlattenNode::Flushed> FlattenNode::add(Group& g, model::BatchPoint&& point) {
  std::optional<Flushed> flushed;
  if (point.time != g.time) {
    if (!g.points.empty()) {
      flushed = Flushed{g.time, flatten(g.points)};
      g.points.clear();
    }
    g.time = point.time;
  }
  g.points.push_back(std::move(point));
  return flushed;
}

model::Fields FlattenNode::flatten(const std::vector<model::BatchPoint>& points) {
  model::Fields fields;
  // Kapacitor reuses one prefix buffer and does not clear it after a point missing a tag, so
  // what that point wrote leads the next point's names; reproduced.
  std::string prefix;
  for (const auto& point : points) {
    bool complete = true;
    for (size_t i = 0; i < on_.size(); ++i) {
      const std::string* value = point.tag(on_[i]);
      if (!value) {
        error(fmt::format("point missing tag for flatten operation: tag {} is missing from point",
                          on_[i]));
        complete = false;
        break;
      }
      if (i > 0) prefix += delimiter_;
      prefix += *value;
    }
    if (!complete) continue;
    const size_t length = prefix.size();
    for (const auto& [name, value] : point.fields) {
      if (!drop_original_name_) {
        if (length > 0) prefix += delimiter_;
        prefix += name;
      }
      model::set_field(fields, prefix, value);
      prefix.resize(length);
    }
    prefix.clear();
  }
  return fields;
}

void FlattenNode::emit_flattened(const Group& g, model::GroupKey key, model::Fields&& fields,
                                 int64_t time) {
  runtime::PointMessage out;
  out.group = key;
  out.point.name = g.name;
  out.point.tags = context_.interner.tags(key);
  out.point.fields = std::move(fields);
  out.point.time = time;
  emit_point(std::move(out));
}

void FlattenNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  model::Point& p = message.point;
  Group& g = group(message.group, p.name, p.time);
  auto flushed = add(
      g, model::BatchPoint{std::move(p.fields), std::move(p.tags), go_round(p.time, tolerance_)});
  if (!flushed || flushed->fields.empty()) return;
  emit_flattened(g, message.group, std::move(flushed->fields), flushed->time);
}

void FlattenNode::on_batch(model::Batch&& batch, int /*port*/) {
  Group& g = group(batch.group, batch.name, batch.time);
  g.name = batch.name;
  g.time = kNoTime;
  model::Batch out;
  out.name = batch.name;
  out.group = batch.group;
  out.tags = batch.tags;
  out.time = batch.time;
  for (auto& point : batch.points) {
    point.time = go_round(point.time, tolerance_);
    auto flushed = add(g, std::move(point));
    if (!flushed || flushed->fields.empty()) continue;
    out.points.push_back(model::BatchPoint{std::move(flushed->fields), out.tags, flushed->time});
  }
  // The end of a batch flushes the buffer, even when nothing in it could be flattened.
  if (!g.points.empty()) {
    out.points.push_back(model::BatchPoint{flatten(g.points), out.tags, g.time});
    g.points.clear();
  }
  emit_batch(std::move(out));
}

void FlattenNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  // Kapacitor's grouped consumer creates the group on a barrier too (named "barrier").
  Group& g = group(barrier.group, "barrier", barrier.time);
  if (barrier.time > g.time && !g.points.empty()) {
    emit_flattened(g, barrier.group, flatten(g.points), g.time);
    g.points.clear();
  }
  emit(runtime::Message(barrier));
}

void FlattenNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards the deletion only from a group that exists.
  if (!groups_.find(message.group)) return;
  groups_.erase(message.group);
  emit(runtime::Message(message));
}

void FlattenNode::finish(bool flush) {
  if (!flush) return;
  groups_.for_each([&](model::GroupKey key, Group& g) {
    if (g.points.empty()) return;
    model::Fields fields = flatten(g.points);
    g.points.clear();
    if (!fields.empty()) emit_flattened(g, key, std::move(fields), g.time);
  });
}

void FlattenNode::save(runtime::StateWriter& out) const {
  out.u64(groups_.size());
  groups_.for_each([&](model::GroupKey key, const Group& g) {
    save_group(out, key);
    out.i64(g.time);
    out.string(g.name);
    out.u64(g.points.size());
    for (const auto& point : g.points) out.batch_point(point);
  });
}

void FlattenNode::restore(runtime::StateReader& in) {
  groups_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    Group& g = groups_[restore_group(in)];
    g.time = in.i64();
    g.name = in.string();
    g.points.resize(in.u64());
    for (auto& point : g.points) point = in.batch_point();
  }
}

}  // namespace farad::nodes
