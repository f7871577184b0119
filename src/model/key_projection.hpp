#pragma once
// The tag and field keys a task can observe. A reader that builds points for one task needs to
// materialise only those: the others can never change what the task outputs, so leaving them
// out saves copying and memory and changes nothing else. "Everything" is the safe default.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace farad::model {

struct KeyProjection {
  bool all_tags = true;
  std::vector<std::string> tags;  ///< kept tag keys when !all_tags
  bool all_fields = true;
  std::vector<std::string> fields;  ///< kept field keys when !all_fields

  bool keeps_everything() const { return all_tags && all_fields; }
  bool keeps_tag(std::string_view key) const { return all_tags || contains(tags, key); }
  bool keeps_field(std::string_view key) const { return all_fields || contains(fields, key); }

  bool operator==(const KeyProjection&) const = default;

  /// Keeps, in addition, what `other` keeps (points read once for several tasks).
  void merge(const KeyProjection& other) {
    all_tags = all_tags || other.all_tags;
    all_fields = all_fields || other.all_fields;
    for (const auto& key : other.tags) {
      if (!contains(tags, key)) tags.push_back(key);
    }
    for (const auto& key : other.fields) {
      if (!contains(fields, key)) fields.push_back(key);
    }
  }

 private:
  // The lists are a handful of names: a linear scan beats any lookup structure.
  static bool contains(const std::vector<std::string>& keys, std::string_view key) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return k == key; });
  }
};

}  // namespace farad::model
