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
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "daemon/ingress_stats.hpp"
#include "daemon/running_task.hpp"
#include "daemon/server_identity.hpp"
#include "daemon/task_options.hpp"
#include "daemon/task_record.hpp"
#include "daemon/template_record.hpp"
#include "io/parsed_lines.hpp"
#include "model/key_projection.hpp"
#include "nodes/http_out_json.hpp"
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

/// A template as the API shows it.
struct TemplateView {
  TemplateRecord record;
  std::shared_ptr<const compile::TaskSpec> spec;  ///< compiled with its vars zeroed; null on error
  std::string error;
};

/// What /debug/vars shows: counts, ingress and each executing task's node statistics.
struct DaemonStats {
  ServerIdentity identity;
  size_t num_tasks = 0;
  size_t num_enabled_tasks = 0;
  std::vector<IngressCount> ingress;
  struct TaskNodes {
    std::string task;
    std::string type;
    std::vector<runtime::NodeReport> nodes;
  };
  std::vector<TaskNodes> tasks;
};

/// Called on the worker before it processes a queued body; must not call into the Daemon. Tests
/// use it to hold the worker (a full queue) as WalOptions::before_fsync makes fsyncs slow.
using BeforeBody = std::function<void()>;

/// Sees every body the worker dispatches, in log order, whether or not a task takes it (stream
/// recordings). Runs on the worker with the tasks lock held: it must not call into the Daemon.
using BodyTap = std::function<void(const store::WalRecordHeader& header, std::string_view body)>;

class BatchScheduler;

class Daemon : public server::IngestSink {
 public:
  /// Opens the log, loads the tasks, restores their checkpoints and replays the log; the worker
  /// runs when this returns. Throws on an unusable data directory or log.
  explicit Daemon(const service::Config& config, BeforeBody before_body = {});
  ~Daemon() override;  ///< stop()
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  server::IngestResult write(server::IngestWrite&& write) override;
  /// What the worker last read (db, rp) with: the server keeps the lines it reads with it.
  std::shared_ptr<const model::KeyProjection> projection(std::string_view db,
                                                         std::string_view rp) override;

  /// Refuses new bodies, lets the worker process the queue, checkpoints every task, joins.
  void stop();

  // Task API. Each returns the error to answer, or nullopt.
  std::optional<TaskError> define_task(TaskRecord record);
  std::optional<TaskError> set_task_status(const std::string& id, bool enabled);
  std::optional<TaskError> delete_task(const std::string& id);
  std::vector<TaskView> list_tasks() const;
  std::optional<TaskView> find_task(const std::string& id) const;
  /// PATCH: recompiles; an executing task whose definition changed restarts from a fresh state.
  /// Answers the task's id (a new one when renamed).
  std::optional<TaskError> update_task(const std::string& id, const TaskOptions& options,
                                       std::string& updated_id);
  /// The current answer of httpOut endpoint `endpoint` of task `id`; nullopt when the task is
  /// not executing or has no such endpoint.
  std::optional<nodes::HttpOutResponse> http_out(const std::string& id,
                                                 const std::string& endpoint) const;

  // Template API (Kapacitor's define-template): tasks made from a template are reloaded when it
  // changes.
  std::optional<TaskError> define_template(TemplateRecord record);
  /// `changes`: the members that are not empty replace the template's (a new id renames it).
  std::optional<TaskError> update_template(const std::string& id, const TemplateRecord& changes,
                                           std::string& updated_id);
  std::optional<TaskError> delete_template(const std::string& id);
  std::vector<TemplateView> list_templates() const;
  std::optional<TemplateView> find_template(const std::string& id) const;

  DaemonStats stats() const;

  const std::filesystem::path& data_dir() const { return data_dir_; }

  /// Replaces the body tap (empty: none). Takes effect from the next body.
  void set_body_tap(BodyTap tap);
  /// The log's directory and the position the next appended body will get.
  std::filesystem::path wal_dir() const { return data_dir_ / "wal"; }
  store::WalPosition wal_end() const { return wal_->end_position(); }
  /// The external services every task's output nodes use.
  std::shared_ptr<const runtime::Connections> connections() const { return connections_; }

 private:
  struct QueuedBody {
    store::WalPosition next;  ///< just after the body's record
    store::WalRecordHeader header;
    std::string body;
    std::unique_ptr<io::ParsedLines> lines;  ///< the server's reading of `body`, if any
    std::shared_ptr<const model::KeyProjection> lines_keys;
    std::size_t memory = 0;  ///< bytes held, counted in queue_memory_
  };

  void recover();
  /// The configured connections, with kapacitorLoopback writing into this daemon's log.
  std::shared_ptr<const runtime::Connections> connections_with_loopback();
  /// A body kapacitorLoopback writes: logged and queued like a /write, never refused (the
  /// worker that produces it is the one that drains the queue). Ignored while recovering: the
  /// bodies the replayed points produced were logged the first time.
  void loopback_write(const std::string& db, const std::string& rp, std::string body);
  void run_worker();
  /// Pushes the points of one body to the tasks that have not processed it yet.
  /// A live body's points are counted in the ingress statistics; replayed ones are not.
  /// `lines`, when given, is `body` already parsed with projection `lines_keys`: used when the
  /// body's target tasks still observe exactly those keys.
  void dispatch(const store::WalRecordHeader& header, std::string_view body,
                store::WalPosition next, bool live = false, const io::ParsedLines* lines = nullptr,
                const model::KeyProjection* lines_keys = nullptr);
  /// The compact feed of a running task that takes compact points (created on first use).
  static CompactFeed* compact_feed(RunningTask& running);
  /// A task a body goes to, and its compact feed when it takes compact points.
  struct Target {
    runtime::Task* task;
    CompactFeed* feed;
  };
  /// Pushes one line to every target: through its feed, or as a Point (`fields`: the fields
  /// kept, null for all).
  void push_line(const std::vector<Target>& targets, const io::LineView& line, std::string_view db,
                 std::string_view rp, const model::KeyProjection* fields);
  /// Records the projection the worker reads (db, rp) with, for projection().
  void publish_projection(std::string_view db, std::string_view rp,
                          const model::KeyProjection& keys);
  void checkpoint_all();
  void checkpoint_locked(RunningTask& task);
  /// Starts (with a checkpoint at the current position) or stops a compiled task and stores it.
  void set_enabled_locked(RunningTask& task, bool enabled);
  TaskView view_locked(const RunningTask& task) const;
  RunningTask* find_locked(const std::string& id);
  const TemplateRecord* find_template_locked(const std::string& id) const;
  /// Replaces a task's record and spec (already compiled); restarts it when it executes.
  void replace_locked(RunningTask& task, TaskRecord record,
                      std::shared_ptr<const compile::TaskSpec> spec);
  std::filesystem::path checkpoint_path(const std::string& id) const;

  service::Config config_;
  BeforeBody before_body_;
  std::filesystem::path data_dir_;
  std::shared_ptr<const runtime::Connections> connections_;  ///< from config_, for every task
  bool recovering_ = false;  ///< replaying the log at start (loopback bodies are not logged)
  TaskStore store_;
  TemplateStore template_store_;
  ServerIdentity identity_;
  std::unique_ptr<store::WalWriter> wal_;

  std::mutex append_mutex_;  // appends and pushes in one order: the queue is in log order
  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<QueuedBody> queue_;
  size_t queue_capacity_ = 64;
  uint64_t queue_memory_limit_ = 0;  // 0: no limit
  uint64_t queue_memory_ = 0;        // QueuedBody::memory of the bodies in queue_
  bool accepting_ = true;
  bool stopping_ = false;

  // Tasks and the log position they have reached; the worker holds it while processing a body.
  mutable std::mutex tasks_mutex_;
  std::vector<std::unique_ptr<RunningTask>> tasks_;
  BodyTap body_tap_;
  std::vector<TemplateRecord> templates_;  ///< by id
  IngressStats ingress_;                   ///< counted by the worker
  // The projection the worker last used per "db\nrp", handed to the server (projection()).
  std::mutex projections_mutex_;
  std::map<std::string, std::shared_ptr<const model::KeyProjection>, std::less<>> projections_;
  store::WalPosition processed_;  ///< just after the last body the worker finished
  std::optional<store::WalPosition> last_checkpoint_;  ///< processed_ at the last checkpoint

  std::chrono::steady_clock::time_point next_checkpoint_;
  std::thread worker_;

  // Runs the batch tasks' queries on their schedule; takes tasks_mutex_ (daemon/batch_scheduler).
  friend class BatchScheduler;
  std::unique_ptr<BatchScheduler> batch_scheduler_;
};

}  // namespace farad::daemon
