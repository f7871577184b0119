#include "model/field_value.hpp"

#include <catch2/catch.hpp>

using farad::model::FieldType;
using farad::model::FieldValue;

TEST_CASE("field values know their type and InfluxDB's name for it", "[model]") {
  struct Row {
    FieldValue value;
    FieldType type;
    std::string_view name;
    bool numeric;
  };
  const Row rows[] = {
      {1.5, FieldType::Float, "float", true},
      {int64_t{-3}, FieldType::Int, "integer", true},
      {uint64_t{4}, FieldType::Uint, "unsigned", true},
      {std::string("x"), FieldType::String, "string", false},
      {true, FieldType::Bool, "boolean", false},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    CHECK(farad::model::type_of(row.value) == row.type);
    CHECK(farad::model::type_name(row.value) == row.name);
    CHECK(farad::model::is_numeric(row.value) == row.numeric);
  }
}
