// String functions: Go's strings package on bytes and UTF-8 (lengths and indexes count bytes;
// trimming, case mapping and "any" sets work on runes; invalid bytes act as U+FFFD).

#include <algorithm>

#include <fmt/format.h>

#include "expr/functions_internal.hpp"
#include "expr/regex.hpp"
#include "expr/utf8.hpp"

namespace farad::expr::functions {
namespace {

using enum ValueType;
using std::string_view;

// Checks that arguments [0, count) are strings, with Kapacitor's message for the first that
// is not.
bool expect_strings(std::span<const Value> a, size_t count, CallContext& c) {
  for (size_t i = 0; i < count; ++i) {
    if (a[i].type() != String) {
      return fail(c, fmt::format("cannot pass {} as {} arg to {}, must be string", go_type(a[i]),
                                 ordinal(i), c.name));
    }
  }
  return true;
}

bool expect_int(std::span<const Value> a, size_t index, CallContext& c) {
  if (a[index].type() == Int) return true;
  return fail(c, fmt::format("cannot pass {} as {} arg to {}, must be int", go_type(a[index]),
                             ordinal(index), c.name));
}

// Whether `rune` is one of the runes of `set` (an invalid byte in `set` stands for U+FFFD).
bool contains_rune(string_view set, char32_t rune) {
  for (size_t i = 0; i < set.size();) {
    const Rune r = decode_rune(set, i);
    if (r.value == rune) return true;
    i += r.size;
  }
  return false;
}

int64_t index_any(string_view s, string_view chars) {
  if (chars.empty()) return -1;
  for (size_t i = 0; i < s.size();) {
    const Rune r = decode_rune(s, i);
    if (contains_rune(chars, r.value)) return static_cast<int64_t>(i);
    i += r.size;
  }
  return -1;
}

int64_t last_index_any(string_view s, string_view chars) {
  if (chars.empty()) return -1;
  for (size_t end = s.size(); end > 0;) {
    const Rune r = decode_last_rune(s, end);
    end -= r.size;
    if (contains_rune(chars, r.value)) return static_cast<int64_t>(end);
  }
  return -1;
}

int64_t count(string_view s, string_view sep) {
  if (sep.empty()) return static_cast<int64_t>(rune_count(s)) + 1;
  int64_t n = 0;
  for (size_t at = s.find(sep); at != string_view::npos; at = s.find(sep, at + sep.size())) ++n;
  return n;
}

string_view trim_left(string_view s, string_view cutset) {
  if (s.empty() || cutset.empty()) return s;
  while (!s.empty()) {
    const Rune r = decode_rune(s, 0);
    if (!contains_rune(cutset, r.value)) break;
    s.remove_prefix(r.size);
  }
  return s;
}

string_view trim_right(string_view s, string_view cutset) {
  if (s.empty() || cutset.empty()) return s;
  while (!s.empty()) {
    const Rune r = decode_last_rune(s, s.size());
    if (!contains_rune(cutset, r.value)) break;
    s.remove_suffix(r.size);
  }
  return s;
}

string_view trim_space(string_view s) {
  while (!s.empty()) {
    const Rune r = decode_rune(s, 0);
    if (!is_space(r.value)) break;
    s.remove_prefix(r.size);
  }
  while (!s.empty()) {
    const Rune r = decode_last_rune(s, s.size());
    if (!is_space(r.value)) break;
    s.remove_suffix(r.size);
  }
  return s;
}

// Go's strings.Map with a one-rune mapping: invalid bytes come out as U+FFFD.
std::string map_runes(string_view s, char32_t (*mapping)(char32_t)) {
  const bool ascii = std::all_of(s.begin(), s.end(), [](char ch) { return (ch & 0x80) == 0; });
  std::string out;
  out.reserve(s.size());
  if (ascii) {
    for (char ch : s) out.push_back(static_cast<char>(mapping(static_cast<char32_t>(ch))));
    return out;
  }
  for (size_t i = 0; i < s.size();) {
    const Rune r = decode_rune(s, i);
    append_rune(out, mapping(r.value));
    i += r.size;
  }
  return out;
}

std::string replace(string_view s, string_view old_text, string_view new_text, int64_t n) {
  if (old_text == new_text || n == 0) return std::string(s);
  const int64_t matches = count(s, old_text);
  if (matches == 0) return std::string(s);
  if (n < 0 || matches < n) n = matches;
  std::string out;
  size_t start = 0;
  for (int64_t i = 0; i < n; ++i) {
    size_t j = start;
    if (old_text.empty()) {
      // An empty pattern matches before every rune.
      if (i > 0) j += decode_rune(s, start).size;
    } else {
      j = s.find(old_text, start);
    }
    out.append(s.substr(start, j - start));
    out.append(new_text);
    start = j + old_text.size();
  }
  out.append(s.substr(start));
  return out;
}

template <bool (*F)(string_view, string_view)>
bool string2_bool(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 2, c)) return false;
  out = Value::make_bool(F(a[0].as_string(), a[1].as_string()));
  return true;
}

template <int64_t (*F)(string_view, string_view)>
bool string2_int(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 2, c)) return false;
  out = Value::make_int(F(a[0].as_string(), a[1].as_string()));
  return true;
}

template <string_view (*F)(string_view, string_view)>
bool string2_string(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 2, c)) return false;
  out = Value::make_string(std::string(F(a[0].as_string(), a[1].as_string())));
  return true;
}

bool s_contains(string_view s, string_view sub) {
  return s.find(sub) != string_view::npos;
}
bool s_contains_any(string_view s, string_view chars) {
  return index_any(s, chars) >= 0;
}
bool s_has_prefix(string_view s, string_view p) {
  return s.substr(0, p.size()) == p;
}
bool s_has_suffix(string_view s, string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
int64_t s_index(string_view s, string_view sub) {
  const size_t at = s.find(sub);
  return at == string_view::npos ? -1 : static_cast<int64_t>(at);
}
int64_t s_last_index(string_view s, string_view sub) {
  const size_t at = s.rfind(sub);
  return at == string_view::npos ? -1 : static_cast<int64_t>(at);
}
string_view s_trim(string_view s, string_view cutset) {
  return trim_left(trim_right(s, cutset), cutset);
}
string_view s_trim_prefix(string_view s, string_view p) {
  return s_has_prefix(s, p) ? s.substr(p.size()) : s;
}
string_view s_trim_suffix(string_view s, string_view p) {
  return s_has_suffix(s, p) ? s.substr(0, s.size() - p.size()) : s;
}

bool str_length(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 1, c)) return false;
  out = Value::make_int(static_cast<int64_t>(a[0].as_string().size()));
  return true;
}

bool str_replace(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 3, c) || !expect_int(a, 3, c)) return false;
  out = Value::make_string(
      replace(a[0].as_string(), a[1].as_string(), a[2].as_string(), a[3].as_int()));
  return true;
}

bool str_substring(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 1, c) || !expect_int(a, 1, c) || !expect_int(a, 2, c)) return false;
  const string_view s = a[0].as_string();
  const int64_t start = a[1].as_int();
  const int64_t stop = a[2].as_int();
  if (start < 0) return fail(c, fmt::format("found negative index for strSubstring: {}", start));
  if (stop < 0) return fail(c, fmt::format("found negative index for strSubstring: {}", stop));
  // Kapacitor rejects stop == len(s) too.
  if (stop >= static_cast<int64_t>(s.size())) {
    return fail(c, fmt::format("stop index too large for string in strSubstring: {}", stop));
  }
  if (start > stop) {
    // Go slices s[start:stop] and panics.
    c.panicked = true;
    return fail(c, fmt::format("runtime error: slice bounds out of range [{}:{}]", start, stop));
  }
  out = Value::make_string(
      std::string(s.substr(static_cast<size_t>(start), static_cast<size_t>(stop - start))));
  return true;
}

template <char32_t (*F)(char32_t)>
bool map_case(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 1, c)) return false;
  out = Value::make_string(map_runes(a[0].as_string(), F));
  return true;
}

bool str_trim_space(std::span<const Value> a, CallContext& c, Value& out) {
  if (!expect_strings(a, 1, c)) return false;
  out = Value::make_string(std::string(trim_space(a[0].as_string())));
  return true;
}

bool regex_replace(std::span<const Value> a, CallContext& c, Value& out) {
  if (a[0].type() != Regex) {
    return fail(c, fmt::format("cannot pass {} as first arg to regexReplace, must be regex",
                               go_type(a[0])));
  }
  if (!expect_strings(a.subspan(1), 2, c)) {
    // Renumber: the strings are the second and third arguments.
    const size_t bad = a[1].type() != String ? 1 : 2;
    return fail(c, fmt::format("cannot pass {} as {} arg to regexReplace, must be string",
                               go_type(a[bad]), ordinal(bad)));
  }
  out = Value::make_string(a[0].as_regex().replace_all(a[1].as_string(), a[2].as_string()));
  return true;
}

}  // namespace

void add_string_functions(std::vector<Function>& out) {
  const std::vector<Signature> to_bool = {signature({String, String}, Bool)};
  const std::vector<Signature> to_int = {signature({String, String}, Int)};
  const std::vector<Signature> to_string = {signature({String, String}, String)};
  const std::vector<Signature> one = {signature({String}, String)};
  out.push_back({"strContains", to_bool, string2_bool<s_contains>});
  out.push_back({"strContainsAny", to_bool, string2_bool<s_contains_any>});
  out.push_back({"strCount", to_int, string2_int<count>});
  out.push_back({"strHasPrefix", to_bool, string2_bool<s_has_prefix>});
  out.push_back({"strHasSuffix", to_bool, string2_bool<s_has_suffix>});
  out.push_back({"strIndex", to_int, string2_int<s_index>});
  out.push_back({"strIndexAny", to_int, string2_int<index_any>});
  out.push_back({"strLastIndex", to_int, string2_int<s_last_index>});
  out.push_back({"strLastIndexAny", to_int, string2_int<last_index_any>});
  out.push_back({"strLength", {signature({String}, Int)}, str_length});
  out.push_back({"strReplace", {signature({String, String, String, Int}, String)}, str_replace});
  out.push_back({"strSubstring", {signature({String, Int, Int}, String)}, str_substring});
  out.push_back({"strToLower", one, map_case<to_lower>});
  out.push_back({"strToUpper", one, map_case<to_upper>});
  out.push_back({"strTrim", to_string, string2_string<s_trim>});
  out.push_back({"strTrimLeft", to_string, string2_string<trim_left>});
  out.push_back({"strTrimPrefix", to_string, string2_string<s_trim_prefix>});
  out.push_back({"strTrimRight", to_string, string2_string<trim_right>});
  out.push_back({"strTrimSpace", one, str_trim_space});
  out.push_back({"strTrimSuffix", to_string, string2_string<s_trim_suffix>});
  out.push_back({"regexReplace", {signature({Regex, String, String}, String)}, regex_replace});
}

}  // namespace farad::expr::functions
