#include <nlohmann/json.hpp>

#include "daemon/job_routes_util.hpp"
#include "daemon/replay_routes.hpp"
#include "io/time_format.hpp"

namespace farad::daemon {
namespace {

constexpr std::string_view kReplaysPath = "/kapacitor/v1/replays";

// A time of the request body; nullopt when absent, an error answer when malformed.
std::optional<server::Response> read_time(const nlohmann::json& body, const char* key,
                                          std::optional<int64_t>& out) {
  if (!body.contains(key)) return std::nullopt;
  out = io::parse_rfc3339_nanos(body.at(key).get<std::string>());
  if (!out) return server::v1_error(400, std::string("invalid ") + key + " time, expected RFC3339");
  return std::nullopt;
}

// Kapacitor's CreateReplayOptions {"id"?, "task", "recording", "recording-time", "clock"}; farad
// also replays from its write-ahead log: no "recording", and "start" (and "stop", default now)
// bounding the points' times.
server::Response create(const server::Request& request, ReplayService& service) {
  ReplayRequest options;
  try {
    const auto body = nlohmann::json::parse(request.body);
    options.id = body.value("id", std::string());
    options.task = body.value("task", std::string());
    options.recording = body.value("recording", std::string());
    options.recording_time = body.value("recording-time", false);
    const auto clock = parse_replay_clock(body.value("clock", std::string("fast")));
    if (!clock) {
      return server::v1_error(400, "invalid clock type " + body.at("clock").dump());
    }
    options.clock = *clock;
    if (options.recording.empty()) {
      if (auto error = read_time(body, "start", options.start_ns)) return *error;
      if (auto error = read_time(body, "stop", options.stop_ns)) return *error;
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  ReplayInfo started;
  if (auto error = service.replay(std::move(options), started)) {
    return server::v1_error(error->status, error->message);
  }
  return job_routes::json_answer(201, api_json(started));
}

// Kapacitor's ReplayBatchOptions {"id"?, "task", "start", "stop", "recording-time", "clock"}
// and ReplayQueryOptions {"id"?, "task", "query", "cluster", "recording-time", "clock"}.
server::Response create_live(const server::Request& request, ReplayService& service, bool query) {
  ReplayLiveRequest options;
  try {
    const auto body = nlohmann::json::parse(request.body);
    options.id = body.value("id", std::string());
    options.task = body.value("task", std::string());
    options.recording_time = body.value("recording-time", false);
    const auto clock = parse_replay_clock(body.value("clock", std::string("fast")));
    if (!clock) return server::v1_error(400, "invalid clock type " + body.at("clock").dump());
    options.clock = *clock;
    if (query) {
      options.query = body.value("query", std::string());
      options.cluster = body.value("cluster", std::string());
      if (options.query.empty()) return server::v1_error(400, "must provide query");
    } else {
      std::optional<int64_t> start;
      std::optional<int64_t> stop;
      if (auto error = read_time(body, "start", start)) return *error;
      if (auto error = read_time(body, "stop", stop)) return *error;
      if (!start) return server::v1_error(400, "must provide start time");
      options.start_ns = *start;
      options.stop_ns = stop.value_or(0);
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  ReplayInfo started;
  if (auto error = service.replay_live(std::move(options), started)) {
    return server::v1_error(error->status, error->message);
  }
  return job_routes::json_answer(201, api_json(started));
}

server::Response list(const server::Request& request, ReplayService& service) {
  job_routes::ListWindow window;
  if (auto error = job_routes::parse_window(request, window)) return *error;
  nlohmann::json replays = nlohmann::json::array();
  long index = 0;
  for (const auto& info : service.replays()) {
    if (!window.takes(info.id)) continue;
    if (index++ < window.offset) continue;
    if (window.limit >= 0 && static_cast<long>(replays.size()) >= window.limit) break;
    replays.push_back(api_json(info, false));
  }
  return job_routes::json_answer(200, {{"replays", replays}});
}

}  // namespace

std::optional<server::Response> handle_replay_request(const server::Request& request,
                                                      ReplayService& service) {
  const std::string_view path = request.path;
  if (path == kReplaysPath) {
    if (request.method == "GET") return list(request, service);
    if (request.method == "POST") return create(request, service);
    return job_routes::method_not_allowed("GET, POST");
  }
  if (!path.starts_with(std::string(kReplaysPath) + "/")) return std::nullopt;
  const std::string id(path.substr(kReplaysPath.size() + 1));
  if (request.method == "POST" && (id == "batch" || id == "query")) {
    return create_live(request, service, id == "query");
  }
  if (id.empty()) return server::v1_error(400, "must specify replay id on path");
  if (request.method == "GET") {
    const auto info = service.replay_info(id);
    if (!info) return server::v1_error(404, "could not find replay: no replay exists");
    return job_routes::json_answer(info->status == JobStatus::Running ? 202 : 200, api_json(*info));
  }
  if (request.method == "DELETE") {
    service.delete_replay(id);
    return server::no_content();
  }
  return job_routes::method_not_allowed("GET, DELETE");
}

}  // namespace farad::daemon
