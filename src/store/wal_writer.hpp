#pragma once
// The writing side of the write-ahead log: appends records to the active segment, makes them
// durable by the fsync policy with group commit, seals segments at a size, repairs a torn tail
// when it opens, and deletes old segments on request. One writer per directory (a lock on the
// directory refuses a second process).

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "store/file_descriptor.hpp"
#include "store/wal_damage.hpp"
#include "store/wal_index.hpp"
#include "store/wal_options.hpp"
#include "store/wal_position.hpp"
#include "store/wal_record.hpp"
#include "store/wal_retention.hpp"

namespace farad::store {

/// What opening the log found and did; the caller logs it.
struct WalOpenReport {
  std::vector<WalDamage> damage;           ///< the torn tail cut, or damage kept in place
  uint64_t truncated_bytes = 0;            ///< bytes cut from the newest segment
  std::vector<uint64_t> rebuilt_sidecars;  ///< sealed segments whose index was rebuilt by a scan
};

/// Counters since the writer opened.
struct WalWriterStats {
  uint64_t appends = 0;
  uint64_t bytes = 0;  ///< frame bytes appended
  uint64_t fsyncs = 0;
  uint64_t segments_created = 0;
};

class WalWriter {
 public:
  /// Opens (or creates) the log in `dir`. Cuts a torn tail off the newest segment; when that
  /// segment is damaged before valid data, keeps it and starts a new one. Throws StoreError.
  WalWriter(std::filesystem::path dir, WalOptions options);
  /// Stops the interval flusher and, unless the policy is never, syncs what is unsynced.
  ~WalWriter();
  WalWriter(const WalWriter&) = delete;
  WalWriter& operator=(const WalWriter&) = delete;

  /// Appends one record and returns its position once it is as durable as the policy says.
  /// Thread-safe. Throws StoreError; after a failed fsync every later call throws too (the
  /// kernel may have dropped the unsynced pages, so nothing written since can be trusted).
  /// `body` is stored as `compression` says (readers inflate a gzip body again).
  WalPosition append(const WalRecordHeader& header, std::string_view body,
                     BodyCompression compression = BodyCompression::None);

  /// Makes every record appended so far durable, whatever the policy. Call it before writing a
  /// checkpoint that holds a position: a checkpoint must never point past the durable log.
  void sync();

  /// The position the next record will get: `next` of the last record appended.
  WalPosition end_position() const;

  /// Deletes the oldest segments the policy lets go at wall time `now_ns`, never the active
  /// one and none at or after `pinned` (the oldest checkpoint's position) unless `force`.
  RetentionReport apply_retention(const WalRetention& retention, int64_t now_ns,
                                  std::optional<WalPosition> pinned, bool force = false);

  /// The summaries of all segments, the active one last.
  WalIndex index() const;
  const WalOpenReport& open_report() const { return open_report_; }
  WalWriterStats stats() const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void open_newest_segment(uint64_t segment);
  void create_segment(uint64_t segment);
  void roll_locked();
  void sync_file_locked(const FileDescriptor& file);
  void wait_durable(std::unique_lock<std::mutex>& lock, uint64_t sequence);
  void lead_sync(std::unique_lock<std::mutex>& lock);
  void run_flusher();
  void throw_if_failed() const;

  std::filesystem::path dir_;
  WalOptions options_;
  FileDescriptor directory_lock_;
  WalOpenReport open_report_;

  mutable std::mutex mutex_;
  std::condition_variable synced_;
  // Shared so that a group-commit leader can fsync it without the lock while a roll replaces it.
  std::shared_ptr<FileDescriptor> active_;
  uint64_t active_segment_ = 0;
  uint64_t active_size_ = 0;
  WalIndex index_;  ///< the active segment's summary is the last one
  uint64_t written_sequence_ = 0;
  uint64_t synced_sequence_ = 0;
  bool sync_running_ = false;
  std::string failure_;  ///< set by a failed fsync: the writer is unusable
  WalWriterStats stats_;

  bool stopping_ = false;
  std::condition_variable flusher_wakeup_;
  std::thread flusher_;
};

}  // namespace farad::store
