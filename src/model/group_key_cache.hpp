#pragma once
// A node's shortcut to the interner for one fixed set of dimensions. Interning builds the
// group's id string and hashes it for every point; this cache hashes the dimension values the
// point already holds and compares them with the values that first produced each key, so a
// point of a known series costs one probe and no id string. Equal values under the same
// dimensions always make the same id, so the cached key is the interner's key.
// Periodic inputs (a poller's series, one interval after another) repeat the same order of
// series: the entry after the one last returned is compared first, without hashing, so such a
// stream walks the cache's entries in order instead of probing random slots.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/group_key.hpp"
#include "model/hash_slots.hpp"
#include "model/point.hpp"

namespace farad::model {

/// Caches GroupKeyInterner::intern for one Dimensions value: pass equal dimensions and the
/// same interner on every call.
class GroupKeyCache {
 public:
  GroupKeyCache();

  /// The group of `point` under `dims`: interner.intern(point, dims), from the cache when the
  /// point's dimension values were seen before.
  GroupKey intern(GroupKeyInterner& interner, const Point& point, const Dimensions& dims);

 private:
  struct Entry {
    uint32_t values_at = 0;  // offset of the entry's values in values_
    GroupKey key;
  };

  bool same_values(uint32_t at) const;
  GroupKey found(uint32_t entry);
  void insert(uint64_t hash, GroupKey key);

  HashSlots slots_;             // entries_ by the hash of their values
  std::vector<Entry> entries_;  // in insertion order
  uint32_t last_ = 0;           // the entry to compare first: the one after the last returned
  std::string values_;          // each entry's values: a 32-bit length, then bytes
  std::vector<std::string_view> current_;  // the values of the point being interned
};

}  // namespace farad::model
