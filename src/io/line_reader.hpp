#pragma once
// Lines of a byte source, read in chunks.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.hpp"

namespace farad::io {

/// Splits a source into lines as Go's bufio.ScanLines does: the "\n" is dropped, so is one "\r"
/// before it, and a last line without a newline is still a line.
class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteSource> source);

  /// The next line; valid until the next call. False at the end of the source.
  bool next(std::string_view& line);
  /// The 1-based number of the line last returned.
  uint32_t line_number() const { return line_number_; }

 private:
  bool fill();

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  bool eof_ = false;
  uint32_t line_number_ = 0;
};

}  // namespace farad::io
