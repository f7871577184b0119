#pragma once
// Writes a batch recording (`.brpl`) as `kapacitor record batch` does: a zip archive with one
// entry per query node, named by its index ("0", "1", ...), each a stream of JSON batches
// (Kapacitor's WriteBatchForRecording). Entries are stored uncompressed; the reader in
// recording.hpp (and Go's archive/zip) reads stored and deflated entries alike.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/batch.hpp"

namespace farad::io {

class BatchRecordingWriter {
 public:
  /// Creates (or truncates) `path`. Throws IoError.
  explicit BatchRecordingWriter(std::filesystem::path path);
  ~BatchRecordingWriter();  ///< close(), errors ignored
  BatchRecordingWriter(const BatchRecordingWriter&) = delete;
  BatchRecordingWriter& operator=(const BatchRecordingWriter&) = delete;

  /// Ends the current entry (if any) and starts the next one, named by its index.
  void next_entry();

  /// Appends one batch to the current entry. `by_name`: the query groups by measurement.
  void write(const model::Batch& batch, bool by_name);

  /// Writes the last entry and the central directory; the file is then complete. Throws IoError.
  void close();

 private:
  struct Written {
    std::string name;
    uint32_t crc = 0;
    uint64_t size = 0;
    uint64_t offset = 0;
  };
  void flush_entry();
  void put(const std::string& bytes);

  std::filesystem::path path_;
  void* file_ = nullptr;  // FILE*, kept out of this header
  bool entry_open_ = false;
  std::string entry_;
  uint64_t offset_ = 0;
  std::vector<Written> written_;
};

/// One batch as Kapacitor's JSON recording line (without the newline).
std::string batch_recording_json(const model::Batch& batch, bool by_name);

}  // namespace farad::io
