#pragma once
// Top-level JSON objects one after another in a byte source (what Go's json.Encoder writes and
// json.Decoder reads back), cut out one at a time without reading the whole source.

#include <cstdint>
#include <memory>
#include <string>

#include "io/byte_source.hpp"

namespace farad::io {

/// Splits a source into the texts of its top-level JSON objects. Whitespace between them,
/// newlines included, is skipped. The text is not validated beyond brace and quote balance:
/// hand it to a JSON parser.
class JsonObjectReader {
 public:
  explicit JsonObjectReader(std::unique_ptr<ByteSource> source, std::string name);

  /// The next object's text; false at the end of the source. Throws IoError when something
  /// other than an object starts, or the source ends inside one.
  bool next(std::string& text);
  /// The 1-based line on which the object last returned starts.
  uint32_t line_number() const { return start_line_; }

 private:
  int get();  // the next byte, or -1 at the end

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::size_t size_ = 0;
  uint32_t line_ = 1;
  uint32_t start_line_ = 0;
};

}  // namespace farad::io
