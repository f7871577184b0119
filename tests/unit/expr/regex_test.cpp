#include "expr/regex.hpp"

#include <catch2/catch.hpp>

#include <string>

using farad::expr::Regex;

namespace {

std::string replace(const char* pattern, const char* text, const char* replacement) {
  std::string error;
  const auto regex = Regex::compile(pattern, error);
  REQUIRE(regex);
  return regex->replace_all(text, replacement);
}

std::string compile_error(const char* pattern) {
  std::string error;
  CHECK_FALSE(Regex::compile(pattern, error));
  return error;
}

}  // namespace

TEST_CASE("regexes match as Go's MatchString", "[expr]") {
  std::string error;
  const auto cpu = Regex::compile("^cpu[0-9]+$", error);
  CHECK(cpu->match("cpu12"));
  CHECK_FALSE(cpu->match("cpu"));
  CHECK(Regex::compile("(?i)HOST", error)->match("my-host"));
  CHECK(Regex::compile("a.c", error)->match("xaéc"));
  CHECK(Regex::compile("", error)->match(""));
}

TEST_CASE("replace_all follows Go's ReplaceAllString", "[expr]") {
  CHECK(replace("a*", "baaac", "X") == "XbXcX");
  CHECK(replace("x*", "abc", "-") == "-a-b-c-");
  CHECK(replace("(l+)", "hello", "<$1>") == "he<ll>o");
  CHECK(replace("(l)", "hello", "$1x") == "heo");  // $1x is the group named "1x"
  CHECK(replace("(l)", "hello", "${1}x") == "helxlxo");
  CHECK(replace("(l)", "hello", "$$") == "he$$o");
  CHECK(replace("(l)", "hello", "$") == "he$$o");
  CHECK(replace("(l)", "hello", "${1") == "he${1${1o");
  CHECK(replace("(?P<first>\\w+) (?P<second>\\w+)", "hello world", "${second} ${first}") ==
        "world hello");
  CHECK(replace("^h", "hhh", "X") == "Xhh");
  CHECK(replace("é", "héé", "e") == "hee");
}

TEST_CASE("regex syntax errors use Go's messages", "[expr]") {
  CHECK(compile_error("(") == "error parsing regexp: missing closing ): `(`");
  CHECK(compile_error("a**") == "error parsing regexp: invalid nested repetition operator: `**`");
  CHECK(compile_error("[z-a]") == "error parsing regexp: invalid character class range: `z-a`");
  CHECK(compile_error("x{1001}") == "error parsing regexp: invalid repeat count: `{1001}`");
  CHECK(compile_error("(?<n>a)") ==
        "error parsing regexp: invalid or unsupported Perl syntax: `(?<`");
}
