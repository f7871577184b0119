#pragma once
// A POSIX file descriptor that closes itself, and the few system calls the store makes on it,
// each throwing StoreError with the path and the system's reason.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace farad::store {

class FileDescriptor {
 public:
  FileDescriptor() = default;
  /// Opens `path` with open(2) `flags` (O_CLOEXEC is added) and `mode`; throws StoreError.
  FileDescriptor(const std::filesystem::path& path, int flags, unsigned mode = 0644);
  ~FileDescriptor();
  FileDescriptor(FileDescriptor&& other) noexcept;
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return fd_; }
  bool is_open() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

  /// Up to `size` bytes at `offset`; fewer only at the end of the file.
  std::size_t read_at(char* data, std::size_t size, uint64_t offset) const;
  /// Writes all of `bytes` at `offset`.
  void write_at(std::string_view bytes, uint64_t offset) const;
  /// Writes the pieces one after another at `offset` with as few system calls as possible.
  void write_pieces_at(std::initializer_list<std::string_view> pieces, uint64_t offset) const;
  uint64_t size() const;
  void truncate(uint64_t size) const;
  /// fdatasync(2): the data and the size, not the timestamps.
  void sync_data() const;

 private:
  int fd_ = -1;
  std::string path_;
};

/// A StoreError "PATH: WHAT: strerror(errno)".
[[noreturn]] void throw_system_error(const std::string& path, std::string_view what);

/// fsync of a directory, so that files created, renamed or removed in it stay so after a crash.
void sync_directory(const std::filesystem::path& dir);

}  // namespace farad::store
