#pragma once
// Series keys already parsed, by their raw bytes. The measurement and tag set of a line (its
// "series key", up to the first unescaped space) decide its measurement and projected tags
// alone; a reader that has parsed a key once can look the raw bytes up instead of parsing
// them again. Only keys without a backslash are remembered: in them the first space ends the
// key, so finding the key of the next line needs no tokenising.
// A poller writes its series in the same order every interval: the entry after the one last
// found is compared first, without hashing, so such an input walks the entries in order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/hash_slots.hpp"

namespace farad::io {

class SeriesKeyMemo {
 public:
  SeriesKeyMemo();

  /// The id remembered for `key`, if any.
  std::optional<uint32_t> find(std::string_view key);
  /// Remembers `key` (not remembered yet) as `id`.
  void insert(std::string_view key, uint32_t id);
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint64_t at = 0;  // offset of the key in keys_
    uint32_t length = 0;
    uint32_t id = 0;
  };

  std::string_view key_of(const Entry& entry) const {
    return std::string_view(keys_).substr(entry.at, entry.length);
  }

  model::HashSlots slots_;  // entries_ by the hash of their key
  std::vector<Entry> entries_;
  std::string keys_;
  uint32_t next_ = 0;  // the entry to compare first
};

}  // namespace farad::io
