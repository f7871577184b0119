#pragma once
// Where a record sits in the write-ahead log: its segment number and the byte offset of its
// frame in that segment. Positions order as the records were appended.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace farad::store {

/// A place in the log. A checkpoint stores the `next` position of the last record it covers;
/// replay starts there. (0, 0) is before every record.
struct WalPosition {
  uint64_t segment = 0;
  uint64_t offset = 0;

  friend auto operator<=>(const WalPosition&, const WalPosition&) = default;

  /// After every position.
  static constexpr WalPosition max() { return {UINT64_MAX, UINT64_MAX}; }
};

/// `SEGMENT:OFFSET` in decimal, e.g. `12:4096`.
std::string to_string(WalPosition position);

/// The inverse of to_string; nullopt for anything else.
std::optional<WalPosition> parse_wal_position(std::string_view text);

/// Appends the 16-byte binary form (two little-endian u64) to `out`.
void append_binary(std::string& out, WalPosition position);

/// Reads the binary form from the first 16 bytes of `bytes`; nullopt when shorter.
std::optional<WalPosition> read_binary_position(std::string_view bytes);

}  // namespace farad::store
