#include "server/gzip_body.hpp"

#include "io/gzip_buffer.hpp"

namespace farad::server {

GunzipResult gunzip_body(std::string_view compressed, uint64_t limit) {
  io::Gunzipped decoded = io::gunzip_buffer(compressed, limit);
  GunzipResult result;
  switch (decoded.status) {
    case io::Gunzipped::Status::Ok:
      result.body = std::move(decoded.data);
      break;
    case io::Gunzipped::Status::TooLarge:
      result.status = GunzipResult::Status::TooLarge;
      break;
    case io::Gunzipped::Status::Invalid:
      result.status = GunzipResult::Status::Invalid;
      result.error = "request body: corrupt or truncated gzip data";
      break;
  }
  return result;
}

}  // namespace farad::server
