#include "io/gzip_buffer.hpp"

#include <catch2/catch.hpp>

#include "recording_fixtures.hpp"

using farad::io::gunzip_buffer;
using farad::io::Gunzipped;
using farad::test::gzip_bytes;

namespace {

std::string lines(int count, const std::string& tag) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += "cpu,host=" + tag + " value=" + std::to_string(i) + " " + std::to_string(i) + "\n";
  return text;
}

}  // namespace

TEST_CASE("gzip buffer: one member decodes to its text", "[io]") {
  const std::string text = lines(500, "a");
  const Gunzipped decoded = gunzip_buffer(gzip_bytes(text), 0);
  CHECK(decoded.status == Gunzipped::Status::Ok);
  CHECK(decoded.data == text);
  CHECK(gunzip_buffer(gzip_bytes(""), 0).data.empty());
}

TEST_CASE("gzip buffer: members back to back decode to their texts joined", "[io]") {
  // The first member is the larger: the last member's size trailer is too small a first guess.
  const std::string first = lines(3000, "first");
  const std::string second = lines(2, "second");
  const std::string third = lines(40, "third");
  const Gunzipped decoded =
      gunzip_buffer(gzip_bytes(first) + gzip_bytes(second) + gzip_bytes(third), 0);
  CHECK(decoded.status == Gunzipped::Status::Ok);
  CHECK(decoded.data == first + second + third);
}

TEST_CASE("gzip buffer: empty input is an empty body", "[io]") {
  const Gunzipped decoded = gunzip_buffer("", 100);
  CHECK(decoded.status == Gunzipped::Status::Ok);
  CHECK(decoded.data.empty());
}

TEST_CASE("gzip buffer: the limit is on the decoded size", "[io]") {
  const std::string text = lines(100, "a");
  const std::string compressed = gzip_bytes(text);
  CHECK(gunzip_buffer(compressed, text.size()).status == Gunzipped::Status::Ok);
  const Gunzipped over = gunzip_buffer(compressed, text.size() - 1);
  CHECK(over.status == Gunzipped::Status::TooLarge);
  CHECK(over.data.empty());
  // Two members that each fit but not together.
  CHECK(gunzip_buffer(compressed + compressed, text.size() + 10).status ==
        Gunzipped::Status::TooLarge);
  // Highly compressible data (a "zip bomb") is stopped at the limit, not decoded whole.
  const std::string zeros(8 << 20, '\0');
  const std::string bomb = gzip_bytes(zeros);
  REQUIRE(bomb.size() < 64 * 1024);
  CHECK(gunzip_buffer(bomb, 1 << 20).status == Gunzipped::Status::TooLarge);
  CHECK(gunzip_buffer(bomb, 0).data == zeros);
}

TEST_CASE("gzip buffer: data that is not gzip, cut short or followed by garbage is invalid",
          "[io]") {
  const std::string compressed = gzip_bytes(lines(50, "a"));
  std::string lying_trailer = compressed;  // ISIZE says 1 byte more than the data holds
  lying_trailer[lying_trailer.size() - 4] =
      static_cast<char>(lying_trailer[lying_trailer.size() - 4] + 1);
  std::string bad_crc = compressed;
  bad_crc[bad_crc.size() - 8] = static_cast<char>(bad_crc[bad_crc.size() - 8] ^ 0x55);
  const std::string cases[] = {
      "not gzip",
      compressed.substr(0, compressed.size() / 2),
      compressed.substr(0, compressed.size() - 1),
      compressed + "trailing garbage",
      compressed + std::string(8, '\0'),
      lying_trailer,
      bad_crc,
  };
  for (const std::string& input : cases) {
    CAPTURE(input.size());
    const Gunzipped decoded = gunzip_buffer(input, 0);
    CHECK(decoded.status == Gunzipped::Status::Invalid);
    CHECK(decoded.data.empty());
  }
}
