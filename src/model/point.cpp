#include "model/point.hpp"

#include <algorithm>

namespace farad::model {
namespace {

// Binary search on the key of a sorted pair vector; string_view keys avoid a temporary string.
template <class Pairs>
auto lower_bound_key(Pairs& pairs, std::string_view key) {
  return std::lower_bound(
      pairs.begin(), pairs.end(), key,
      [](const auto& pair, std::string_view k) { return std::string_view(pair.first) < k; });
}

template <class Pairs, class Value>
void set_sorted(Pairs& pairs, std::string key, Value value) {
  auto it = lower_bound_key(pairs, key);
  if (it != pairs.end() && it->first == key) {
    it->second = std::move(value);
    return;
  }
  pairs.emplace(it, std::move(key), std::move(value));
}

template <class Pairs>
bool erase_sorted(Pairs& pairs, std::string_view key) {
  auto it = lower_bound_key(pairs, key);
  if (it == pairs.end() || it->first != key) return false;
  pairs.erase(it);
  return true;
}

}  // namespace

const std::string* find_tag(const Tags& tags, std::string_view key) {
  auto it = lower_bound_key(tags, key);
  return it != tags.end() && it->first == key ? &it->second : nullptr;
}

const FieldValue* find_field(const Fields& fields, std::string_view key) {
  auto it = lower_bound_key(fields, key);
  return it != fields.end() && it->first == key ? &it->second : nullptr;
}

void set_tag(Tags& tags, std::string key, std::string value) {
  set_sorted(tags, std::move(key), std::move(value));
}

void set_field(Fields& fields, std::string key, FieldValue value) {
  set_sorted(fields, std::move(key), std::move(value));
}

bool erase_tag(Tags& tags, std::string_view key) {
  return erase_sorted(tags, key);
}

bool erase_field(Fields& fields, std::string_view key) {
  return erase_sorted(fields, key);
}

}  // namespace farad::model
