#include "sinks/http_post_row.hpp"

#include <variant>

namespace farad::sinks {

namespace {

GoValue field_value(const std::optional<model::FieldValue>& value) {
  if (!value) return GoValue::nil();
  return std::visit(
      [](const auto& v) -> GoValue {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>) {
          return GoValue::of_float(v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return GoValue::of_int(v);
        } else if constexpr (std::is_same_v<T, uint64_t>) {
          return GoValue::of_uint(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return GoValue::of_bool(v);
        } else {
          return GoValue::of_string(v);
        }
      },
      *value);
}

}  // namespace

GoValue http_post_row_data(const runtime::HttpOutSeries& series) {
  GoValue::Entries tags;
  tags.reserve(series.tags.size());
  for (const auto& [key, value] : series.tags) tags.emplace_back(key, GoValue::of_string(value));

  GoValue::Items rows;
  rows.reserve(series.rows.size());
  for (const auto& row : series.rows) {
    GoValue::Entries cells;
    cells.reserve(series.columns.size());
    cells.emplace_back("time", GoValue::of_time(row.time));
    for (size_t i = 0; i < row.values.size() && i + 1 < series.columns.size(); ++i) {
      cells.emplace_back(series.columns[i + 1], field_value(row.values[i]));
    }
    rows.push_back(GoValue::of_map(std::move(cells), "map[string]interface {}", GoValue::nil()));
  }

  GoValue::Entries fields;
  fields.emplace_back("Name", GoValue::of_string(series.name));
  fields.emplace_back(
      "Tags", GoValue::of_map(std::move(tags), "map[string]string", GoValue::of_string("")));
  fields.emplace_back("Values", GoValue::of_list(std::move(rows), "[]map[string]interface {}"));
  return GoValue::of_struct(std::move(fields), "*kapacitor.mappedRow", true);
}

}  // namespace farad::sinks
