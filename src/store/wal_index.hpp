#pragma once
// The summaries of every segment of a log, oldest first, and the lookup of where to start and
// stop reading for a range of arrival times (`replay -start T -stop T`).

#include <cstdint>
#include <filesystem>
#include <vector>

#include "store/segment_summary.hpp"
#include "store/wal_position.hpp"

namespace farad::store {

class WalIndex {
 public:
  WalIndex() = default;
  /// `segments` ascending by number.
  explicit WalIndex(std::vector<SegmentSummary> segments) : segments_(std::move(segments)) {}

  /// The index of the log in `dir` as a reader sees it: sidecars of sealed segments (scanning
  /// those without a valid one), and a scan of the newest segment. Writes nothing.
  static WalIndex load(const std::filesystem::path& dir);

  const std::vector<SegmentSummary>& segments() const { return segments_; }
  std::vector<SegmentSummary>& segments() { return segments_; }

  /// Where to start reading for records that arrived at or after `start_ns`: the start of the
  /// first segment whose newest record arrived then or later. Segments before it hold only
  /// older records; later records may still be older (clocks step back), so filter them.
  WalPosition start_for_arrival(int64_t start_ns) const;

  /// Where to stop reading for records that arrived at or before `stop_ns`: after the last
  /// segment whose oldest record arrived then or earlier.
  WalPosition stop_for_arrival(int64_t stop_ns) const;

 private:
  std::vector<SegmentSummary> segments_;
};

}  // namespace farad::store
