#include "net/gzip_compress.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <string>

using farad::net::gzip_compress;

namespace {

/// What a gzip reader (InfluxDB's /write) makes of `compressed`.
std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char buffer[4096];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  CHECK(status == Z_STREAM_END);
  return out;
}

}  // namespace

TEST_CASE("gzip compress: one gzip member that inflates back to the input") {
  std::string lines;
  for (int i = 0; i < 5000; ++i) {
    lines += "interface,agent_host=r" + std::to_string(i % 7) + " in_bps=" + std::to_string(i) +
             " " + std::to_string(1700000000 + i) + "\n";
  }
  const std::string inputs[] = {"", "m v=1 1\n", lines};
  for (const std::string& input : inputs) {
    const std::string compressed = gzip_compress(input);
    INFO(input.size() << " bytes in, " << compressed.size() << " out");
    REQUIRE(compressed.size() >= 18);  // header and trailer
    CHECK(static_cast<unsigned char>(compressed[0]) == 0x1f);
    CHECK(static_cast<unsigned char>(compressed[1]) == 0x8b);
    CHECK(gunzip(compressed) == input);
  }
  CHECK(gzip_compress(lines).size() < lines.size() / 4);
  CHECK(gunzip(gzip_compress(lines, 1)) == lines);
}
