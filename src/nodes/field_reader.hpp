#pragma once
// One way for a node to read a point's fields whether the point is a Point (its sorted Fields)
// or a compact point (model/compact_point.hpp): a reader is asked for a field by name and by
// its id in the task's FieldKeyTable, and answers with a FieldValue pointer or an optional
// CompactValue (`!value` when absent, `*value` otherwise, either way).
// Nodes that take compact points write their per-point logic once, as a template over these.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/compact_point.hpp"
#include "model/point.hpp"

namespace farad::nodes {

struct PointFieldReader {
  const model::Fields& fields;
  const model::FieldValue* find(const std::string& name, uint16_t /*id*/) const {
    return model::find_field(fields, name);
  }
};

struct CompactFieldReader {
  const model::CompactPoint& point;
  std::optional<model::CompactValue> find(const std::string& /*name*/, uint16_t id) const {
    return point.find(id);
  }
};

inline model::FieldType field_type(const model::FieldValue& value) {
  return model::type_of(value);
}
inline model::FieldType field_type(const model::CompactValue& value) {
  return value.type;
}

/// A number as a double (float, integer or unsigned); nullopt for strings and booleans.
inline std::optional<double> number_of(const model::FieldValue& value) {
  if (const auto* f = std::get_if<double>(&value)) return *f;
  if (const auto* i = std::get_if<int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* u = std::get_if<uint64_t>(&value)) return static_cast<double>(*u);
  return std::nullopt;
}
inline std::optional<double> number_of(const model::CompactValue& value) {
  switch (value.type) {
    case model::FieldType::Float:
      return value.f;
    case model::FieldType::Int:
      return static_cast<double>(value.i);
    case model::FieldType::Uint:
      return static_cast<double>(value.u);
    default:
      return std::nullopt;
  }
}

}  // namespace farad::nodes
