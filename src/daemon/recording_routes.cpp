#include <chrono>
#include <nlohmann/json.hpp>

#include "compile/duration_text.hpp"
#include "daemon/job_routes_util.hpp"
#include "daemon/recording_routes.hpp"
#include "io/time_format.hpp"

namespace farad::daemon {
namespace {

constexpr std::string_view kRecordingsPath = "/kapacitor/v1/recordings";

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// {"task", "stop": RFC3339, "id"?} as Kapacitor's RecordStreamOptions; farad also takes
// "duration" (a duration text such as "1m", or nanoseconds), the stop being now + duration as
// `kapacitor record stream -duration` computes it.
server::Response record_stream(const server::Request& request, ReplayService& service) {
  RecordStreamRequest options;
  try {
    const auto body = nlohmann::json::parse(request.body);
    options.id = body.value("id", std::string());
    options.task = body.value("task", std::string());
    if (body.contains("stop")) {
      const auto stop = io::parse_rfc3339_nanos(body.at("stop").get<std::string>());
      if (!stop) return server::v1_error(400, "invalid stop time, expected RFC3339");
      options.stop_ns = *stop;
    } else if (body.contains("duration")) {
      const auto& duration = body.at("duration");
      const auto ns = duration.is_number_integer()
                          ? std::optional<int64_t>(duration.get<int64_t>())
                          : compile::parse_duration_text(duration.get<std::string>());
      if (!ns || *ns <= 0)
        return server::v1_error(400, "invalid duration, expected e.g. 1m or 1h30m");
      options.stop_ns = now_ns() + *ns;
    } else {
      return server::v1_error(400, "must provide a stop time or a duration");
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  RecordingInfo started;
  if (auto error = service.record_stream(std::move(options), started)) {
    return server::v1_error(error->status, error->message);
  }
  return job_routes::json_answer(201, api_json(started));
}

// A time member: unset (0) when absent; an error answer when malformed.
std::optional<server::Response> read_time(const nlohmann::json& body, const char* key,
                                          int64_t& out) {
  if (!body.contains(key) || body.at(key).is_null()) return std::nullopt;
  const auto ns = io::parse_rfc3339_nanos(body.at(key).get<std::string>());
  if (!ns) return server::v1_error(400, std::string("invalid ") + key + " time, expected RFC3339");
  out = *ns;
  return std::nullopt;
}

// Kapacitor's RecordBatchOptions {"id"?, "task", "start", "stop"?} and RecordQueryOptions
// {"id"?, "query", "type", "cluster"?}.
server::Response record_batch_or_query(const server::Request& request, ReplayService& service,
                                       bool query) {
  RecordingInfo started;
  std::optional<TaskError> error;
  try {
    const auto body = nlohmann::json::parse(request.body);
    if (query) {
      RecordQueryRequest options;
      options.id = body.value("id", std::string());
      options.query = body.value("query", std::string());
      options.type = body.value("type", std::string());
      options.cluster = body.value("cluster", std::string());
      error = service.record_query(std::move(options), started);
    } else {
      RecordBatchRequest options;
      options.id = body.value("id", std::string());
      options.task = body.value("task", std::string());
      if (auto bad = read_time(body, "start", options.start_ns)) return *bad;
      if (auto bad = read_time(body, "stop", options.stop_ns)) return *bad;
      error = service.record_batch(std::move(options), started);
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  if (error) return server::v1_error(error->status, error->message);
  return job_routes::json_answer(201, api_json(started));
}

server::Response list(const server::Request& request, ReplayService& service) {
  job_routes::ListWindow window;
  if (auto error = job_routes::parse_window(request, window)) return *error;
  nlohmann::json recordings = nlohmann::json::array();
  long index = 0;
  for (const auto& info : service.recordings()) {
    if (!window.takes(info.id)) continue;
    if (index++ < window.offset) continue;
    if (window.limit >= 0 && static_cast<long>(recordings.size()) >= window.limit) break;
    recordings.push_back(api_json(info));
  }
  return job_routes::json_answer(200, {{"recordings", recordings}});
}

}  // namespace

std::optional<server::Response> handle_recording_request(const server::Request& request,
                                                         ReplayService& service) {
  const std::string_view path = request.path;
  if (path == kRecordingsPath) {
    if (request.method == "GET") return list(request, service);
    return job_routes::method_not_allowed("GET");
  }
  if (!path.starts_with(std::string(kRecordingsPath) + "/")) return std::nullopt;
  const std::string id(path.substr(kRecordingsPath.size() + 1));
  if (request.method == "POST") {
    if (id == "stream") return record_stream(request, service);
    if (id == "batch" || id == "query")
      return record_batch_or_query(request, service, id == "query");
    return job_routes::method_not_allowed("GET, DELETE");
  }
  if (id.empty()) return server::v1_error(400, "must specify recording id on path");
  if (request.method == "GET") {
    const auto info = service.recording(id);
    if (!info) return server::v1_error(404, "error finding recording: no recording exists");
    return job_routes::json_answer(info->status == JobStatus::Running ? 202 : 200, api_json(*info));
  }
  if (request.method == "DELETE") {
    service.delete_recording(id);
    return server::no_content();
  }
  return job_routes::method_not_allowed("GET, DELETE");
}

}  // namespace farad::daemon
