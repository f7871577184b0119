#include "store/segment_summary.hpp"

#include "store/segment_files.hpp"
#include "store/store_error.hpp"

namespace farad::store {

SegmentScan scan_segment(const std::filesystem::path& dir, uint64_t segment) {
  SegmentScanner scanner(dir, segment);
  SegmentScan scan;
  scan.summary.segment = segment;
  scan.header = scanner.header_state();
  if (scan.header != SegmentHeaderState::Valid) {
    scan.stop = scan.header == SegmentHeaderState::Torn ? FrameStatus::Short : FrameStatus::Corrupt;
    scan.problem = "bad segment header";
  } else {
    for (;;) {
      const FrameStatus status = scanner.next();
      if (status != FrameStatus::Record) {
        scan.stop = status;
        scan.problem = scanner.problem();
        break;
      }
      scan.summary.add(scanner.record().header.arrival_ns);
    }
    scan.valid_end = scanner.offset();
  }
  std::error_code ec;
  scan.summary.bytes = std::filesystem::file_size(segment_path(dir, segment), ec);
  if (ec) throw StoreError(segment_path(dir, segment).string() + ": " + ec.message());
  return scan;
}

}  // namespace farad::store
