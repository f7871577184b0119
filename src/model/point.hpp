#pragma once
// A stream point: measurement, database, retention policy, tags, fields and time. Tags and
// fields are vectors kept sorted by key (unique keys): small, cache friendly, and their order is
// the deterministic order every output needs.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/field_value.hpp"

namespace farad::model {

/// One tag: key and value.
using Tag = std::pair<std::string, std::string>;
/// A tag set sorted by key, keys unique.
using Tags = std::vector<Tag>;
/// One field: key and value.
using Field = std::pair<std::string, FieldValue>;
/// A field set sorted by key, keys unique.
using Fields = std::vector<Field>;

/// The value of tag `key`, or nullptr.
const std::string* find_tag(const Tags& tags, std::string_view key);
/// The value of field `key`, or nullptr.
const FieldValue* find_field(const Fields& fields, std::string_view key);
/// Inserts or replaces tag `key`, keeping the set sorted.
void set_tag(Tags& tags, std::string key, std::string value);
/// Inserts or replaces field `key`, keeping the set sorted.
void set_field(Fields& fields, std::string key, FieldValue value);
/// Removes tag `key`; false when it was absent.
bool erase_tag(Tags& tags, std::string_view key);
/// Removes field `key`; false when it was absent.
bool erase_field(Fields& fields, std::string_view key);

/// A point of a stream edge. `time` is nanoseconds since the Unix epoch (UTC).
struct Point {
  std::string name;  ///< the measurement
  std::string database;
  std::string retention_policy;
  Tags tags;
  Fields fields;
  int64_t time = 0;

  /// The value of field `key`, or nullptr.
  const FieldValue* field(std::string_view key) const { return find_field(fields, key); }
  /// The value of tag `key`, or nullptr.
  const std::string* tag(std::string_view key) const { return find_tag(tags, key); }

  bool operator==(const Point&) const = default;
};

}  // namespace farad::model
