#pragma once
// When a batch query runs and which window each run covers (Kapacitor's batch.go tickers and
// QueryNode.Queries). A tick at `t` queries [t - offset - period, t - offset). Pure: every
// function takes the current time, so tests inject their own clock.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "batch/cron_expression.hpp"

namespace farad::batch {

/// One run of a query: its tick time and the window it covers (nanoseconds since the epoch).
struct QueryWindow {
  int64_t tick = 0;
  int64_t start = 0;
  int64_t stop = 0;
  bool operator==(const QueryWindow&) const = default;
};

class Schedule {
 public:
  /// `.every(d)` with or without `.align()`.
  static Schedule every(int64_t every_ns, bool align);
  /// `.cron(text)`; throws CronError.
  static Schedule cron(const std::string& text);

  /// The tick after `tick` (Kapacitor's ticker.Next): `tick + every`, rounded to a multiple of
  /// every when aligned; the cron expression's next time. nullopt when a cron has no more.
  std::optional<int64_t> next(int64_t tick) const;
  /// The first live tick of a task started at `now`: `now + every`; aligned, the next multiple
  /// of every; the cron's next time.
  std::optional<int64_t> first(int64_t now) const;

  /// Go's time.Truncate/Round to a multiple of `d` (measured from Go's zero time, year 1).
  static int64_t truncate(int64_t t, int64_t d);
  static int64_t round(int64_t t, int64_t d);

 private:
  int64_t every_ = 0;
  bool align_ = false;
  std::optional<CronExpression> cron_;
};

/// The window of the tick at `tick`.
QueryWindow window_at(int64_t tick, int64_t period, int64_t offset);

/// Kapacitor's QueryNode.Queries(start, stop), behind `record batch` and `replay-live batch`:
/// every tick after `start` up to `stop` (inclusive) whose window ends no later than `now`.
std::vector<QueryWindow> windows_between(const Schedule& schedule, int64_t period, int64_t offset,
                                         int64_t start, int64_t stop, int64_t now);

}  // namespace farad::batch
