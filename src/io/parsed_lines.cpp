#include "io/parsed_lines.hpp"

#include <algorithm>
#include <functional>
#include <type_traits>

namespace farad::io {

namespace {

// About how many lines the buffer holds, judged by its first line (the lines of one body are
// alike); counting every newline would cost more than the reallocations it saves.
std::size_t estimate_lines(std::string_view buffer) {
  const std::size_t first = buffer.find('\n');
  if (first == std::string_view::npos) return 1;
  return buffer.size() / (first + 1) + 1;
}

}  // namespace

ParsedLines::ParsedLines(std::string_view buffer)
    : buffer_(buffer), expected_lines_(estimate_lines(buffer)) {
  lines_.reserve(expected_lines_);
}

std::string_view ParsedLines::keep(std::string_view text) {
  // std::less gives a total order over unrelated pointers, where < would not.
  const std::less<const char*> before;
  const char* const begin = buffer_.data();
  const char* const end = begin + buffer_.size();
  if (text.empty() || (!before(text.data(), begin) && !before(end, text.data() + text.size()))) {
    return text;
  }
  return copies_.emplace_back(text);
}

void ParsedLines::add(const LineView& line, const model::KeyProjection* keys) {
  // Lines of a body are alike: the first one tells how much room the others will need.
  if (lines_.empty()) {
    const auto kept = std::count_if(line.fields.begin(), line.fields.end(), [&](const auto& f) {
      return keys == nullptr || keys->keeps_field(f.key);
    });
    tags_.reserve(line.tags.size() * expected_lines_);
    fields_.reserve(static_cast<std::size_t>(kept) * expected_lines_);
  }
  Line kept{keep(line.measurement),
            static_cast<uint32_t>(tags_.size()),
            static_cast<uint32_t>(line.tags.size()),
            static_cast<uint32_t>(fields_.size()),
            0,
            line.time,
            line.line,
            line.has_timestamp};
  for (const TagView& tag : line.tags) tags_.push_back({keep(tag.key), keep(tag.value)});
  for (const FieldView& field : line.fields) {
    if (keys != nullptr && !keys->keeps_field(field.key)) continue;
    FieldViewValue value = field.value;
    if (auto* text = std::get_if<std::string_view>(&value)) *text = keep(*text);
    fields_.push_back({keep(field.key), value});
    ++kept.field_count;
  }
  lines_.push_back(kept);
}

std::size_t ParsedLines::memory() const {
  std::size_t bytes = lines_.capacity() * sizeof(Line) + tags_.capacity() * sizeof(TagView) +
                      fields_.capacity() * sizeof(FieldView);
  for (const auto& copy : copies_) bytes += sizeof(copy) + copy.capacity();
  return bytes;
}

LineView ParsedLines::line(std::size_t i) const {
  const Line& kept = lines_[i];
  LineView view;
  view.measurement = kept.measurement;
  view.tags = std::span<const TagView>(tags_.data() + kept.first_tag, kept.tag_count);
  view.fields = std::span<const FieldView>(fields_.data() + kept.first_field, kept.field_count);
  view.time = kept.time;
  view.has_timestamp = kept.has_timestamp;
  view.line = kept.line;
  return view;
}

}  // namespace farad::io
