#pragma once
// Interned group keys. A group is identified, as in Kapacitor (`models.ToGroupID`), by its id
// string: the measurement and "\n" when grouped by measurement, then `k=v` pairs joined by `,` in
// dimension order. Runtime state tables are keyed by GroupKey, a 32-bit index into an interner,
// so hashing and comparing a key per message costs nothing once it is interned.

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/hash_slots.hpp"
#include "model/point.hpp"

namespace farad::model {

/// What a point is grouped by: tag names (sorted, as groupBy sorts them) and the measurement.
struct Dimensions {
  std::vector<std::string> tag_names;
  bool by_name = false;

  bool operator==(const Dimensions&) const = default;
};

/// A small handle to an interned group. The default value is the nil group (id "").
class GroupKey {
 public:
  constexpr GroupKey() = default;
  /// The interner index; 0 is the nil group.
  constexpr uint32_t index() const { return index_; }
  /// True for the nil group (no dimensions, not grouped by measurement).
  constexpr bool is_nil() const { return index_ == 0; }
  /// The key with this index (for tables indexed by key; valid only for interned indexes).
  static constexpr GroupKey from_index(uint32_t index) { return GroupKey(index); }

  friend constexpr bool operator==(GroupKey, GroupKey) = default;
  friend constexpr auto operator<=>(GroupKey, GroupKey) = default;

 private:
  friend class GroupKeyInterner;
  constexpr explicit GroupKey(uint32_t index) : index_(index) {}
  uint32_t index_ = 0;
};

/// Appends Kapacitor's group id of (name, tags) under `dims` to `out`. A dimension missing from
/// `tags` contributes `k=` (Kapacitor reads the missing tag as "").
void append_group_id(std::string& out, std::string_view name, const Tags& tags,
                     const Dimensions& dims);

/// Maps group id strings to GroupKeys and keeps each group's id, tags and dimensions. Not thread
/// safe: one interner per thread, or a lock around it. Keys live as long as the interner.
class GroupKeyInterner {
 public:
  GroupKeyInterner();

  /// The group of `point` under `dims`; allocates only when the group is new.
  GroupKey intern(const Point& point, const Dimensions& dims) {
    return intern(point.name, point.tags, dims);
  }
  /// The group of (name, tags) under `dims`; allocates only when the group is new.
  GroupKey intern(std::string_view name, const Tags& tags, const Dimensions& dims);
  /// The key of an id string already interned, if any.
  std::optional<GroupKey> find(std::string_view id) const;

  /// The group id string, exactly as Kapacitor builds it.
  const std::string& id(GroupKey key) const { return entries_[key.index()].id; }
  /// The group tags: one per dimension, "" for a dimension the first point lacked.
  const Tags& tags(GroupKey key) const { return entries_[key.index()].tags; }
  /// The dimensions the group was first interned with.
  const Dimensions& dimensions(GroupKey key) const {
    return dimension_sets_[entries_[key.index()].dims];
  }
  /// Number of groups, the nil group included.
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string id;
    Tags tags;
    uint32_t dims = 0;  // index into dimension_sets_: a task has a few, shared by its groups
  };
  std::optional<uint32_t> lookup(std::string_view id, uint64_t hash) const;
  // Adds the group whose id is in scratch_.
  uint32_t insert(uint64_t hash, const Tags& tags, const Dimensions& dims);

  std::deque<Entry> entries_;  // a deque so references returned by id()/tags() stay valid
  std::deque<Dimensions> dimension_sets_;
  HashSlots slots_;      // entries_ by the hash of their id
  std::string scratch_;  // the id under construction, reused across calls
};

}  // namespace farad::model

template <>
struct std::hash<farad::model::GroupKey> {
  std::size_t operator()(farad::model::GroupKey key) const noexcept {
    // Indices are dense and unique: a multiplicative mix spreads them over the buckets.
    return static_cast<std::size_t>(key.index()) * 0x9E3779B97F4A7C15ull;
  }
};
