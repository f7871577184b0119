#include <catch2/catch.hpp>

#include "store/wal_position.hpp"

using farad::store::WalPosition;

TEST_CASE("wal position: ordered by segment, then offset", "[store]") {
  CHECK(WalPosition{1, 900} < WalPosition{2, 24});
  CHECK(WalPosition{2, 24} < WalPosition{2, 25});
  CHECK(WalPosition{} < WalPosition{1, 0});
  CHECK(WalPosition{7, 7} == WalPosition{7, 7});
  CHECK(WalPosition{UINT64_MAX, 0} < WalPosition::max());
}

TEST_CASE("wal position: text form round-trips", "[store]") {
  for (const WalPosition position : {WalPosition{}, WalPosition{12, 4096}, WalPosition::max()}) {
    CAPTURE(to_string(position));
    CHECK(farad::store::parse_wal_position(to_string(position)) == position);
  }
  CHECK(to_string(WalPosition{12, 4096}) == "12:4096");
}

TEST_CASE("wal position: malformed text is refused", "[store]") {
  for (const char* text : {"", ":", "12", "12:", ":5", "a:5", "5:b", "-1:2", "1:2:3", " 1:2",
                           "18446744073709551616:0"}) {
    CAPTURE(text);
    CHECK_FALSE(farad::store::parse_wal_position(text).has_value());
  }
}

TEST_CASE("wal position: binary form is 16 bytes little-endian", "[store]") {
  std::string bytes;
  append_binary(bytes, WalPosition{0x0102, 0x0A0B0C});
  REQUIRE(bytes.size() == 16);
  CHECK(bytes.substr(0, 3) == std::string("\x02\x01\x00", 3));
  CHECK(bytes.substr(8, 4) == std::string("\x0C\x0B\x0A\x00", 4));
  CHECK(farad::store::read_binary_position(bytes) == WalPosition{0x0102, 0x0A0B0C});
  CHECK_FALSE(farad::store::read_binary_position(bytes.substr(0, 15)).has_value());
}
