#pragma once
// Sequential byte sources: files (or a slice of one), memory, and zlib decompression on top of
// another source. Recordings are read through these in fixed-size chunks, never whole.

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace farad::io {

/// A failure to open, read or decompress input; the message names the file.
struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A forward-only stream of bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes into `data`; returns 0 only at the end. Throws IoError.
  virtual std::size_t read(char* data, std::size_t size) = 0;
};

/// `length` bytes of the file at `path` from `offset` (to the end by default).
std::unique_ptr<ByteSource> open_file(const std::string& path, uint64_t offset = 0,
                                      uint64_t length = std::numeric_limits<uint64_t>::max());

/// The bytes of `data`, which must outlive the source.
std::unique_ptr<ByteSource> memory_source(std::string_view data);

/// Decompresses gzip data; several gzip members one after another are read as one stream, as
/// Go's gzip.Reader does. `name` is used in error messages.
std::unique_ptr<ByteSource> gunzip(std::unique_ptr<ByteSource> compressed, std::string name);

/// Decompresses a raw deflate stream (a zip entry).
std::unique_ptr<ByteSource> raw_inflate(std::unique_ptr<ByteSource> compressed, std::string name);

/// Up to `size` first bytes of the file at `path`, to recognise its format.
std::string read_file_prefix(const std::string& path, std::size_t size);

/// True when `prefix` starts with the gzip magic bytes 1f 8b.
inline bool has_gzip_magic(std::string_view prefix) {
  return prefix.size() >= 2 && prefix[0] == '\x1f' && prefix[1] == '\x8b';
}

/// The file at `path`, decompressed when it starts with the gzip magic.
std::unique_ptr<ByteSource> open_maybe_gzip(const std::string& path);

}  // namespace farad::io
