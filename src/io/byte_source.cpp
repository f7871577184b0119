#include "io/byte_source.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace farad::io {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

class FileSource final : public ByteSource {
 public:
  FileSource(const std::string& path, uint64_t offset, uint64_t length)
      : path_(path), remaining_(length) {
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) throw IoError(path + ": cannot open: " + errno_text());
    if (offset != 0 && fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) {
      const auto text = errno_text();
      std::fclose(file_);
      throw IoError(path + ": cannot seek: " + text);
    }
  }
  ~FileSource() override { std::fclose(file_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(char* data, std::size_t size) override {
    const auto want = static_cast<std::size_t>(std::min<uint64_t>(size, remaining_));
    if (want == 0) return 0;
    const std::size_t got = std::fread(data, 1, want, file_);
    if (got == 0 && std::ferror(file_)) throw IoError(path_ + ": read failed: " + errno_text());
    remaining_ -= got;
    return got;
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  uint64_t remaining_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  std::size_t read(char* data, std::size_t size) override {
    const std::size_t n = std::min(size, data_.size());
    std::memcpy(data, data_.data(), n);
    data_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view data_;
};

// zlib inflate over another source. Gzip mode restarts after each member while input remains.
class InflateSource final : public ByteSource {
 public:
  InflateSource(std::unique_ptr<ByteSource> input, std::string name, bool gzip)
      : input_(std::move(input)), name_(std::move(name)), gzip_(gzip), buffer_(64 * 1024) {
    // 16 + 15: gzip wrapper, 32 KiB window; -15: raw deflate, as zip entries are stored.
    if (inflateInit2(&stream_, gzip ? 16 + MAX_WBITS : -MAX_WBITS) != Z_OK) {
      throw IoError(name_ + ": cannot start decompression");
    }
  }
  ~InflateSource() override { inflateEnd(&stream_); }
  InflateSource(const InflateSource&) = delete;
  InflateSource& operator=(const InflateSource&) = delete;

  std::size_t read(char* data, std::size_t size) override {
    const auto capacity = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    stream_.next_out = reinterpret_cast<Bytef*>(data);
    stream_.avail_out = capacity;
    // Loop until some output: a call may consume input (headers, a member's end) without any.
    while (!finished_ && stream_.avail_out == capacity && capacity != 0) {
      if (stream_.avail_in == 0 && !refill()) {
        if (in_member_) throw IoError(name_ + ": unexpected end of compressed data");
        finished_ = true;
        break;
      }
      in_member_ = true;
      const int status = inflate(&stream_, Z_NO_FLUSH);
      if (status == Z_STREAM_END) {
        in_member_ = false;
        if (gzip_) {
          inflateReset(&stream_);  // another gzip member may follow
        } else {
          finished_ = true;
        }
      } else if (status != Z_OK && status != Z_BUF_ERROR) {
        throw IoError(name_ + ": corrupt compressed data" +
                      (stream_.msg != nullptr ? std::string(": ") + stream_.msg : std::string()));
      }
    }
    return capacity - stream_.avail_out;
  }

 private:
  bool refill() {
    const std::size_t got = input_->read(buffer_.data(), buffer_.size());
    stream_.next_in = reinterpret_cast<Bytef*>(buffer_.data());
    stream_.avail_in = static_cast<uInt>(got);
    return got != 0;
  }

  std::unique_ptr<ByteSource> input_;
  std::string name_;
  bool gzip_;
  bool finished_ = false;
  bool in_member_ = false;  // input of a member was seen and its end was not
  std::vector<char> buffer_;
  z_stream stream_{};
};

}  // namespace

std::unique_ptr<ByteSource> open_file(const std::string& path, uint64_t offset, uint64_t length) {
  return std::make_unique<FileSource>(path, offset, length);
}

std::unique_ptr<ByteSource> memory_source(std::string_view data) {
  return std::make_unique<MemorySource>(data);
}

std::unique_ptr<ByteSource> gunzip(std::unique_ptr<ByteSource> compressed, std::string name) {
  return std::make_unique<InflateSource>(std::move(compressed), std::move(name), true);
}

std::unique_ptr<ByteSource> raw_inflate(std::unique_ptr<ByteSource> compressed, std::string name) {
  return std::make_unique<InflateSource>(std::move(compressed), std::move(name), false);
}

std::string read_file_prefix(const std::string& path, std::size_t size) {
  std::string prefix(size, '\0');
  auto source = open_file(path);
  std::size_t got = 0;
  while (got < size) {
    const std::size_t n = source->read(prefix.data() + got, size - got);
    if (n == 0) break;
    got += n;
  }
  prefix.resize(got);
  return prefix;
}

std::unique_ptr<ByteSource> open_maybe_gzip(const std::string& path) {
  if (has_gzip_magic(read_file_prefix(path, 2))) return gunzip(open_file(path), path);
  return open_file(path);
}

}  // namespace farad::io
