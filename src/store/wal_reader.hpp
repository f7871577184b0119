#pragma once
// Reads the write-ahead log from a position to its end (or to a stop position), segment after
// segment, verifying every frame. A damaged frame is never returned: the reader stops reading
// that segment, reports the damage, and goes on with the next segment. Bodies logged
// gzip-compressed are inflated: every record comes back as text.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "store/segment_scanner.hpp"
#include "store/wal_damage.hpp"
#include "store/wal_position.hpp"
#include "store/wal_record.hpp"

namespace farad::store {

/// One record and where it is.
struct WalEntry {
  WalPosition position;  ///< where its frame starts
  WalPosition next;      ///< just after it: what a checkpoint covering it stores
  WalRecord record;      ///< its body uncompressed, whatever the log stores
};

class WalReader {
 public:
  /// Reads records at positions in [from, stop). Segments are found when they are reached, so
  /// a reader sees segments that a writer adds meanwhile.
  explicit WalReader(std::filesystem::path dir, WalPosition from = {},
                     WalPosition stop = WalPosition::max());

  /// The next record, or false at the end. Throws StoreError when a file cannot be read.
  bool next(WalEntry& entry);

  /// What was found wrong so far. A torn tail of the newest segment is reported too: after a
  /// crash when no writer has repaired it yet, or while a writer is still writing that frame.
  const std::vector<WalDamage>& damage() const { return damage_; }

 private:
  bool open_next_segment();
  bool is_newest(uint64_t segment) const;
  void report_failure(FrameStatus status);

  std::filesystem::path dir_;
  WalPosition from_;
  WalPosition stop_;
  std::optional<SegmentScanner> scanner_;
  std::optional<uint64_t> last_segment_;  ///< the last segment opened
  bool finished_ = false;
  std::vector<WalDamage> damage_;
};

}  // namespace farad::store
