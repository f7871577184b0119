#include "store/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

#include "store/file_descriptor.hpp"

namespace farad::store {
namespace {

// Unique per process and call, so concurrent writers of one path never share a temporary.
std::filesystem::path temporary_path(const std::filesystem::path& path) {
  static std::atomic<uint64_t> counter{0};
  return path.string() + ".tmp." + std::to_string(::getpid()) + "." +
         std::to_string(counter.fetch_add(1));
}

}  // namespace

void atomic_write_file(const std::filesystem::path& path, std::string_view bytes) {
  const auto temporary = temporary_path(path);
  try {
    {
      FileDescriptor file(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC);
      file.write_at(bytes, 0);
      file.sync_data();
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
      throw_system_error(path.string(), "cannot rename " + temporary.string() + " to it");
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
  const auto parent = path.parent_path();
  sync_directory(parent.empty() ? std::filesystem::path(".") : parent);
}

}  // namespace farad::store
