// The recording side of ReplayService: stream recordings fed by the daemon's worker.
#include <spdlog/logger.h>
#include <sys/stat.h>

#include <chrono>

#include "daemon/replay_service.hpp"
#include "server/router.hpp"
#include "service/logging.hpp"

namespace farad::daemon {
namespace {

constexpr std::size_t kMaxRunningRecordings = 8;

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t modified_ns(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return static_cast<int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
}

}  // namespace

std::filesystem::path ReplayService::recording_path(const std::string& id) const {
  return recordings_.dir() / (id + ".srpl");
}

void ReplayService::discover_recordings() {
  // As Kapacitor: a recording file dropped into the directory is listed, finished.
  for (const auto& entry : std::filesystem::directory_iterator(recordings_.dir())) {
    const bool batch = entry.path().extension() == ".brpl";
    if (!batch && entry.path().extension() != ".srpl") continue;
    const std::string id = entry.path().stem().string();
    if (!valid_task_id(id) || recordings_.find(id)) continue;
    RecordingInfo info;
    info.id = id;
    info.type = batch ? "batch" : "stream";
    info.size = static_cast<int64_t>(entry.file_size());
    info.date_ns = modified_ns(entry.path());
    info.status = JobStatus::Finished;
    info.progress = 1.0;
    recordings_.insert(info);
  }
}

std::optional<TaskError> ReplayService::record_stream(RecordStreamRequest request,
                                                      RecordingInfo& started) {
  if (request.id.empty()) request.id = server::new_request_id();
  if (!valid_task_id(request.id)) {
    return TaskError{400, "recording ID must contain only letters, numbers, '-', '.' and '_'. \"" +
                              request.id + "\""};
  }
  std::shared_ptr<const compile::TaskSpec> spec;
  if (auto error = compile_task(request.task, spec)) return error;

  RecordingInfo info;
  info.id = request.id;
  info.date_ns = now_ns();
  info.task = request.task;
  info.stop_ns = request.stop_ns;
  std::lock_guard lock(recorders_mutex_);
  std::erase_if(recorders_, [](const auto& entry) { return entry.second->finished(); });
  if (recorders_.size() >= kMaxRunningRecordings) {
    return TaskError{503, "too many recordings running; try again when some have finished"};
  }
  if (!recordings_.insert(info)) return TaskError{500, "recording already exists"};
  const std::string id = info.id;
  recorders_[id] = std::make_unique<StreamRecorder>(
      recording_path(id), StreamFilter::of(*spec), request.stop_ns,
      [this, id](const std::string& error) { finish_recording(id, error); });
  service::logger()->info("recording {} of task {} started", id, request.task);
  started = info;
  return std::nullopt;
}

void ReplayService::finish_recording(const std::string& id, const std::string& error) {
  std::error_code missing;
  const auto known = recordings_.find(id);
  const auto path = known && known->type == "batch" ? batch_recording_path(id) : recording_path(id);
  const auto size = std::filesystem::file_size(path, missing);
  recordings_.update(
      id,
      [&](RecordingInfo& info) {
        info.status = error.empty() ? JobStatus::Finished : JobStatus::Failed;
        info.error = error;
        info.size = missing ? 0 : static_cast<int64_t>(size);
        info.date_ns = now_ns();
        info.progress = 1.0;
      },
      true);
  service::logger()->info("recording {} {}", id, error.empty() ? "finished" : "failed: " + error);
}

bool ReplayService::delete_recording(const std::string& id) {
  {
    std::lock_guard lock(recorders_mutex_);
    recorders_.erase(id);  // a running one is cancelled: its thread is joined here
  }
  {
    std::lock_guard lock(jobs_mutex_);  // a batch recording's job stops at its next batch
    const auto job = cancels_.find(std::string(kRecordingJobPrefix) + id);
    if (job != cancels_.end()) *job->second = true;
  }
  const bool existed = recordings_.erase(id);
  std::error_code ignored;
  std::filesystem::remove(recording_path(id), ignored);
  std::filesystem::remove(batch_recording_path(id), ignored);
  return existed;
}

void ReplayService::tap(const store::WalRecordHeader& header, std::string_view body) {
  std::lock_guard lock(recorders_mutex_);
  for (auto& [id, recorder] : recorders_) recorder->offer(header, body);
}

}  // namespace farad::daemon
