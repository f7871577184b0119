#include "daemon/task_routes.hpp"

#include <nlohmann/json.hpp>

#include "daemon/api_json.hpp"
#include "daemon/debug_vars.hpp"
#include "daemon/template_routes.hpp"
#include "server/responses.hpp"
#include "server/router.hpp"

namespace farad::daemon {
namespace {

constexpr std::string_view kTasksPath = "/kapacitor/v1/tasks";

server::Response error_answer(const TaskError& error) {
  return server::v1_error(error.status, error.message);
}

server::Response task_answer(Daemon& daemon, const std::string& id, bool raw_script) {
  auto view = daemon.find_task(id);
  if (!view) return server::v1_error(404, "no task exists");
  return json_answer(200, task_json(*view, raw_script));
}

server::Response list(const server::Request& request, Daemon& daemon) {
  const auto raw = raw_script_param(request);
  if (!raw) {
    return server::v1_error(400, "invalid script-format parameter \"" +
                                     std::string(request.param("script-format")) + "\"");
  }
  ListParams params;
  try {
    params = list_params(request);
  } catch (const std::runtime_error& e) {
    return server::v1_error(400, e.what());
  }
  nlohmann::json tasks = nlohmann::json::array();
  size_t skipped = 0;
  for (const TaskView& view : daemon.list_tasks()) {
    if (!params.matches(view.record.id)) continue;
    if (skipped++ < params.offset) continue;
    if (tasks.size() >= params.limit) break;
    tasks.push_back(params.select(task_json(view, *raw)));
  }
  return json_answer(200, {{"tasks", tasks}});
}

server::Response define(const server::Request& request, Daemon& daemon) {
  TaskOptions options;
  try {
    options = parse_task_options(request.body);
  } catch (const std::runtime_error& e) {
    return server::v1_error(400, e.what());
  }
  TaskRecord record;
  record.id = options.id.empty() ? server::new_request_id() : options.id;  // as Kapacitor
  record.template_id = options.template_id;
  record.type = options.type.empty() ? "stream" : options.type;
  record.dbrps = options.dbrps;
  record.script = options.script;
  record.vars_json = options.vars_json.value_or("{}");
  record.enabled = options.enabled.value_or(false);
  const std::string id = record.id;
  if (auto error = daemon.define_task(std::move(record))) return error_answer(*error);
  return task_answer(daemon, id, false);
}

server::Response patch(const server::Request& request, Daemon& daemon, const std::string& id) {
  TaskOptions options;
  try {
    options = parse_task_options(request.body);
  } catch (const std::runtime_error& e) {
    return server::v1_error(400, e.what());
  }
  std::string updated_id;
  if (auto error = daemon.update_task(id, options, updated_id)) return error_answer(*error);
  return task_answer(daemon, updated_id, false);
}

// GET /tasks/<id>/<endpoint>: an httpOut node's content, written as Kapacitor writes it.
server::Response http_out(Daemon& daemon, const std::string& id, const std::string& endpoint) {
  const auto answer = daemon.http_out(id, endpoint);
  if (!answer) return server::v1_error(404, "Not Found");
  server::Response response;
  response.status = static_cast<unsigned>(answer->status);
  response.set_header("Content-Type", "application/json");
  response.body = answer->body;
  return response;
}

}  // namespace

std::optional<server::Response> handle_task_request(const server::Request& request,
                                                    Daemon& daemon) {
  if (auto answer = handle_debug_vars(request, daemon)) return answer;
  if (auto answer = handle_template_request(request, daemon)) return answer;
  const std::string_view path = request.path;
  if (path == kTasksPath || path == std::string(kTasksPath) + "/") {
    if (request.method == "GET") return list(request, daemon);
    if (request.method == "POST") return define(request, daemon);
    return method_not_allowed("GET, POST");
  }
  if (!path.starts_with(std::string(kTasksPath) + "/")) return std::nullopt;
  const std::string_view rest = path.substr(kTasksPath.size() + 1);
  const size_t slash = rest.find('/');
  const std::string id(rest.substr(0, slash));
  if (slash != std::string_view::npos) {
    if (request.method != "GET") return method_not_allowed("GET");
    return http_out(daemon, id, std::string(rest.substr(slash + 1)));
  }
  if (request.method == "GET") {
    const auto raw = raw_script_param(request);
    if (!raw) {
      return server::v1_error(400, "invalid script-format parameter \"" +
                                       std::string(request.param("script-format")) + "\"");
    }
    return task_answer(daemon, id, *raw);
  }
  if (request.method == "PATCH") return patch(request, daemon, id);
  if (request.method == "DELETE") {
    if (auto error = daemon.delete_task(id)) return error_answer(*error);
    return server::no_content();
  }
  return method_not_allowed("GET, PATCH, DELETE");
}

}  // namespace farad::daemon
