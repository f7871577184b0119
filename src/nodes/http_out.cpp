#include "nodes/http_out.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

namespace farad::nodes {

runtime::HttpOutSeries point_series(const model::Point& point) {
  runtime::HttpOutSeries series;
  series.name = point.name;
  series.tags = point.tags;
  series.columns.reserve(point.fields.size() + 1);
  series.columns.emplace_back("time");
  runtime::HttpOutSeries::Row row;
  row.time = point.time;
  // Fields are sorted by name, the order sort.Strings gives the columns.
  for (const auto& [name, value] : point.fields) {
    series.columns.push_back(name);
    row.values.emplace_back(value);
  }
  series.rows.push_back(std::move(row));
  return series;
}

runtime::HttpOutSeries batch_series(const model::Batch& batch) {
  runtime::HttpOutSeries series;
  series.name = batch.name;
  series.tags = batch.tags;
  if (batch.points.empty()) return series;
  // The columns come from the first point only; a name that is both a field and a tag of it
  // gives two columns, both reading the field, as in Kapacitor.
  const model::BatchPoint& first = batch.points.front();
  std::vector<std::string> names;
  for (const auto& field : first.fields) names.push_back(field.first);
  for (const auto& tag : first.tags) {
    if (!model::find_tag(batch.tags, tag.first)) names.push_back(tag.first);
  }
  std::sort(names.begin(), names.end());
  series.columns.reserve(names.size() + 1);
  series.columns.emplace_back("time");
  series.columns.insert(series.columns.end(), names.begin(), names.end());
  series.rows.reserve(batch.points.size());
  for (const auto& point : batch.points) {
    runtime::HttpOutSeries::Row row;
    row.time = point.time;
    row.values.reserve(names.size());
    for (const auto& name : names) {
      if (const auto* field = point.field(name)) {
        row.values.emplace_back(*field);
      } else if (const auto* tag = point.tag(name)) {
        row.values.emplace_back(model::FieldValue(*tag));
      } else {
        row.values.emplace_back(std::nullopt);
      }
    }
    series.rows.push_back(std::move(row));
  }
  return series;
}

HttpOutNode::HttpOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : Node(spec, context), endpoint_(spec.args.empty() ? std::string() : spec.args.front().text) {
  // Kapacitor registers the route when the task starts; a second node cannot take it.
  if (!context_.http_out.emplace(endpoint_, runtime::HttpOutEndpoint{}).second) {
    throw std::runtime_error(fmt::format(
        "{}: httpOut endpoint '{}' is already served by another node", name(), endpoint_));
  }
}

std::optional<runtime::HttpOutSeries>& HttpOutNode::slot(model::GroupKey group) {
  runtime::HttpOutEndpoint& content = endpoint();
  if (const size_t* position = positions_.find(group)) return content.series[*position];
  positions_[group] = content.series.size();
  order_.push_back(group);
  content.allocated = true;
  return content.series.emplace_back();
}

void HttpOutNode::on_point(runtime::PointMessage&& message, int /*port*/) {
  slot(message.group) = point_series(message.point);
  emit_point(std::move(message));
}

void HttpOutNode::on_batch(model::Batch&& batch, int /*port*/) {
  slot(batch.group) = batch_series(batch);
  emit_batch(std::move(batch));
}

void HttpOutNode::on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) {
  slot(barrier.group);
  emit(runtime::Message(barrier));
}

void HttpOutNode::on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) {
  // Kapacitor forwards the deletion only from a group that exists.
  const size_t* found = positions_.find(message.group);
  if (!found) return;
  const size_t position = *found;
  positions_.erase(message.group);
  order_.erase(order_.begin() + static_cast<ptrdiff_t>(position));
  auto& series = endpoint().series;
  series.erase(series.begin() + static_cast<ptrdiff_t>(position));
  positions_.for_each([&](model::GroupKey, size_t& p) {
    if (p > position) --p;
  });
  emit(runtime::Message(message));
}

void HttpOutNode::save(runtime::StateWriter& out) const {
  const auto it = context_.http_out.find(endpoint_);
  out.boolean(it != context_.http_out.end() && it->second.allocated);
  out.u64(order_.size());
  for (size_t i = 0; i < order_.size(); ++i) {
    save_group(out, order_[i]);
    const auto& series = it->second.series[i];
    out.boolean(series.has_value());
    if (!series) continue;
    out.string(series->name);
    out.tags(series->tags);
    out.u64(series->columns.size());
    for (const auto& column : series->columns) out.string(column);
    out.u64(series->rows.size());
    for (const auto& row : series->rows) {
      out.i64(row.time);
      out.u64(row.values.size());
      for (const auto& value : row.values) {
        out.boolean(value.has_value());
        if (value) out.field_value(*value);
      }
    }
  }
}

void HttpOutNode::restore(runtime::StateReader& in) {
  runtime::HttpOutEndpoint& content = endpoint();
  content = runtime::HttpOutEndpoint{};
  positions_.clear();
  order_.clear();
  content.allocated = in.boolean();
  for (uint64_t n = in.u64(); n > 0; --n) {
    const model::GroupKey group = restore_group(in);
    positions_[group] = order_.size();
    order_.push_back(group);
    auto& series = content.series.emplace_back();
    if (!in.boolean()) continue;
    series.emplace();
    series->name = in.string();
    series->tags = in.tags();
    series->columns.resize(in.u64());
    for (auto& column : series->columns) column = in.string();
    series->rows.resize(in.u64());
    for (auto& row : series->rows) {
      row.time = in.i64();
      row.values.resize(in.u64());
      for (auto& value : row.values) {
        if (in.boolean()) value = in.field_value();
      }
    }
  }
}

}  // namespace farad::nodes
