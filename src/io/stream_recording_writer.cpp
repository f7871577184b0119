#include "io/stream_recording_writer.hpp"

#include <zlib.h>

#include <algorithm>
#include <exception>

#include "io/byte_source.hpp"
#include "io/recording.hpp"

namespace farad::io {
namespace {

constexpr std::size_t kFlushBytes = 256 * 1024;

gzFile gz(void* file) {
  return static_cast<gzFile>(file);
}

}  // namespace

StreamRecordingWriter::StreamRecordingWriter(std::filesystem::path path) : path_(std::move(path)) {
  // Go's gzip.NewWriter uses the default compression level; so does "wb".
  file_ = gzopen(path_.c_str(), "wb");
  if (file_ == nullptr) throw IoError(path_.string() + ": cannot create the recording");
  buffer_.reserve(kFlushBytes + 4096);
}

StreamRecordingWriter::~StreamRecordingWriter() {
  try {
    close();
  } catch (const IoError&) {
    // A destructor cannot report it; callers that care call close() themselves.
  }
}

void StreamRecordingWriter::write(const model::Point& point) {
  append_stream_recording_entry(buffer_, point, Precision::Nanosecond);
  ++points_;
  if (buffer_.size() >= kFlushBytes) flush_buffer();
}

void StreamRecordingWriter::flush_buffer() {
  std::string_view rest = buffer_;
  while (!rest.empty()) {
    // gzwrite takes an unsigned length: write in chunks well below its limit.
    const auto n = static_cast<unsigned>(std::min<std::size_t>(rest.size(), 1u << 30));
    if (gzwrite(gz(file_), rest.data(), n) != static_cast<int>(n)) {
      throw IoError(path_.string() + ": cannot write the recording");
    }
    rest.remove_prefix(n);
  }
  buffer_.clear();
}

void StreamRecordingWriter::close() {
  if (file_ == nullptr) return;
  std::exception_ptr failure;
  try {
    flush_buffer();
  } catch (const IoError&) {
    failure = std::current_exception();
  }
  const int status = gzclose(gz(file_));
  file_ = nullptr;
  if (failure) std::rethrow_exception(failure);
  if (status != Z_OK) throw IoError(path_.string() + ": cannot close the recording");
}

}  // namespace farad::io
