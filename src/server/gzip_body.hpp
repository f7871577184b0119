#pragma once
// Undoes Content-Encoding: gzip with a limit on the decoded size, so a small compressed body
// cannot expand without bound (a "zip bomb").

#include <cstdint>
#include <string>
#include <string_view>

namespace farad::server {

struct GunzipResult {
  enum class Status { Ok, TooLarge, Invalid } status = Status::Ok;
  std::string body;   ///< the decoded bytes when Ok
  std::string error;  ///< why the data is not gzip when Invalid
};

/// Decodes `compressed`; TooLarge as soon as the output passes `limit` bytes (0: no limit).
GunzipResult gunzip_body(std::string_view compressed, uint64_t limit);

}  // namespace farad::server
