#include "net/gzip_compress.hpp"

#include <zlib.h>

#include <limits>
#include <stdexcept>

namespace farad::net {

std::string gzip_compress(std::string_view data, int level) {
  if (data.size() > std::numeric_limits<uInt>::max()) {
    throw std::runtime_error("gzip: the body is too large to compress in one piece");
  }
  z_stream stream{};
  // 15 + 16: a 32 KiB window with the gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("gzip: cannot start the compressor");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound's room takes the whole input in one call.
  const int status = deflate(&stream, Z_FINISH);
  const size_t written = stream.total_out;
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("gzip: cannot compress the body");
  out.resize(written);
  return out;
}

}  // namespace farad::net
