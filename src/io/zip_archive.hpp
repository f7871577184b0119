#pragma once
// The little of the zip format Kapacitor's batch recordings need: the central directory, and
// entries stored or deflated (Go's archive/zip writes deflate with a data descriptor, so sizes
// and CRCs are read from the central directory, not the local headers). Zip64 sizes are read
// from the extra field; encrypted entries and multi-disk archives are refused.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"

namespace farad::io {

/// One member of an archive, as its central directory describes it.
struct ZipEntry {
  std::string name;
  uint16_t method = 0;  ///< 0 stored, 8 deflate
  uint16_t flags = 0;
  uint32_t crc32 = 0;
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_header_offset = 0;
};

/// True when `prefix` starts like a zip archive (a local header, or the end record of an empty
/// archive).
bool has_zip_magic(std::string_view prefix);

/// The entries of the archive at `path`, in central directory order. Throws IoError.
std::vector<ZipEntry> read_zip_directory(const std::string& path);

/// The uncompressed bytes of `entry`; the CRC and size are checked when the entry ends.
std::unique_ptr<ByteSource> open_zip_entry(const std::string& path, const ZipEntry& entry);

}  // namespace farad::io
