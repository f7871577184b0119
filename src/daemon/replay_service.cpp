// The replay side of ReplayService, and its start and stop. Recordings are in
// replay_service_recordings.cpp.
#include "daemon/replay_service.hpp"

#include <spdlog/logger.h>

#include <chrono>

#include "server/router.hpp"
#include "service/logging.hpp"

namespace farad::daemon {
namespace {

constexpr std::size_t kReplayThreads = 2;
constexpr std::size_t kMaxQueuedReplays = 16;

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ReplayService::ReplayService(Daemon& daemon)
    : daemon_(daemon),
      recordings_(daemon.data_dir() / "recordings", load_problems_),
      replays_(daemon.data_dir() / "replays", load_problems_) {
  for (const auto& problem : load_problems_)
    service::logger()->warn("replay metadata: {}", problem);
  discover_recordings();
  for (std::size_t i = 0; i < kReplayThreads; ++i) workers_.emplace_back([this] { run_replays(); });
  daemon_.set_body_tap(
      [this](const store::WalRecordHeader& header, std::string_view body) { tap(header, body); });
}

ReplayService::~ReplayService() {
  stop();
}

void ReplayService::stop() {
  daemon_.set_body_tap({});
  {
    std::lock_guard lock(jobs_mutex_);
    if (stopping_) return;
    stopping_ = true;
    for (auto& [id, cancelled] : cancels_) *cancelled = true;
  }
  jobs_changed_.notify_all();
  for (auto& worker : workers_) worker.join();
  for (const auto& job : queue_) {
    replays_.update(
        job.plan.id,
        [](ReplayInfo& info) {
          info.status = JobStatus::Failed;
          info.error = "the server stopped before the replay ran";
        },
        true);
  }
  queue_.clear();
  std::lock_guard lock(recorders_mutex_);
  for (auto& [id, recorder] : recorders_) {
    const bool running = !recorder->finished();
    recorder.reset();  // joins its thread
    if (running) finish_recording(id, "the server stopped before the recording's stop time");
  }
  recorders_.clear();
}

std::optional<TaskError> ReplayService::compile_task(
    const std::string& id, std::shared_ptr<const compile::TaskSpec>& spec) const {
  const auto view = daemon_.find_task(id);
  if (!view) return TaskError{404, "task load: no task exists"};
  std::string error;
  spec = compile_record(view->record, error);
  if (!spec) return TaskError{400, "task load: " + error};
  if (spec->type != compile::TaskType::Stream) {
    return TaskError{400, "task " + id + " is a batch task: farad records and replays streams"};
  }
  return std::nullopt;
}

std::optional<TaskError> ReplayService::replay(ReplayRequest request, ReplayInfo& started) {
  if (request.id.empty()) request.id = server::new_request_id();
  if (!valid_task_id(request.id)) {
    return TaskError{400, "replay ID must contain only letters, numbers, '-', '.' and '_'. \"" +
                              request.id + "\""};
  }
  std::shared_ptr<const compile::TaskSpec> spec;
  if (auto error = compile_task(request.task, spec)) return error;

  ReplayJob job;
  ReplayInfo info;
  info.id = request.id;
  info.task = request.task;
  info.recording = request.recording;
  info.recording_time = request.recording_time;
  info.clock = request.clock;
  info.date_ns = now_ns();
  if (!request.recording.empty()) {
    const auto recording = recordings_.find(request.recording);
    if (!recording) return TaskError{404, "recording not found: no recording exists"};
    if (recording->status != JobStatus::Finished) {
      return TaskError{400, "recording " + request.recording + " is " +
                                job_status_name(recording->status) + ", not finished"};
    }
    job.open = [path = recording_path(request.recording)] { return recording_source(path); };
  } else {
    if (!request.start_ns) {
      return TaskError{400, "must provide a recording, or a start time to replay from the log"};
    }
    WalRange range;
    range.dir = daemon_.wal_dir();
    range.end = daemon_.wal_end();
    range.index = store::WalIndex::load(range.dir);
    range.start_ns = *request.start_ns;
    range.stop_ns = request.stop_ns.value_or(now_ns());
    range.dbrps = spec->dbrps;
    if (range.stop_ns <= range.start_ns) return TaskError{400, "stop must be after start"};
    if (auto why = wal_range_unavailable(range); !why.empty()) return TaskError{400, why};
    info.start_ns = range.start_ns;
    info.stop_ns = range.stop_ns;
    job.open = [range = std::move(range)] { return wal_source(range); };
  }
  job.plan.id = info.id;
  job.plan.spec = replay_spec(*spec, info.id);
  job.plan.output_dir = daemon_.data_dir();
  job.plan.clock = request.clock;
  job.plan.recording_time = request.recording_time;
  if (auto live = daemon_.connections()) {
    // kapacitorLoopback in a Kapacitor replay writes into the replay's own task master, which
    // nothing else reads: never into the live log.
    auto connections = std::make_shared<runtime::Connections>(*live);
    connections->loopback = nullptr;
    job.plan.connections = std::move(connections);
  }
  job.cancelled = std::make_shared<std::atomic<bool>>(false);

  std::lock_guard lock(jobs_mutex_);
  if (stopping_) return TaskError{503, "the server is shutting down"};
  if (queue_.size() >= kMaxQueuedReplays) {
    return TaskError{503, "too many replays waiting; try again when some have finished"};
  }
  if (!replays_.insert(info)) return TaskError{400, "replay " + info.id + " already exists"};
  cancels_[info.id] = job.cancelled;
  queue_.push_back(std::move(job));
  jobs_changed_.notify_one();
  started = info;
  return std::nullopt;
}

void ReplayService::delete_replay(const std::string& id) {
  {
    std::lock_guard lock(jobs_mutex_);
    if (auto it = cancels_.find(id); it != cancels_.end()) *it->second = true;
  }
  replays_.erase(id);
}

void ReplayService::run_replays() {
  for (;;) {
    ReplayJob job;
    {
      std::unique_lock lock(jobs_mutex_);
      jobs_changed_.wait(lock, [this] { return !queue_.empty() || stopping_; });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    run_job(job);
    std::lock_guard lock(jobs_mutex_);
    cancels_.erase(job.plan.id);
  }
}

void ReplayService::run_job(ReplayJob& job) {
  const std::string& id = job.plan.id;
  ReplayOutcome outcome;
  if (*job.cancelled) {
    outcome.error = "replay cancelled";
  } else {
    // Kapacitor's clock starts when the replay does; a queued replay's zero is when it runs.
    job.plan.zero_ns = now_ns();
    try {
      auto source = job.open();
      outcome = run_replay(
          job.plan, *source,
          [&](double progress) {
            replays_.update(
                id, [&](ReplayInfo& info) { info.progress = progress; }, false);
          },
          *job.cancelled);
    } catch (const std::exception& e) {
      outcome.error = e.what();
    }
  }
  if (!outcome.error.empty()) service::logger()->warn("replay {}: {}", id, outcome.error);
  replays_.update(
      id,
      [&](ReplayInfo& info) {
        info.status = outcome.error.empty() ? JobStatus::Finished : JobStatus::Failed;
        info.error = outcome.error;
        info.stats = outcome.stats;
        info.progress = 1.0;
        info.date_ns = now_ns();
      },
      true);
}

}  // namespace farad::daemon
