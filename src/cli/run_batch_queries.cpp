#include "cli/run_batch_queries.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "batch/batch_query_runner.hpp"
#include "cli/arguments.hpp"
#include "io/time_format.hpp"

namespace farad::cli {

int64_t parse_time_flag(const std::string& flag, const std::string& text) {
  if (auto ns = io::parse_rfc3339_nanos(text)) return *ns;
  throw UsageError(
      fmt::format("--{} must be an RFC 3339 time (2006-01-02T15:04:05Z), got '{}'", flag, text));
}

int64_t wall_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

BatchQuerySummary run_batch_queries(runtime::Task& task,
                                    std::shared_ptr<const runtime::Connections> connections,
                                    const std::string& start, const std::string& stop) {
  if (task.spec().type != compile::TaskType::Batch) {
    throw UsageError("--start and --stop run the queries of a batch task");
  }
  const int64_t now = wall_clock_ns();
  const int64_t from = parse_time_flag("start", start);
  const int64_t to = stop.empty() ? now : parse_time_flag("stop", stop);
  std::vector<batch::QueryPlan> plans;
  try {
    plans = batch::query_plans(task.spec());
  } catch (const batch::QueryPlanError& e) {
    throw std::runtime_error(e.what());
  }
  batch::BatchQueryRunner runner(std::move(connections));
  BatchQuerySummary summary;
  for (const auto& [index, window] : batch::windows_of_task(plans, from, to, now)) {
    batch::WindowBatches fetched = runner.fetch(plans[index], index, window);
    ++summary.windows;
    if (!fetched.error.empty()) {
      ++summary.failed;
      std::cerr << fmt::format("E {}: error executing query: {}\n", plans[index].node,
                               fetched.error);
    }
    summary.batches += fetched.batches.size();
    batch::deliver(task, std::move(fetched));
  }
  return summary;
}

}  // namespace farad::cli
