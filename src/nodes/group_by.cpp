#include "nodes/group_by.hpp"

#include <algorithm>

namespace farad::nodes {

GroupByNode::GroupByNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context) {
  std::vector<std::string> names;
  for (const auto& dim : spec.args) {
    if (dim.type == compile::ValueType::Star) star_ = true;
    if (dim.type == compile::ValueType::String) names.push_back(dim.text);
  }
  if (const auto settings = spec.all("exclude"); !settings.empty()) {
    for (const auto& v : settings.back()->args) exclude_.push_back(v.text);
  }
  std::sort(names.begin(), names.end());
  std::erase_if(names, [&](const std::string& n) {
    return std::find(exclude_.begin(), exclude_.end(), n) != exclude_.end();
  });
  by_measurement_ = spec.has("byMeasurement");
  fixed_[0] = {names, false};
  fixed_[1] = {names, true};
}

const model::Dimensions& GroupByNode::dimensions(const model::Tags& tags, bool by_name) {
  // Kapacitor ORs byMeasurement with the incoming grouping by measurement.
  by_name = by_name || by_measurement_;
  if (!star_) return fixed_[by_name ? 1 : 0];
  scratch_.by_name = by_name;
  scratch_.tag_names.clear();
  for (const auto& tag : tags) {
    if (std::find(exclude_.begin(), exclude_.end(), tag.first) == exclude_.end()) {
      scratch_.tag_names.push_back(tag.first);
    }
  }
  return scratch_;
}

void GroupByNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  const bool by_name = context_.interner.dimensions(message.group).by_name || by_measurement_;
  if (star_) {
    message.group =
        context_.interner.intern(message.point, dimensions(message.point.tags, by_name));
  } else {
    const int which = by_name ? 1 : 0;
    message.group = fixed_groups_[which].intern(context_.interner, message.point, fixed_[which]);
  }
  emit_point(std::move(message));
}

void GroupByNode::on_batch(model::Batch&& batch, int /*port*/) {
  flush_on_new_time(batch.time);
  const bool by_name = context_.interner.dimensions(batch.group).by_name;
  for (auto& point : batch.points) {
    const model::GroupKey group =
        context_.interner.intern(batch.name, point.tags, dimensions(point.tags, by_name));
    auto [it, created] = index_.try_emplace(group, buffered_.size());
    if (created) {
      model::Batch& out = buffered_.emplace_back();
      out.name = batch.name;
      out.group = group;
      out.tags = context_.interner.tags(group);
      out.time = batch.time;
    }
    buffered_[it->second].points.push_back(std::move(point));
  }
}

void GroupByNode::on_barrier(const runtime::BarrierMessage& barrier, int port) {
  flush_on_new_time(barrier.time);
  Node::on_barrier(barrier, port);
}

void GroupByNode::forget_group(model::GroupKey group) {
  const auto it = index_.find(group);
  if (it == index_.end()) return;
  buffered_.erase(buffered_.begin() + static_cast<std::ptrdiff_t>(it->second));
  index_.clear();
  for (size_t i = 0; i < buffered_.size(); ++i) index_.emplace(buffered_[i].group, i);
}

void GroupByNode::flush_on_new_time(int64_t time) {
  if (last_time_ == time) return;
  last_time_ = time;
  flush();
}

void GroupByNode::flush() {
  // Kapacitor emits its groups in map order (random); farad in order of creation.
  std::vector<model::Batch> batches = std::move(buffered_);
  buffered_.clear();
  index_.clear();
  for (auto& batch : batches) {
    std::stable_sort(batch.points.begin(), batch.points.end(),
                     [](const auto& a, const auto& b) { return a.time < b.time; });
    emit_batch(std::move(batch));
  }
}

void GroupByNode::finish(bool flush_open) {
  if (flush_open) flush();
}

void GroupByNode::save(runtime::StateWriter& out) const {
  out.boolean(last_time_.has_value());
  out.i64(last_time_.value_or(0));
  out.u64(buffered_.size());
  for (const auto& batch : buffered_) {
    save_group(out, batch.group);
    out.string(batch.name);
    out.tags(batch.tags);
    out.i64(batch.time);
    out.u64(batch.points.size());
    for (const auto& point : batch.points) out.batch_point(point);
  }
}

void GroupByNode::restore(runtime::StateReader& in) {
  const bool has_last = in.boolean();
  const int64_t last = in.i64();
  last_time_ = has_last ? std::optional<int64_t>(last) : std::nullopt;
  buffered_.clear();
  index_.clear();
  for (uint64_t n = in.u64(); n > 0; --n) {
    model::Batch& batch = buffered_.emplace_back();
    batch.group = restore_group(in);
    batch.name = in.string();
    batch.tags = in.tags();
    batch.time = in.i64();
    batch.points.resize(in.u64());
    for (auto& point : batch.points) point = in.batch_point();
    index_.emplace(batch.group, buffered_.size() - 1);
  }
}

}  // namespace farad::nodes
