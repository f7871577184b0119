#pragma once
// One running stream recording (POST /kapacitor/v1/recordings/stream): the bodies the daemon's
// worker dispatches are handed over (copied, in log order) through a bounded queue to a thread
// of its own that parses them, keeps the points of the task's dbrps and measurements, and
// writes them to the `.srpl` file, so the worker never compresses. As Kapacitor's
// doRecordStream, the recording ends at the first point whose time is after the stop time;
// that point and everything after it are dropped.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "compile/task_spec.hpp"
#include "store/wal_record.hpp"

namespace farad::daemon {

/// Which points a task receives: Kapacitor's forks are keyed by (db, rp, measurement), a
/// `from()` without a measurement taking every measurement of its dbrps.
struct StreamFilter {
  std::vector<compile::Dbrp> dbrps;
  std::vector<std::string> measurements;  ///< empty: every measurement
  /// The dbrps and measurements of a stream task's spec.
  static StreamFilter of(const compile::TaskSpec& spec);
  bool takes_dbrp(std::string_view db, std::string_view rp) const;
  bool takes_measurement(std::string_view name) const;
};

class StreamRecorder {
 public:
  /// Called once on the recorder's thread: "" when the recording finished, else why it failed.
  using Done = std::function<void(const std::string& error)>;

  StreamRecorder(std::filesystem::path path, StreamFilter filter, int64_t stop_ns, Done done);
  ~StreamRecorder();  ///< cancel() and join
  StreamRecorder(const StreamRecorder&) = delete;
  StreamRecorder& operator=(const StreamRecorder&) = delete;

  /// A dispatched body (on the worker). Blocks while the queue is full, so memory is bounded.
  void offer(const store::WalRecordHeader& header, std::string_view body);
  /// Ends the recording without calling `done` (the file is left for the caller to remove).
  void cancel();
  bool finished() const { return finished_; }

 private:
  struct Body {
    store::WalRecordHeader header;
    std::string text;
  };
  void run();
  void record(const Body& body);

  std::filesystem::path path_;
  StreamFilter filter_;
  int64_t stop_ns_;
  Done done_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Body> queue_;
  bool cancelled_ = false;
  bool reached_stop_ = false;
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace farad::daemon
