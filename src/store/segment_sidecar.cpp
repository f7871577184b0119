#include "store/segment_sidecar.hpp"

#include <zlib.h>

#include <fstream>

#include "store/atomic_file.hpp"
#include "store/little_endian.hpp"
#include "store/segment_files.hpp"

namespace farad::store {
namespace {

constexpr std::string_view kSidecarMagic = "FARADIDX";
constexpr uint32_t kSidecarVersion = 1;
constexpr std::size_t kSidecarSize = 60;

uint32_t checksum(std::string_view bytes) {
  return static_cast<uint32_t>(
      crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

std::optional<std::string> read_small_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  bytes.resize(kSidecarSize + 1);  // one more, to see that the file is not longer
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

std::string encode_sidecar(const SegmentSummary& summary) {
  std::string out(kSidecarMagic);
  put_u32(out, kSidecarVersion);
  put_u32(out, 0);  // reserved
  put_u64(out, summary.segment);
  put_u64(out, summary.bytes);
  put_u64(out, summary.records);
  put_i64(out, summary.min_arrival_ns);
  put_i64(out, summary.max_arrival_ns);
  put_u32(out, checksum(out));
  return out;
}

std::optional<SegmentSummary> decode_sidecar(std::string_view bytes) {
  if (bytes.size() != kSidecarSize || bytes.substr(0, kSidecarMagic.size()) != kSidecarMagic)
    return std::nullopt;
  if (get_u32(bytes.data() + 8) != kSidecarVersion) return std::nullopt;
  if (checksum(bytes.substr(0, kSidecarSize - 4)) != get_u32(bytes.data() + kSidecarSize - 4))
    return std::nullopt;
  SegmentSummary summary;
  summary.segment = get_u64(bytes.data() + 16);
  summary.bytes = get_u64(bytes.data() + 24);
  summary.records = get_u64(bytes.data() + 32);
  summary.min_arrival_ns = get_i64(bytes.data() + 40);
  summary.max_arrival_ns = get_i64(bytes.data() + 48);
  return summary;
}

void write_sidecar(const std::filesystem::path& dir, const SegmentSummary& summary) {
  atomic_write_file(sidecar_path(dir, summary.segment), encode_sidecar(summary));
}

SegmentSummary summarize_sealed_segment(const std::filesystem::path& dir, uint64_t segment,
                                        bool* scanned) {
  if (scanned) *scanned = false;
  if (const auto bytes = read_small_file(sidecar_path(dir, segment))) {
    const auto summary = decode_sidecar(*bytes);
    std::error_code ec;
    const auto file_size = std::filesystem::file_size(segment_path(dir, segment), ec);
    if (summary && !ec && summary->segment == segment && summary->bytes == file_size)
      return *summary;
  }
  if (scanned) *scanned = true;
  return scan_segment(dir, segment).summary;
}

}  // namespace farad::store
