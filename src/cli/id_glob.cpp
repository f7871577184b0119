#include "cli/id_glob.hpp"

#include <stdexcept>

namespace farad::cli {
namespace {

[[noreturn]] void bad_pattern() {
  throw std::runtime_error("syntax error in pattern");
}

// Matches the class starting just after '[' against `c`; `pos` ends after the closing ']'.
bool class_matches(std::string_view pattern, size_t& pos, char c) {
  bool negated = false;
  if (pos < pattern.size() && pattern[pos] == '^') {
    negated = true;
    ++pos;
  }
  bool matched = false;
  bool first = true;
  for (;;) {
    if (pos >= pattern.size()) bad_pattern();
    if (pattern[pos] == ']' && !first) {
      ++pos;
      break;
    }
    first = false;
    auto next_char = [&]() {
      if (pos >= pattern.size()) bad_pattern();
      char ch = pattern[pos++];
      if (ch == '\\') {
        if (pos >= pattern.size()) bad_pattern();
        ch = pattern[pos++];
      }
      return ch;
    };
    const char low = next_char();
    char high = low;
    if (pos + 1 < pattern.size() && pattern[pos] == '-' && pattern[pos + 1] != ']') {
      ++pos;
      high = next_char();
    }
    if (low <= c && c <= high) matched = true;
  }
  return matched != negated;
}

// Checks the whole pattern's syntax, so that a bad pattern fails even when an id does not
// reach the bad part (Go reports it the same way).
void check_syntax(std::string_view pattern) {
  for (size_t pos = 0; pos < pattern.size();) {
    const char c = pattern[pos++];
    if (c == '\\') {
      if (pos >= pattern.size()) bad_pattern();
      ++pos;
    } else if (c == '[') {
      class_matches(pattern, pos, 'a');
    }
  }
}

bool match_from(std::string_view pattern, size_t p, std::string_view id, size_t i) {
  while (p < pattern.size()) {
    const char c = pattern[p];
    if (c == '*') {
      // Backtracking over the star's extent: ids are short, patterns have few stars.
      for (size_t rest = i; rest <= id.size(); ++rest) {
        if (match_from(pattern, p + 1, id, rest)) return true;
        if (rest < id.size() && id[rest] == '/') break;
      }
      return false;
    }
    if (i >= id.size()) return false;
    if (c == '?') {
      if (id[i] == '/') return false;
      ++p;
    } else if (c == '[') {
      ++p;
      if (!class_matches(pattern, p, id[i])) return false;
    } else if (c == '\\') {
      if (pattern[p + 1] != id[i]) return false;
      p += 2;
    } else {
      if (c != id[i]) return false;
      ++p;
    }
    ++i;
  }
  return i == id.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view id) {
  if (pattern.empty()) return true;
  check_syntax(pattern);
  return match_from(pattern, 0, id, 0);
}

}  // namespace farad::cli
