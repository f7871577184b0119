#include "server/parse_error_text.hpp"

namespace farad::server {

std::string unable_to_parse(std::string_view body, std::span<const io::LineError> errors) {
  std::string text;
  // Errors come in line order: walk the body once instead of searching from the start each time.
  uint32_t line = 1;
  std::size_t line_start = 0;
  for (const io::LineError& error : errors) {
    while (line < error.line && line_start < body.size()) {
      const std::size_t newline = body.find('\n', line_start);
      line_start = newline == std::string_view::npos ? body.size() : newline + 1;
      ++line;
    }
    std::size_t end = body.find('\n', line_start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view raw = body.substr(line_start, end - line_start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const std::size_t first = raw.find_first_not_of(" \t");
    raw = first == std::string_view::npos ? std::string_view{} : raw.substr(first);

    if (!text.empty()) text += '\n';
    text += "unable to parse '";
    text += raw;
    text += "': ";
    text += error.message;
  }
  return text;
}

std::string partial_write(std::string_view reason, std::size_t dropped) {
  std::string text = "partial write: ";
  text += reason;
  text += " dropped=";
  text += std::to_string(dropped);
  return text;
}

}  // namespace farad::server
