#pragma once
// A script's text with its name, and the mapping from byte offsets to line and column.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace farad::lang {

/// A 1-based line and a 1-based column counted in characters (UTF-8 code points), not bytes.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

/// Half-open byte range [begin, end) into a Source's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// An immutable script text. Offsets used everywhere else are byte offsets into text().
class Source {
 public:
  Source(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// Line and character column of a byte offset (clamped to the text's end).
  LineColumn locate(uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

/// Reads a whole file; throws std::runtime_error naming the path on failure.
Source read_source_file(const std::string& path);

}  // namespace farad::lang
