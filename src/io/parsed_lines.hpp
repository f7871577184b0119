#pragma once
// The good lines of one buffer as the parser read them, kept so that another thread can build
// points from them later without parsing the buffer again. The daemon's HTTP threads must parse
// each body anyway (to answer a partial write); handing what they read to the task worker takes
// the parsing off the one thread that runs the tasks.
//
// Views point into the buffer, which must stay where it is (same bytes at the same address)
// while the lines are used; text the parser had to unescape is copied into the object itself.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "io/line_protocol.hpp"

namespace farad::io {

class ParsedLines {
 public:
  /// Lines of `buffer`: every view added must point into it or into the parser's scratch.
  explicit ParsedLines(std::string_view buffer);
  ParsedLines(const ParsedLines&) = delete;
  ParsedLines& operator=(const ParsedLines&) = delete;
  ParsedLines(ParsedLines&&) = default;
  ParsedLines& operator=(ParsedLines&&) = default;

  /// Keeps a line (its fields filtered by `keys` when not null; tags are kept as they are).
  void add(const LineView& line, const model::KeyProjection* keys);

  std::size_t size() const { return lines_.size(); }
  /// Line `i` as the parser returned it (fields filtered by add()'s projection).
  LineView line(std::size_t i) const;
  /// Bytes held (an estimate of the heap memory, for queue limits).
  std::size_t memory() const;
  /// The buffer the views point into.
  const char* buffer_data() const { return buffer_.data(); }

 private:
  struct Line {
    std::string_view measurement;
    uint32_t first_tag;
    uint32_t tag_count;
    uint32_t first_field;
    uint32_t field_count;
    int64_t time;
    uint32_t line;
    bool has_timestamp;
  };

  // `text` itself when it lies in the buffer, else a copy owned here.
  std::string_view keep(std::string_view text);

  std::string_view buffer_;
  std::size_t expected_lines_;  // room reserved up front
  std::vector<Line> lines_;
  std::vector<TagView> tags_;
  std::vector<FieldView> fields_;
  std::deque<std::string> copies_;  // a deque: its strings never move, so views stay valid
};

}  // namespace farad::io
