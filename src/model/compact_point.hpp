#pragma once
// The compact form of a stream point, for the hot path of `farad run` (docs/architecture.md,
// decision 7). A Point owns three strings and two vectors: building, moving and freeing one
// costs more than most nodes' work on it. A CompactPoint is a fixed-size, trivially copyable
// record: the series (measurement, database, retention policy and tags, interned once per
// series in a SeriesTable), the group, the time and up to kCompactFields numeric or boolean
// fields whose keys are interned in a FieldKeyTable. Nodes that know it read it directly; any
// other node receives the equal Point (materialise), so the two forms give the same output.

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/field_value.hpp"
#include "model/group_key.hpp"
#include "model/point.hpp"

namespace farad::model {

/// Fields a compact point holds at most: a task's observed input fields plus what counterRate
/// adds. A point that needs more (or a string field) travels as a Point.
inline constexpr std::size_t kCompactFields = 5;

/// A numeric or boolean field value without the variant's string alternative.
struct CompactValue {
  union Bits {
    double f;
    int64_t i;
    uint64_t u;
    bool b;
  };

  FieldType type = FieldType::Float;
  union {
    double f;
    int64_t i;
    uint64_t u;
    bool b;
  };

  CompactValue() : f(0) {}
  CompactValue(FieldType t, Bits value) : type(t) { std::memcpy(&u, &value, sizeof u); }
  /// The 8 bytes of the value, whatever its type.
  Bits bits() const {
    Bits out;
    std::memcpy(&out, &u, sizeof u);
    return out;
  }
  /// The value as a FieldValue; `value` must not hold a string.
  static CompactValue of(const FieldValue& value);
  FieldValue to_field_value() const;
};

/// Interned field keys: small dense ids for the keys compact points use.
class FieldKeyTable {
 public:
  /// The id of `key`, added when new.
  uint16_t intern(std::string_view key);
  std::optional<uint16_t> find(std::string_view key) const;
  const std::string& name(uint16_t id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;  // a task has a handful: a linear search is the fastest
};

/// What a point's series carries: everything of a Point but its fields and time.
struct SeriesEntry {
  std::string name;
  std::string database;
  std::string retention_policy;
  Tags tags;
};

/// A series of a SeriesTable, by reference.
struct SeriesRef {
  const std::string& name;
  const std::string& database;
  const std::string& retention_policy;
  const Tags& tags;
};

/// Series by dense id, in the order they were added. Names, databases and retention policies
/// are pooled (a task's series share a few), and the entries live in a deque: no copy and no
/// unused capacity as the table grows (its size is that of the task's series).
class SeriesTable {
 public:
  uint32_t add(SeriesEntry entry);
  SeriesRef operator[](uint32_t id) const {
    const Stored& stored = entries_[id];
    return {names_[stored.name], names_[stored.database], names_[stored.retention_policy],
            stored.tags};
  }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Stored {
    uint32_t name = 0;  // indexes into names_
    uint32_t database = 0;
    uint32_t retention_policy = 0;
    Tags tags;
  };
  uint32_t pooled(std::string&& text);

  std::deque<Stored> entries_;
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, uint32_t> name_ids_;  // views into names_
};

/// 72 bytes: types and values in separate arrays, as a CompactValue per field would pad each
/// to 16 (points held for lateness are most of a task's memory).
struct CompactPoint {
  uint32_t series = 0;  ///< SeriesTable id
  GroupKey group;       ///< set by from, as PointMessage::group
  int64_t time = 0;
  uint8_t size = 0;  ///< fields used
  std::array<FieldType, kCompactFields> types{};
  std::array<uint16_t, kCompactFields> keys{};
  std::array<CompactValue::Bits, kCompactFields> bits{};

  /// The value of the i-th field.
  CompactValue value(uint8_t i) const { return CompactValue(types[i], bits[i]); }
  /// The value of field `key`, if the point has it.
  std::optional<CompactValue> find(uint16_t key) const {
    for (uint8_t i = 0; i < size; ++i) {
      if (keys[i] == key) return value(i);
    }
    return std::nullopt;
  }
  /// Sets field `key`; false (nothing changed) when it is new and the point is full.
  bool set(uint16_t key, CompactValue value);
};

/// The Point equal to `point` (fields sorted by key, as every Point keeps them).
Point materialise(const CompactPoint& point, const SeriesTable& series, const FieldKeyTable& keys);

}  // namespace farad::model
