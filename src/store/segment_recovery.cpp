#include "store/segment_recovery.hpp"

#include <fcntl.h>

#include <string>
#include <string_view>

#include "store/file_descriptor.hpp"
#include "store/little_endian.hpp"
#include "store/segment_files.hpp"
#include "store/wal_frame.hpp"
#include "store/wal_record.hpp"

namespace farad::store {
namespace {

bool valid_frame_at(std::string_view bytes, std::size_t at) {
  if (bytes.size() - at < kFrameHeaderSize) return false;
  const FrameHeader header = decode_frame_header(bytes.data() + at);
  if (bytes.size() - at - kFrameHeaderSize < header.payload_size) return false;
  const auto payload = bytes.substr(at + kFrameHeaderSize, header.payload_size);
  return frame_payload_valid(header, payload) && decode_record(payload, nullptr).has_value();
}

}  // namespace

bool has_valid_frame_after(const std::filesystem::path& dir, uint64_t segment, uint64_t offset) {
  FileDescriptor file(segment_path(dir, segment), O_RDONLY);
  const uint64_t size = file.size();
  if (size <= offset + 1) return false;
  // Only on opening, and a segment is bounded by its size limit: read the rest at once.
  std::string rest(size - offset - 1, '\0');
  rest.resize(file.read_at(rest.data(), rest.size(), offset + 1));
  std::string magic;
  put_u32(magic, kFrameMagic);
  for (auto at = rest.find(magic); at != std::string::npos; at = rest.find(magic, at + 1)) {
    if (valid_frame_at(rest, at)) return true;
  }
  return false;
}

}  // namespace farad::store
