#pragma once
// What the log knows about a segment without reading it: its size, its record count and the
// range of arrival times in it. Retention by age and lookup by time both work from these.

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

#include "store/segment_scanner.hpp"

namespace farad::store {

struct SegmentSummary {
  uint64_t segment = 0;
  uint64_t bytes = 0;  ///< size of the file
  uint64_t records = 0;
  int64_t min_arrival_ns = std::numeric_limits<int64_t>::max();
  int64_t max_arrival_ns = std::numeric_limits<int64_t>::min();

  bool empty() const { return records == 0; }
  void add(int64_t arrival_ns) {
    ++records;
    if (arrival_ns < min_arrival_ns) min_arrival_ns = arrival_ns;
    if (arrival_ns > max_arrival_ns) max_arrival_ns = arrival_ns;
  }

  friend bool operator==(const SegmentSummary&, const SegmentSummary&) = default;
};

/// The result of reading a whole segment.
struct SegmentScan {
  SegmentSummary summary;  ///< of the valid records before the first bad frame
  SegmentHeaderState header = SegmentHeaderState::Valid;
  uint64_t valid_end = 0;               ///< end of the last valid frame (or of the header)
  FrameStatus stop = FrameStatus::End;  ///< End, or what stopped the scan at valid_end
  std::string problem;                  ///< why, when stop is not End
};

/// Reads segment `segment` of `dir` to its end or its first bad frame. Throws StoreError when
/// the file cannot be read.
SegmentScan scan_segment(const std::filesystem::path& dir, uint64_t segment);

}  // namespace farad::store
