#pragma once
// Runs the daemon's batch tasks on the wall clock: one thread finds the executing batch tasks,
// keeps each query node's next tick (batch/schedule.hpp), queries InfluxDB for a due window
// without holding the tasks lock, then takes the lock to push the batches into the task and
// checkpoint it (the node's last window stop is in the checkpoint). With `[batch] catch-up`, a
// task restored from a checkpoint first runs, in order, the windows whose ticks it missed.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "batch/batch_query_runner.hpp"

namespace farad::daemon {

class Daemon;

class BatchScheduler {
 public:
  /// Starts the thread. `now` is the clock (nanoseconds since the epoch).
  /// `catch_up_limit`: most missed windows run per query node (0: no limit).
  BatchScheduler(Daemon& daemon, bool catch_up, size_t catch_up_limit,
                 std::shared_ptr<const runtime::Connections> connections,
                 std::function<int64_t()> now);
  ~BatchScheduler();  ///< stop()
  BatchScheduler(const BatchScheduler&) = delete;
  BatchScheduler& operator=(const BatchScheduler&) = delete;

  /// Joins the thread; a query under way finishes first (bounded by the server's timeout).
  void stop();

 private:
  /// One executing batch task: its query plans and each query node's pending ticks.
  struct Scheduled {
    const runtime::Task* task = nullptr;  // identity: a restarted task is a new object
    std::vector<batch::QueryPlan> plans;
    std::vector<std::vector<int64_t>> backlog;  // per query node: missed ticks, oldest first
    std::vector<std::optional<int64_t>> next;   // per query node: the next live tick
  };
  struct Due {
    std::string task;
    const runtime::Task* identity = nullptr;
    size_t query_index = 0;
    batch::QueryWindow window;
  };

  void run();
  /// Under the tasks lock: follows the daemon's tasks, returns the most overdue window.
  std::optional<Due> refresh_locked(int64_t now, int64_t& wake_at);
  Scheduled schedule(runtime::Task& task, int64_t now) const;
  void execute(const Due& due);

  Daemon& daemon_;
  bool catch_up_;
  size_t catch_up_limit_;
  std::function<int64_t()> now_;
  batch::BatchQueryRunner runner_;
  std::map<std::string, Scheduled> scheduled_;  // by task id; only the scheduler thread
  std::map<std::string, std::string> refused_;  // task id -> why its queries cannot run

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace farad::daemon
