#include <catch2/catch.hpp>

#include "store/little_endian.hpp"
#include "store/wal_frame.hpp"

using namespace farad::store;

TEST_CASE("wal frame: segment header states", "[store]") {
  const std::string header = encode_segment_header(42);
  REQUIRE(header.size() == kSegmentHeaderSize);
  CHECK(header.substr(0, 8) == "FARADWAL");
  CHECK(check_segment_header(header, 42) == SegmentHeaderState::Valid);
  CHECK(check_segment_header(header, 43) == SegmentHeaderState::Foreign);
  CHECK(check_segment_header(header.substr(0, 23), 42) == SegmentHeaderState::Torn);
  CHECK(check_segment_header("", 42) == SegmentHeaderState::Torn);
  CHECK(check_segment_header(std::string(24, '\0'), 42) == SegmentHeaderState::Torn);
  std::string other_version = header;
  other_version[8] = 2;
  CHECK(check_segment_header(other_version, 42) == SegmentHeaderState::Foreign);
  CHECK(check_segment_header("#!/bin/sh\necho hello world\n", 42) == SegmentHeaderState::Foreign);
}

TEST_CASE("wal frame: header is magic, length and a CRC over length and payload", "[store]") {
  const std::string prefix = "pre";
  const std::string body = "body";
  const std::string header = encode_frame_header(prefix, body);
  REQUIRE(header.size() == kFrameHeaderSize);
  CHECK(header.substr(0, 4) == std::string("\xD7\x1A\xFA\x0E", 4));
  const FrameHeader decoded = decode_frame_header(header.data());
  CHECK(decoded.magic == kFrameMagic);
  CHECK(decoded.payload_size == 7);
  CHECK(frame_payload_valid(decoded, "prebody"));
}

TEST_CASE("wal frame: every single-bit change is detected", "[store]") {
  const std::string payload = "cpu,host=a value=1 1\n";
  const std::string header = encode_frame_header(payload, "");
  const std::string frame = header + payload;
  for (std::size_t bit = 0; bit < frame.size() * 8; ++bit) {
    std::string damaged = frame;
    damaged[bit / 8] = static_cast<char>(damaged[bit / 8] ^ (1 << (bit % 8)));
    const FrameHeader decoded = decode_frame_header(damaged.data());
    const std::string_view rest = std::string_view(damaged).substr(kFrameHeaderSize);
    CAPTURE(bit);
    CHECK_FALSE(frame_payload_valid(decoded, rest.substr(0, decoded.payload_size)));
  }
}
