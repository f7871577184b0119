#include "batch/cron_expression.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <ctime>

namespace farad::batch {
namespace {

constexpr int kLastYear = 2099;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t begin = 0;
  for (;;) {
    const size_t end = text.find(separator, begin);
    out.emplace_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return out;
    begin = end + 1;
  }
}

/// A number or, for months and weekdays, a name (`jan`, `january`, `sun`, `sunday`).
int value_of(std::string_view text, const std::vector<std::string_view>& names, int first_name) {
  const std::string word = lower(text);
  for (size_t i = 0; i < names.size(); ++i) {
    if (word == names[i] || (word.size() == 3 && names[i].starts_with(word))) {
      return first_name + static_cast<int>(i);
    }
  }
  int value = 0;
  const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (error != std::errc() || end != word.data() + word.size() || word.empty()) {
    throw CronError("invalid cron value '" + std::string(text) + "'");
  }
  return value;
}

const std::vector<std::string_view> kMonths = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
const std::vector<std::string_view> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};

/// One field: `*`, `?`, and comma lists of `a`, `a-b`, each with an optional `/step`.
std::vector<bool> parse_field(std::string_view field, int min, int max,
                              const std::vector<std::string_view>& names = {}, int first_name = 0) {
  std::vector<bool> set(static_cast<size_t>(max) + 1, false);
  for (const std::string& entry : split(field, ',')) {
    const auto slash = entry.find('/');
    const std::string range = entry.substr(0, slash);
    int step = 1;
    if (slash != std::string::npos) step = value_of(entry.substr(slash + 1), {}, 0);
    int low = min;
    int high = max;
    if (range != "*" && range != "?") {
      const auto dash = range.find('-');
      low = value_of(range.substr(0, dash), names, first_name);
      high = dash == std::string::npos ? (slash == std::string::npos ? low : max)
                                       : value_of(range.substr(dash + 1), names, first_name);
    }
    if (step < 1 || low < min || high > max || low > high) {
      throw CronError("cron field '" + std::string(field) + "' is out of range");
    }
    for (int v = low; v <= high; v += step) set[static_cast<size_t>(v)] = true;
  }
  return set;
}

bool restricted(std::string_view field) {
  return field != "*" && field != "?";
}

int64_t days_from_civil(int y, int m, int d) {  // days since 1970-01-01 (proleptic Gregorian)
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int weekday(int y, int m, int d) {  // 0 = Sunday
  const int64_t days = days_from_civil(y, m, d);
  return static_cast<int>(((days % 7) + 11) % 7);
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

/// The weekday (Monday-Friday) nearest `day` within its month.
int nearest_workday(int y, int m, int day) {
  const int last = days_in_month(y, m);
  if (day > last) return -1;
  const int wd = weekday(y, m, day);
  if (wd == 6) return day == 1 ? day + 2 : day - 1;
  if (wd == 0) return day == last ? day - 2 : day + 1;
  return day;
}

const std::vector<std::pair<std::string_view, std::string_view>> kAliases = {
    {"@yearly", "0 0 0 1 1 * *"}, {"@annually", "0 0 0 1 1 * *"}, {"@monthly", "0 0 0 1 * * *"},
    {"@weekly", "0 0 0 * * 0 *"}, {"@daily", "0 0 0 * * * *"},    {"@midnight", "0 0 0 * * * *"},
    {"@hourly", "0 0 * * * * *"}, {"@minutely", "0 * * * * * *"},
};

}  // namespace

CronExpression::CronExpression(std::string_view text) {
  std::string line(text);
  for (const auto& [alias, fields] : kAliases) {
    if (lower(line).find(alias) != std::string::npos) line = fields;
  }
  std::vector<std::string> fields;
  for (size_t pos = 0; pos < line.size();) {
    if (std::isspace(static_cast<unsigned char>(line[pos]))) {
      ++pos;
      continue;
    }
    const size_t end = line.find_first_of(" \t\r\n", pos);
    fields.push_back(line.substr(pos, end == std::string::npos ? end : end - pos));
    pos = end == std::string::npos ? line.size() : end;
  }
  if (fields.size() < 5) throw CronError("missing field(s)");
  fields.resize(std::min<size_t>(fields.size(), 7));  // fields past the 7th are ignored
  if (fields.size() < 7) fields.insert(fields.begin(), "0");
  if (fields.size() < 7) fields.emplace_back("*");
  seconds_ = parse_field(fields[0], 0, 59);
  minutes_ = parse_field(fields[1], 0, 59);
  hours_ = parse_field(fields[2], 0, 23);
  parse_day_of_month(fields[3]);
  months_ = parse_field(fields[4], 1, 12, kMonths, 1);
  parse_day_of_week(fields[5]);
  years_ = parse_field(fields[6], 1970, kLastYear);
}

void CronExpression::parse_day_of_month(std::string_view field) {
  dom_restricted_ = restricted(field);
  days_of_month_.assign(32, false);
  std::string plain;
  for (const std::string& entry : split(field, ',')) {
    const std::string word = lower(entry);
    if (word == "l") {
      last_day_of_month_ = true;
    } else if (word == "lw") {
      last_workday_of_month_ = true;
    } else if (word.size() > 1 && word.back() == 'w') {
      workdays_of_month_.push_back(value_of(word.substr(0, word.size() - 1), {}, 0));
    } else {
      plain += (plain.empty() ? "" : ",") + entry;
    }
  }
  if (!plain.empty()) days_of_month_ = parse_field(plain, 1, 31);
}

void CronExpression::parse_day_of_week(std::string_view field) {
  dow_restricted_ = restricted(field);
  days_of_week_.assign(7, false);
  std::string plain;
  for (const std::string& entry : split(field, ',')) {
    const auto hash = entry.find('#');
    if (hash != std::string::npos) {
      nth_weekdays_.emplace_back(value_of(entry.substr(0, hash), kWeekdays, 0) % 7,
                                 value_of(entry.substr(hash + 1), {}, 0));
    } else if (entry.size() > 1 && (entry.back() == 'L' || entry.back() == 'l')) {
      last_weekdays_.push_back(value_of(entry.substr(0, entry.size() - 1), kWeekdays, 0) % 7);
    } else {
      plain += (plain.empty() ? "" : ",") + entry;
    }
  }
  if (plain.empty()) return;
  const std::vector<bool> set = parse_field(plain, 0, 7, kWeekdays, 0);
  for (int d = 0; d <= 7; ++d) {
    if (set[static_cast<size_t>(d)]) days_of_week_[static_cast<size_t>(d % 7)] = true;
  }
}

bool CronExpression::day_matches(int y, int m, int d) const {
  if (!dom_restricted_ && !dow_restricted_) return true;
  const int last = days_in_month(y, m);
  bool dom = days_of_month_[static_cast<size_t>(d)] || (last_day_of_month_ && d == last);
  if (last_workday_of_month_ && d == nearest_workday(y, m, last)) dom = true;
  for (int w : workdays_of_month_) dom = dom || d == nearest_workday(y, m, w);
  const int wd = weekday(y, m, d);
  bool dow = days_of_week_[static_cast<size_t>(wd)];
  for (const auto& [day, n] : nth_weekdays_) dow = dow || (wd == day && (d - 1) / 7 + 1 == n);
  for (int day : last_weekdays_) dow = dow || (wd == day && d + 7 > last);
  return (dom_restricted_ && dom) || (dow_restricted_ && dow);
}

std::optional<int64_t> CronExpression::next(int64_t after_ns) const {
  const int64_t after_s =
      after_ns >= 0 ? after_ns / 1'000'000'000 : -((-after_ns + 999'999'999) / 1'000'000'000);
  time_t from = static_cast<time_t>(after_s + 1);
  std::tm local{};
  localtime_r(&from, &local);
  int y = local.tm_year + 1900, m = local.tm_mon + 1, d = local.tm_mday;
  int tod = local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec;  // first day only
  while (y <= kLastYear) {
    if (y < 1970 || !years_[static_cast<size_t>(y)] || !months_[static_cast<size_t>(m)]) {
      d = days_in_month(y, m);  // skip the rest of the month
    } else if (day_matches(y, m, d)) {
      for (int second = tod; second < 86400; ++second) {
        const int h = second / 3600, mi = second / 60 % 60, s = second % 60;
        if (!hours_[static_cast<size_t>(h)]) {
          second = (h + 1) * 3600 - 1;
          continue;
        }
        if (!minutes_[static_cast<size_t>(mi)]) {
          second = (second / 60 + 1) * 60 - 1;
          continue;
        }
        if (!seconds_[static_cast<size_t>(s)]) continue;
        std::tm wanted{};
        wanted.tm_year = y - 1900;
        wanted.tm_mon = m - 1;
        wanted.tm_mday = d;
        wanted.tm_hour = h;
        wanted.tm_min = mi;
        wanted.tm_sec = s;
        wanted.tm_isdst = -1;
        const time_t at = mktime(&wanted);
        if (at >= from) return static_cast<int64_t>(at) * 1'000'000'000;
      }
    }
    tod = 0;
    if (++d > days_in_month(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  return std::nullopt;
}

}  // namespace farad::batch
