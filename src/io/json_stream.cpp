#include "io/json_stream.hpp"

namespace farad::io {

JsonObjectReader::JsonObjectReader(std::unique_ptr<ByteSource> source, std::string name)
    : source_(std::move(source)), name_(std::move(name)), buffer_(64 * 1024, '\0') {}

int JsonObjectReader::get() {
  if (pos_ == size_) {
    size_ = source_->read(buffer_.data(), buffer_.size());
    pos_ = 0;
    if (size_ == 0) return -1;
  }
  const auto c = static_cast<unsigned char>(buffer_[pos_++]);
  if (c == '\n') ++line_;
  return c;
}

bool JsonObjectReader::next(std::string& text) {
  text.clear();
  int c = get();
  while (c == ' ' || c == '\t' || c == '\r' || c == '\n') c = get();
  if (c < 0) return false;
  start_line_ = line_;
  if (c != '{') {
    throw IoError(name_ + ":" + std::to_string(line_) + ": expected a JSON object, found '" +
                  static_cast<char>(c) + "'");
  }
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (; c >= 0; c = get()) {
    text.push_back(static_cast<char>(c));
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return true;
    }
  }
  throw IoError(name_ + ":" + std::to_string(start_line_) + ": unterminated JSON object");
}

}  // namespace farad::io
