#include "store/wal_reader.hpp"

#include <algorithm>

#include "io/gzip_buffer.hpp"
#include "store/segment_files.hpp"
#include "store/store_error.hpp"

namespace farad::store {

WalReader::WalReader(std::filesystem::path dir, WalPosition from, WalPosition stop)
    : dir_(std::move(dir)), from_(from), stop_(stop) {}

bool WalReader::next(WalEntry& entry) {
  while (!finished_) {
    if (!scanner_ && !open_next_segment()) {
      finished_ = true;
      break;
    }
    const WalPosition position{scanner_->segment(), scanner_->offset()};
    if (position >= stop_) {
      finished_ = true;
      break;
    }
    const FrameStatus status = scanner_->next();
    if (status == FrameStatus::Record) {
      const WalRecordView& view = scanner_->record();
      if (view.compression == BodyCompression::Gzip) {
        io::Gunzipped text = io::gunzip_buffer(view.body, 0);
        if (text.status != io::Gunzipped::Status::Ok) {
          // The frame passed its CRC, so the next one starts where it says: skip this record
          // only. (The server decoded the body before logging it: this needs a foreign writer.)
          damage_.push_back({WalDamage::Kind::Corrupt, position.segment, position.offset,
                             "the record's gzip body does not decode"});
          continue;
        }
        entry.record.body = std::move(text.data);
      } else {
        entry.record.body.assign(view.body);
      }
      entry.position = position;
      entry.next = {scanner_->segment(), scanner_->offset()};
      entry.record.header = view.header;
      return true;
    }
    if (status != FrameStatus::End) report_failure(status);
    scanner_.reset();
  }
  return false;
}

bool WalReader::open_next_segment() {
  const uint64_t wanted = last_segment_ ? *last_segment_ + 1 : from_.segment;
  for (;;) {
    const auto segments = list_segments(dir_);
    const auto found = std::lower_bound(segments.begin(), segments.end(), wanted);
    if (found == segments.end()) return false;
    try {
      scanner_.emplace(dir_, *found);
    } catch (const StoreError&) {
      // Deleted by retention between the listing and the open: list again.
      if (std::filesystem::exists(segment_path(dir_, *found))) throw;
      continue;
    }
    // Starting from (0, 0) means "from the oldest": nothing is missing before it.
    const bool from_start = !last_segment_ && from_ == WalPosition{};
    if (*found != wanted && !from_start) {
      damage_.push_back({WalDamage::Kind::MissingSegments, wanted, 0,
                         "segments " + std::to_string(wanted) + " to " +
                             std::to_string(*found - 1) + " are missing"});
    }
    last_segment_ = *found;
    if (*found == from_.segment) scanner_->seek(from_.offset);
    return true;
  }
}

bool WalReader::is_newest(uint64_t segment) const {
  const auto segments = list_segments(dir_);
  return segments.empty() || segments.back() <= segment;
}

void WalReader::report_failure(FrameStatus status) {
  const bool torn_header = scanner_->header_state() == SegmentHeaderState::Torn;
  const bool cut_short = status == FrameStatus::Short || torn_header;
  const bool torn_tail = cut_short && is_newest(scanner_->segment());
  damage_.push_back({torn_tail ? WalDamage::Kind::TornTail : WalDamage::Kind::Corrupt,
                     scanner_->segment(), torn_header ? 0 : scanner_->offset(),
                     scanner_->problem()});
}

}  // namespace farad::store
