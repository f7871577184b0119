#include "batch/query_source.hpp"

#include <cctype>
#include <vector>

namespace farad::batch {
namespace {

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Where the FROM keyword starts, outside quotes and as a whole word; npos when absent.
std::size_t find_from(std::string_view query) {
  char quote = 0;
  for (std::size_t i = 0; i < query.size(); ++i) {
    const char c = query[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if ((c == 'f' || c == 'F') && i + 4 <= query.size() &&
        (i == 0 || !is_word_byte(query[i - 1])) &&
        (i + 4 == query.size() || !is_word_byte(query[i + 4]))) {
      std::string word(query.substr(i, 4));
      for (char& w : word) w = static_cast<char>(std::toupper(static_cast<unsigned char>(w)));
      if (word == "FROM") return i;
    }
  }
  return std::string_view::npos;
}

// One identifier segment at `i`: "quoted" (with \" and \\ escapes) or a bare word; an empty
// segment (as in db..m) reads as "". Advances `i` past it.
std::optional<std::string> read_segment(std::string_view text, std::size_t& i) {
  std::string out;
  if (i < text.size() && text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      out += text[i];
    }
    if (i >= text.size()) return std::nullopt;  // unclosed quote
    ++i;
    return out;
  }
  while (i < text.size() && is_word_byte(text[i])) out += text[i++];
  return out;
}

}  // namespace

std::optional<QuerySource> fully_qualified_source(std::string_view query) {
  const std::size_t from = find_from(query);
  if (from == std::string_view::npos) return std::nullopt;
  std::size_t i = from + 4;
  while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i])) != 0) ++i;
  std::vector<std::string> segments;
  for (;;) {
    auto segment = read_segment(query, i);
    if (!segment) return std::nullopt;
    segments.push_back(std::move(*segment));
    if (i < query.size() && query[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  // What follows the source must end it: a space, the end, or a semicolon; a comma would
  // start a second source.
  if (i < query.size() && std::isspace(static_cast<unsigned char>(query[i])) == 0 &&
      query[i] != ';') {
    return std::nullopt;
  }
  if (segments.size() != 3 || segments[0].empty() || segments[1].empty() || segments[2].empty()) {
    return std::nullopt;
  }
  return QuerySource{segments[0], segments[1], segments[2]};
}

}  // namespace farad::batch
