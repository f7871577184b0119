#pragma once
// Fixtures for the store tests: a temporary log directory, records with recognisable bodies,
// and the file surgery that simulates crashes and disk damage.

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/segment_files.hpp"
#include "store/wal_reader.hpp"
#include "store/wal_writer.hpp"

namespace farad::test {

/// A fresh directory under the temporary directory, removed with everything in it.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("farad-store-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter.fetch_add(1)) + "-" + name);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// The header of test record `i`: arrival time i seconds after the epoch.
inline store::WalRecordHeader test_header(int64_t i) {
  return {"telegraf", "autogen", io::Precision::Second, i * 1'000'000'000,
          store::BodyEncoding::LineProtocol};
}

/// The body of test record `i`.
inline std::string test_body(int64_t i) {
  return "cpu,host=h" + std::to_string(i) + " usage=" + std::to_string(i) + " " +
         std::to_string(i) + "\n";
}

/// A segment size that holds exactly three test records numbered below 1000.
inline constexpr uint64_t kThreeRecords = 250;

inline store::WalOptions never_sync(uint64_t segment_bytes = 64ULL << 20) {
  store::WalOptions options;
  options.fsync = store::FsyncPolicy::Never;
  options.segment_bytes = segment_bytes;
  return options;
}

/// Appends test records first..last (inclusive) and returns their positions.
inline std::vector<store::WalPosition> append_range(store::WalWriter& writer, int64_t first,
                                                    int64_t last) {
  std::vector<store::WalPosition> positions;
  for (int64_t i = first; i <= last; ++i)
    positions.push_back(writer.append(test_header(i), test_body(i)));
  return positions;
}

/// Everything a reader returns from `from` to `stop`.
struct ReadResult {
  std::vector<store::WalEntry> entries;
  std::vector<store::WalDamage> damage;

  /// The arrival seconds of the entries, i.e. the test record numbers.
  std::vector<int64_t> numbers() const {
    std::vector<int64_t> out;
    for (const auto& entry : entries) out.push_back(entry.record.header.arrival_ns / 1'000'000'000);
    return out;
  }
};

inline ReadResult read_all(const std::filesystem::path& dir, store::WalPosition from = {},
                           store::WalPosition stop = store::WalPosition::max()) {
  ReadResult result;
  store::WalReader reader(dir, from, stop);
  store::WalEntry entry;
  while (reader.next(entry)) result.entries.push_back(entry);
  result.damage = reader.damage();
  return result;
}

inline std::vector<int64_t> iota(int64_t first, int64_t last) {
  std::vector<int64_t> out;
  for (int64_t i = first; i <= last; ++i) out.push_back(i);
  return out;
}

inline void truncate_file(const std::filesystem::path& path, uint64_t size) {
  std::filesystem::resize_file(path, size);
}

/// Flips bit `bit` of the byte at `offset`.
inline void flip_bit(const std::filesystem::path& path, uint64_t offset, int bit = 0) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  file.get(byte);
  byte = static_cast<char>(byte ^ (1 << bit));
  file.seekp(static_cast<std::streamoff>(offset));
  file.put(byte);
}

inline void append_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << bytes;
}

}  // namespace farad::test
