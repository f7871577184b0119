#include "batch/schedule.hpp"

namespace farad::batch {
namespace {

__extension__ using Int128 = __int128;

// Go measures Truncate and Round from its zero time, 0001-01-01T00:00:00Z, which is
// 62135596800 s before the Unix epoch: for periods that do not divide that (weeks) the
// multiples differ from multiples counted from 1970.
constexpr Int128 kGoZeroOffsetNs = static_cast<Int128>(62135596800LL) * 1'000'000'000;

int64_t go_remainder(int64_t t, int64_t d) {
  const Int128 since_zero = static_cast<Int128>(t) + kGoZeroOffsetNs;
  return static_cast<int64_t>(since_zero % d);  // since_zero > 0 for any int64 time
}

}  // namespace

Schedule Schedule::every(int64_t every_ns, bool align) {
  Schedule s;
  s.every_ = every_ns;
  s.align_ = align;
  return s;
}

Schedule Schedule::cron(const std::string& text) {
  Schedule s;
  s.cron_.emplace(text);
  return s;
}

int64_t Schedule::truncate(int64_t t, int64_t d) {
  if (d <= 0) return t;
  return t - go_remainder(t, d);
}

int64_t Schedule::round(int64_t t, int64_t d) {
  if (d <= 0) return t;
  const int64_t r = go_remainder(t, d);
  // Go rounds halfway values up: r + r < d rounds down.
  if (static_cast<uint64_t>(r) + static_cast<uint64_t>(r) < static_cast<uint64_t>(d)) {
    return t - r;
  }
  return t + (d - r);
}

std::optional<int64_t> Schedule::next(int64_t tick) const {
  if (cron_) return cron_->next(tick);
  const int64_t next = tick + every_;
  return align_ ? round(next, every_) : next;
}

std::optional<int64_t> Schedule::first(int64_t now) const {
  if (cron_) return cron_->next(now);
  if (align_) return truncate(now, every_) + every_;
  return now + every_;
}

QueryWindow window_at(int64_t tick, int64_t period, int64_t offset) {
  const int64_t stop = tick - offset;
  return {tick, stop - period, stop};
}

std::vector<QueryWindow> windows_between(const Schedule& schedule, int64_t period, int64_t offset,
                                         int64_t start, int64_t stop, int64_t now) {
  std::vector<QueryWindow> windows;
  std::optional<int64_t> tick = start;
  while ((tick = schedule.next(*tick)) && *tick <= stop) {
    const QueryWindow window = window_at(*tick, period, offset);
    if (window.stop > now) break;
    windows.push_back(window);
  }
  return windows;
}

}  // namespace farad::batch
