#pragma once
// One accepted /write request as the write-ahead log keeps it: where it goes (db, rp), how to
// read its timestamps (precision), when it arrived, and the raw body, gzip-compressed when it
// was received so (writing and checksumming the compressed bytes costs several times less).
// Replay parses the body again, so the log never depends on the parser's in-memory types.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/precision.hpp"

namespace farad::store {

/// How the body is written: line protocol as InfluxDB 1.x reads it (`12u` refused), or as
/// InfluxDB 2.x's /api/v2/write reads it (unsigned integers allowed).
enum class BodyEncoding : uint8_t { LineProtocol = 0, LineProtocolUnsigned = 1 };

/// How the body bytes of a record are stored: as the text, or as the gzip data the client
/// sent (one or more members), which readers inflate before parsing.
enum class BodyCompression : uint8_t { None = 0, Gzip = 1 };

/// Everything about a record but its body.
struct WalRecordHeader {
  std::string db;
  std::string rp;
  io::Precision precision = io::Precision::Nanosecond;
  int64_t arrival_ns = 0;  ///< wall clock of the server when the body was accepted
  BodyEncoding encoding = BodyEncoding::LineProtocol;

  friend bool operator==(const WalRecordHeader&, const WalRecordHeader&) = default;
};

/// A record read back from the log, its body always uncompressed text.
struct WalRecord {
  WalRecordHeader header;
  std::string body;
};

/// A decoded record whose body still points into the buffer it was decoded from, stored as
/// `compression` says.
struct WalRecordView {
  WalRecordHeader header;
  std::string_view body;
  BodyCompression compression = BodyCompression::None;
};

/// Versions of the record payload layout (README.md, "Record payload"). Version 2 adds the
/// body compression byte; a record of an uncompressed body is still written as version 1, so
/// that a log without compressed bodies stays readable by older builds.
inline constexpr uint8_t kRecordVersion = 1;
inline constexpr uint8_t kCompressedRecordVersion = 2;

/// The payload bytes that come before the body. Throws StoreError when db or rp is longer
/// than 65,535 bytes.
std::string encode_record_prefix(const WalRecordHeader& header,
                                 BodyCompression compression = BodyCompression::None);

/// Decodes a whole payload; nullopt (and a reason in `error`) when it is malformed.
std::optional<WalRecordView> decode_record(std::string_view payload, std::string* error);

}  // namespace farad::store
