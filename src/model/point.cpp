#include "model/point.hpp"

#include <algorithm>
#include <string>

namespace farad::model {
namespace {

// Sets up to this size are searched linearly: points carry a handful of tags and fields, and
// comparing lengths first skips most keys without touching their bytes.
constexpr std::size_t kLinearSearchMax = 16;

// std::string_view's order (bytes as unsigned char), inline: keys differ in their first bytes,
// where a call to memcmp would cost more than the comparison.
bool key_less(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
}

// The first pair whose key is not less than `key` (std::lower_bound's answer).
template <class Pairs>
auto lower_bound_key(Pairs& pairs, std::string_view key) {
  if (pairs.size() <= kLinearSearchMax) {
    auto it = pairs.begin();
    while (it != pairs.end() && key_less(it->first, key)) ++it;
    return it;
  }
  return std::lower_bound(
      pairs.begin(), pairs.end(), key,
      [](const auto& pair, std::string_view k) { return std::string_view(pair.first) < k; });
}

// The pair with key `key`, or end(). Sorted order is not needed to find an exact key.
template <class Pairs>
auto find_key(Pairs& pairs, std::string_view key) {
  if (pairs.size() <= kLinearSearchMax) {
    for (auto it = pairs.begin(); it != pairs.end(); ++it) {
      if (it->first.size() == key.size() &&
          std::char_traits<char>::compare(it->first.data(), key.data(), key.size()) == 0) {
        return it;
      }
    }
    return pairs.end();
  }
  auto it = lower_bound_key(pairs, key);
  return it != pairs.end() && it->first == key ? it : pairs.end();
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
  auto it = find_key(tags, key);
  return it != tags.end() ? &it->second : nullptr;
}

const FieldValue* find_field(const Fields& fields, std::string_view key) {
  auto it = find_key(fields, key);
  return it != fields.end() ? &it->second : nullptr;
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
