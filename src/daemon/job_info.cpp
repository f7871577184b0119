#include "daemon/job_info.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "io/time_format.hpp"
#include "store/atomic_file.hpp"

namespace farad::daemon {
namespace {

nlohmann::json link(const std::string& collection, const std::string& id) {
  return {{"rel", "self"}, {"href", "/kapacitor/v1/" + collection + "/" + id}};
}

JobStatus parse_status(const std::string& text) {
  if (text == "running") return JobStatus::Running;
  if (text == "finished") return JobStatus::Finished;
  return JobStatus::Failed;
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

}  // namespace

const char* job_status_name(JobStatus status) {
  switch (status) {
    case JobStatus::Running:
      return "running";
    case JobStatus::Finished:
      return "finished";
    case JobStatus::Failed:
      break;
  }
  return "failed";
}

nlohmann::json api_json(const RecordingInfo& info) {
  return {{"link", link("recordings", info.id)},
          {"id", info.id},
          {"type", info.type},
          {"size", info.size},
          {"date", io::format_rfc3339_nano(info.date_ns)},
          {"error", info.error},
          {"status", job_status_name(info.status)},
          {"progress", info.progress}};
}

nlohmann::json api_json(const ReplayInfo& info, bool with_stats) {
  nlohmann::json json = {{"link", link("replays", info.id)},
                         {"id", info.id},
                         {"task", info.task},
                         {"recording", info.recording},
                         {"recording-time", info.recording_time},
                         {"clock", replay_clock_name(info.clock)},
                         {"date", io::format_rfc3339_nano(info.date_ns)},
                         {"error", info.error},
                         {"status", job_status_name(info.status)},
                         {"progress", info.progress}};
  // farad's replay from the write-ahead log has no recording: it shows its range instead.
  if (info.start_ns) json["start"] = io::format_rfc3339_nano(*info.start_ns);
  if (info.stop_ns) json["stop"] = io::format_rfc3339_nano(*info.stop_ns);
  // Kapacitor fills the stats of a finished replay only (and omits empty maps).
  if (with_stats) {
    json["stats"] = info.status == JobStatus::Finished ? nlohmann::json::parse(info.stats)
                                                       : nlohmann::json::object();
  }
  return json;
}

static nlohmann::json stored_json(const RecordingInfo& info) {
  nlohmann::json json = api_json(info);
  json["date_ns"] = info.date_ns;
  json["task"] = info.task;
  json["stop_ns"] = info.stop_ns;
  return json;
}

static nlohmann::json stored_json(const ReplayInfo& info) {
  nlohmann::json json = api_json(info);
  json["stats"] = nlohmann::json::parse(info.stats);
  json["date_ns"] = info.date_ns;
  if (info.start_ns) json["start_ns"] = *info.start_ns;
  if (info.stop_ns) json["stop_ns"] = *info.stop_ns;
  return json;
}

static void from_stored_json(const nlohmann::json& json, RecordingInfo& info) {
  info.id = json.at("id").get<std::string>();
  info.type = json.value("type", std::string("stream"));
  info.size = json.value("size", int64_t{0});
  info.date_ns = json.value("date_ns", int64_t{0});
  info.error = json.value("error", std::string());
  info.status = parse_status(json.value("status", std::string()));
  info.progress = json.value("progress", 0.0);
  info.task = json.value("task", std::string());
  info.stop_ns = json.value("stop_ns", int64_t{0});
}

static void from_stored_json(const nlohmann::json& json, ReplayInfo& info) {
  info.id = json.at("id").get<std::string>();
  info.task = json.value("task", std::string());
  info.recording = json.value("recording", std::string());
  info.recording_time = json.value("recording-time", false);
  info.clock =
      parse_replay_clock(json.value("clock", std::string("fast"))).value_or(ReplayClockKind::Fast);
  info.date_ns = json.value("date_ns", int64_t{0});
  info.error = json.value("error", std::string());
  info.status = parse_status(json.value("status", std::string()));
  info.progress = json.value("progress", 0.0);
  info.stats = json.value("stats", nlohmann::json::object()).dump();
  if (json.contains("start_ns")) info.start_ns = json.at("start_ns").get<int64_t>();
  if (json.contains("stop_ns")) info.stop_ns = json.at("stop_ns").get<int64_t>();
}

void write_job_file(const std::filesystem::path& path, const RecordingInfo& info) {
  store::atomic_write_file(path, stored_json(info).dump());
}

void write_job_file(const std::filesystem::path& path, const ReplayInfo& info) {
  store::atomic_write_file(path, stored_json(info).dump());
}

void read_job_file(const std::filesystem::path& path, RecordingInfo& info) {
  from_stored_json(read_json_file(path), info);
}

void read_job_file(const std::filesystem::path& path, ReplayInfo& info) {
  from_stored_json(read_json_file(path), info);
}

}  // namespace farad::daemon
