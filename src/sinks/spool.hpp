#pragma once
// A sink's on-disk queue of entries, shared by es() (an entry is an action line and a source
// line) and influxDBOut (an entry is one batch: a header line, then its points). The node
// appends on the task's thread, a sender thread reads from its own offset; both are
// thread-safe. Offsets are logical and never reused: the spool is a series of segment files
// named by the offset of their first byte, so acknowledged segments can be deleted while the
// offsets in checkpoints stay valid. An entry cut short by a crash in the middle of an append
// is dropped when the spool is opened again.
//
// Exactly once with checkpoints (es()): a checkpoint syncs the spool and records its end
// offset; restoring cuts the spool back to that offset (what followed is produced again by the
// replay of the log). Entries carry their own idempotency key (a deterministic _id), so sending
// one twice is harmless and a sender may read past the last checkpoint. influxDBOut does not
// cut back: after a restart it sends every entry past the acknowledged offset, as InfluxDB
// stores a point written twice once.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/file_descriptor.hpp"

namespace farad::sinks {

/// Entries read from a spool: their bytes one after another, and where each ends.
struct SpoolChunk {
  uint64_t begin = 0;        ///< offset of the first entry
  std::string bytes;         ///< the entries, each ending with its last '\n'
  std::vector<size_t> ends;  ///< end of each entry within `bytes`
  bool empty() const { return ends.empty(); }
  uint64_t end() const { return begin + bytes.size(); }
  std::string_view entry(size_t i) const;
};

class Spool {
 public:
  /// `lines_per_entry` for entries of varying length: the entry's first line starts with the
  /// decimal number of lines that follow it (and a space, or its '\n').
  static constexpr int kCountedLines = 0;

  /// Opens (creating) the spool in `dir`. An entry is `lines_per_entry` lines (or
  /// kCountedLines). `limit` bounds the bytes on disk (0: none); segments are closed at
  /// `segment_size`.
  Spool(std::filesystem::path dir, int lines_per_entry, uint64_t limit,
        uint64_t segment_size = 8ULL << 20);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  /// Appends one entry (its lines, each ending with '\n'); false when the limit forbids it.
  bool append(std::string_view entry);
  /// Whole entries from `from` (or from the oldest one kept, when `from` was deleted), at most
  /// `max_entries` of them and about `max_bytes`.
  SpoolChunk read(uint64_t from, size_t max_entries, size_t max_bytes) const;
  /// Waits until the spool ends after `from`, `deadline` passes or wake() is called.
  bool wait_for_data(uint64_t from, std::chrono::steady_clock::time_point deadline) const;
  void wake() const;

  /// fdatasync of what was written (and of the directory when segments were added).
  void sync();
  /// Drops everything from `end` on (restore); starts an empty segment there when needed.
  void cut_back(uint64_t end);
  /// Deletes the segments that end at or before `offset` (acknowledged and checkpointed).
  void release_below(uint64_t offset);

  /// Records the offset below which every entry is delivered, in the spool's `acked` file. Not
  /// synced: it survives a crash of the process, which is what it is for (after a restart,
  /// sending resumes there rather than at the last checkpoint's offset); a checkpoint's own
  /// offset covers a crash of the machine.
  void record_acked(uint64_t offset);
  /// The offset last recorded, or 0.
  uint64_t recorded_acked() const;

  uint64_t begin() const;  ///< offset of the oldest byte kept
  uint64_t end() const;
  uint64_t disk_bytes() const { return end() - begin(); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct Segment {
    uint64_t start = 0;
    uint64_t size = 0;
  };
  std::filesystem::path segment_path(uint64_t start) const;
  void open_active();  // opens the last segment for appends
  void start_segment(uint64_t start);
  void drop_torn_tail();  // cuts the last segment after its last whole entry

  std::filesystem::path dir_;
  int lines_per_entry_;
  uint64_t limit_;
  uint64_t segment_size_;
  mutable std::mutex mutex_;
  mutable std::condition_variable appended_;
  mutable uint64_t wakes_ = 0;
  std::vector<Segment> segments_;  // by start; the last one takes appends
  store::FileDescriptor active_;
  store::FileDescriptor acked_file_;
  bool dir_dirty_ = false;
};

}  // namespace farad::sinks
