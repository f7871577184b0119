// A replay's points from a stream recording, with progress as the share of the file read.
#include <algorithm>
#include <memory>

#include "daemon/point_source.hpp"
#include "io/byte_source.hpp"
#include "io/recording.hpp"

namespace farad::daemon {
namespace {

// Counts the bytes read from the file beneath the decompressor.
class CountingSource : public io::ByteSource {
 public:
  CountingSource(std::unique_ptr<io::ByteSource> inner, std::shared_ptr<uint64_t> count)
      : inner_(std::move(inner)), count_(std::move(count)) {}
  std::size_t read(char* data, std::size_t size) override {
    const std::size_t n = inner_->read(data, size);
    *count_ += n;
    return n;
  }

 private:
  std::unique_ptr<io::ByteSource> inner_;
  std::shared_ptr<uint64_t> count_;
};

class RecordingSource : public PointSource {
 public:
  explicit RecordingSource(const std::filesystem::path& path)
      : size_(std::filesystem::file_size(path)),
        read_(std::make_shared<uint64_t>(0)),
        reader_(open(path, read_), path.filename().string()) {}

  bool next(model::Point& point) override { return reader_.next(point); }
  double progress() const override {
    return size_ == 0 ? 1.0
                      : std::min(1.0, static_cast<double>(*read_) / static_cast<double>(size_));
  }

 private:
  static std::unique_ptr<io::ByteSource> open(const std::filesystem::path& path,
                                              std::shared_ptr<uint64_t> read) {
    auto file = std::make_unique<CountingSource>(io::open_file(path.string()), std::move(read));
    if (io::has_gzip_magic(io::read_file_prefix(path.string(), 2))) {
      return io::gunzip(std::move(file), path.string());
    }
    return file;
  }

  uint64_t size_;
  std::shared_ptr<uint64_t> read_;
  io::StreamRecordingReader reader_;
};

}  // namespace

std::unique_ptr<PointSource> recording_source(const std::filesystem::path& path) {
  return std::make_unique<RecordingSource>(path);
}

}  // namespace farad::daemon
