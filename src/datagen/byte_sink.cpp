#include "datagen/byte_sink.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace farad::datagen {

namespace {

std::runtime_error write_error(const std::string& path, const char* detail) {
  return std::runtime_error("cannot write " + path + ": " + detail);
}

class StdioSink : public ByteSink {
 public:
  StdioSink(std::FILE* file, std::string path, bool owned)
      : file_(file), path_(std::move(path)), owned_(owned) {}
  ~StdioSink() override {
    if (owned_ && file_) std::fclose(file_);
  }

  void write(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      throw write_error(path_, std::strerror(errno));
    }
  }

  void close() override {
    const bool ok = std::fflush(file_) == 0;
    if (owned_) {
      const bool closed = std::fclose(file_) == 0;
      file_ = nullptr;
      if (!closed) throw write_error(path_, std::strerror(errno));
    }
    if (!ok) throw write_error(path_, std::strerror(errno));
  }

 private:
  std::FILE* file_;
  std::string path_;
  bool owned_;
};

class GzipSink : public ByteSink {
 public:
  explicit GzipSink(const std::string& path) : path_(path) {
    file_ = gzopen(path.c_str(), "wb1");
    if (!file_) throw write_error(path, std::strerror(errno));
    gzbuffer(file_, 1 << 20);
  }
  ~GzipSink() override {
    if (file_) gzclose(file_);
  }

  void write(std::string_view bytes) override {
    // gzwrite takes an unsigned length; chunks are far below 4 GiB but split to be safe.
    while (!bytes.empty()) {
      const size_t n = std::min<size_t>(bytes.size(), 1u << 30);
      if (gzwrite(file_, bytes.data(), static_cast<unsigned>(n)) != static_cast<int>(n)) {
        int code = 0;
        throw write_error(path_, gzerror(file_, &code));
      }
      bytes.remove_prefix(n);
    }
  }

  void close() override {
    const int status = gzclose(file_);
    file_ = nullptr;
    if (status != Z_OK) throw write_error(path_, "gzip close failed");
  }

 private:
  std::string path_;
  gzFile file_ = nullptr;
};

}  // namespace

std::unique_ptr<ByteSink> open_file_sink(const std::string& path) {
  if (path == "-") return std::make_unique<StdioSink>(stdout, "standard output", false);
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
    return std::make_unique<GzipSink>(path);
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) throw write_error(path, std::strerror(errno));
  // Chunks arrive in megabytes; stdio's own buffer would only add a copy.
  std::setvbuf(file, nullptr, _IONBF, 0);
  return std::make_unique<StdioSink>(file, path, true);
}

}  // namespace farad::datagen
