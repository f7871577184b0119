// Time functions against Kapacitor (on a UTC server).

#include <catch2/catch.hpp>

#include "expr_test_support.hpp"

using farad::expr::testing::Case;
using farad::expr::testing::run;

TEST_CASE("time functions read the point time in UTC", "[expr]") {
  // `@<ns>:` sets the point time: epoch, before it, leap days, far past and future.
  static const Case cases[] = {
      {R"~(unixNano("time"))~", R"~(int64 1700000000123456789)~"},
      {R"~(minute("time"))~", R"~(int64 13)~"},
      {R"~(hour("time"))~", R"~(int64 22)~"},
      {R"~(weekday("time"))~", R"~(int64 2)~"},
      {R"~(day("time"))~", R"~(int64 14)~"},
      {R"~(month("time"))~", R"~(int64 11)~"},
      {R"~(year("time"))~", R"~(int64 2023)~"},
      {R"~(@0:year("time"))~", R"~(int64 1970)~"},
      {R"~(@0:weekday("time"))~", R"~(int64 4)~"},
      {R"~(@-1:year("time"))~", R"~(int64 1969)~"},
      {R"~(@-1:minute("time"))~", R"~(int64 59)~"},
      {R"~(@-1:unixNano("time"))~", R"~(int64 -1)~"},
      {R"~(@951782400000000000:day("time"))~", R"~(int64 29)~"},
      {R"~(@951782400000000000:month("time"))~", R"~(int64 2)~"},
      {R"~(@-62135596800000000:year("time"))~", R"~(int64 1968)~"},
      {R"~(@-9000000000000000000:year("time"))~", R"~(int64 1684)~"},
      {R"~(@-9000000000000000000:month("time"))~", R"~(int64 10)~"},
      {R"~(@-9000000000000000000:weekday("time"))~", R"~(int64 4)~"},
      {R"~(@9000000000000000000:year("time"))~", R"~(int64 2255)~"},
      {R"~(@9000000000000000000:hour("time"))~", R"~(int64 16)~"},
      {R"~(hour(5))~",
       R"~(compile error: Cannot call function "hour" with args (5: int), available signatures are [(time)].)~"},
      {R"~(hour("i"))~",
       R"~(error: Cannot call function "hour" with args ("i": int), available signatures are [(time)].)~"},
      {R"~(hour("x"))~",
       R"~(error: Cannot call function "hour" argument "x" is missing, values in scope are [])~"},
      {R"~(year("time") > 2000)~", R"~(bool true)~"},
      {R"~(unixNano("time") / 1000000000)~", R"~(int64 1700000000)~"},
  };
  for (const Case& c : cases) {
    INFO(c.expression);
    CHECK(run(c.expression) == c.expected);
  }
}
