#pragma once
// The recordings or the replays the API knows, by id, each kept in `<dir>/<id>.json` (written
// atomically on every change of status; progress is kept in memory only). Thread-safe.

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "daemon/job_info.hpp"

namespace farad::daemon {

template <class Info>
class JobTable {
 public:
  /// Creates `dir` and loads every `<id>.json` in it; a job still running when the daemon
  /// stopped is marked failed, as Kapacitor does. Unreadable files are skipped and returned
  /// in `problems`.
  JobTable(std::filesystem::path dir, std::vector<std::string>& problems) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      if (entry.path().extension() != ".json") continue;
      try {
        Info info;
        read_job_file(entry.path(), info);
        if (info.status == JobStatus::Running) {
          info.status = JobStatus::Failed;
          info.error = "unexpected shutdown";
          save(info);
        }
        jobs_[info.id] = std::move(info);
      } catch (const std::exception& e) {
        problems.push_back(entry.path().filename().string() + ": " + e.what());
      }
    }
  }

  /// Adds a job; false when the id is taken.
  bool insert(const Info& info) {
    std::lock_guard lock(mutex_);
    if (!jobs_.emplace(info.id, info).second) return false;
    save(info);
    return true;
  }

  /// Changes a job (if it still exists) and stores it when `persist`.
  void update(const std::string& id, const std::function<void(Info&)>& change, bool persist) {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return;
    change(it->second);
    if (persist) save(it->second);
  }

  std::optional<Info> find(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    return it->second;
  }

  /// Every job, by id.
  std::vector<Info> list() const {
    std::lock_guard lock(mutex_);
    std::vector<Info> all;
    all.reserve(jobs_.size());
    for (const auto& [id, info] : jobs_) all.push_back(info);
    return all;
  }

  /// Forgets a job; false when there was none.
  bool erase(const std::string& id) {
    std::lock_guard lock(mutex_);
    if (jobs_.erase(id) == 0) return false;
    std::error_code ignored;
    std::filesystem::remove(path(id), ignored);
    return true;
  }

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path path(const std::string& id) const { return dir_ / (id + ".json"); }
  void save(const Info& info) const { write_job_file(path(info.id), info); }

  std::filesystem::path dir_;
  mutable std::mutex mutex_;
  std::map<std::string, Info> jobs_;
};

}  // namespace farad::daemon
