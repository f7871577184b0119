// String functions and regexReplace() against Kapacitor.

#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

using farad::expr::testing::Case;
using farad::expr::testing::run;

TEST_CASE("string functions follow Go's strings package", "[expr]") {
  // Byte lengths and indexes, rune-wise trimming and case mapping, Go's $-templates.
  static const Case cases[] = {
      {R"~(strContains("s", 'ell'))~", R"~(bool true)~"},
      {R"~(strContains('', ''))~", R"~(bool true)~"},
      {R"~(strContainsAny('hello', 'xyz'))~", R"~(bool false)~"},
      {R"~(strContainsAny('héllo', 'é'))~", R"~(bool true)~"},
      {R"~(strContainsAny('hello', ''))~", R"~(bool false)~"},
      {R"~(strCount('cheese', 'e'))~", R"~(int64 3)~"},
      {R"~(strCount('five', ''))~", R"~(int64 5)~"},
      {R"~(strCount('héllo', ''))~", R"~(int64 6)~"},
      {R"~(strCount('aaaa', 'aa'))~", R"~(int64 2)~"},
      {R"~(strHasPrefix("s", 'he'))~", R"~(bool true)~"},
      {R"~(strHasSuffix("s", 'lo'))~", R"~(bool true)~"},
      {R"~(strIndex('chicken', 'ken'))~", R"~(int64 4)~"},
      {R"~(strIndex('chicken', 'dmr'))~", R"~(int64 -1)~"},
      {R"~(strIndex('héllo', 'l'))~", R"~(int64 3)~"},
      {R"~(strIndexAny('golang', 'ny'))~", R"~(int64 4)~"},
      {R"~(strIndexAny('héllo', 'lé'))~", R"~(int64 1)~"},
      {R"~(strLastIndex('go gopher', 'go'))~", R"~(int64 3)~"},
      {R"~(strLastIndex('go', ''))~", R"~(int64 2)~"},
      {R"~(strLastIndexAny('go gopher', 'go'))~", R"~(int64 4)~"},
      {R"~(strLastIndexAny('héllo', 'é'))~", R"~(int64 1)~"},
      {R"~(strLength('héllo'))~", R"~(int64 6)~"},
      {R"~(strLength(''))~", R"~(int64 0)~"},
      {R"~(strReplace('oink oink oink', 'k', 'ky', 2))~", R"~(string oinky oinky oink)~"},
      {R"~(strReplace('oink oink oink', 'oink', 'moo', -1))~", R"~(string moo moo moo)~"},
      {R"~(strReplace('abc', '', '-', -1))~", R"~(string -a-b-c-)~"},
      {R"~(strReplace('héllo', '', '.', 3))~", R"~(string .h.é.llo)~"},
      {R"~(strReplace('abc', 'b', 'x', 0))~", R"~(string abc)~"},
      {R"~(strSubstring('hello', 1, 4))~", R"~(string ell)~"},
      {R"~(strSubstring('hello', 0, 0))~", R"~(string )~"},
      {R"~(strSubstring('hello', 1, 5))~",
       R"~(error: error calling "strSubstring": stop index too large for string in strSubstring: 5)~"},
      {R"~(strSubstring('hello', -1, 2))~",
       R"~(error: error calling "strSubstring": found negative index for strSubstring: -1)~"},
      {R"~(strSubstring('hello', 1, -2))~",
       R"~(error: error calling "strSubstring": found negative index for strSubstring: -2)~"},
      {R"~(strSubstring('hello', 3, 1))~",
       R"~(error: runtime error: slice bounds out of range [3:1])~"},
      {R"~(strToLower('HÉLLO Wörld'))~", R"~(string héllo wörld)~"},
      {R"~(strToUpper('héllo ß ǅ'))~", R"~(string HÉLLO ß Ǆ)~"},
      {R"~(strToUpper('İstanbul ı'))~", R"~(string İSTANBUL I)~"},
      {R"~(strTrim('xxhixx', 'x'))~", R"~(string hi)~"},
      {R"~(strTrim('¡¡¡Hello, Gophers!!!', '!¡'))~", R"~(string Hello, Gophers)~"},
      {R"~(strTrimLeft('xxhixx', 'x'))~", R"~(string hixx)~"},
      {R"~(strTrimRight('xxhixx', 'x'))~", R"~(string xxhi)~"},
      {R"~(strTrimPrefix('prefix-body', 'prefix-'))~", R"~(string body)~"},
      {R"~(strTrimSuffix('body.txt', '.txt'))~", R"~(string body)~"},
      {R"~(strTrimSpace('  \t hi  '))~", R"~(string \t hi)~"},
      {R"~(strTrimSpace(' hi '))~", R"~(string hi)~"},
      {R"~(regexReplace(/l+/, 'hello', 'L'))~", R"~(string heLo)~"},
      {R"~(regexReplace(/(l+)/, 'hello', '<$1>'))~", R"~(string he<ll>o)~"},
      {R"~(regexReplace(/(?P<first>\w+) (?P<second>\w+)/, 'hello world', '${second} ${first}'))~",
       R"~(string world hello)~"},
      {R"~(regexReplace(/a*/, 'baaac', 'X'))~", R"~(string XbXcX)~"},
      {R"~(regexReplace(/x*/, 'abc', '-'))~", R"~(string -a-b-c-)~"},
      {R"~(regexReplace(/(l)/, 'hello', '$1x'))~", R"~(string heo)~"},
      {R"~(regexReplace(/(l)/, 'hello', '${1}x'))~", R"~(string helxlxo)~"},
      {R"~(regexReplace(/(l)/, 'hello', '$$'))~", R"~(string he$$o)~"},
      {R"~(regexReplace(/(l)/, 'hello', '$2'))~", R"~(string heo)~"},
      {R"~(regexReplace(/^h/, 'hhh', 'X'))~", R"~(string Xhh)~"},
      {R"~(regexReplace(/\bw/, 'hello world', 'W'))~", R"~(string hello World)~"},
      {R"~(regexReplace('l', 'hello', 'L'))~",
       R"~(compile error: Cannot call function "regexReplace" with args (l: string,hello: string,L: string), available signatures are [(regex,string,string)].)~"},
      {R"~(strLength("i"))~",
       R"~(error: Cannot call function "strLength" with args ("i": int), available signatures are [(string)].)~"},
      {R"~(strContains("x", 'a'))~",
       R"~(error: Cannot call function "strContains" argument "x" is missing, values in scope are [])~"},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    CHECK(run(c.expression) == c.expected);
  }
}
