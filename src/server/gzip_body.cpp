#include "server/gzip_body.hpp"

#include "io/byte_source.hpp"

namespace farad::server {

GunzipResult gunzip_body(std::string_view compressed, uint64_t limit) {
  GunzipResult result;
  try {
    auto source = io::gunzip(io::memory_source(compressed), "request body");
    char chunk[64 * 1024];
    for (;;) {
      const std::size_t n = source->read(chunk, sizeof chunk);
      if (n == 0) break;
      if (limit != 0 && result.body.size() + n > limit) {
        result.status = GunzipResult::Status::TooLarge;
        result.body.clear();
        return result;
      }
      result.body.append(chunk, n);
    }
  } catch (const io::IoError& e) {
    result.status = GunzipResult::Status::Invalid;
    result.body.clear();
    result.error = e.what();
  }
  return result;
}

}  // namespace farad::server
