#include "store/wal_retention.hpp"

namespace farad::store {

RetentionReport plan_retention(const std::vector<SegmentSummary>& segments,
                               const WalRetention& retention, int64_t now_ns,
                               std::optional<WalPosition> pinned, bool force) {
  RetentionReport report;
  uint64_t total = 0;
  for (const auto& summary : segments) total += summary.bytes;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const auto& summary = segments[i];
    const bool too_old =
        retention.max_age_ns &&
        (summary.empty() || summary.max_arrival_ns < now_ns - *retention.max_age_ns);
    const bool over_size = retention.max_total_bytes && total > *retention.max_total_bytes;
    if (!too_old && !over_size) break;  // deleting a later one would leave a hole
    if (!force && pinned && summary.segment >= pinned->segment) {
      report.blocked_by_pin = true;
      break;
    }
    report.deleted.push_back(summary.segment);
    report.bytes_freed += summary.bytes;
    total -= summary.bytes;
  }
  return report;
}

}  // namespace farad::store
