#include "daemon/task_routes.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "io/time_format.hpp"
#include "runtime/node_report_json.hpp"
#include "server/responses.hpp"

namespace farad::daemon {
namespace {

constexpr std::string_view kTasksPath = "/kapacitor/v1/tasks";

// Kapacitor's "stats": node statistics keyed by node name.
nlohmann::json stats_json(const TaskView& view) {
  nlohmann::json nodes = nlohmann::json::object();
  std::istringstream lines(runtime::node_reports_json(view.nodes));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto node = nlohmann::json::parse(line);
    const std::string name = node["name"].get<std::string>();
    node.erase("name");
    nodes[name] = std::move(node);
  }
  return {{"task-stats", nlohmann::json::object()}, {"node-stats", nodes}};
}

nlohmann::json task_json(const TaskView& view) {
  const TaskRecord& record = view.record;
  nlohmann::json dbrps = nlohmann::json::array();
  for (const auto& dbrp : view.dbrps) {
    dbrps.push_back({{"db", dbrp.database}, {"rp", dbrp.retention_policy}});
  }
  return {{"link", {{"rel", "self"}, {"href", std::string(kTasksPath) + "/" + record.id}}},
          {"id", record.id},
          {"template-id", ""},
          {"type", record.type},
          {"dbrps", dbrps},
          {"script", record.script},
          {"vars", nlohmann::json::parse(record.vars_json)},
          {"dot", view.dot},
          {"status", record.enabled ? "enabled" : "disabled"},
          {"executing", view.executing},
          {"error", view.error},
          {"stats", stats_json(view)},
          {"created", io::format_rfc3339_nano(record.created_ns)},
          {"modified", io::format_rfc3339_nano(record.modified_ns)}};
}

server::Response json_ok(unsigned status, const nlohmann::json& body) {
  return server::json_response(status,
                               body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

server::Response task_answer(Daemon& daemon, const std::string& id, unsigned status) {
  auto view = daemon.find_task(id);
  if (!view) return server::v1_error(404, "no task exists");
  return json_ok(status, task_json(*view));
}

// Kapacitor's status values; nullopt for anything else.
std::optional<bool> parse_status(const nlohmann::json& body) {
  const std::string status = body.at("status").get<std::string>();
  if (status == "enabled") return true;
  if (status == "disabled") return false;
  return std::nullopt;
}

server::Response define(const server::Request& request, Daemon& daemon) {
  TaskRecord record;
  try {
    const auto body = nlohmann::json::parse(request.body);
    record.id = body.value("id", std::string());
    record.type = body.value("type", std::string("stream"));
    for (const auto& dbrp : body.value("dbrps", nlohmann::json::array())) {
      record.dbrps.push_back({dbrp.at("db").get<std::string>(), dbrp.at("rp").get<std::string>()});
    }
    record.script = body.value("script", std::string());
    record.vars_json = body.value("vars", nlohmann::json::object()).dump();
    if (body.contains("status")) {
      const auto enabled = parse_status(body);
      if (!enabled) return server::v1_error(400, "invalid status, expected enabled or disabled");
      record.enabled = *enabled;
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  const std::string id = record.id;
  if (auto error = daemon.define_task(std::move(record))) {
    return server::v1_error(error->status, error->message);
  }
  return task_answer(daemon, id, 200);
}

server::Response patch(const server::Request& request, Daemon& daemon, const std::string& id) {
  std::optional<bool> enabled;
  try {
    const auto body = nlohmann::json::parse(request.body);
    if (body.contains("script") || body.contains("dbrps") || body.contains("vars")) {
      return server::v1_error(400, "only status can be changed; delete and define the task");
    }
    if (body.contains("status")) {
      enabled = parse_status(body);
      if (!enabled) return server::v1_error(400, "invalid status, expected enabled or disabled");
    }
  } catch (const nlohmann::json::exception& e) {
    return server::v1_error(400, std::string("invalid JSON: ") + e.what());
  }
  if (enabled) {
    if (auto error = daemon.set_task_status(id, *enabled)) {
      return server::v1_error(error->status, error->message);
    }
  }
  return task_answer(daemon, id, 200);
}

server::Response method_not_allowed(std::string allow) {
  server::Response response = server::v1_error(405, "method not allowed");
  response.set_header("Allow", std::move(allow));
  return response;
}

}  // namespace

std::optional<server::Response> handle_task_request(const server::Request& request,
                                                    Daemon& daemon) {
  const std::string_view path = request.path;
  if (path == kTasksPath || path == std::string(kTasksPath) + "/") {
    if (request.method == "GET") {
      nlohmann::json tasks = nlohmann::json::array();
      for (const TaskView& view : daemon.list_tasks()) tasks.push_back(task_json(view));
      return json_ok(200, {{"tasks", tasks}});
    }
    if (request.method == "POST") return define(request, daemon);
    return method_not_allowed("GET, POST");
  }
  if (!path.starts_with(std::string(kTasksPath) + "/")) return std::nullopt;
  const std::string id(path.substr(kTasksPath.size() + 1));
  if (request.method == "GET") return task_answer(daemon, id, 200);
  if (request.method == "PATCH") return patch(request, daemon, id);
  if (request.method == "DELETE") {
    if (auto error = daemon.delete_task(id)) return server::v1_error(error->status, error->message);
    return server::no_content();
  }
  return method_not_allowed("GET, PATCH, DELETE");
}

}  // namespace farad::daemon
