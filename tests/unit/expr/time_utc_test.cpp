#include "expr/time_utc.hpp"

#include <catch2/catch.hpp>

using farad::expr::civil_time;

TEST_CASE("calendar fields in UTC", "[expr]") {
  const auto t = civil_time(1700000000123456789);
  CHECK(t.year == 2023);
  CHECK(t.month == 11);
  CHECK(t.day == 14);
  CHECK(t.hour == 22);
  CHECK(t.minute == 13);
  CHECK(t.second == 20);
  CHECK(t.weekday == 2);
  CHECK(t.nanosecond == 123456789);

  const auto before_epoch = civil_time(-1);
  CHECK(before_epoch.year == 1969);
  CHECK(before_epoch.month == 12);
  CHECK(before_epoch.day == 31);
  CHECK(before_epoch.weekday == 3);
  CHECK(before_epoch.nanosecond == 999999999);

  const auto leap_day = civil_time(951782400000000000);  // 2000-02-29
  CHECK(leap_day.month == 2);
  CHECK(leap_day.day == 29);

  const auto far_past = civil_time(INT64_MIN);
  CHECK(far_past.year == 1677);
  CHECK(far_past.month == 9);
  CHECK(far_past.day == 21);
}
