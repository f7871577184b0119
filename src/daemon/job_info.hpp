#pragma once
// What the recordings and replays API shows of each job (Kapacitor's client.Recording and
// client.Replay), and how it is kept on disk: `<data-dir>/recordings/<id>.json` and
// `<data-dir>/replays/<id>.json`, the API's JSON plus `date_ns` (and, for a recording, the
// task and stop time it was started with).

#include <cstdint>
#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "daemon/replay_clock.hpp"

namespace farad::daemon {

enum class JobStatus { Running, Finished, Failed };
const char* job_status_name(JobStatus status);

struct RecordingInfo {
  std::string id;
  std::string type = "stream";
  int64_t size = 0;  ///< bytes of the recording file
  int64_t date_ns = 0;
  std::string error;
  JobStatus status = JobStatus::Running;
  double progress = 0;
  std::string task;
  int64_t stop_ns = 0;
};

struct ReplayInfo {
  std::string id;
  std::string task;
  std::string recording;  ///< empty for a replay from the write-ahead log
  bool recording_time = false;
  ReplayClockKind clock = ReplayClockKind::Fast;
  int64_t date_ns = 0;
  std::string error;
  JobStatus status = JobStatus::Running;
  double progress = 0;
  std::string stats = "{}";         ///< Kapacitor's ExecutionStats, as JSON text
  std::optional<int64_t> start_ns;  ///< a replay from the write-ahead log: its point range
  std::optional<int64_t> stop_ns;
};

/// The API's JSON (GET /kapacitor/v1/recordings/<id>).
nlohmann::json api_json(const RecordingInfo& info);
/// The API's JSON (GET /kapacitor/v1/replays/<id>); `with_stats` false in lists, as Kapacitor.
nlohmann::json api_json(const ReplayInfo& info, bool with_stats = true);

/// Writes the stored form atomically. Throws on an I/O error.
void write_job_file(const std::filesystem::path& path, const RecordingInfo& info);
void write_job_file(const std::filesystem::path& path, const ReplayInfo& info);
/// Reads the stored form. Throws std::exception on an unreadable or malformed file.
void read_job_file(const std::filesystem::path& path, RecordingInfo& info);
void read_job_file(const std::filesystem::path& path, ReplayInfo& info);

}  // namespace farad::daemon
