#pragma once
// Kapacitor's record and replay (services/replay) over a Daemon: stream recordings of what the
// worker dispatches, and replays of a recording, or of a range of the write-ahead log, through
// a fresh instance of a task. Recordings run on threads of their own fed by the worker; replays
// run on a small pool, never on a request thread nor under the worker's lock. Metadata lives
// in `<data-dir>/recordings/<id>.json` (data `<id>.srpl` beside it) and
// `<data-dir>/replays/<id>.json`.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "batch/query_source.hpp"
#include "daemon/batch_source.hpp"
#include "daemon/daemon.hpp"
#include "daemon/job_info.hpp"
#include "daemon/job_table.hpp"
#include "daemon/replay_run.hpp"
#include "daemon/stream_recorder.hpp"

namespace farad::daemon {

struct RecordStreamRequest {
  std::string id;  ///< "" for a new random id
  std::string task;
  int64_t stop_ns = 0;  ///< the recording ends at the first point after this time
};

/// Kapacitor's RecordBatchOptions: the task's queries over [start, stop).
struct RecordBatchRequest {
  std::string id;  ///< "" for a new random id
  std::string task;
  int64_t start_ns = 0;
  int64_t stop_ns = 0;
};

/// Kapacitor's RecordQueryOptions: an ad hoc query's answer as a stream or batch recording.
struct RecordQueryRequest {
  std::string id;  ///< "" for a new random id
  std::string query;
  std::string type;     ///< "stream" or "batch"
  std::string cluster;  ///< "" for the default InfluxDB server
};

/// Kapacitor's ReplayBatchOptions and ReplayQueryOptions: a batch task's queries (or an ad hoc
/// query) run now and replayed into a fresh instance of the task.
struct ReplayLiveRequest {
  std::string id;  ///< "" for a new random id
  std::string task;
  int64_t start_ns = 0;  ///< the task's queries over [start, stop) when `query` is empty
  int64_t stop_ns = 0;
  std::string query;
  std::string cluster;
  bool recording_time = false;
  ReplayClockKind clock = ReplayClockKind::Fast;
};

struct ReplayRequest {
  std::string id;  ///< "" for a new random id
  std::string task;
  std::string recording;  ///< "" to replay [start_ns, stop_ns) from the write-ahead log
  std::optional<int64_t> start_ns;
  std::optional<int64_t> stop_ns;
  bool recording_time = false;
  ReplayClockKind clock = ReplayClockKind::Fast;
};

class ReplayService {
 public:
  /// Loads the metadata (jobs that were running are marked failed) and taps the daemon.
  explicit ReplayService(Daemon& daemon);
  ~ReplayService();  ///< stop()
  ReplayService(const ReplayService&) = delete;
  ReplayService& operator=(const ReplayService&) = delete;

  /// Unhooks from the daemon, ends the recordings (failed: stopped early) and the replays.
  void stop();

  std::optional<TaskError> record_stream(RecordStreamRequest request, RecordingInfo& started);
  std::optional<TaskError> record_batch(RecordBatchRequest request, RecordingInfo& started);
  std::optional<TaskError> record_query(RecordQueryRequest request, RecordingInfo& started);
  std::vector<RecordingInfo> recordings() const { return recordings_.list(); }
  std::optional<RecordingInfo> recording(const std::string& id) const {
    return recordings_.find(id);
  }
  /// Stops it if running, removes its data and metadata. False when there is none.
  bool delete_recording(const std::string& id);

  std::optional<TaskError> replay(ReplayRequest request, ReplayInfo& started);
  std::optional<TaskError> replay_live(ReplayLiveRequest request, ReplayInfo& started);
  std::vector<ReplayInfo> replays() const { return replays_.list(); }
  std::optional<ReplayInfo> replay_info(const std::string& id) const { return replays_.find(id); }
  /// Cancels it if running or queued and forgets it.
  void delete_replay(const std::string& id);

 private:
  /// A recording job's id on the replay pool: "/" cannot be in a job id, so it never collides.
  static constexpr std::string_view kRecordingJobPrefix = "recording/";

  struct ReplayJob {
    ReplayPlan plan;
    std::function<std::unique_ptr<PointSource>()> open;
    /// Set for a batch task: its batches instead of `open`'s points.
    std::function<std::unique_ptr<BatchSource>(model::GroupKeyInterner&)> open_batches;
    /// Set for a batch recording: run instead of a replay; returns the error or "".
    std::function<std::string(const std::atomic<bool>&)> record;
    std::shared_ptr<std::atomic<bool>> cancelled;
  };

  void discover_recordings();
  void tap(const store::WalRecordHeader& header, std::string_view body);
  void finish_recording(const std::string& id, const std::string& error);
  std::filesystem::path recording_path(const std::string& id) const;
  std::filesystem::path batch_recording_path(const std::string& id) const;
  /// The stored task `id` compiled afresh, or the error to answer; `type` is the type it
  /// must have.
  std::optional<TaskError> compile_task(const std::string& id,
                                        std::shared_ptr<const compile::TaskSpec>& spec,
                                        compile::TaskType type = compile::TaskType::Stream) const;
  /// Completes a replay job's plan from `info` and `spec`, registers the replay and queues it;
  /// `started` is `info` once queued.
  std::optional<TaskError> launch_replay(ReplayJob job, const ReplayInfo& info,
                                         const compile::TaskSpec& spec, ReplayInfo& started);
  /// Queues a job on the replay pool; its id must be in `cancels_` terms unique.
  std::optional<TaskError> queue_job(ReplayJob job);
  /// Queues a recording job writing one archive entry per element of `by_name` to
  /// `<id>.brpl`, the i-th with the batches of `open(i)` (`by_name[i]`: its query groups by
  /// measurement).
  std::optional<TaskError> start_batch_recording(
      const RecordingInfo& info, std::function<std::unique_ptr<BatchSource>(size_t)> open,
      std::vector<bool> by_name);
  /// Queues a recording job writing `<id>.srpl`: the points of the batches `open()` gives, in
  /// their order, as points of `source`'s database and retention policy.
  std::optional<TaskError> start_query_stream_recording(
      const RecordingInfo& info, std::function<std::unique_ptr<BatchSource>()> open,
      batch::QuerySource source);
  /// Registers `info` and queues the job that writes it (`record` returns "" or the error).
  std::optional<TaskError> start_recording_job(
      const RecordingInfo& info, std::function<std::string(const std::atomic<bool>&)> record);
  /// The services a replay's output nodes use: the live ones, without the loopback.
  std::shared_ptr<const runtime::Connections> replay_connections() const;
  void run_recording_job(ReplayJob& job);
  void run_replays();
  void run_job(ReplayJob& job);

  Daemon& daemon_;
  std::vector<std::string> load_problems_;
  JobTable<RecordingInfo> recordings_;
  JobTable<ReplayInfo> replays_;

  std::mutex recorders_mutex_;
  std::map<std::string, std::unique_ptr<StreamRecorder>> recorders_;

  std::mutex jobs_mutex_;
  std::condition_variable jobs_changed_;
  std::deque<ReplayJob> queue_;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> cancels_;  ///< queued or running
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace farad::daemon
