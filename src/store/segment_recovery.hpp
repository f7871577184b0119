#pragma once
// Telling a torn tail from damage in the middle of the newest segment when a writer opens the
// log: after a crash the file may end inside a frame (cut it off), but a bad frame followed
// by good ones means the disk damaged acknowledged data (keep it, report it, write elsewhere).

#include <cstdint>
#include <filesystem>

namespace farad::store {

/// True when a complete, valid frame starts anywhere after byte `offset` of the segment.
bool has_valid_frame_after(const std::filesystem::path& dir, uint64_t segment, uint64_t offset);

}  // namespace farad::store
