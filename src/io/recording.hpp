#pragma once
// Readers of Kapacitor recordings (`replay.go`, `services/replay`), streamed from disk.
//
// * `.srpl` (stream): groups of three lines — database, retention policy, one line protocol
//   point. `kapacitor record stream` writes it gzip-compressed with nanosecond timestamps; the
//   integration test files are plain text with second timestamps. Both are read (the gzip magic
//   decides).
// * `.brpl` (batch): Go's json.Encoder output of buffered batches, one JSON object after another:
//   `{"name","tmax","group","byname","tags","points":[{"fields","tags","time"}]}`.
//   `kapacitor record batch` writes a zip archive with one such stream per query node, entries
//   named "0", "1", ...; the integration tests keep one plain stream per file (`name.N.brpl`).

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/json_stream.hpp"
#include "io/line_protocol.hpp"
#include "io/line_reader.hpp"
#include "model/batch.hpp"
#include "model/group_key.hpp"
#include "model/point.hpp"

namespace farad::io {

/// A malformed recording; the message starts with `file:line:` (and `col:` for a bad point).
struct RecordingError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Reads the points of a stream recording in file order.
class StreamRecordingReader {
 public:
  /// Opens `path`, gzip-compressed or not. `default_time` is the time of a point line without a
  /// timestamp. Throws IoError.
  explicit StreamRecordingReader(const std::string& path,
                                 Precision precision = Precision::Nanosecond,
                                 int64_t default_time = 0);
  /// Reads already opened (and decompressed) bytes; `name` is used in error messages.
  StreamRecordingReader(std::unique_ptr<ByteSource> source, std::string name,
                        Precision precision = Precision::Nanosecond, int64_t default_time = 0);

  /// The next point, with its database and retention policy; false at the end. Throws
  /// RecordingError (a group cut short, a bad point line) or IoError.
  bool next(model::Point& point);

 private:
  [[noreturn]] void fail(uint32_t line, const std::string& message) const;

  LineReader lines_;
  std::string name_;
  ParseOptions options_;
  std::string database_;
  std::string retention_policy_;
};

/// Appends one stream recording entry (database, retention policy, point line, each followed by
/// a newline), as Kapacitor's WritePointForRecording.
void append_stream_recording_entry(std::string& out, const model::Point& point,
                                   Precision precision = Precision::Nanosecond);

/// A batch as recorded, plus what Kapacitor's replay needs to rebuild its time.
struct RecordedBatch {
  /// Name, group (dimensions: the sorted tag keys, and `byname`), tags and points. `time` is
  /// the later of tmax and the last point's time, as a replay at recorded times sets it.
  model::Batch batch;
  /// `tmax` as recorded; nullopt when absent or Go's zero time. A replay that shifts point times
  /// compares this unshifted value with the shifted last point (Kapacitor's replayBatchFromChan).
  std::optional<int64_t> tmax;
  bool by_name = false;
};

/// Reads the batches of one query node's JSON stream in file order.
class BatchRecordingReader {
 public:
  /// `interner` gives each batch its GroupKey and must outlive the reader.
  BatchRecordingReader(std::unique_ptr<ByteSource> source, std::string name,
                       model::GroupKeyInterner& interner);

  /// The next batch that has points (Kapacitor's replay skips empty ones); false at the end.
  /// Throws RecordingError or IoError.
  bool next(RecordedBatch& batch);

 private:
  [[noreturn]] void fail(const std::string& message) const;

  JsonObjectReader objects_;
  std::string name_;
  model::GroupKeyInterner* interner_;
  std::string text_;
};

/// Opens a batch recording: a zip archive gives one reader per entry, in archive order (the
/// query node order); any other file (plain or gzip) is a single JSON stream. Throws IoError.
std::vector<BatchRecordingReader> open_batch_recording(const std::string& path,
                                                       model::GroupKeyInterner& interner);

}  // namespace farad::io
