#pragma once
// The slot array of an open-addressing hash index over entries kept elsewhere (the interner's
// groups, a group key cache's series, the parser's raw series keys): each slot holds an
// entry's 64-bit hash and its index plus one (0: empty). Linear probing over a power-of-two
// array kept at most 3/4 full: probes stay short, an empty slot always ends a search, and a
// table of many entries keeps little unused room.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

namespace farad::model {

/// A fast 64-bit hash of short strings, eight bytes at a time, continuing from `hash` (to hash
/// several strings as one); the length goes into the last word so that ("ab", "c") and
/// ("a", "bc") differ.
inline uint64_t hash_bytes(uint64_t hash, std::string_view text) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
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

class HashSlots {
 public:
  explicit HashSlots(std::size_t size = 16) : slots_(size) {}

  /// The first entry stored under `hash` for which `same(entry)` holds.
  template <typename Same>
  std::optional<uint32_t> find(uint64_t hash, Same&& same) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry_plus_one == 0) return std::nullopt;
      if (slot.hash == hash && same(slot.entry_plus_one - 1)) return slot.entry_plus_one - 1;
    }
  }

  /// Stores `entry` under `hash`; `entries` is how many the index holds with it.
  void insert(uint64_t hash, uint32_t entry, std::size_t entries) {
    if (entries * 4 > slots_.size() * 3) grow();
    place({hash, entry + 1});
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry_plus_one = 0;
  };

  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry_plus_one != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.entry_plus_one != 0) place(slot);
    }
  }

  std::vector<Slot> slots_;
};

}  // namespace farad::model
