#include "store/wal_frame.hpp"

#include <zlib.h>

#include <algorithm>

#include "store/little_endian.hpp"

namespace farad::store {
namespace {

constexpr std::string_view kSegmentMagic = "FARADWAL";

uint32_t crc_update(uint32_t crc, std::string_view bytes) {
  if (bytes.empty()) return crc;  // zlib answers a null buffer with the initial value
  return static_cast<uint32_t>(
      crc32_z(crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

uint32_t payload_crc(uint32_t payload_size, std::string_view prefix, std::string_view body) {
  std::string length;
  put_u32(length, payload_size);
  uint32_t crc = crc_update(0, length);
  crc = crc_update(crc, prefix);
  return crc_update(crc, body);
}

}  // namespace

std::string encode_segment_header(uint64_t segment) {
  std::string out(kSegmentMagic);
  put_u32(out, kSegmentVersion);
  put_u32(out, 0);  // reserved
  put_u64(out, segment);
  return out;
}

SegmentHeaderState check_segment_header(std::string_view bytes, uint64_t segment) {
  bytes = bytes.substr(0, kSegmentHeaderSize);
  if (bytes.size() < kSegmentHeaderSize) return SegmentHeaderState::Torn;
  if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == '\0'; }))
    return SegmentHeaderState::Torn;
  if (bytes.substr(0, kSegmentMagic.size()) != kSegmentMagic) return SegmentHeaderState::Foreign;
  if (get_u32(bytes.data() + 8) != kSegmentVersion) return SegmentHeaderState::Foreign;
  if (get_u64(bytes.data() + 16) != segment) return SegmentHeaderState::Foreign;
  return SegmentHeaderState::Valid;
}

std::string encode_frame_header(std::string_view prefix, std::string_view body) {
  const auto payload_size = static_cast<uint32_t>(prefix.size() + body.size());
  std::string out;
  out.reserve(kFrameHeaderSize);
  put_u32(out, kFrameMagic);
  put_u32(out, payload_size);
  put_u32(out, payload_crc(payload_size, prefix, body));
  return out;
}

FrameHeader decode_frame_header(const char* bytes) {
  return {get_u32(bytes), get_u32(bytes + 4), get_u32(bytes + 8)};
}

bool frame_payload_valid(const FrameHeader& header, std::string_view payload) {
  return header.magic == kFrameMagic && header.payload_size == payload.size() &&
         payload_crc(header.payload_size, payload, {}) == header.crc;
}

}  // namespace farad::store
