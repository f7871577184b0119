#pragma once
// Fixtures for the recording tests, built at test time: temporary files, gzip members, and zip
// archives laid out as Go's archive/zip writes them (deflate entries with a data descriptor).

#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace farad::test {

/// A file in the temporary directory, removed when the object goes away.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& contents)
      : path_(std::filesystem::temp_directory_path() /
              ("farad-io-test-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream out(path_, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

/// `data` compressed with zlib; `window_bits` 16+15 gives a gzip member, -15 raw deflate.
inline std::string deflate_bytes(const std::string& data, int window_bits) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

/// A gzip member of `data`.
inline std::string gzip_bytes(const std::string& data) {
  return deflate_bytes(data, 16 + 15);
}

/// One entry of a test archive.
struct ZipFixtureEntry {
  std::string name;
  std::string data;
  bool deflate = true;
};

/// A zip archive of `entries`: local headers with zero sizes and flag bit 3, each entry followed
/// by a data descriptor, then the central directory, as Go's zip.Writer.Create lays them out.
inline std::string zip_bytes(const std::vector<ZipFixtureEntry>& entries) {
  std::string out;
  std::string directory;
  auto put16 = [](std::string& s, uint32_t v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  auto put32 = [&](std::string& s, uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
  };
  for (const auto& entry : entries) {
    const auto offset = static_cast<uint32_t>(out.size());
    const std::string body = entry.deflate ? deflate_bytes(entry.data, -15) : entry.data;
    const auto crc =
        static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()),
                                    static_cast<uInt>(entry.data.size())));
    const uint32_t method = entry.deflate ? 8 : 0;
    const uint32_t flags = entry.deflate ? 0x8 : 0;
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, flags);
    put16(out, method);
    put32(out, 0);  // time and date
    put32(out, entry.deflate ? 0 : crc);
    put32(out, entry.deflate ? 0 : static_cast<uint32_t>(body.size()));
    put32(out, entry.deflate ? 0 : static_cast<uint32_t>(entry.data.size()));
    put16(out, static_cast<uint32_t>(entry.name.size()));
    put16(out, 0);
    out += entry.name;
    out += body;
    if (entry.deflate) {
      put32(out, 0x08074b50);
      put32(out, crc);
      put32(out, static_cast<uint32_t>(body.size()));
      put32(out, static_cast<uint32_t>(entry.data.size()));
    }
    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, flags);
    put16(directory, method);
    put32(directory, 0);
    put32(directory, crc);
    put32(directory, static_cast<uint32_t>(body.size()));
    put32(directory, static_cast<uint32_t>(entry.data.size()));
    put16(directory, static_cast<uint32_t>(entry.name.size()));
    put16(directory, 0);  // extra
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += entry.name;
  }
  const auto directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size()));
  put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(directory.size()));
  put32(out, directory_offset);
  put16(out, 0);
  return out;
}

}  // namespace farad::test
