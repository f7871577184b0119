#pragma once
// Cron schedules as Kapacitor reads `.cron()` (github.com/gorhill/cronexpr): 5 fields
// (minute hour day-of-month month day-of-week), 6 (plus year) or 7 (second first, then the
// 6); the @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @minutely
// aliases; `*`, `?`, lists, ranges, steps, month and weekday names; `L` (last day of the month,
// `5L` last Friday), `W` (nearest weekday, `LW`) and `#` (`5#2`: second Friday). Times are
// matched in the local time zone, as Kapacitor's scheduler does.

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace farad::batch {

struct CronError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class CronExpression {
 public:
  /// Throws CronError for a malformed expression.
  explicit CronExpression(std::string_view text);

  /// The first matching whole second strictly after `after_ns` (nanoseconds since the epoch),
  /// or nullopt when there is none before the end of 2099.
  std::optional<int64_t> next(int64_t after_ns) const;

  /// Whether the local calendar day (year, month 1-12, day 1-31) matches the day fields.
  bool day_matches(int year, int month, int day) const;

 private:
  std::vector<bool> seconds_, minutes_, hours_, months_, years_;  // indexed by value
  std::vector<bool> days_of_month_;                               // 1..31
  std::vector<bool> days_of_week_;                                // 0..6, Sunday 0
  std::vector<int> workdays_of_month_;                            // `15W`
  std::vector<std::pair<int, int>> nth_weekdays_;                 // `5#2`: (weekday, n)
  std::vector<int> last_weekdays_;                                // `5L`
  bool last_day_of_month_ = false;                                // `L`
  bool last_workday_of_month_ = false;                            // `LW`
  bool dom_restricted_ = false;
  bool dow_restricted_ = false;

  void parse_day_of_month(std::string_view field);
  void parse_day_of_week(std::string_view field);
};

}  // namespace farad::batch
