#include "sinks/go_time_methods.hpp"

#include <array>
#include <chrono>

#include "expr/go_format.hpp"

namespace farad::sinks {

namespace {

constexpr std::array<std::string_view, 16> kMethods = {
    "Unix", "UnixMilli", "UnixMicro", "UnixNano", "UTC",        "String",  "Year",    "Month",
    "Day",  "Hour",      "Minute",    "Second",   "Nanosecond", "YearDay", "Weekday", "IsZero"};

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

// Division rounding down, as Go's Unix() and its calendar do for times before 1970.
int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

bool is_time_method(std::string_view name) {
  for (const auto method : kMethods) {
    if (method == name) return true;
  }
  return false;
}

GoValue call_time_method(int64_t unix_nanos, std::string_view name) {
  using namespace std::chrono;
  const int64_t seconds = floor_div(unix_nanos, 1'000'000'000);
  if (name == "Unix") return GoValue::of_int(seconds);
  if (name == "UnixMilli") return GoValue::of_int(floor_div(unix_nanos, 1'000'000));
  if (name == "UnixMicro") return GoValue::of_int(floor_div(unix_nanos, 1'000));
  if (name == "UnixNano") return GoValue::of_int(unix_nanos);
  if (name == "UTC") return GoValue::of_time(unix_nanos);
  if (name == "String") return GoValue::of_string(expr::go::format_time_utc(unix_nanos));
  // An int64 nanosecond time is never Go's zero time (year 1).
  if (name == "IsZero") return GoValue::of_bool(false);
  const int64_t day_number = floor_div(seconds, 86400);
  const int64_t second_of_day = seconds - day_number * 86400;
  const sys_days day{days{day_number}};
  const year_month_day date{day};
  if (name == "Year") return GoValue::of_int(static_cast<int>(date.year()), "int");
  if (name == "Month") {
    GoValue month = GoValue::of_string(std::string(kMonths[unsigned{date.month()} - 1]));
    month.type = "time.Month";
    return month;
  }
  if (name == "Day") return GoValue::of_int(unsigned{date.day()}, "int");
  if (name == "Hour") return GoValue::of_int(second_of_day / 3600, "int");
  if (name == "Minute") return GoValue::of_int(second_of_day / 60 % 60, "int");
  if (name == "Second") return GoValue::of_int(second_of_day % 60, "int");
  if (name == "Nanosecond") return GoValue::of_int(unix_nanos - seconds * 1'000'000'000, "int");
  if (name == "YearDay") {
    const sys_days first{year_month_day{date.year(), January, 1d}};
    return GoValue::of_int((day - first).count() + 1, "int");
  }
  // Weekday.
  GoValue result = GoValue::of_string(std::string(kWeekdays[weekday{day}.c_encoding()]));
  result.type = "time.Weekday";
  return result;
}

}  // namespace farad::sinks
