#include "daemon/batch_scheduler.hpp"

#include <spdlog/logger.h>

#include <set>

#include "daemon/checkpoint.hpp"
#include "daemon/daemon.hpp"
#include "service/logging.hpp"

namespace farad::daemon {
namespace {

constexpr int64_t kIdlePollNs = 1'000'000'000;  // how soon a newly enabled task is noticed

}  // namespace

BatchScheduler::BatchScheduler(Daemon& daemon, bool catch_up, size_t catch_up_limit,
                               std::shared_ptr<const runtime::Connections> connections,
                               std::function<int64_t()> now)
    : daemon_(daemon),
      catch_up_(catch_up),
      catch_up_limit_(catch_up_limit),
      now_(std::move(now)),
      runner_(std::move(connections)),
      thread_([this] { run(); }) {}

BatchScheduler::~BatchScheduler() {
  stop();
}

void BatchScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BatchScheduler::run() {
  for (;;) {
    const int64_t now = now_();
    int64_t wake_at = now + kIdlePollNs;
    std::optional<Due> due;
    {
      std::lock_guard tasks_lock(daemon_.tasks_mutex_);
      due = refresh_locked(now, wake_at);
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (due) {
      lock.unlock();
      execute(*due);
      continue;
    }
    wake_.wait_for(lock, std::chrono::nanoseconds(std::max<int64_t>(0, wake_at - now)),
                   [this] { return stopping_; });
    if (stopping_) return;
  }
}

BatchScheduler::Scheduled BatchScheduler::schedule(runtime::Task& task, int64_t now) const {
  Scheduled scheduled;
  scheduled.task = &task;
  scheduled.plans = batch::query_plans(task.spec());
  for (size_t i = 0; i < scheduled.plans.size(); ++i) {
    const batch::QueryPlan& plan = scheduled.plans[i];
    std::vector<int64_t> missed;
    std::optional<int64_t> next = plan.schedule.first(now);
    const std::optional<int64_t> last = batch::last_stop(task, i);
    if (catch_up_ && last) {
      // The ticks after the last window's tick up to now, then the schedule from there.
      std::optional<int64_t> tick = *last + plan.offset;
      while ((tick = plan.schedule.next(*tick)) && *tick <= now) {
        if (catch_up_limit_ != 0 && missed.size() == catch_up_limit_) {
          service::logger()->warn("task {}: {}: catch-up cut at {} missed windows",
                                  task.spec().name, plan.node, catch_up_limit_);
          break;
        }
        missed.push_back(*tick);
      }
      if (!missed.empty()) {
        service::logger()->info("task {}: {}: catching up {} missed windows", task.spec().name,
                                plan.node, missed.size());
      }
      next = tick && *tick > now ? tick : plan.schedule.first(now);
    }
    scheduled.backlog.push_back(std::move(missed));
    scheduled.next.push_back(next);
  }
  return scheduled;
}

std::optional<BatchScheduler::Due> BatchScheduler::refresh_locked(int64_t now, int64_t& wake_at) {
  std::set<std::string> executing;
  for (auto& running : daemon_.tasks_) {
    if (!running->task || !running->spec || running->spec->type != compile::TaskType::Batch) {
      continue;
    }
    const std::string& id = running->record.id;
    executing.insert(id);
    auto found = scheduled_.find(id);
    if (found != scheduled_.end() && found->second.task == running->task.get()) continue;
    try {
      scheduled_[id] = schedule(*running->task, now);
    } catch (const std::exception& e) {
      // Kapacitor refuses to start a task whose query node cannot run.
      running->error = e.what();
      service::logger()->error("task {}: {}", id, running->error);
      running->feed.reset();
      running->task.reset();
      scheduled_.erase(id);
      executing.erase(id);
    }
  }
  std::erase_if(scheduled_, [&](const auto& entry) { return !executing.contains(entry.first); });

  std::optional<Due> due;
  for (auto& [id, scheduled] : scheduled_) {
    for (size_t i = 0; i < scheduled.plans.size(); ++i) {
      const auto& backlog = scheduled.backlog[i];
      const std::optional<int64_t> tick =
          backlog.empty() ? scheduled.next[i] : std::optional<int64_t>(backlog.front());
      if (!tick) continue;
      if (*tick > now) {
        wake_at = std::min(wake_at, *tick);
      } else if (!due || *tick < due->window.tick) {
        const auto& plan = scheduled.plans[i];
        due = Due{id, scheduled.task, i, batch::window_at(*tick, plan.period, plan.offset)};
      }
    }
  }
  if (due) {
    Scheduled& scheduled = scheduled_[due->task];
    auto& backlog = scheduled.backlog[due->query_index];
    if (!backlog.empty()) {
      backlog.erase(backlog.begin());
    } else {
      const auto& plan = scheduled.plans[due->query_index];
      scheduled.next[due->query_index] = plan.schedule.next(due->window.tick);
    }
  }
  return due;
}

void BatchScheduler::execute(const Due& due) {
  const batch::QueryPlan& plan = scheduled_.at(due.task).plans[due.query_index];
  batch::WindowBatches fetched = runner_.fetch(plan, due.query_index, due.window);
  service::logger()->debug("task {}: {}: starting batch query: {}", due.task, plan.node,
                           fetched.query);
  if (!fetched.error.empty()) {
    service::logger()->error("task {}: {}: error executing query: {}", due.task, plan.node,
                             fetched.error);
  }
  std::lock_guard tasks_lock(daemon_.tasks_mutex_);
  RunningTask* running = daemon_.find_locked(due.task);
  if (running == nullptr || running->task.get() != due.identity) return;  // stopped meanwhile
  try {
    batch::deliver(*running->task, std::move(fetched));
    write_checkpoint(daemon_.checkpoint_path(due.task),
                     {running->skip_before, running->task->save_state()});
  } catch (const std::exception& e) {
    service::logger()->error("task {}: {}: {}", due.task, plan.node, e.what());
  }
}

}  // namespace farad::daemon
