#pragma once
// influxDBOut's write buffer and sender, Kapacitor's writeBuffer made reliable: points are
// buffered per WriteTarget and handed over as one batch when `buffer` points have
// accumulated, or at every `flushInterval` tick; a sender thread writes the batches in order, so
// the task is not held up by a slow server. A batch the server cannot take now (5xx, timeout,
// refused connection) is retried with backoff until it is sent; one it rejects (4xx) is logged,
// counted and dropped, as Kapacitor drops every failed write. With a spool directory, each batch
// is also appended to a Spool (sinks/spool.hpp) when handed over and acknowledged there once
// sent or dropped, so unsent batches survive a restart and only the newest few are kept in
// memory; the task waits when the unsent batches reach the spool limit (or, without a spool,
// when `memory_batches` batches are waiting).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "runtime/connections.hpp"
#include "sinks/influxdb_client.hpp"
#include "sinks/influxdb_write.hpp"
#include "sinks/retry_policy.hpp"
#include "sinks/spool.hpp"

namespace farad::sinks {

struct InfluxDBWriterOptions {
  size_t buffer = 1000;  ///< points per target that trigger a write (Kapacitor's .buffer())
  std::chrono::nanoseconds flush_interval = std::chrono::seconds(10);  ///< zero: no tick
  std::filesystem::path spool_dir;  ///< empty: unsent batches are kept in memory only
  uint64_t spool_limit = 0;         ///< bytes; 0 means no limit
  size_t memory_batches = 16;       ///< batch bodies kept in memory
  RetryPolicy retry;
  /// How long destruction waits for unsent batches (they stay in the spool after it).
  std::chrono::milliseconds drain_timeout{10000};
};

/// Log lines of the sink: level "E" (a dropped write), "W" (a write to be retried) or "I".
using SinkLog = std::function<void(std::string_view level, std::string_view text)>;

struct InfluxDBWriterStats {
  uint64_t points_written = 0;
  uint64_t write_errors = 0;  ///< failed requests, retried or not (Kapacitor's write_errors)
  uint64_t points_dropped = 0;
  uint64_t retries = 0;
};

class InfluxDBWriter {
 public:
  InfluxDBWriter(runtime::InfluxDBConnection connection, InfluxDBWriterOptions options,
                 SinkLog log);
  /// Hands over what is buffered and waits up to drain_timeout for it to be sent.
  ~InfluxDBWriter();
  InfluxDBWriter(const InfluxDBWriter&) = delete;
  InfluxDBWriter& operator=(const InfluxDBWriter&) = delete;

  /// Adds `points` lines (each ending in '\n') for `target`, whose precision must be valid.
  /// Blocks while the unsent batches are at their bound.
  void add(const WriteTarget& target, std::string_view lines, size_t points);
  /// Hands every partly filled buffer over to the sender.
  void flush();
  /// Makes the spool durable up to the last batch handed over (fdatasync): a checkpoint.
  void sync_spool();
  /// Waits until every batch handed over is sent or dropped, at most `timeout`.
  bool wait_idle(std::chrono::milliseconds timeout);
  InfluxDBWriterStats stats() const;

 private:
  struct Pending {
    std::string body;
    size_t points = 0;
  };
  /// Where a batch lies in the spool.
  struct SpoolRange {
    uint64_t begin = 0;
    uint64_t end = 0;
  };
  struct Batch {
    std::string query;
    std::string body;  ///< empty when only the spool holds it
    size_t points = 0;
    std::optional<SpoolRange> spooled;
  };

  /// Queues the batches a previous run left in the spool past its acknowledged offset.
  void queue_unsent();
  /// Reads a batch that only the spool holds back into `batch`; false if it cannot.
  bool read_back(Batch& batch) const;
  void seal_locked(const WriteTarget& target, Pending&& pending);
  void seal_all_locked();
  bool over_bound_locked() const;
  void run();
  /// Sends the front batch until it is sent or dropped; false when stopped first.
  bool send_front(std::unique_lock<std::mutex>& lock);

  InfluxDBClient client_;
  InfluxDBWriterOptions options_;
  SinkLog log_;
  std::unique_ptr<Spool> spool_;
  uint64_t spool_acked_ = 0;  ///< below it, every spooled batch is sent or dropped

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<WriteTarget, Pending> pending_;
  std::deque<Batch> ready_;
  size_t bodies_in_memory_ = 0;
  bool sending_ = false;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point drain_deadline_;
  std::chrono::steady_clock::time_point next_flush_;
  InfluxDBWriterStats stats_;
  std::thread sender_;
};

}  // namespace farad::sinks
