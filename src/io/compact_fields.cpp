#include "io/compact_fields.hpp"

#include <type_traits>
#include <variant>

namespace farad::io {

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
