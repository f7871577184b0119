#include "model/group_key_cache.hpp"

#include <cstring>

namespace farad::model {
namespace {

constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;

// A fast 64-bit hash of short strings, eight bytes at a time; the length goes into the last
// word so that ("ab", "c") and ("a", "bc") differ.
uint64_t hash_value(uint64_t hash, std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word = 0;
    std::memcpy(&word, p, 8);
    hash = (hash ^ word) * kMultiplier;
    hash ^= hash >> 29;
  }
  uint64_t tail = 0;
  if (n > 0) std::memcpy(&tail, p, n);  // an empty view's data() may be null
  hash = (hash ^ tail ^ (static_cast<uint64_t>(text.size()) << 56)) * kMultiplier;
  return hash ^ (hash >> 32);
}

}  // namespace

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
  for (const auto value : current_) hash = hash_value(hash, value);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry_plus_one == 0) break;
    if (slot.hash == hash && same_values(entries_[slot.entry_plus_one - 1].values_at)) {
      return found(slot.entry_plus_one - 1);
    }
  }
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
  // Keep the load at most 1/2 so probes stay short and an empty slot always exists.
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  const auto at = static_cast<uint32_t>(values_.size());
  for (const auto value : current_) {
    const auto length = static_cast<uint32_t>(value.size());
    values_.append(reinterpret_cast<const char*>(&length), sizeof length);
    if (!value.empty()) values_.append(value);
  }
  entries_.push_back(Entry{at, key});
  last_ = static_cast<uint32_t>(entries_.size());
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].entry_plus_one != 0) i = (i + 1) & mask;
  slots_[i] = Slot{hash, last_};
}

void GroupKeyCache::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry_plus_one == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace farad::model
