#pragma once
// A batch of a batch edge: Kapacitor's BeginBatch{name, tags, tmax} + BatchPoint* + EndBatch,
// buffered into one value.

#include <cstdint>
#include <string>
#include <vector>

#include "model/group_key.hpp"
#include "model/point.hpp"

namespace farad::model {

/// One point of a batch: it carries no name, database or group of its own.
struct BatchPoint {
  Fields fields;
  Tags tags;
  int64_t time = 0;  ///< nanoseconds since the Unix epoch

  /// The value of field `key`, or nullptr.
  const FieldValue* field(std::string_view key) const { return find_field(fields, key); }
  /// The value of tag `key`, or nullptr.
  const std::string* tag(std::string_view key) const { return find_tag(tags, key); }

  bool operator==(const BatchPoint&) const = default;
};

/// A whole batch: name, group, group tags, time (Kapacitor's tmax) and points in time order.
struct Batch {
  std::string name;
  GroupKey group;
  Tags tags;         ///< the group tags (only the dimension tags)
  int64_t time = 0;  ///< tmax, nanoseconds since the Unix epoch
  std::vector<BatchPoint> points;

  bool operator==(const Batch&) const = default;
};

}  // namespace farad::model
