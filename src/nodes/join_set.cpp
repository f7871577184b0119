#include "nodes/join_set.hpp"

#include <variant>

#include "nodes/time_quantise.hpp"

namespace farad::nodes {
namespace {

std::string prefixed(const JoinOptions& options, size_t parent, const std::string& name) {
  return options.prefixes[parent] + options.delimiter + name;
}

// Go's map assignment: a later parent overwrites an equal name (possible with an empty
// delimiter), so names go in one by one.
void add_fields(model::Fields& out, const JoinOptions& options, size_t parent,
                const model::Fields& fields) {
  for (const auto& [name, value] : fields)
    model::set_field(out, prefixed(options, parent, name), value);
}

}  // namespace

void JoinSet::set(size_t parent, runtime::Message&& message) {
  if (parent < first) first = parent;
  values[parent] = std::move(message);
  ++size;
}

std::optional<model::Fields> join_point_fields(const JoinSet& set, const JoinOptions& options) {
  const auto& first = std::get<runtime::PointMessage>(*set.values[set.first]).point.fields;
  model::Fields fields;
  fields.reserve(set.size * first.size());
  for (size_t i = 0; i < set.values.size(); ++i) {
    if (set.values[i]) {
      add_fields(fields, options, i, std::get<runtime::PointMessage>(*set.values[i]).point.fields);
      continue;
    }
    switch (options.fill.kind) {
      case JoinFill::Kind::None:
        return std::nullopt;
      case JoinFill::Kind::Null:
        break;
      case JoinFill::Kind::Number:
        for (const auto& field : first) {
          model::set_field(fields, prefixed(options, i, field.first), options.fill.value);
        }
        break;
    }
  }
  return fields;
}

std::vector<model::BatchPoint> join_batch_points(const JoinSet& set, const JoinOptions& options,
                                                 const model::Tags& tags) {
  const size_t expected = set.values.size();
  auto points_of = [&](size_t i) -> const std::vector<model::BatchPoint>& {
    return std::get<model::Batch>(*set.values[i]).points;
  };
  std::vector<model::BatchPoint> out;
  std::vector<bool> empty(expected, false);
  size_t empty_count = 0;
  std::vector<size_t> indexes(expected, 0);
  // Kapacitor takes the names to fill with from the first point it pairs, once per batch.
  std::vector<std::string> field_names;

  while (empty_count < expected) {
    std::vector<const model::BatchPoint*> row(expected, nullptr);
    int64_t row_time = kNoTime;
    size_t count = 0;
    for (size_t i = 0; i < expected; ++i) {
      if (empty[i]) continue;
      if (!set.values[i] || indexes[i] == points_of(i).size()) {
        ++empty_count;
        empty[i] = true;
        continue;
      }
      const model::BatchPoint& point = points_of(i)[indexes[i]];
      const int64_t t = go_round(point.time, options.tolerance);
      if (row_time == kNoTime) row_time = t;
      if (t < row_time) {
        // An earlier point: put back what this row took and start it again from here.
        row_time = t;
        for (size_t j = 0; j < expected; ++j) {
          if (row[j]) --indexes[j];
          row[j] = nullptr;
        }
        row[i] = &point;
        ++indexes[i];
        count = 1;
      } else if (t == row_time) {
        if (field_names.empty()) {
          for (const auto& field : point.fields) field_names.push_back(field.first);
        }
        row[i] = &point;
        ++indexes[i];
        ++count;
      }
    }
    if (count == 0) continue;

    model::BatchPoint joined;
    bool dropped = false;
    for (size_t i = 0; i < expected && !dropped; ++i) {
      if (row[i]) {
        add_fields(joined.fields, options, i, row[i]->fields);
        continue;
      }
      switch (options.fill.kind) {
        case JoinFill::Kind::None:
          dropped = true;
          break;
        case JoinFill::Kind::Null:
          break;
        case JoinFill::Kind::Number:
          for (const auto& name : field_names) {
            model::set_field(joined.fields, prefixed(options, i, name), options.fill.value);
          }
          break;
      }
    }
    if (dropped) continue;
    joined.tags = tags;
    joined.time = row_time;
    out.push_back(std::move(joined));
  }
  return out;
}

}  // namespace farad::nodes
