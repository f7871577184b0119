#pragma once
// The series keys (measurement and tag set, as written) a parser has already read, with where
// their tags are. Metrics repeat the same few thousand series key for key, so a parser given a
// cache reads a known key by comparing its bytes instead of splitting, sorting and checking its
// tags again: same bytes, same tags, same verdict. Only keys without backslashes are cached
// (their tags are plain substrings of the key). One cache per thread; it outlives the parsers
// that share it, so a series seen in one body or read block is known in the next.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace farad::io {

class SeriesKeyCache {
 public:
  /// A tag of a cached key: offsets into the key bytes (keys are at most 65,535 bytes).
  struct TagSpan {
    uint16_t key_offset;
    uint16_t key_length;
    uint16_t value_offset;
    uint16_t value_length;
  };
  struct Entry {
    uint16_t measurement_length = 0;
    std::vector<TagSpan> tags;  ///< sorted by tag key, as LineView::tags
  };

  /// At most `max_entries` keys are kept; when full, the cache starts over (memory stays
  /// bounded however many series pass).
  explicit SeriesKeyCache(std::size_t max_entries = kDefaultMaxEntries)
      : max_entries_(max_entries) {}

  /// The entry of `key`, or nullptr. The pointer is valid until the next insert().
  const Entry* find(std::string_view key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
  }
  /// Remembers `key`; keys longer than kMaxCachedKey are not kept.
  void insert(std::string_view key, Entry entry);
  std::size_t size() const { return entries_.size(); }
  void clear() { entries_.clear(); }

  static constexpr std::size_t kDefaultMaxEntries = std::size_t{1} << 17;
  static constexpr std::size_t kMaxCachedKey = 1024;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  std::size_t max_entries_;
  std::unordered_map<std::string, Entry, Hash, Equal> entries_;
};

}  // namespace farad::io
