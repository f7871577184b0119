#include "daemon/compact_feed.hpp"

namespace farad::daemon {
namespace {

// Each part length-prefixed: no separator byte can be confused with the text of a tag.
void append_part(std::string& key, std::string_view part) {
  const auto size = static_cast<uint32_t>(part.size());
  key.append(reinterpret_cast<const char*>(&size), sizeof size);
  key.append(part);
}

}  // namespace

CompactFeed::CompactFeed(runtime::Task& task, const model::KeyProjection& keys)
    : task_(task),
      fields_only_(keys),
      layout_(io::compact_field_ids(keys, task.context().field_keys)) {
  fields_only_.all_tags = true;
}

uint32_t CompactFeed::series_of(const io::LineView& line, std::string_view database,
                                std::string_view rp) {
  key_.clear();
  append_part(key_, database);
  append_part(key_, rp);
  append_part(key_, line.measurement);
  for (const auto& tag : line.tags) {
    append_part(key_, tag.key);
    append_part(key_, tag.value);
  }
  if (auto known = memo_.find(key_)) return *known;
  const uint32_t id = task_.context().series.add(io::series_entry(line, database, rp));
  memo_.insert(key_, id);
  return id;
}

void CompactFeed::push(const io::LineView& line, std::string_view database, std::string_view rp) {
  model::CompactPoint point;
  if (!io::to_compact(line, layout_, point)) {
    task_.push_point(io::to_point(line, database, rp, &fields_only_));
    return;
  }
  point.series = series_of(line, database, rp);
  task_.push_compact(point);
}

}  // namespace farad::daemon
