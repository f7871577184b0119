#include "model/group_key_cache.hpp"

#include <cstring>

namespace farad::model {

GroupKeyCache::GroupKeyCache() : slots_(64) {}

GroupKey GroupKeyCache::intern(GroupKeyInterner& interner, const Point& point,
                               const Dimensions& dims) {
  current_.clear();
  // The measurement is part of the id only when grouping by it.
  if (dims.by_name) current_.push_back(point.name);
  for (const auto& dim : dims.tag_names) {
    const std::string* value = find_tag(point.tags, dim);
    current_.push_back(value ? std::string_view(*value) : std::string_view());  // missing is ""
  }
  // After the last entry, a periodic input starts its next round with the first.
  const uint32_t next = last_ < entries_.size() ? last_ : 0;
  if (!entries_.empty() && same_values(entries_[next].values_at)) return found(next);
  uint64_t hash = 0;
  for (const auto value : current_) hash = hash_bytes(hash, value);
  const auto known =
      slots_.find(hash, [&](uint32_t entry) { return same_values(entries_[entry].values_at); });
  if (known) return found(*known);
  const GroupKey key = interner.intern(point, dims);
  insert(hash, key);
  return key;
}

GroupKey GroupKeyCache::found(uint32_t entry) {
  last_ = entry + 1;  // the entry to try first next time
  return entries_[entry].key;
}

bool GroupKeyCache::same_values(uint32_t at) const {
  const char* p = values_.data() + at;
  for (const auto value : current_) {
    uint32_t length = 0;
    std::memcpy(&length, p, sizeof length);
    p += sizeof length;
    if (length != value.size()) return false;
    if (length != 0 && std::memcmp(p, value.data(), length) != 0) return false;
    p += length;
  }
  return true;
}

void GroupKeyCache::insert(uint64_t hash, GroupKey key) {
  const auto at = static_cast<uint32_t>(values_.size());
  for (const auto value : current_) {
    const auto length = static_cast<uint32_t>(value.size());
    values_.append(reinterpret_cast<const char*>(&length), sizeof length);
    if (!value.empty()) values_.append(value);
  }
  entries_.push_back(Entry{at, key});
  last_ = static_cast<uint32_t>(entries_.size());
  slots_.insert(hash, last_ - 1, entries_.size());
}

}  // namespace farad::model
