#include "io/series_key_memo.hpp"

#include <cstring>

namespace farad::io {

SeriesKeyMemo::SeriesKeyMemo() : slots_(1024) {}

std::optional<uint32_t> SeriesKeyMemo::find(std::string_view key) {
  if (next_ < entries_.size() && key_of(entries_[next_]) == key) {
    const uint32_t id = entries_[next_].id;
    ++next_;
    return id;
  }
  const auto known = slots_.find(model::hash_bytes(0, key),
                                 [&](uint32_t entry) { return key_of(entries_[entry]) == key; });
  if (!known) return std::nullopt;
  next_ = *known + 1;
  return entries_[*known].id;
}

void SeriesKeyMemo::insert(std::string_view key, uint32_t id) {
  entries_.push_back({keys_.size(), static_cast<uint32_t>(key.size()), id});
  keys_.append(key);
  slots_.insert(model::hash_bytes(0, key), static_cast<uint32_t>(entries_.size() - 1),
                entries_.size());
  next_ = static_cast<uint32_t>(entries_.size());
}

}  // namespace farad::io
