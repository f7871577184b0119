#include "compile/duration_text.hpp"

#include <catch2/catch.hpp>

using farad::compile::parse_duration_text;

TEST_CASE("durations in vars files and flags") {
  constexpr int64_t s = 1000000000;
  CHECK(parse_duration_text("5m") == 5 * 60 * s);
  CHECK(parse_duration_text("1h30m") == 90 * 60 * s);
  CHECK(parse_duration_text("10ms") == 10000000);
  CHECK(parse_duration_text("3us") == 3000);
  CHECK(parse_duration_text("3\xC2\xB5") == 3000);
  CHECK(parse_duration_text("2w") == 14 * 86400 * s);
  CHECK(parse_duration_text("-1d") == -86400 * s);
  CHECK(parse_duration_text("15ns") == 15);
  CHECK_FALSE(parse_duration_text(""));
  CHECK_FALSE(parse_duration_text("5"));
  CHECK_FALSE(parse_duration_text("m"));
  CHECK_FALSE(parse_duration_text("1.5s"));
  CHECK_FALSE(parse_duration_text("5x"));
}
