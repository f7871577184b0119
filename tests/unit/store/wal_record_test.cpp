#include <catch2/catch.hpp>

#include "store/store_error.hpp"
#include "store/wal_record.hpp"

using namespace farad::store;

namespace {

std::string payload_of(const WalRecordHeader& header, std::string_view body,
                       BodyCompression compression = BodyCompression::None) {
  return encode_record_prefix(header, compression) + std::string(body);
}

}  // namespace

TEST_CASE("wal record: header and body round-trip", "[store]") {
  const WalRecordHeader header{"telegraf", "autogen", farad::io::Precision::Millisecond,
                               -1'234'567'890'123, BodyEncoding::LineProtocol};
  const std::string body = "cpu value=1 1\n\0binary\xff";
  const std::string payload = payload_of(header, body);
  std::string error;
  const auto view = decode_record(payload, &error);
  REQUIRE(view.has_value());
  CHECK(view->header == header);
  CHECK(view->body == body);

  WalRecordHeader v2 = header;  // a body of /api/v2/write: unsigned fields allowed
  v2.encoding = BodyEncoding::LineProtocolUnsigned;
  const auto v2_view = decode_record(payload_of(v2, body), &error);
  REQUIRE(v2_view.has_value());
  CHECK(v2_view->header.encoding == BodyEncoding::LineProtocolUnsigned);
}

TEST_CASE("wal record: a gzip body round-trips with its compression, as version 2", "[store]") {
  const WalRecordHeader header{"telegraf", "", farad::io::Precision::Second, 42,
                               BodyEncoding::LineProtocolUnsigned};
  const std::string body = "\x1f\x8b\x08 compressed bytes, kept as they are";
  const std::string payload = payload_of(header, body, BodyCompression::Gzip);
  CHECK(payload[0] == 2);
  CHECK(payload[3] == 1);
  const auto view = decode_record(payload, nullptr);
  REQUIRE(view.has_value());
  CHECK(view->header == header);
  CHECK(view->compression == BodyCompression::Gzip);
  CHECK(view->body == body);

  // An uncompressed body is still written as version 1, as older builds wrote and read it.
  const std::string plain = payload_of(header, "m v=1\n");
  CHECK(plain[0] == 1);
  CHECK(decode_record(plain, nullptr)->compression == BodyCompression::None);
  // Version 2 with compression 0 is an uncompressed body too.
  std::string v2_plain = plain;
  v2_plain[0] = 2;
  const auto v2_view = decode_record(v2_plain, nullptr);
  REQUIRE(v2_view.has_value());
  CHECK(v2_view->compression == BodyCompression::None);
  CHECK(v2_view->body == "m v=1\n");
}

TEST_CASE("wal record: empty names and body", "[store]") {
  const WalRecordHeader header;
  const auto view = decode_record(payload_of(header, ""), nullptr);
  REQUIRE(view.has_value());
  CHECK(view->header == header);
  CHECK(view->body.empty());
}

TEST_CASE("wal record: the prefix layout", "[store]") {
  const std::string prefix =
      encode_record_prefix({"db", "r", farad::io::Precision::Second, 0x0102, {}});
  // version, encoding, precision, reserved, arrival (8), db length (2), rp length (2), names
  CHECK(prefix == std::string("\x01\x00\x03\x00"
                              "\x02\x01\x00\x00\x00\x00\x00\x00"
                              "\x02\x00\x01\x00"
                              "dbr",
                              19));
}

TEST_CASE("wal record: malformed payloads are refused with a reason", "[store]") {
  const std::string good = payload_of({"db", "rp", {}, 5, {}}, "body");
  struct Case {
    std::string payload;
    std::string reason;
  };
  auto with_byte = [&](std::size_t at, char value) {
    std::string copy = good;
    copy[at] = value;
    return copy;
  };
  const Case cases[] = {
      {good.substr(0, 15), "record shorter than its header"},
      {with_byte(0, 0), "unknown record version"},
      {with_byte(0, 3), "unknown record version"},
      {with_byte(1, 2), "unknown body encoding"},
      {with_byte(2, 6), "unknown precision"},
      {with_byte(12, 100), "record names overrun it"},
      {good.substr(0, 17), "record names overrun it"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.reason);
    std::string error;
    CHECK_FALSE(decode_record(c.payload, &error).has_value());
    CHECK(error == c.reason);
  }
  // Byte 3 is the compression in version 2 only: version 1 never read it.
  std::string error;
  std::string v2 = with_byte(0, 2);
  v2[3] = 2;
  CHECK_FALSE(decode_record(v2, &error).has_value());
  CHECK(error == "unknown body compression");
  const auto v1 = decode_record(with_byte(3, 7), &error);
  REQUIRE(v1.has_value());
  CHECK(v1->compression == BodyCompression::None);
}

TEST_CASE("wal record: names longer than 65535 bytes are refused", "[store]") {
  WalRecordHeader header;
  header.db.assign(65536, 'x');
  CHECK_THROWS_AS(encode_record_prefix(header), StoreError);
  header.db.assign(65535, 'x');
  CHECK(encode_record_prefix(header).size() == 16 + 65535);
}
