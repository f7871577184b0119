#include "store/wal_index.hpp"

#include "store/segment_files.hpp"
#include "store/segment_sidecar.hpp"

namespace farad::store {

WalIndex WalIndex::load(const std::filesystem::path& dir) {
  const auto numbers = list_segments(dir);
  std::vector<SegmentSummary> segments;
  segments.reserve(numbers.size());
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const bool newest = i + 1 == numbers.size();
    segments.push_back(newest ? scan_segment(dir, numbers[i]).summary
                              : summarize_sealed_segment(dir, numbers[i], nullptr));
  }
  return WalIndex(std::move(segments));
}

WalPosition WalIndex::start_for_arrival(int64_t start_ns) const {
  for (const auto& summary : segments_) {
    if (!summary.empty() && summary.max_arrival_ns >= start_ns) return {summary.segment, 0};
  }
  return {segments_.empty() ? 0 : segments_.back().segment + 1, 0};
}

WalPosition WalIndex::stop_for_arrival(int64_t stop_ns) const {
  for (auto it = segments_.rbegin(); it != segments_.rend(); ++it) {
    if (!it->empty() && it->min_arrival_ns <= stop_ns) return {it->segment + 1, 0};
  }
  return {0, 0};
}

}  // namespace farad::store
