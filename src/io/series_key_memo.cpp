#include "io/series_key_memo.hpp"

#include <cstring>

namespace farad::io {
namespace {

// FNV-1a over 8-byte words: keys are tens of bytes; this is several times faster than a byte
// loop and spreads well enough for a table kept at most three quarters full.
uint64_t hash_key(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ull ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, key.data() + i, 8);
    h = (h ^ word) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, key.data() + i, key.size() - i);
  h = (h ^ tail) * 0x100000001b3ull;
  return h ^ (h >> 32);
}

}  // namespace

SeriesKeyMemo::SeriesKeyMemo() : slots_(1024) {}

std::optional<uint32_t> SeriesKeyMemo::find(std::string_view key) {
  if (next_ < entries_.size() && key_of(entries_[next_]) == key) {
    const uint32_t id = entries_[next_].id;
    ++next_;
    return id;
  }
  const uint64_t hash = hash_key(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry_plus_one == 0) return std::nullopt;
    if (slot.hash != hash) continue;
    const uint32_t entry = slot.entry_plus_one - 1;
    if (key_of(entries_[entry]) != key) continue;
    next_ = entry + 1;
    return entries_[entry].id;
  }
}

void SeriesKeyMemo::insert(std::string_view key, uint32_t id) {
  // At most 3/4 full: short probes, and less unused room than at 1/2 for many series.
  if (4 * (entries_.size() + 1) > 3 * slots_.size()) grow();
  entries_.push_back({keys_.size(), static_cast<uint32_t>(key.size()), id});
  keys_.append(key);
  const uint64_t hash = hash_key(key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].entry_plus_one != 0) i = (i + 1) & mask;
  slots_[i] = {hash, static_cast<uint32_t>(entries_.size())};
  next_ = static_cast<uint32_t>(entries_.size());
}

void SeriesKeyMemo::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry_plus_one == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace farad::io
