#pragma once
// Writes a stream recording (`.srpl`) as `kapacitor record stream` does: gzip-compressed
// groups of database, retention policy and one line-protocol point with a nanosecond
// timestamp (recording.hpp has the reader).

#include <cstdint>
#include <filesystem>
#include <string>

#include "model/point.hpp"

namespace farad::io {

class StreamRecordingWriter {
 public:
  /// Creates (or truncates) `path`. Throws IoError.
  explicit StreamRecordingWriter(std::filesystem::path path);
  ~StreamRecordingWriter();  ///< close(), errors ignored
  StreamRecordingWriter(const StreamRecordingWriter&) = delete;
  StreamRecordingWriter& operator=(const StreamRecordingWriter&) = delete;

  /// Appends one point (its database and retention policy included). Throws IoError.
  void write(const model::Point& point);

  /// Flushes and closes the gzip stream; the file is then complete. Throws IoError.
  void close();

  uint64_t points() const { return points_; }

 private:
  void flush_buffer();

  std::filesystem::path path_;
  void* file_ = nullptr;  // gzFile, kept out of this header
  std::string buffer_;
  uint64_t points_ = 0;
};

}  // namespace farad::io
