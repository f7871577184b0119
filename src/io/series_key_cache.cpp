#include "io/series_key_cache.hpp"

namespace farad::io {

void SeriesKeyCache::insert(std::string_view key, Entry entry) {
  if (key.size() > kMaxCachedKey || max_entries_ == 0) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.emplace(std::string(key), std::move(entry));
}

}  // namespace farad::io
