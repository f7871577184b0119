#pragma once
// Where accepted /write bodies go. The daemon's sink appends the body to the write-ahead log and
// then hands the points to the tasks; the server answers 204 only after write() returns
// Accepted, so an acknowledged body is in the log.

#include <string>
#include <string_view>
#include <vector>

#include "model/point.hpp"
#include "store/wal_record.hpp"

namespace farad::server {

/// One accepted request body.
struct IngestWrite {
  store::WalRecordHeader header;  ///< db, rp (empty: the default policy), precision, arrival
  /// The decoded body as received, bad lines included: the log keeps the raw body and replay
  /// parses it again, skipping the same lines.
  std::string_view body;
  std::vector<model::Point> points;  ///< the good lines, with database and retention policy set
};

enum class IngestStatus {
  Accepted,   ///< logged and queued: answer 204
  QueueFull,  ///< nothing was logged: answer 503 with Retry-After (Telegraf retries 5xx)
  Failed,     ///< the log failed: answer 500 with the message
};

struct IngestResult {
  IngestStatus status = IngestStatus::Accepted;
  std::string message;
};

class IngestSink {
 public:
  virtual ~IngestSink() = default;
  /// Called from several io threads at once. A sink that refuses with QueueFull must do so
  /// before it appends to the log, or a retried body would be logged twice.
  virtual IngestResult write(IngestWrite&& write) = 0;
};

}  // namespace farad::server
