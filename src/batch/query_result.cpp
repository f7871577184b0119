#include "batch/query_result.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "io/time_format.hpp"

namespace farad::batch {
namespace {

using nlohmann::json;

int64_t row_time(const json& cell) {
  if (cell.is_number_integer()) return cell.get<int64_t>();
  if (cell.is_string()) {
    if (auto ns = io::parse_rfc3339_nanos(cell.get_ref<const std::string&>())) return *ns;
  }
  throw QueryResultError("unexpected time value: " + cell.dump());
}

std::optional<model::FieldValue> cell_value(const json& cell) {
  if (cell.is_null()) return std::nullopt;
  if (cell.is_number()) return model::FieldValue(cell.get<double>());
  if (cell.is_boolean()) return model::FieldValue(cell.get<bool>());
  if (cell.is_string()) return model::FieldValue(cell.get<std::string>());
  return model::FieldValue(cell.dump());  // arrays or objects: never sent by InfluxDB 1.x
}

model::Batch series_batch(const json& series, bool grouped_by_time, int64_t stop) {
  model::Batch batch;
  batch.name = series.value("name", "");
  if (auto tags = series.find("tags"); tags != series.end() && tags->is_object()) {
    for (const auto& [key, value] : tags->items()) {
      batch.tags.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
    std::sort(batch.tags.begin(), batch.tags.end());
  }
  std::vector<std::string> columns;
  if (auto found = series.find("columns"); found != series.end()) {
    columns = found->get<std::vector<std::string>>();
  }
  std::optional<int64_t> latest;
  if (auto values = series.find("values"); values != series.end() && values->is_array()) {
    for (const json& row : *values) {
      model::BatchPoint point;
      for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        if (columns[i] == "time") {
          point.time = row_time(row[i]);
        } else if (auto value = cell_value(row[i])) {
          model::set_field(point.fields, columns[i], std::move(*value));
        }
      }
      if (point.fields.empty()) continue;  // every value null
      point.tags = batch.tags;
      latest = std::max(latest.value_or(point.time), point.time);
      batch.points.push_back(std::move(point));
    }
  }
  batch.time = grouped_by_time && latest ? *latest : stop;
  return batch;
}

}  // namespace

std::vector<model::Batch> result_batches(std::string_view text, bool grouped_by_time,
                                         int64_t stop) {
  const json answer = json::parse(text, nullptr, false);
  if (answer.is_discarded() || !answer.is_object()) {
    throw QueryResultError("the answer of /query is not a JSON object");
  }
  if (auto error = answer.find("error"); error != answer.end() && error->is_string()) {
    throw QueryResultError(error->get<std::string>());
  }
  std::vector<model::Batch> batches;
  const auto results = answer.find("results");
  if (results == answer.end() || !results->is_array()) return batches;
  for (const json& result : *results) {
    if (auto error = result.find("error"); error != result.end() && error->is_string()) {
      throw QueryResultError(error->get<std::string>());
    }
    const auto series = result.find("series");
    if (series == result.end() || !series->is_array()) continue;
    for (const json& one : *series) batches.push_back(series_batch(one, grouped_by_time, stop));
  }
  return batches;
}

}  // namespace farad::batch
