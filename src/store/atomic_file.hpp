#pragma once
// Whole-file replacement that survives a crash at any point: readers see the old contents or
// the new ones, never a mix. Checkpoints, task files and the log's index sidecars use it.

#include <filesystem>
#include <string_view>

namespace farad::store {

/// Writes `bytes` to a temporary file next to `path`, fsyncs it, renames it over `path` and
/// fsyncs the directory. Throws StoreError; the temporary file is removed on failure.
void atomic_write_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace farad::store
