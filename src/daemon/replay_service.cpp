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
    if (job.record) {
      finish_recording(job.plan.id.substr(kRecordingJobPrefix.size()),
                       "the server stopped before the recording ran");
      continue;
    }
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

std::optional<TaskError> ReplayService::compile_task(const std::string& id,
                                                     std::shared_ptr<const compile::TaskSpec>& spec,
                                                     compile::TaskType type) const {
  const auto view = daemon_.find_task(id);
  if (!view) return TaskError{404, "task load: no task exists"};
  std::string error;
  spec = compile_record(view->record, error);
  if (!spec) return TaskError{400, "task load: " + error};
  if (spec->type != type) {
    return TaskError{400, type == compile::TaskType::Batch
                              ? "cannot replay batch against stream task: " + id
                              : "cannot replay stream against batch task: " + id};
  }
  return std::nullopt;
}

std::optional<TaskError> ReplayService::replay(ReplayRequest request, ReplayInfo& started) {
  if (request.id.empty()) request.id = server::new_request_id();
  if (!valid_task_id(request.id)) {
    return TaskError{400, "replay ID must contain only letters, numbers, '-', '.' and '_'. \"" +
                              request.id + "\""};
  }
  std::optional<RecordingInfo> recording;
  if (!request.recording.empty()) {
    recording = recordings_.find(request.recording);
    if (!recording) return TaskError{404, "recording not found: no recording exists"};
  }
  const bool batch = recording && recording->type == "batch";
  std::shared_ptr<const compile::TaskSpec> spec;
  if (auto error = compile_task(request.task, spec,
                                batch ? compile::TaskType::Batch : compile::TaskType::Stream)) {
    return error;
  }

  ReplayJob job;
  ReplayInfo info;
  info.id = request.id;
  info.task = request.task;
  info.recording = request.recording;
  info.recording_time = request.recording_time;
  info.clock = request.clock;
  info.date_ns = now_ns();
  if (!request.recording.empty()) {
    if (recording->status != JobStatus::Finished) {
      return TaskError{400, "recording " + request.recording + " is " +
                                job_status_name(recording->status) + ", not finished"};
    }
    if (batch) {
      job.open_batches =
          [path = batch_recording_path(request.recording)](model::GroupKeyInterner& interner) {
            return batch_recording_source(path, interner);
          };
    } else {
      job.open = [path = recording_path(request.recording)] { return recording_source(path); };
    }
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
  return launch_replay(std::move(job), info, *spec, started);
}

std::optional<TaskError> ReplayService::launch_replay(ReplayJob job, const ReplayInfo& info,
                                                      const compile::TaskSpec& spec,
                                                      ReplayInfo& started) {
  job.plan.id = info.id;
  job.plan.spec = replay_spec(spec, info.id);
  job.plan.output_dir = daemon_.data_dir();
  job.plan.clock = info.clock;
  job.plan.recording_time = info.recording_time;
  job.plan.connections = replay_connections();
  std::lock_guard lock(jobs_mutex_);
  if (!replays_.insert(info)) return TaskError{400, "replay " + info.id + " already exists"};
  if (auto error = queue_job(std::move(job))) {
    replays_.erase(info.id);
    return error;
  }
  started = info;
  return std::nullopt;
}

std::shared_ptr<const runtime::Connections> ReplayService::replay_connections() const {
  auto live = daemon_.connections();
  if (!live) return nullptr;
  // kapacitorLoopback in a Kapacitor replay writes into the replay's own task master, which
  // nothing else reads: never into the live log.
  auto connections = std::make_shared<runtime::Connections>(*live);
  connections->loopback = nullptr;
  return connections;
}

// Called with jobs_mutex_ held.
std::optional<TaskError> ReplayService::queue_job(ReplayJob job) {
  if (stopping_) return TaskError{503, "the server is shutting down"};
  if (queue_.size() >= kMaxQueuedReplays) {
    return TaskError{503, "too many jobs waiting; try again when some have finished"};
  }
  job.cancelled = std::make_shared<std::atomic<bool>>(false);
  cancels_[job.plan.id] = job.cancelled;
  queue_.push_back(std::move(job));
  jobs_changed_.notify_one();
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
  if (job.record) {
    run_recording_job(job);
    return;
  }
  const std::string& id = job.plan.id;
  ReplayOutcome outcome;
  if (*job.cancelled) {
    outcome.error = "replay cancelled";
  } else {
    // Kapacitor's clock starts when the replay does; a queued replay's zero is when it runs.
    job.plan.zero_ns = now_ns();
    try {
      const auto progress = [&](double share) {
        replays_.update(
            id, [&](ReplayInfo& info) { info.progress = share; }, false);
      };
      if (job.open_batches) {
        outcome = run_batch_replay(job.plan, job.open_batches, progress, *job.cancelled);
      } else {
        auto source = job.open();
        outcome = run_replay(job.plan, *source, progress, *job.cancelled);
      }
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
