#include <catch2/catch.hpp>

#include "store/store_error.hpp"
#include "store/wal_record.hpp"

using namespace farad::store;

namespace {

std::string payload_of(const WalRecordHeader& header, std::string_view body) {
  return encode_record_prefix(header) + std::string(body);
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
      {with_byte(0, 2), "unknown record version"},
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
}

TEST_CASE("wal record: names longer than 65535 bytes are refused", "[store]") {
  WalRecordHeader header;
  header.db.assign(65536, 'x');
  CHECK_THROWS_AS(encode_record_prefix(header), StoreError);
  header.db.assign(65535, 'x');
  CHECK(encode_record_prefix(header).size() == 16 + 65535);
}
