#include "expr/regex.hpp"

#include <re2/re2.h>

#include <vector>

#include "expr/utf8.hpp"

namespace farad::expr {
namespace {

// Go's regexp/syntax error codes for RE2's.
const char* go_error_code(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "regexp/syntax: internal error";
  }
}

// Go's regexp.extract: the name after a '$' (or inside "${...}") and its group number (-1
// for a name); false when the template is malformed there.
struct TemplateName {
  std::string_view name;
  int number = -1;
  size_t length = 0;  // bytes consumed after the '$'
};

bool extract_name(std::string_view text, TemplateName& out) {
  if (text.empty()) return false;
  const bool brace = text[0] == '{';
  const size_t begin = brace ? 1 : 0;
  size_t i = begin;
  while (i < text.size()) {
    const Rune rune = decode_rune(text, i);
    if (!is_letter_or_digit(rune.value) && rune.value != '_') break;
    i += rune.size;
  }
  if (i == begin) return false;
  out.name = text.substr(begin, i - begin);
  if (brace) {
    if (i >= text.size() || text[i] != '}') return false;
    ++i;
  }
  int number = 0;
  for (char c : out.name) {
    if (c < '0' || c > '9' || number >= 100000000) {
      number = -1;
      break;
    }
    number = number * 10 + (c - '0');
  }
  if (out.name[0] == '0' && out.name.size() > 1) number = -1;  // no leading zeros
  out.number = number;
  out.length = i;
  return true;
}

}  // namespace

Regex::Regex(std::string pattern, std::unique_ptr<re2::RE2> re)
    : pattern_(std::move(pattern)), re_(std::move(re)) {}

Regex::~Regex() = default;

std::shared_ptr<const Regex> Regex::compile(std::string_view pattern, std::string& error) {
  RE2::Options options;
  options.set_log_errors(false);
  // Go has no memory budget for a program; give RE2 room for large alternations.
  options.set_max_mem(int64_t{64} << 20);
  auto re = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    error = std::string("error parsing regexp: ") + go_error_code(re->error_code()) + ": `" +
            re->error_arg() + "`";
    return nullptr;
  }
  return std::shared_ptr<const Regex>(new Regex(std::string(pattern), std::move(re)));
}

bool Regex::match(std::string_view text) const {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::string Regex::replace_all(std::string_view text, std::string_view replacement) const {
  const int groups = 1 + re_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> match(static_cast<size_t>(groups));
  const re2::StringPiece input(text.data(), text.size());
  const auto& names = re_->NamedCapturingGroups();

  auto append_group = [&](std::string& out, int group) {
    if (group < 0 || group >= groups) return;
    const re2::StringPiece& piece = match[static_cast<size_t>(group)];
    if (piece.data() != nullptr) out.append(piece.data(), piece.size());
  };
  // Go's regexp.expand.
  auto expand = [&](std::string& out) {
    std::string_view rest = replacement;
    while (!rest.empty()) {
      const size_t dollar = rest.find('$');
      if (dollar == std::string_view::npos) break;
      out.append(rest.substr(0, dollar));
      rest.remove_prefix(dollar + 1);
      if (!rest.empty() && rest[0] == '$') {
        out.push_back('$');
        rest.remove_prefix(1);
        continue;
      }
      TemplateName name;
      if (!extract_name(rest, name)) {
        out.push_back('$');  // malformed: the dollar is plain text
        continue;
      }
      rest.remove_prefix(name.length);
      if (name.number >= 0) {
        append_group(out, name.number);
      } else {
        // The first group of that name wins, as in Go.
        const auto found = names.find(std::string(name.name));
        if (found != names.end()) append_group(out, found->second);
      }
    }
    out.append(rest);
  };

  // Go's regexp.replaceAll: an empty match right after a previous match is not replaced, and
  // the search always advances by at least one rune.
  std::string out;
  size_t last_match_end = 0;
  size_t search = 0;
  while (search <= text.size()) {
    if (!re_->Match(input, search, text.size(), re2::RE2::UNANCHORED, match.data(), groups)) {
      break;
    }
    const auto begin = static_cast<size_t>(match[0].data() - text.data());
    const size_t end = begin + match[0].size();
    out.append(text.substr(last_match_end, begin - last_match_end));
    if (end > last_match_end || begin == 0) expand(out);
    last_match_end = end;
    const size_t width = decode_rune(text, search).size;
    if (search + width > end) {
      search += width;
    } else if (search + 1 > end) {
      ++search;
    } else {
      search = end;
    }
  }
  out.append(text.substr(last_match_end));
  return out;
}

}  // namespace farad::expr
