#include "io/zip_archive.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace farad::io {
namespace {

constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::size_t kEndRecordSize = 22;
constexpr std::size_t kMaxCommentSize = 0xFFFF;

uint16_t u16(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>(b[0] | (b[1] << 8));
}

uint32_t u32(const char* p) {
  return static_cast<uint32_t>(u16(p)) | (static_cast<uint32_t>(u16(p + 2)) << 16);
}

uint64_t u64(const char* p) {
  return static_cast<uint64_t>(u32(p)) | (static_cast<uint64_t>(u32(p + 4)) << 32);
}

std::string read_exactly(const std::string& path, uint64_t offset, uint64_t size) {
  std::string data(size, '\0');
  auto source = open_file(path, offset, size);
  std::size_t got = 0;
  while (got < size) {
    const std::size_t n = source->read(data.data() + got, size - got);
    if (n == 0) throw IoError(path + ": zip archive is truncated");
    got += n;
  }
  return data;
}

// Replaces the 0xFFFFFFFF placeholders of a central entry with the zip64 extra field's values,
// which appear in the order usize, csize, offset, and only for the fields that overflowed.
void apply_zip64(ZipEntry& entry, std::string_view extra, const std::string& path) {
  while (extra.size() >= 4) {
    const uint16_t id = u16(extra.data());
    const uint16_t size = u16(extra.data() + 2);
    if (extra.size() < 4u + size) break;
    std::string_view body = extra.substr(4, size);
    if (id == 0x0001) {
      auto take = [&](uint64_t& field) {
        if (field != 0xFFFFFFFF) return;
        if (body.size() < 8) throw IoError(path + ": bad zip64 field in " + entry.name);
        field = u64(body.data());
        body.remove_prefix(8);
      };
      take(entry.uncompressed_size);
      take(entry.compressed_size);
      take(entry.local_header_offset);
      return;
    }
    extra.remove_prefix(4u + size);
  }
}

// Checks size and CRC-32 of an entry's bytes as they pass through.
class CheckedSource final : public ByteSource {
 public:
  CheckedSource(std::unique_ptr<ByteSource> inner, const ZipEntry& entry, std::string name)
      : inner_(std::move(inner)), entry_(entry), name_(std::move(name)) {}

  std::size_t read(char* data, std::size_t size) override {
    const std::size_t n = inner_->read(data, size);
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(data), n);
    total_ += n;
    if (n == 0 && size != 0) {
      if (total_ != entry_.uncompressed_size) throw IoError(name_ + ": wrong uncompressed size");
      if (crc_ != entry_.crc32) throw IoError(name_ + ": checksum mismatch");
    }
    return n;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  ZipEntry entry_;
  std::string name_;
  uLong crc_ = crc32_z(0, nullptr, 0);
  uint64_t total_ = 0;
};

}  // namespace

bool has_zip_magic(std::string_view prefix) {
  return prefix.size() >= 4 &&
         (u32(prefix.data()) == kLocalHeader || u32(prefix.data()) == kEndOfDirectory);
}

std::vector<ZipEntry> read_zip_directory(const std::string& path) {
  std::error_code ec;
  const uint64_t file_size = std::filesystem::file_size(path, ec);
  if (ec) throw IoError(path + ": cannot open: " + ec.message());
  if (file_size < kEndRecordSize) throw IoError(path + ": not a zip archive");
  // The end record is the last thing in the file but for a comment of up to 64 KiB.
  const uint64_t tail_size = std::min<uint64_t>(file_size, kEndRecordSize + kMaxCommentSize);
  const std::string tail = read_exactly(path, file_size - tail_size, tail_size);
  std::size_t at = tail.size() - kEndRecordSize + 1;
  do {
    --at;
    if (u32(tail.data() + at) == kEndOfDirectory) break;
  } while (at > 0);
  if (u32(tail.data() + at) != kEndOfDirectory) throw IoError(path + ": not a zip archive");
  const char* end = tail.data() + at;
  if (u16(end + 4) != 0 || u16(end + 6) != 0) throw IoError(path + ": multi-disk zip archive");
  const uint16_t count = u16(end + 10);
  const uint32_t directory_size = u32(end + 12);
  const uint32_t directory_offset = u32(end + 16);
  if (count == 0xFFFF || directory_offset == 0xFFFFFFFF) {
    throw IoError(path + ": zip64 archive directories are not supported");
  }
  const std::string directory = read_exactly(path, directory_offset, directory_size);
  std::vector<ZipEntry> entries;
  std::size_t pos = 0;
  for (uint16_t i = 0; i < count; ++i) {
    if (pos + 46 > directory.size() || u32(directory.data() + pos) != kCentralHeader) {
      throw IoError(path + ": corrupt zip directory");
    }
    const char* h = directory.data() + pos;
    const uint16_t name_size = u16(h + 28);
    const uint16_t extra_size = u16(h + 30);
    const uint16_t comment_size = u16(h + 32);
    if (pos + 46 + name_size + extra_size + comment_size > directory.size()) {
      throw IoError(path + ": corrupt zip directory");
    }
    ZipEntry entry;
    entry.flags = u16(h + 8);
    entry.method = u16(h + 10);
    entry.crc32 = u32(h + 16);
    entry.compressed_size = u32(h + 20);
    entry.uncompressed_size = u32(h + 24);
    entry.local_header_offset = u32(h + 42);
    entry.name.assign(h + 46, name_size);
    apply_zip64(entry, std::string_view(h + 46 + name_size, extra_size), path);
    entries.push_back(std::move(entry));
    pos += 46u + name_size + extra_size + comment_size;
  }
  return entries;
}

std::unique_ptr<ByteSource> open_zip_entry(const std::string& path, const ZipEntry& entry) {
  const std::string name = path + ":" + entry.name;
  if ((entry.flags & 1) != 0) throw IoError(name + ": encrypted zip entries are not supported");
  const std::string local = read_exactly(path, entry.local_header_offset, 30);
  if (u32(local.data()) != kLocalHeader) throw IoError(name + ": corrupt zip entry header");
  const uint64_t data_offset =
      entry.local_header_offset + 30 + u16(local.data() + 26) + u16(local.data() + 28);
  auto raw = open_file(path, data_offset, entry.compressed_size);
  std::unique_ptr<ByteSource> bytes;
  if (entry.method == 0) {
    bytes = std::move(raw);
  } else if (entry.method == 8) {
    bytes = raw_inflate(std::move(raw), name);
  } else {
    throw IoError(name + ": unsupported zip compression method " + std::to_string(entry.method));
  }
  return std::make_unique<CheckedSource>(std::move(bytes), entry, name);
}

}  // namespace farad::io
