#pragma once
// Request bodies compressed for `Content-Encoding: gzip` (influxDBOut's writes, as Kapacitor's
// InfluxDB client sends them), in memory with zlib.

#include <string>
#include <string_view>

namespace farad::net {

/// `data` as one gzip member (RFC 1952). Level 1 to 9, or -1 for zlib's default (6). Throws
/// std::runtime_error if zlib fails (out of memory).
std::string gzip_compress(std::string_view data, int level = -1);

}  // namespace farad::net
