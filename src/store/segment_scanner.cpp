#include "store/segment_scanner.hpp"

#include <fcntl.h>

#include <algorithm>

#include "store/segment_files.hpp"

namespace farad::store {
namespace {

constexpr std::size_t kReadAhead = 256 * 1024;

}  // namespace

SegmentScanner::SegmentScanner(const std::filesystem::path& dir, uint64_t segment)
    : segment_(segment), file_(segment_path(dir, segment), O_RDONLY) {
  file_size_ = file_.size();
  std::string_view header;
  fetch(0, kSegmentHeaderSize, header);
  header_state_ = check_segment_header(header, segment);
}

void SegmentScanner::seek(uint64_t offset) {
  offset_ = std::max<uint64_t>(offset, kSegmentHeaderSize);
}

bool SegmentScanner::fetch(uint64_t offset, std::size_t size, std::string_view& bytes) {
  const uint64_t buffer_end = buffer_offset_ + buffer_.size();
  if (offset >= buffer_offset_ && offset + size <= buffer_end) {
    bytes = std::string_view(buffer_).substr(offset - buffer_offset_, size);
    return true;
  }
  // A writer may have appended since we last looked.
  if (offset + size > file_size_) file_size_ = file_.size();
  if (offset + size > file_size_) {
    bytes = {};
    return false;
  }
  const auto wanted =
      static_cast<std::size_t>(std::min<uint64_t>(std::max(size, kReadAhead), file_size_ - offset));
  buffer_.resize(wanted);
  buffer_.resize(file_.read_at(buffer_.data(), wanted, offset));
  buffer_offset_ = offset;
  if (buffer_.size() < size) {
    bytes = {};
    return false;
  }
  bytes = std::string_view(buffer_).substr(0, size);
  return true;
}

FrameStatus SegmentScanner::next() {
  problem_.clear();
  if (header_state_ != SegmentHeaderState::Valid) {
    problem_ = "bad segment header";
    return FrameStatus::Corrupt;
  }
  std::string_view header_bytes;
  if (!fetch(offset_, kFrameHeaderSize, header_bytes)) {
    if (offset_ >= file_size_) return FrameStatus::End;
    problem_ = "frame header cut short";
    return FrameStatus::Short;
  }
  const FrameHeader header = decode_frame_header(header_bytes.data());
  if (header.magic != kFrameMagic) {
    problem_ = "bad frame magic";
    return FrameStatus::Corrupt;
  }
  std::string_view payload;
  if (!fetch(offset_ + kFrameHeaderSize, header.payload_size, payload)) {
    problem_ = "frame cut short";
    return FrameStatus::Short;
  }
  if (!frame_payload_valid(header, payload)) {
    problem_ = "checksum mismatch";
    return FrameStatus::Corrupt;
  }
  auto record = decode_record(payload, &problem_);
  if (!record) return FrameStatus::Corrupt;
  record_ = std::move(*record);
  offset_ += kFrameHeaderSize + header.payload_size;
  return FrameStatus::Record;
}

}  // namespace farad::store
