#pragma once
// The index sidecar of a sealed segment (`N.idx`): its summary in 60 bytes, so that opening the
// log or looking up a time reads no segment but the newest.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "store/segment_summary.hpp"

namespace farad::store {

/// The sidecar bytes of `summary` (README.md, "Index sidecar").
std::string encode_sidecar(const SegmentSummary& summary);

/// Decodes sidecar bytes; nullopt when they are damaged or not a sidecar.
std::optional<SegmentSummary> decode_sidecar(std::string_view bytes);

/// Writes the sidecar of `summary` atomically. Throws StoreError.
void write_sidecar(const std::filesystem::path& dir, const SegmentSummary& summary);

/// The summary of sealed segment `segment`: from its sidecar when that is valid and matches the
/// segment file's size, otherwise by scanning the segment (and `scanned` is set).
SegmentSummary summarize_sealed_segment(const std::filesystem::path& dir, uint64_t segment,
                                        bool* scanned);

}  // namespace farad::store
