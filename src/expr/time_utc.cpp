#include "expr/time_utc.hpp"

namespace farad::expr {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kSecondsPerDay = 86400;

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

CivilTime civil_time(int64_t unix_ns) {
  CivilTime t;
  const int64_t seconds = floor_div(unix_ns, kNanosPerSecond);
  // A remainder, not unix_ns - seconds * 1e9, which overflows near the int64 limits.
  t.nanosecond = unix_ns % kNanosPerSecond;
  if (t.nanosecond < 0) t.nanosecond += kNanosPerSecond;
  const int64_t days = floor_div(seconds, kSecondsPerDay);
  const int64_t second_of_day = seconds - days * kSecondsPerDay;
  t.hour = static_cast<int>(second_of_day / 3600);
  t.minute = static_cast<int>(second_of_day / 60 % 60);
  t.second = static_cast<int>(second_of_day % 60);
  // 1970-01-01 was a Thursday.
  t.weekday = static_cast<int>(days + 4 - floor_div(days + 4, 7) * 7);

  // Days to a proleptic Gregorian date, counting in 400-year eras that start on March 1st so
  // that the leap day falls at the end of a year.
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;  // 0 = March
  t.day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  t.month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  t.year = year_of_era + era * 400 + (t.month <= 2 ? 1 : 0);
  return t;
}

}  // namespace farad::expr
