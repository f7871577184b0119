#pragma once
// Names of the log's files in its directory: segment N is `N.wal` with N in 20 decimal digits
// (so names sort as numbers), its index sidecar `N.idx`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace farad::store {

std::filesystem::path segment_path(const std::filesystem::path& dir, uint64_t segment);
std::filesystem::path sidecar_path(const std::filesystem::path& dir, uint64_t segment);

/// The number in a segment file name; nullopt for any other name.
std::optional<uint64_t> parse_segment_file_name(std::string_view name);

/// The segment numbers present in `dir`, ascending. Throws StoreError when `dir` is unreadable.
std::vector<uint64_t> list_segments(const std::filesystem::path& dir);

}  // namespace farad::store
