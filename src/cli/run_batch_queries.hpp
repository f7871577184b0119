#pragma once
// `farad run SCRIPT --config FILE --start T [--stop T]`: a batch task's queries run against the
// configured InfluxDB for every scheduled window in (start, stop], in tick order, as
// `kapacitor record batch` would collect them and a replay would feed them.

#include <memory>
#include <string>

#include "runtime/connections.hpp"
#include "runtime/task.hpp"

namespace farad::cli {

struct BatchQuerySummary {
  size_t windows = 0;
  size_t batches = 0;
  size_t failed = 0;  ///< windows whose query failed (logged, skipped as Kapacitor does)
};

/// `start` and `stop` are RFC 3339 times; an empty `stop` means now. Throws UsageError for a
/// bad time or a stream task, std::runtime_error for a query node that cannot run.
BatchQuerySummary run_batch_queries(runtime::Task& task,
                                    std::shared_ptr<const runtime::Connections> connections,
                                    const std::string& start, const std::string& stop);

/// An RFC 3339 time of a flag, as nanoseconds; throws UsageError.
int64_t parse_time_flag(const std::string& flag, const std::string& text);

/// The wall clock, in nanoseconds since the epoch.
int64_t wall_clock_ns();

}  // namespace farad::cli
