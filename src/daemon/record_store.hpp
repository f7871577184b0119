#pragma once
// One JSON file per record, <dir>/<id>.json, replaced atomically on every change: the daemon's
// task store and template store.

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "store/atomic_file.hpp"

namespace farad::daemon {

/// The (path, text) of every *.json file of `dir`. Throws std::runtime_error naming a file it
/// cannot read.
std::vector<std::pair<std::filesystem::path, std::string>> read_json_files(
    const std::filesystem::path& dir);

template <typename Record, Record (*from_json)(const std::string&),
          std::string (*to_json)(const Record&)>
class JsonRecordStore {
 public:
  explicit JsonRecordStore(std::filesystem::path dir) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
  }

  /// Every stored record, by id. Throws std::runtime_error naming a file it cannot read.
  std::vector<Record> load_all() const {
    std::vector<Record> records;
    for (const auto& [path, text] : read_json_files(dir_)) {
      try {
        records.push_back(from_json(text));
      } catch (const std::exception& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
      }
    }
    std::sort(records.begin(), records.end(),
              [](const Record& a, const Record& b) { return a.id < b.id; });
    return records;
  }

  void save(const Record& record) const {
    store::atomic_write_file(dir_ / (record.id + ".json"), to_json(record));
  }

  void remove(const std::string& id) const { std::filesystem::remove(dir_ / (id + ".json")); }

 private:
  std::filesystem::path dir_;
};

}  // namespace farad::daemon
