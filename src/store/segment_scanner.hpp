#pragma once
// Reads the frames of one segment file in order, verifying each CRC and decoding its record.
// Reads go through one buffer, so small records cost no system call each and a large one is
// read once, straight into place.

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/file_descriptor.hpp"
#include "store/wal_frame.hpp"
#include "store/wal_record.hpp"

namespace farad::store {

enum class FrameStatus {
  Record,   ///< a valid record; record() describes it
  End,      ///< the file ends exactly here
  Short,    ///< the file ends inside a frame: a write cut short, or a writer still writing
  Corrupt,  ///< bad magic, checksum or record layout
};

class SegmentScanner {
 public:
  /// Opens segment `segment` in `dir`; throws StoreError when it cannot be opened.
  SegmentScanner(const std::filesystem::path& dir, uint64_t segment);

  uint64_t segment() const { return segment_; }
  /// The state of the segment header; frames are only read when it is Valid.
  SegmentHeaderState header_state() const { return header_state_; }

  /// Continues at `offset`, which must be a frame's start (or anything below the first frame).
  void seek(uint64_t offset);
  /// Reads the frame at offset(); on Record moves past it, otherwise stays.
  FrameStatus next();
  /// The start of the next frame, or of the frame that failed.
  uint64_t offset() const { return offset_; }
  /// The record read by the last next() that returned Record; its body points into a buffer
  /// that the following next() or seek() reuses.
  const WalRecordView& record() const { return record_; }
  /// Why the last next() did not return Record or End.
  const std::string& problem() const { return problem_; }

 private:
  /// Makes `size` bytes at `offset` available in the buffer; false when the file is shorter.
  bool fetch(uint64_t offset, std::size_t size, std::string_view& bytes);

  uint64_t segment_;
  FileDescriptor file_;
  SegmentHeaderState header_state_ = SegmentHeaderState::Torn;
  uint64_t offset_ = kSegmentHeaderSize;
  uint64_t file_size_ = 0;
  std::string buffer_;
  uint64_t buffer_offset_ = 0;
  WalRecordView record_;
  std::string problem_;
};

}  // namespace farad::store
