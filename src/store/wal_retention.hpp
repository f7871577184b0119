#pragma once
// How long the log keeps its segments. Whole segments are deleted, oldest first and without
// leaving holes; never the segment being written, and never one a checkpoint still needs
// unless forced.

#include <cstdint>
#include <optional>
#include <vector>

#include "store/segment_summary.hpp"
#include "store/wal_position.hpp"

namespace farad::store {

struct WalRetention {
  /// Segments whose newest record arrived longer ago than this are deleted.
  std::optional<int64_t> max_age_ns = 2LL * 24 * 3600 * 1'000'000'000;
  /// The oldest segments are deleted while all segments together are larger than this.
  std::optional<uint64_t> max_total_bytes;
};

/// What a retention pass did.
struct RetentionReport {
  std::vector<uint64_t> deleted;  ///< segment numbers, ascending
  uint64_t bytes_freed = 0;
  /// A segment was due for deletion but holds records at or after the pinned position.
  bool blocked_by_pin = false;
};

/// How many of the oldest `segments` (ascending; the last one is the active segment, never
/// deleted) the policy deletes at wall time `now_ns`. A segment at or after
/// `pinned.segment` is kept unless `force`; an empty segment counts as old.
RetentionReport plan_retention(const std::vector<SegmentSummary>& segments,
                               const WalRetention& retention, int64_t now_ns,
                               std::optional<WalPosition> pinned, bool force);

}  // namespace farad::store
