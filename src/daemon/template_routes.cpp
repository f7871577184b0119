#include "daemon/template_routes.hpp"

#include <nlohmann/json.hpp>

#include "daemon/api_json.hpp"
#include "server/responses.hpp"
#include "server/router.hpp"

namespace farad::daemon {
namespace {

constexpr std::string_view kTemplatesPath = "/kapacitor/v1/templates";

server::Response bad_script_format(const server::Request& request) {
  return server::v1_error(400, "invalid script-format parameter \"" +
                                   std::string(request.param("script-format")) + "\"");
}

server::Response template_answer(Daemon& daemon, const std::string& id, bool raw_script) {
  auto view = daemon.find_template(id);
  if (!view) return server::v1_error(404, "no template exists");
  return json_answer(200, template_json(*view, raw_script));
}

// Kapacitor's CreateTemplateOptions / UpdateTemplateOptions: id, type, script; an empty member
// is an absent one.
std::optional<TemplateRecord> parse_template(const std::string& body, std::string& error) {
  try {
    const auto document = nlohmann::json::parse(body);
    if (!document.is_object()) {
      error = "invalid JSON";
      return std::nullopt;
    }
    TemplateRecord record;
    record.id = document.value("id", std::string());
    record.type = document.value("type", std::string());
    record.script = document.value("script", std::string());
    if (!record.type.empty() && record.type != "stream" && record.type != "batch") {
      error = "unknown task type \"" + record.type + "\"";
      return std::nullopt;
    }
    return record;
  } catch (const nlohmann::json::exception& e) {
    error = std::string("invalid JSON: ") + e.what();
    return std::nullopt;
  }
}

server::Response list(const server::Request& request, Daemon& daemon) {
  const auto raw = raw_script_param(request);
  if (!raw) return bad_script_format(request);
  ListParams params;
  try {
    params = list_params(request);
  } catch (const std::runtime_error& e) {
    return server::v1_error(400, e.what());
  }
  nlohmann::json templates = nlohmann::json::array();
  size_t skipped = 0;
  for (const TemplateView& view : daemon.list_templates()) {
    if (!params.matches(view.record.id)) continue;
    if (skipped++ < params.offset) continue;
    if (templates.size() >= params.limit) break;
    templates.push_back(params.select(template_json(view, *raw)));
  }
  return json_answer(200, {{"templates", templates}});
}

server::Response define(const server::Request& request, Daemon& daemon) {
  std::string error;
  auto record = parse_template(request.body, error);
  if (!record) return server::v1_error(400, error);
  if (record->id.empty()) record->id = server::new_request_id();  // as Kapacitor
  if (record->type.empty()) record->type = "stream";
  const std::string id = record->id;
  if (auto failed = daemon.define_template(std::move(*record))) {
    return server::v1_error(failed->status, failed->message);
  }
  return template_answer(daemon, id, false);
}

server::Response patch(const server::Request& request, Daemon& daemon, const std::string& id) {
  std::string error;
  const auto changes = parse_template(request.body, error);
  if (!changes) return server::v1_error(400, error);
  std::string updated_id;
  if (auto failed = daemon.update_template(id, *changes, updated_id)) {
    return server::v1_error(failed->status, failed->message);
  }
  return template_answer(daemon, updated_id, false);
}

}  // namespace

std::optional<server::Response> handle_template_request(const server::Request& request,
                                                        Daemon& daemon) {
  const std::string_view path = request.path;
  if (path == kTemplatesPath || path == std::string(kTemplatesPath) + "/") {
    if (request.method == "GET") return list(request, daemon);
    if (request.method == "POST") return define(request, daemon);
    return method_not_allowed("GET, POST");
  }
  if (!path.starts_with(std::string(kTemplatesPath) + "/")) return std::nullopt;
  const std::string id(path.substr(kTemplatesPath.size() + 1));
  if (request.method == "GET") {
    const auto raw = raw_script_param(request);
    if (!raw) return bad_script_format(request);
    return template_answer(daemon, id, *raw);
  }
  if (request.method == "PATCH") return patch(request, daemon, id);
  if (request.method == "DELETE") {
    if (auto failed = daemon.delete_template(id)) {
      return server::v1_error(failed->status, failed->message);
    }
    return server::no_content();
  }
  return method_not_allowed("GET, PATCH, DELETE");
}

}  // namespace farad::daemon
