#pragma once
// Unsent batches on disk, one file per batch named by a sequence number, so that a batch the
// server has not accepted yet survives a restart of farad and memory stays bounded while the
// server is down. A file is written whole (temporary file, then rename) and removed once the
// batch is sent or dropped. Resending after a crash is harmless for InfluxDB: a point with the
// same series and time overwrites itself.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace farad::sinks {

/// One batch: its request parameters (the query string of the write) and its body.
struct SpooledBatch {
  std::string query;
  std::string body;
};

class BatchSpool {
 public:
  /// Creates `dir` if needed and finds the batches a previous run left there.
  explicit BatchSpool(std::filesystem::path dir);

  /// Writes a batch; returns its sequence number. Throws std::runtime_error on I/O errors.
  uint64_t append(const SpooledBatch& batch);
  /// The batch of that number; nullopt if it cannot be read (logged by the caller).
  std::optional<SpooledBatch> read(uint64_t sequence) const;
  void remove(uint64_t sequence);

  /// The sequence numbers on disk, oldest first.
  std::map<uint64_t, uint64_t> const& files() const { return sizes_; }
  /// Bytes of every batch on disk.
  uint64_t bytes() const { return bytes_; }

 private:
  std::filesystem::path path_of(uint64_t sequence) const;

  std::filesystem::path dir_;
  std::map<uint64_t, uint64_t> sizes_;  ///< sequence -> file size
  uint64_t bytes_ = 0;
  uint64_t next_ = 1;
};

}  // namespace farad::sinks
