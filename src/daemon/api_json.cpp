#include "daemon/api_json.hpp"

#include <fnmatch.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "compile/dot.hpp"
#include "daemon/vars_json.hpp"
#include "io/time_format.hpp"
#include "lang/formatter.hpp"
#include "lang/parser.hpp"
#include "runtime/node_report_json.hpp"
#include "server/responses.hpp"

namespace farad::daemon {
namespace {

using nlohmann::json;

// Kapacitor formats the script it shows unless asked for the raw text, and shows the raw text
// of a script that does not parse.
std::string shown_script(const std::string& script, bool raw) {
  if (raw) return script;
  try {
    return lang::format_program(lang::parse_program(lang::Source("script", script)));
  } catch (const lang::DiagnosticError&) {
    return script;
  }
}

// Go's zero time.Time for a task never enabled.
std::string time_text(int64_t ns) {
  return ns == 0 ? std::string("0001-01-01T00:00:00Z") : io::format_rfc3339_nano(ns);
}

// Kapacitor's "stats": node statistics keyed by node name.
json stats_json(const TaskView& view) {
  json nodes = json::object();
  std::istringstream lines(runtime::node_reports_json(view.nodes, true));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto node = json::parse(line);
    const std::string name = node["name"].get<std::string>();
    node.erase("name");
    nodes[name] = std::move(node);
  }
  return {{"task-stats", json::object()}, {"node-stats", nodes}};
}

json link(std::string_view collection, const std::string& id) {
  return {{"rel", "self"}, {"href", "/kapacitor/v1/" + std::string(collection) + "/" + id}};
}

std::optional<bool> parse_status(const json& status) {
  const std::string text = status.get<std::string>();
  if (text == "enabled") return true;
  if (text == "disabled") return false;
  return std::nullopt;
}

}  // namespace

json task_json(const TaskView& view, bool raw_script) {
  const TaskRecord& record = view.record;
  json dbrps = json::array();
  for (const auto& dbrp : view.dbrps) {
    dbrps.push_back({{"db", dbrp.database}, {"rp", dbrp.retention_policy}});
  }
  return {{"link", link("tasks", record.id)},
          {"id", record.id},
          {"template-id", record.template_id},
          {"type", record.type},
          {"dbrps", dbrps},
          {"script", shown_script(record.script, raw_script)},
          {"vars", json::parse(record.vars_json)},
          {"dot", view.dot},
          {"status", record.enabled ? "enabled" : "disabled"},
          {"executing", view.executing},
          {"error", view.error},
          {"stats", stats_json(view)},
          {"created", time_text(record.created_ns)},
          {"modified", time_text(record.modified_ns)},
          {"last-enabled", time_text(record.last_enabled_ns)}};
}

json template_json(const TemplateView& view, bool raw_script) {
  const TemplateRecord& record = view.record;
  return {{"link", link("templates", record.id)},
          {"id", record.id},
          {"type", record.type},
          {"script", shown_script(record.script, raw_script)},
          {"vars", view.spec ? declared_vars_json(*view.spec) : json::object()},
          {"dot", view.spec ? compile::to_dot(*view.spec) : std::string()},
          {"error", view.error},
          {"created", time_text(record.created_ns)},
          {"modified", time_text(record.modified_ns)}};
}

TaskOptions parse_task_options(std::string_view body) {
  TaskOptions options;
  json document;
  try {
    document = json::parse(body);
    if (!document.is_object()) throw std::runtime_error("invalid JSON");
    options.id = document.value("id", std::string());
    options.template_id = document.value("template-id", std::string());
    options.type = document.value("type", std::string());
    options.script = document.value("script", std::string());
    for (const auto& dbrp : document.value("dbrps", json::array())) {
      options.dbrps.push_back({dbrp.at("db").get<std::string>(), dbrp.at("rp").get<std::string>()});
    }
    if (document.contains("status") && !document["status"].get<std::string>().empty()) {
      options.enabled = parse_status(document["status"]);
      if (!options.enabled)
        throw std::runtime_error("invalid status, expected enabled or disabled");
    }
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("invalid JSON: ") + e.what());
  }
  if (!options.type.empty() && options.type != "stream" && options.type != "batch") {
    throw std::runtime_error("unknown task type \"" + options.type + "\"");
  }
  // As Go decodes the options, empty vars are no vars: PATCH keeps the stored ones.
  if (document.contains("vars") && !document["vars"].is_null() && !document["vars"].empty()) {
    options.vars_json = normalized_vars_json(document["vars"]);
  }
  return options;
}

std::optional<bool> raw_script_param(const server::Request& request) {
  const std::string_view format = request.param("script-format");
  if (format.empty() || format == "formatted") return false;
  if (format == "raw") return true;
  return std::nullopt;
}

bool ListParams::matches(const std::string& id) const {
  return pattern.empty() || fnmatch(pattern.c_str(), id.c_str(), 0) == 0;
}

json ListParams::select(const json& entry) const {
  if (fields.empty()) return entry;
  json out = {{"id", entry.at("id")}, {"link", entry.at("link")}};
  for (const auto& field : fields) {
    if (entry.contains(field)) out[field] = entry[field];
  }
  return out;
}

ListParams list_params(const server::Request& request) {
  ListParams params;
  params.pattern = std::string(request.param("pattern"));
  auto number = [&](std::string_view name, size_t& out) {
    const std::string text(request.param(name));
    if (text.empty()) return;
    try {
      size_t used = 0;
      const long long value = std::stoll(text, &used);
      if (used != text.size()) throw std::invalid_argument(text);
      out = value < 0 ? 0 : static_cast<size_t>(value);
    } catch (const std::exception&) {
      throw std::runtime_error("invalid " + std::string(name) + " parameter \"" + text +
                               "\" must be an integer");
    }
  };
  number("offset", params.offset);
  number("limit", params.limit);
  for (const auto& [name, value] : request.query) {
    if (name == "fields") params.fields.push_back(value);
  }
  return params;
}

server::Response json_answer(unsigned status, const json& body) {
  return server::json_response(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

server::Response method_not_allowed(std::string allow) {
  server::Response response = server::v1_error(405, "method not allowed");
  response.set_header("Allow", std::move(allow));
  return response;
}

}  // namespace farad::daemon
