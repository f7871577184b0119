#pragma once
// Where accepted /write bodies go. The daemon's sink appends the body to the write-ahead log and
// then queues it for the tasks, which parse it; the server answers 204 only after write()
// returns Accepted, so an acknowledged body is in the log.

#include <memory>
#include <string>
#include <string_view>

#include "io/parsed_lines.hpp"
#include "model/key_projection.hpp"

#include "store/wal_record.hpp"

namespace farad::server {

/// One accepted request body. The server has only checked its lines; the sink parses it again
/// (as replay does), skipping the same bad lines.
struct IngestWrite {
  store::WalRecordHeader header;  ///< db, rp (empty: the default policy), precision, arrival
  /// The decoded body as received, bad lines included; the sink may take it (no copy).
  std::string body;
  /// When the request came with Content-Encoding: gzip, the bytes as received (a view into the
  /// request, valid during write()): what the log keeps, several times smaller than `body`.
  /// Empty for an uncompressed body.
  std::string_view gzip_body;
  /// The good lines as the server read them, when the sink asked for them (see
  /// IngestSink::projection): the sink may use them instead of parsing `body` again. Their
  /// views point into `body`.
  std::unique_ptr<io::ParsedLines> lines;
  /// The projection `lines` were read with.
  std::shared_ptr<const model::KeyProjection> lines_keys;
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
  /// The tags and fields the sink's readers of (db, rp) can observe, if the sink wants the
  /// server to keep the lines it reads for it (IngestWrite::lines); null: it does not. Called
  /// from several io threads at once.
  virtual std::shared_ptr<const model::KeyProjection> projection(std::string_view /*db*/,
                                                                 std::string_view /*rp*/) {
    return nullptr;
  }
};

}  // namespace farad::server
