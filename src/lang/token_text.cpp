#include "lang/token_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>

namespace farad::lang {
namespace {

/// `quote` + value + `quote`, with a backslash before every `quote` inside: the only escape the
/// TICKscript lexer knows for strings, references and regexes.
std::string quoted(std::string_view value, char quote) {
  std::string out(1, quote);
  for (const char c : value) {
    if (c == quote) out += '\\';
    out += c;
  }
  out += quote;
  return out;
}

/// Whether `'''value'''` reads back as `value`. The lexer closes a triple-quoted string at the
/// first `''` followed by `'` (with Kapacitor's quirk, also `''`, then backslashes each
/// optionally followed by `'`, then `'`), so no such sequence may start inside the value.
bool triple_quotable(std::string_view value) {
  const std::string text = std::string(value) + "'''";
  for (std::size_t at = 0; at < value.size(); ++at) {
    if (text.compare(at, 2, "''") != 0) continue;
    std::size_t next = at + 2;
    while (text[next] == '\\') {
      ++next;
      if (text[next] == '\'') ++next;
    }
    if (text[next] == '\'') return false;
  }
  return true;
}

/// Strings keep their quoting where it can spell the value: triple quotes cannot hold every
/// sequence of quotes (the parser makes such values from Kapacitor's quirky closing quotes), and
/// single quotes cannot end in a backslash (`\'` is an escaped quote).
std::string string_text(const Node& node) {
  const std::string_view value = node.text;
  const bool want_triple = node.triple_quoted || value.ends_with('\\');
  if (want_triple && triple_quotable(value)) return "'''" + node.text + "'''";
  return quoted(value, '\'');
}

/// Numbers keep their literal (so `010` stays octal); a node built without one (e.g. by the
/// compiler) is printed from its value.
std::string number_text(const Node& node) {
  if (!node.text.empty()) return node.text;
  std::array<char, 64> buffer{};
  if (!node.is_float) {
    const auto result = std::to_chars(buffer.begin(), buffer.end(), node.int_value);
    return std::string(buffer.begin(), result.ptr);
  }
  const auto result =
      std::to_chars(buffer.begin(), buffer.end(), node.float_value, std::chars_format::fixed);
  std::string text(buffer.begin(), result.ptr);
  // The lexer tells floats from integers by the decimal point.
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

/// Durations keep their literal; without one, the largest unit that divides the value.
std::string duration_text(const Node& node) {
  if (!node.text.empty()) return node.text;
  struct Unit {
    int64_t nanoseconds;
    const char* suffix;
  };
  static constexpr std::array<Unit, 7> units{{{604'800'000'000'000, "w"},
                                              {86'400'000'000'000, "d"},
                                              {3'600'000'000'000, "h"},
                                              {60'000'000'000, "m"},
                                              {1'000'000'000, "s"},
                                              {1'000'000, "ms"},
                                              {1'000, "u"}}};
  const int64_t value = node.duration_ns;
  if (value == 0) return "0s";
  for (const auto& unit : units) {
    if (value % unit.nanoseconds == 0) {
      return std::to_string(value / unit.nanoseconds) + unit.suffix;
    }
  }
  return std::to_string(value) + "ns";
}

}  // namespace

std::string token_text(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
      return number_text(node);
    case NodeKind::Duration:
      return duration_text(node);
    case NodeKind::String:
      return string_text(node);
    case NodeKind::Bool:
      return node.bool_value ? "TRUE" : "FALSE";
    case NodeKind::Regex:
      return quoted(node.text, '/');
    case NodeKind::Star:
      return "*";
    case NodeKind::Reference:
      return reference_text(node.text);
    default:
      return node.text;
  }
}

std::string reference_text(std::string_view name) {
  return quoted(name, '"');
}

// The space after `//` is added when the author left none, as tickfmt does (`//fix` becomes
// `// fix`); one the author wrote is kept, with any indentation after it.
std::string comment_line_text(std::string_view text) {
  const auto end = text.find_last_not_of(" \t\r");
  text = end == std::string_view::npos ? std::string_view{} : text.substr(0, end + 1);
  if (text.empty()) return "//";
  if (text.front() == ' ') return "//" + std::string(text);
  return "// " + std::string(text);
}

}  // namespace farad::lang
