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

 private:
  // The lists are a handful of names: a linear scan beats any lookup structure.
  static bool contains(const std::vector<std::string>& keys, std::string_view key) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) { return k == key; });
  }
};

}  // namespace farad::model
