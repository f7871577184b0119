#include "store/wal_record.hpp"

#include "store/little_endian.hpp"
#include "store/store_error.hpp"

namespace farad::store {
namespace {

// version, encoding, precision, compression (version 2; reserved 0 in version 1),
// arrival (i64), db length (u16), rp length (u16)
constexpr std::size_t kFixedSize = 16;
constexpr uint8_t kLastPrecision = static_cast<uint8_t>(io::Precision::Hour);

}  // namespace

std::string encode_record_prefix(const WalRecordHeader& header, BodyCompression compression) {
  if (header.db.size() > UINT16_MAX || header.rp.size() > UINT16_MAX)
    throw StoreError("wal record: database or retention policy name longer than 65535 bytes");
  std::string out;
  out.reserve(kFixedSize + header.db.size() + header.rp.size());
  const bool compressed = compression != BodyCompression::None;
  out.push_back(static_cast<char>(compressed ? kCompressedRecordVersion : kRecordVersion));
  out.push_back(static_cast<char>(header.encoding));
  out.push_back(static_cast<char>(header.precision));
  out.push_back(static_cast<char>(compression));
  put_i64(out, header.arrival_ns);
  put_u16(out, static_cast<uint16_t>(header.db.size()));
  put_u16(out, static_cast<uint16_t>(header.rp.size()));
  out += header.db;
  out += header.rp;
  return out;
}

std::optional<WalRecordView> decode_record(std::string_view payload, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<WalRecordView> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (payload.size() < kFixedSize) return fail("record shorter than its header");
  const auto* bytes = reinterpret_cast<const unsigned char*>(payload.data());
  if (bytes[0] != kRecordVersion && bytes[0] != kCompressedRecordVersion)
    return fail("unknown record version");
  if (bytes[1] > static_cast<uint8_t>(BodyEncoding::LineProtocolUnsigned))
    return fail("unknown body encoding");
  if (bytes[2] > kLastPrecision) return fail("unknown precision");
  // Version 1 wrote 0 in this byte and never read it.
  const uint8_t compression = bytes[0] == kRecordVersion ? 0 : bytes[3];
  if (compression > static_cast<uint8_t>(BodyCompression::Gzip))
    return fail("unknown body compression");
  const std::size_t db_size = get_u16(payload.data() + 12);
  const std::size_t rp_size = get_u16(payload.data() + 14);
  if (payload.size() < kFixedSize + db_size + rp_size) return fail("record names overrun it");
  WalRecordView view;
  view.compression = static_cast<BodyCompression>(compression);
  view.header.encoding = static_cast<BodyEncoding>(bytes[1]);
  view.header.precision = static_cast<io::Precision>(bytes[2]);
  view.header.arrival_ns = get_i64(payload.data() + 4);
  view.header.db.assign(payload.substr(kFixedSize, db_size));
  view.header.rp.assign(payload.substr(kFixedSize + db_size, rp_size));
  view.body = payload.substr(kFixedSize + db_size + rp_size);
  return view;
}

}  // namespace farad::store
