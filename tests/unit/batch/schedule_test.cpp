#include "batch/schedule.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

#include "io/time_format.hpp"

using farad::batch::CronExpression;
using farad::batch::QueryWindow;
using farad::batch::Schedule;

namespace {

constexpr int64_t kSecond = 1'000'000'000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

int64_t at(const char* rfc3339) {
  return *farad::io::parse_rfc3339_nanos(rfc3339);
}

/// Cron matches local time; the tests run in UTC.
struct UtcZone {
  UtcZone() {
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

}  // namespace

TEST_CASE("schedule: every, aligned every and Go's rounding from year 1") {
  const Schedule plain = Schedule::every(10 * kSecond, false);
  CHECK(plain.first(at("2024-01-01T00:00:03Z")) == at("2024-01-01T00:00:13Z"));
  CHECK(plain.next(at("2024-01-01T00:00:13Z")) == at("2024-01-01T00:00:23Z"));
  const Schedule aligned = Schedule::every(10 * kSecond, true);
  CHECK(aligned.first(at("2024-01-01T00:00:03Z")) == at("2024-01-01T00:00:10Z"));
  CHECK(aligned.next(at("2024-01-01T00:00:04Z")) == at("2024-01-01T00:00:10Z"));
  CHECK(aligned.next(at("2024-01-01T00:00:05Z")) == at("2024-01-01T00:00:20Z"));  // half up
  // Weeks count from Monday 0001-01-01, not from Thursday 1970-01-01.
  const Schedule weekly = Schedule::every(7 * kDay, true);
  CHECK(weekly.first(at("2024-01-03T12:00:00Z")) == at("2024-01-08T00:00:00Z"));
  CHECK(Schedule::truncate(at("1969-12-31T23:59:59Z"), kDay) == at("1969-12-31T00:00:00Z"));
}

TEST_CASE("schedule: windows between two times, as record batch runs them") {
  const Schedule daily = Schedule::every(kDay, true);
  const auto windows =
      farad::batch::windows_between(daily, kDay, kHour, at("2024-01-01T00:00:00Z"),
                                    at("2024-01-04T00:00:00Z"), at("2024-01-03T12:00:00Z"));
  // Ticks 01-02, 01-03 (01-04's window would end after now).
  REQUIRE(windows.size() == 2);
  CHECK(windows[0] == QueryWindow{at("2024-01-02T00:00:00Z"), at("2023-12-31T23:00:00Z"),
                                  at("2024-01-01T23:00:00Z")});
  CHECK(windows[1].stop == at("2024-01-02T23:00:00Z"));
}

TEST_CASE("cron: next times") {
  UtcZone utc;
  struct Case {
    const char* expression;
    const char* after;
    const char* next;
  };
  const Case cases[] = {
      {"* * * * *", "2024-01-01T00:00:00Z", "2024-01-01T00:01:00Z"},
      {"* * * * *", "2024-01-01T00:00:30.5Z", "2024-01-01T00:01:00Z"},
      {"*/15 * * * *", "2024-01-01T00:16:00Z", "2024-01-01T00:30:00Z"},
      {"0 3 * * *", "2024-01-01T03:00:00Z", "2024-01-02T03:00:00Z"},
      {"0 0 29 2 *", "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z"},
      {"0 12 * * MON-FRI", "2024-01-06T00:00:00Z", "2024-01-08T12:00:00Z"},  // Sat -> Mon
      {"0 0 * * 7", "2024-01-01T00:00:00Z", "2024-01-07T00:00:00Z"},         // 7 is Sunday
      {"0 0 1,15 * 1", "2024-01-02T00:00:00Z", "2024-01-08T00:00:00Z"},      // dom or dow
      {"*/20 * * * * * *", "2024-01-01T00:00:41Z", "2024-01-01T00:01:00Z"},  // seconds
      {"0 0 1 jan * 2026", "2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z"},  // 6 fields: year
      {"@daily", "2024-01-01T10:00:00Z", "2024-01-02T00:00:00Z"},
      {"@weekly", "2024-01-01T10:00:00Z", "2024-01-07T00:00:00Z"},
      {"0 0 L * *", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z"},
      {"0 0 ? * 5L", "2024-01-01T00:00:00Z", "2024-01-26T00:00:00Z"},   // last Friday
      {"0 0 ? * 5#2", "2024-01-01T00:00:00Z", "2024-01-12T00:00:00Z"},  // second Friday
      {"0 0 15W * ?", "2024-06-01T00:00:00Z", "2024-06-14T00:00:00Z"},  // 15th is a Saturday
      {"30 9 1-7 * *", "2024-01-07T09:30:00Z", "2024-02-01T09:30:00Z"},
  };
  for (const Case& c : cases) {
    INFO(c.expression << " after " << c.after);
    CHECK(CronExpression(c.expression).next(at(c.after)) == at(c.next));
  }
  CHECK_FALSE(CronExpression("0 0 1 1 * 1999").next(at("2024-01-01T00:00:00Z")).has_value());
}

TEST_CASE("cron: malformed expressions") {
  const char* bad[] = {"* * * *",   "60 * * * *", "* 24 * * *",  "* * 0 * *",  "* * * 13 *",
                       "* * * * 8", "a * * * *",  "*/0 * * * *", "5-1 * * * *"};
  for (const char* expression : bad) {
    INFO(expression);
    CHECK_THROWS_AS(CronExpression(expression), farad::batch::CronError);
  }
}
