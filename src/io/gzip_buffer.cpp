#include "io/gzip_buffer.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <new>

namespace farad::io {
namespace {

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// One per thread: a decompressor holds tables and is not thread-safe; allocating one per call
// would cost more than decoding a small body.
libdeflate_decompressor& thread_decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
      libdeflate_alloc_decompressor());
  if (!decompressor) throw std::bad_alloc();
  return *decompressor;
}

// Deflate expands at most about 1032:1, so a size trailer claiming more is not believed.
constexpr uint64_t kMaxRatio = 1032;
constexpr uint64_t kMinRoom = 64 * 1024;
constexpr std::size_t kMinMemberSize = 18;  // 10-byte header, empty block, 8-byte trailer

// ISIZE, the last 4 bytes of a member: its decoded size modulo 2^32.
uint64_t size_trailer(std::string_view data) {
  if (data.size() < kMinMemberSize) return 0;
  const auto* end = reinterpret_cast<const unsigned char*>(data.data() + data.size());
  return uint64_t{end[-4]} | uint64_t{end[-3]} << 8 | uint64_t{end[-2]} << 16 |
         uint64_t{end[-1]} << 24;
}

}  // namespace

Gunzipped gunzip_buffer(std::string_view compressed, uint64_t limit) {
  Gunzipped result;
  const uint64_t capacity = limit == 0 ? UINT64_MAX : limit;
  libdeflate_decompressor& decompressor = thread_decompressor();
  std::size_t used = 0;
  // For one member the trailer is its size; with several it is the last one's, a first guess.
  uint64_t room = std::min({size_trailer(compressed), compressed.size() * kMaxRatio, capacity});
  while (!compressed.empty()) {
    for (;;) {
      result.data.resize(used + room);
      std::size_t consumed = 0;
      std::size_t produced = 0;
      const libdeflate_result status =
          libdeflate_gzip_decompress_ex(&decompressor, compressed.data(), compressed.size(),
                                        result.data.data() + used, room, &consumed, &produced);
      if (status == LIBDEFLATE_SUCCESS) {
        used += produced;
        room -= produced;
        compressed.remove_prefix(consumed);
        break;
      }
      if (status != LIBDEFLATE_INSUFFICIENT_SPACE) {
        result.status = Gunzipped::Status::Invalid;
        result.data.clear();
        return result;
      }
      if (room >= capacity - used) {
        result.status = Gunzipped::Status::TooLarge;
        result.data.clear();
        return result;
      }
      room = std::min(std::max(room * 2, kMinRoom), capacity - used);
    }
  }
  result.data.resize(used);
  return result;
}

}  // namespace farad::io
