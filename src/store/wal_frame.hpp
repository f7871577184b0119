#pragma once
// The byte layout of a segment file: a 24-byte segment header, then frames, each a 12-byte
// frame header (magic, payload length, CRC-32) and the record payload. README.md draws it.

#include <cstdint>
#include <string>
#include <string_view>

namespace farad::store {

inline constexpr std::size_t kSegmentHeaderSize = 24;
inline constexpr std::size_t kFrameHeaderSize = 12;
inline constexpr uint32_t kSegmentVersion = 1;
/// Stored little-endian: bytes D7 1A FA 0E, which never occur in line protocol text.
inline constexpr uint32_t kFrameMagic = 0x0EFA1AD7;

/// The header of segment number `segment`.
std::string encode_segment_header(uint64_t segment);

enum class SegmentHeaderState {
  Valid,
  Torn,     ///< shorter than a header, or all zero: a crash while the file was being created
  Foreign,  ///< wrong magic, version or number: not a segment this code may touch
};

/// Checks the first bytes of the file of segment `segment` (at most kSegmentHeaderSize).
SegmentHeaderState check_segment_header(std::string_view bytes, uint64_t segment);

/// The frame header for a payload made of `prefix` then `body` (the CRC covers the length
/// field and the whole payload, so a damaged length is caught too).
std::string encode_frame_header(std::string_view prefix, std::string_view body);

/// A frame header as read from disk.
struct FrameHeader {
  uint32_t magic = 0;
  uint32_t payload_size = 0;
  uint32_t crc = 0;
};

/// Reads a frame header from kFrameHeaderSize bytes.
FrameHeader decode_frame_header(const char* bytes);

/// True when `payload` is what `header` describes.
bool frame_payload_valid(const FrameHeader& header, std::string_view payload);

}  // namespace farad::store
