#include "io/compact_fields.hpp"

#include <type_traits>
#include <variant>

namespace farad::io {

CompactFieldIds compact_field_ids(const model::KeyProjection& projection,
                                  model::FieldKeyTable& keys) {
  CompactFieldIds layout;
  for (const auto& field : projection.fields) layout.ids.emplace_back(field, keys.intern(field));
  return layout;
}

model::SeriesEntry series_entry(const LineView& line, std::string_view database,
                                std::string_view retention_policy) {
  model::SeriesEntry entry;
  entry.name = line.measurement;
  entry.database = database;
  entry.retention_policy = retention_policy;
  entry.tags.reserve(line.tags.size());
  for (const auto& tag : line.tags) entry.tags.emplace_back(tag.key, tag.value);
  return entry;
}

bool to_compact(const LineView& line, const CompactFieldIds& layout, model::CompactPoint& point) {
  point.time = line.time;
  point.size = 0;
  for (const auto& field : line.fields) {
    const uint16_t* id = nullptr;
    for (const auto& [key, key_id] : layout.ids) {
      if (key == field.key) {
        id = &key_id;
        break;
      }
    }
    if (id == nullptr) continue;
    if (point.size == model::kCompactFields ||
        std::holds_alternative<std::string_view>(field.value)) {
      return false;
    }
    model::CompactValue value;
    value.type = static_cast<model::FieldType>(field.value.index());
    std::visit(
        [&value](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, double>) value.f = v;
          if constexpr (std::is_same_v<T, int64_t>) value.i = v;
          if constexpr (std::is_same_v<T, uint64_t>) value.u = v;
          if constexpr (std::is_same_v<T, bool>) value.b = v;
        },
        field.value);
    point.keys[point.size] = *id;
    point.types[point.size] = value.type;
    point.bits[point.size] = value.bits();
    ++point.size;
  }
  return true;
}

}  // namespace farad::io
