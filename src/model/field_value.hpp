#pragma once
// A field value of a point: the five types InfluxDB stores. The variant's alternative order is
// the FieldType order, so `static_cast<FieldType>(value.index())` is the type.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace farad::model {

/// The type of a field value, in the order of FieldValue's alternatives.
enum class FieldType : uint8_t { Float, Int, Uint, String, Bool };

/// float64, int64, uint64, string or bool.
using FieldValue = std::variant<double, int64_t, uint64_t, std::string, bool>;

/// The type held by `value`.
inline FieldType type_of(const FieldValue& value) {
  return static_cast<FieldType>(value.index());
}

/// InfluxDB's name of a type: `float`, `integer`, `unsigned`, `string`, `boolean`.
inline std::string_view type_name(FieldType type) {
  switch (type) {
    case FieldType::Float:
      return "float";
    case FieldType::Int:
      return "integer";
    case FieldType::Uint:
      return "unsigned";
    case FieldType::String:
      return "string";
    case FieldType::Bool:
      return "boolean";
  }
  return "unknown";
}

/// InfluxDB's name of the type held by `value`.
inline std::string_view type_name(const FieldValue& value) {
  return type_name(type_of(value));
}

/// True when the value is a number (float, integer or unsigned).
inline bool is_numeric(const FieldValue& value) {
  const auto type = type_of(value);
  return type == FieldType::Float || type == FieldType::Int || type == FieldType::Uint;
}

}  // namespace farad::model
