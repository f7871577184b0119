#include "model/compact_point.hpp"

#include <algorithm>
#include <stdexcept>

namespace farad::model {

CompactValue CompactValue::of(const FieldValue& value) {
  CompactValue out;
  out.type = type_of(value);
  switch (out.type) {
    case FieldType::Float:
      out.f = std::get<double>(value);
      break;
    case FieldType::Int:
      out.i = std::get<int64_t>(value);
      break;
    case FieldType::Uint:
      out.u = std::get<uint64_t>(value);
      break;
    case FieldType::Bool:
      out.b = std::get<bool>(value);
      break;
    case FieldType::String:
      throw std::logic_error("a compact value cannot hold a string");
  }
  return out;
}

FieldValue CompactValue::to_field_value() const {
  switch (type) {
    case FieldType::Float:
      return f;
    case FieldType::Int:
      return i;
    case FieldType::Uint:
      return u;
    case FieldType::Bool:
      return b;
    case FieldType::String:
      break;
  }
  throw std::logic_error("a compact value cannot hold a string");
}

uint16_t FieldKeyTable::intern(std::string_view key) {
  if (auto id = find(key)) return *id;
  names_.emplace_back(key);
  return static_cast<uint16_t>(names_.size() - 1);
}

std::optional<uint16_t> FieldKeyTable::find(std::string_view key) const {
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == key) return static_cast<uint16_t>(i);
  }
  return std::nullopt;
}

bool CompactPoint::set(uint16_t key, CompactValue value) {
  uint8_t i = 0;
  while (i < size && keys[i] != key) ++i;
  if (i == size) {
    if (size == kCompactFields) return false;
    keys[size++] = key;
  }
  types[i] = value.type;
  bits[i] = value.bits();
  return true;
}

uint32_t SeriesTable::pooled(std::string&& text) {
  if (auto known = name_ids_.find(text); known != name_ids_.end()) return known->second;
  const auto id = static_cast<uint32_t>(names_.size());
  names_.push_back(std::move(text));
  name_ids_.emplace(names_.back(), id);
  return id;
}

uint32_t SeriesTable::add(SeriesEntry entry) {
  Stored& stored = entries_.emplace_back();
  stored.name = pooled(std::move(entry.name));
  stored.database = pooled(std::move(entry.database));
  stored.retention_policy = pooled(std::move(entry.retention_policy));
  stored.tags = std::move(entry.tags);
  return static_cast<uint32_t>(entries_.size() - 1);
}

Point materialise(const CompactPoint& point, const SeriesTable& series, const FieldKeyTable& keys) {
  const SeriesRef entry = series[point.series];
  Point out;
  out.name = entry.name;
  out.database = entry.database;
  out.retention_policy = entry.retention_policy;
  out.tags = entry.tags;
  out.time = point.time;
  out.fields.reserve(point.size + 2u);
  for (uint8_t i = 0; i < point.size; ++i) {
    out.fields.emplace_back(keys.name(point.keys[i]), point.value(i).to_field_value());
  }
  std::sort(out.fields.begin(), out.fields.end(),
            [](const Field& a, const Field& b) { return a.first < b.first; });
  return out;
}

}  // namespace farad::model
