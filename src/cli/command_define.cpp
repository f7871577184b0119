// farad define / define-template: create a task or template on the server, or update the one
// that exists with only the options given, as Kapacitor's CLI does. An enabled task is reloaded
// (disabled, then enabled) after an update unless -no-reload.
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/client_connection.hpp"
#include "cli/commands.hpp"
#include "cli/task_flags.hpp"
#include "compile/vars_file.hpp"

namespace farad::cli {
namespace {

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Go's wording: "open FILE: no such file or directory".
    std::string reason = std::strerror(errno);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    throw std::runtime_error("open " + path + ": " + reason);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string type_flag(const Arguments& args) {
  const std::string type = args.value("type").value_or("");
  if (!type.empty() && type != "stream" && type != "batch") {
    throw UsageError("-type must be stream or batch, got " + type);
  }
  return type;
}

// Kapacitor's vars file, either the vars object or {"vars": {...}}; checked here so that a bad
// file is reported with its name before anything reaches the server.
nlohmann::json vars_flag(const std::string& path) {
  const std::string text = read_text_file(path);
  try {
    compile::parse_vars_json(text);
  } catch (const std::exception& e) {
    throw std::runtime_error("invalid vars file " + path + ": " + e.what());
  }
  nlohmann::json vars = nlohmann::json::parse(text);
  if (vars.contains("vars") && vars["vars"].is_object()) vars = vars["vars"];
  return vars;
}

std::string single_id(const Arguments& args, const char* what) {
  if (args.positional().size() != 1) throw UsageError(std::string("must provide one ") + what);
  return args.positional()[0];
}

}  // namespace

int run_define(const Args& argv) {
  const Arguments args =
      client_arguments(argv, {"tick", "type", "dbrp", "vars", "template"}, {"no-reload"});
  const std::string id = single_id(args, "task ID");
  // Only what was given is sent, so an update leaves everything else as it is.
  nlohmann::json options = nlohmann::json::object();
  if (auto tick = args.value("tick")) options["script"] = read_text_file(*tick);
  if (const std::string type = type_flag(args); !type.empty()) options["type"] = type;
  if (auto template_id = args.value("template"); template_id && !template_id->empty()) {
    options["template-id"] = *template_id;
  }
  nlohmann::json dbrps = nlohmann::json::array();
  for (const auto& text : args.values("dbrp")) {
    const compile::Dbrp dbrp = parse_dbrp_flag(text);
    dbrps.push_back({{"db", dbrp.database}, {"rp", dbrp.retention_policy}});
  }
  if (!dbrps.empty()) options["dbrps"] = dbrps;
  if (auto vars = args.value("vars")) {
    nlohmann::json values = vars_flag(*vars);
    if (!values.empty()) options["vars"] = std::move(values);
  }

  ClientConnection connection(args);
  const std::string path = item_path("tasks", id);
  const auto existing = connection.find(path);
  if (!existing) {
    options["id"] = id;
    options["status"] = "disabled";
    connection.post("/kapacitor/v1/tasks", options);
    return 0;
  }
  connection.patch(path, options);
  if (!args.has("no-reload") && existing->value("status", std::string()) == "enabled") {
    connection.patch(path, {{"status", "disabled"}});
    connection.patch(path, {{"status", "enabled"}});
  }
  return 0;
}

int run_define_template(const Args& argv) {
  const Arguments args = client_arguments(argv, {"tick", "type"}, {});
  const std::string id = single_id(args, "template ID");
  nlohmann::json options = nlohmann::json::object();
  if (auto tick = args.value("tick")) options["script"] = read_text_file(*tick);
  if (const std::string type = type_flag(args); !type.empty()) options["type"] = type;

  ClientConnection connection(args);
  const std::string path = item_path("templates", id);
  if (connection.find(path)) {
    connection.patch(path, options);
  } else {
    options["id"] = id;
    connection.post("/kapacitor/v1/templates", options);
  }
  return 0;
}

}  // namespace farad::cli
