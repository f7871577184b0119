#pragma once
// A compiled regular expression with Go's `regexp` semantics. Kapacitor compiles regex
// literals with Go's regexp (RE2 syntax, leftmost-first matching, UTF-8); RE2 implements the
// same syntax and matching, so `=~`, `!~` and regexReplace() behave as in Kapacitor. RE2 stays
// inside regex.cpp.

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace farad::expr {

/// An immutable compiled pattern; safe to share between threads and groups.
class Regex {
 public:
  /// Compiles `pattern`; on a syntax error returns nullptr and sets `error` to Go's message
  /// (``error parsing regexp: missing closing ): `(a` ``).
  static std::shared_ptr<const Regex> compile(std::string_view pattern, std::string& error);

  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  /// The pattern as compiled.
  const std::string& pattern() const { return pattern_; }

  /// Go's `MatchString`: whether the pattern matches anywhere in `text`.
  bool match(std::string_view text) const;

  /// Go's `ReplaceAllString`: every non-overlapping match replaced by `replacement`, in which
  /// `$1`, `${1}`, `$name`, `${name}` expand to submatches and `$$` is a dollar.
  std::string replace_all(std::string_view text, std::string_view replacement) const;

 private:
  Regex(std::string pattern, std::unique_ptr<re2::RE2> re);

  std::string pattern_;
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace farad::expr
