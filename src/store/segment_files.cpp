#include "store/segment_files.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "store/store_error.hpp"

namespace farad::store {
namespace {

constexpr std::size_t kDigits = 20;

std::string numbered_name(uint64_t segment, const char* extension) {
  char name[kDigits + 8];
  std::snprintf(name, sizeof name, "%020llu%s", static_cast<unsigned long long>(segment),
                extension);
  return name;
}

}  // namespace

std::filesystem::path segment_path(const std::filesystem::path& dir, uint64_t segment) {
  return dir / numbered_name(segment, ".wal");
}

std::filesystem::path sidecar_path(const std::filesystem::path& dir, uint64_t segment) {
  return dir / numbered_name(segment, ".idx");
}

std::optional<uint64_t> parse_segment_file_name(std::string_view name) {
  if (name.size() != kDigits + 4 || name.substr(kDigits) != ".wal") return std::nullopt;
  uint64_t segment = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + kDigits, segment);
  if (ec != std::errc() || end != name.data() + kDigits) return std::nullopt;
  return segment;
}

std::vector<uint64_t> list_segments(const std::filesystem::path& dir) {
  std::vector<uint64_t> segments;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (auto segment = parse_segment_file_name(it->path().filename().string()))
      segments.push_back(*segment);
  }
  if (ec) throw StoreError(dir.string() + ": cannot list the log directory: " + ec.message());
  std::sort(segments.begin(), segments.end());
  return segments;
}

}  // namespace farad::store
