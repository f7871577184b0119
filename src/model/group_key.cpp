#include "model/group_key.hpp"

#include <algorithm>

namespace farad::model {
namespace {

uint64_t hash_id(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

}  // namespace

void append_group_id(std::string& out, std::string_view name, const Tags& tags,
                     const Dimensions& dims) {
  if (dims.tag_names.empty()) {
    // Kapacitor: by measurement alone the id is the bare name (no "\n"); otherwise the nil group.
    if (dims.by_name) out.append(name);
    return;
  }
  if (dims.by_name) {
    out.append(name);
    out.push_back('\n');  // a byte line protocol cannot put in a measurement
  }
  bool first = true;
  for (const auto& dim : dims.tag_names) {
    if (!first) out.push_back(',');
    first = false;
    out.append(dim);
    out.push_back('=');
    if (const auto* value = find_tag(tags, dim)) out.append(*value);
  }
}

GroupKeyInterner::GroupKeyInterner() : slots_(16) {
  // Index 0 is the nil group so a default GroupKey is meaningful.
  insert(hash_id(scratch_), {}, {});
}

GroupKey GroupKeyInterner::intern(std::string_view name, const Tags& tags, const Dimensions& dims) {
  scratch_.clear();
  append_group_id(scratch_, name, tags, dims);
  const uint64_t hash = hash_id(scratch_);
  if (auto found = lookup(scratch_, hash)) return GroupKey(*found);
  return GroupKey(insert(hash, tags, dims));
}

std::optional<GroupKey> GroupKeyInterner::find(std::string_view id) const {
  if (auto found = lookup(id, hash_id(id))) return GroupKey(*found);
  return std::nullopt;
}

std::optional<uint32_t> GroupKeyInterner::lookup(std::string_view id, uint64_t hash) const {
  return slots_.find(hash, [&](uint32_t entry) { return entries_[entry].id == id; });
}

uint32_t GroupKeyInterner::insert(uint64_t hash, const Tags& tags, const Dimensions& dims) {
  Entry entry;
  entry.id = scratch_;
  entry.tags.reserve(dims.tag_names.size());
  for (const auto& dim : dims.tag_names) {
    const auto* value = find_tag(tags, dim);
    entry.tags.emplace_back(dim, value ? *value : std::string());
  }
  const auto known = std::find(dimension_sets_.begin(), dimension_sets_.end(), dims);
  entry.dims = static_cast<uint32_t>(known - dimension_sets_.begin());
  if (known == dimension_sets_.end()) dimension_sets_.push_back(dims);
  const auto index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(std::move(entry));
  slots_.insert(hash, index, entries_.size());
  return index;
}

}  // namespace farad::model
