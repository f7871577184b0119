#pragma once
// The daemon core: accepted /write bodies go to the write-ahead log, then to a bounded queue,
// then to ONE worker thread that parses them in log order and pushes their points to the
// enabled tasks, synchronously (so a task sees the same points in the same order whether they
// arrive live or are replayed after a crash). The worker checkpoints every task at an interval
// and at shutdown; a start restores the checkpoints and replays the log from them.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "daemon/running_task.hpp"
#include "daemon/task_record.hpp"
#include "server/ingest_sink.hpp"
#include "service/config.hpp"
#include "store/wal_writer.hpp"

namespace farad::daemon {

/// Why a task API call failed: the HTTP status and the message of {"error": ...}.
struct TaskError {
  unsigned status = 400;
  std::string message;
};

/// A task as the API shows it.
struct TaskView {
  TaskRecord record;                 ///< dbrps as defined (the script may have its own)
  std::vector<compile::Dbrp> dbrps;  ///< the task's dbrps: the record's or the script's
  bool executing = false;
  std::string error;  ///< why an enabled task is not executing
  std::string dot;
  std::vector<runtime::NodeReport> nodes;  ///< the running task's node statistics
};

/// Called on the worker before it processes a queued body; must not call into the Daemon. Tests
/// use it to hold the worker (a full queue) as WalOptions::before_fsync makes fsyncs slow.
using BeforeBody = std::function<void()>;

class Daemon : public server::IngestSink {
 public:
  /// Opens the log, loads the tasks, restores their checkpoints and replays the log; the worker
  /// runs when this returns. Throws on an unusable data directory or log.
  explicit Daemon(const service::Config& config, BeforeBody before_body = {});
  ~Daemon() override;  ///< stop()
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  server::IngestResult write(server::IngestWrite&& write) override;

  /// Refuses new bodies, lets the worker process the queue, checkpoints every task, joins.
  void stop();

  // Task API. Each returns the error to answer, or nullopt.
  std::optional<TaskError> define_task(TaskRecord record);
  std::optional<TaskError> set_task_status(const std::string& id, bool enabled);
  std::optional<TaskError> delete_task(const std::string& id);
  std::vector<TaskView> list_tasks() const;
  std::optional<TaskView> find_task(const std::string& id) const;

  const std::filesystem::path& data_dir() const { return data_dir_; }

 private:
  struct QueuedBody {
    store::WalPosition next;  ///< just after the body's record
    store::WalRecordHeader header;
    std::string body;
  };

  void recover();
  void run_worker();
  /// Pushes the points of one body to the tasks that have not processed it yet.
  void dispatch(const store::WalRecordHeader& header, std::string_view body,
                store::WalPosition next);
  void checkpoint_all();
  void checkpoint_locked(RunningTask& task);
  /// Starts (with a checkpoint at the current position) or stops a compiled task and stores it.
  void set_enabled_locked(RunningTask& task, bool enabled);
  TaskView view_locked(const RunningTask& task) const;
  std::filesystem::path checkpoint_path(const std::string& id) const;

  service::Config config_;
  BeforeBody before_body_;
  std::filesystem::path data_dir_;
  TaskStore store_;
  std::unique_ptr<store::WalWriter> wal_;

  std::mutex append_mutex_;  // appends and pushes in one order: the queue is in log order
  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<QueuedBody> queue_;
  size_t queue_capacity_ = 64;
  bool accepting_ = true;
  bool stopping_ = false;

  // Tasks and the log position they have reached; the worker holds it while processing a body.
  mutable std::mutex tasks_mutex_;
  std::vector<std::unique_ptr<RunningTask>> tasks_;
  store::WalPosition processed_;  ///< just after the last body the worker finished
  std::optional<store::WalPosition> last_checkpoint_;  ///< processed_ at the last checkpoint

  std::chrono::steady_clock::time_point next_checkpoint_;
  std::thread worker_;
};

}  // namespace farad::daemon
