#include "store/file_descriptor.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "store/store_error.hpp"

namespace farad::store {

void throw_system_error(const std::string& path, std::string_view what) {
  throw StoreError(path + ": " + std::string(what) + ": " + std::strerror(errno));
}

FileDescriptor::FileDescriptor(const std::filesystem::path& path, int flags, unsigned mode)
    : path_(path.string()) {
  do {
    fd_ = ::open(path_.c_str(), flags | O_CLOEXEC, mode);
  } while (fd_ < 0 && errno == EINTR);
  if (fd_ < 0) throw_system_error(path_, "cannot open");
}

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

FileDescriptor::FileDescriptor(FileDescriptor&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

std::size_t FileDescriptor::read_at(char* data, std::size_t size, uint64_t offset) const {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::pread(fd_, data + got, size - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_system_error(path_, "cannot read");
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

void FileDescriptor::write_at(std::string_view bytes, uint64_t offset) const {
  write_pieces_at({bytes}, offset);
}

void FileDescriptor::write_pieces_at(std::initializer_list<std::string_view> pieces,
                                     uint64_t offset) const {
  std::vector<iovec> vectors;
  for (const auto piece : pieces) {
    if (!piece.empty()) vectors.push_back({const_cast<char*>(piece.data()), piece.size()});
  }
  std::size_t first = 0;
  while (first < vectors.size()) {
    const ssize_t n =
        ::pwritev(fd_, vectors.data() + first, static_cast<int>(vectors.size() - first),
                  static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_system_error(path_, "cannot write");
    if (n == 0) throw StoreError(path_ + ": cannot write: no progress");
    offset += static_cast<uint64_t>(n);
    // Skip what was written: whole vectors, then the written part of the next one.
    auto left = static_cast<std::size_t>(n);
    while (first < vectors.size() && left >= vectors[first].iov_len) {
      left -= vectors[first].iov_len;
      ++first;
    }
    if (first < vectors.size()) {
      vectors[first].iov_base = static_cast<char*>(vectors[first].iov_base) + left;
      vectors[first].iov_len -= left;
    }
  }
}

uint64_t FileDescriptor::size() const {
  struct stat info {};
  if (::fstat(fd_, &info) != 0) throw_system_error(path_, "cannot stat");
  return static_cast<uint64_t>(info.st_size);
}

void FileDescriptor::truncate(uint64_t size) const {
  int rc;
  do {
    rc = ::ftruncate(fd_, static_cast<off_t>(size));
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) throw_system_error(path_, "cannot truncate");
}

void FileDescriptor::sync_data() const {
  int rc;
  do {
    rc = ::fdatasync(fd_);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) throw_system_error(path_, "cannot sync");
}

void sync_directory(const std::filesystem::path& dir) {
  FileDescriptor directory(dir, O_RDONLY | O_DIRECTORY);
  int rc;
  do {
    rc = ::fsync(directory.get());
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) throw_system_error(directory.path(), "cannot sync directory");
}

}  // namespace farad::store
