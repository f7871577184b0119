#pragma once
// What the log found wrong with its files. Readers never return a damaged record: they stop
// reading its segment and report it here.

#include <cstdint>
#include <string>

namespace farad::store {

struct WalDamage {
  enum class Kind {
    TornTail,         ///< the newest segment ends inside a frame: a write cut short by a crash
    Corrupt,          ///< a frame that fails its checks with data after it
    MissingSegments,  ///< segments between two present ones (or before the start) are gone
  };
  Kind kind = Kind::Corrupt;
  uint64_t segment = 0;
  uint64_t offset = 0;  ///< where the damage starts in the segment
  std::string reason;
};

/// E.g. "segment 3 at byte 4096: checksum mismatch".
std::string describe(const WalDamage& damage);

}  // namespace farad::store
