#include "expr/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace farad::expr;

TEST_CASE("runes decode as Go's utf8 package does", "[expr]") {
  CHECK(decode_rune("é", 0).value == U'é');
  CHECK(decode_rune("é", 0).size == 2);
  CHECK(decode_rune("\xff", 0).value == kRuneError);
  CHECK(decode_rune("\xff", 0).size == 1);
  CHECK(decode_rune("\xed\xa0\x80", 0).size == 1);  // a surrogate is invalid
  CHECK(decode_rune("\xc0\xaf", 0).size == 1);      // overlong
  CHECK(decode_rune("", 0).size == 0);
  CHECK(decode_last_rune("aé", 3).value == U'é');
  CHECK(decode_last_rune("a\xa9", 2).size == 1);
  CHECK(rune_count("héllo\xff") == 6);
  std::string out;
  append_rune(out, U'日');
  append_rune(out, 0xD800);
  CHECK(out == "日\xef\xbf\xbd");
}

TEST_CASE("classification and case mapping follow Go's unicode package", "[expr]") {
  CHECK(is_space(U' '));
  CHECK(is_space(0x85));
  CHECK(is_space(0x2003));
  CHECK_FALSE(is_space(0x200B));
  CHECK(is_print(U'é'));
  CHECK_FALSE(is_print(0xA0));
  CHECK_FALSE(is_print(0x7F));
  CHECK(to_upper(U'é') == U'É');
  CHECK(to_upper(U'ß') == U'ß');
  CHECK(to_lower(U'İ') == U'i');
  CHECK(to_upper(U'ı') == U'I');
  CHECK(to_upper(0x1C5) == 0x1C4);
}
