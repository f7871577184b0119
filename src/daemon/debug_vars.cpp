#include "daemon/debug_vars.hpp"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "daemon/api_json.hpp"
#include "expr/go_format.hpp"

namespace farad::daemon {
namespace {

using nlohmann::json;

// Go's expvar "cmdline": the process's arguments.
json command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  json args = json::array();
  std::string arg;
  for (char c : text.str()) {
    if (c != '\0') {
      arg += c;
      continue;
    }
    args.push_back(arg);
    arg.clear();
  }
  return args;
}

// Every statistic carries the server's ids in its tags, as Kapacitor's NewStatistic adds them.
json tags(const ServerIdentity& identity,
          std::initializer_list<std::pair<const char*, std::string>> own) {
  json out = {{"cluster_id", identity.cluster_id},
              {"host", identity.host},
              {"server_id", identity.server_id}};
  for (const auto& [key, value] : own) out[key] = value;
  return out;
}

// Kapacitor's node kind (its pipeline Desc): the node name without its id.
std::string node_kind(const std::string& name) {
  size_t end = name.size();
  while (end > 0 && name[end - 1] >= '0' && name[end - 1] <= '9') --end;
  return name.substr(0, end);
}

json statistics(const DaemonStats& stats) {
  json out = json::object();
  for (const auto& row : stats.ingress) {
    out["ingress/" + row.database + "/" + row.retention_policy + "/" + row.measurement] = {
        {"name", "ingress"},
        {"tags", tags(stats.identity, {{"database", row.database},
                                       {"retention_policy", row.retention_policy},
                                       {"measurement", row.measurement},
                                       {"task_master", "main"}})},
        {"values", {{"points_received", row.points_received}}}};
  }
  for (const auto& task : stats.tasks) {
    for (const auto& node : task.nodes) {
      // expvar prints a duration as Go does.
      json values = {{"avg_exec_time_ns", expr::go::format_duration(node.avg_exec_time_ns)},
                     {"errors", node.stats.errors},
                     {"working_cardinality", node.working_cardinality}};
      for (const auto& [name, count] : node.stats.counters) values[name] = count;
      out["nodes/" + task.task + "/" + node.name] = {
          {"name", "nodes"},
          {"tags", tags(stats.identity, {{"task", task.task},
                                         {"node", node.name},
                                         {"type", task.type},
                                         {"kind", node_kind(node.name)}})},
          {"values", values}};
    }
  }
  return out;
}

}  // namespace

std::string debug_vars_text(const DaemonStats& stats) {
  const std::map<std::string, json> members = {
      {"cluster_id", stats.identity.cluster_id},
      {"cmdline", command_line()},
      {"host", stats.identity.host},
      {"kapacitor", statistics(stats)},
      {"num_enabled_tasks", stats.num_enabled_tasks},
      {"num_subscriptions", 0},
      {"num_tasks", stats.num_tasks},
      {"platform", "OSS"},
      {"product", "kapacitor"},
      {"server_id", stats.identity.server_id},
      {"version", FARAD_SERVER_VERSION},
  };
  std::string text = "{\n";
  bool first = true;
  for (const auto& [name, value] : members) {
    if (!first) text += ",\n";
    first = false;
    text += json(name).dump() + ": " + value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  return text + "\n}\n";
}

std::optional<server::Response> handle_debug_vars(const server::Request& request,
                                                  const Daemon& daemon) {
  if (request.path != "/kapacitor/v1/debug/vars" && request.path != "/debug/vars") {
    return std::nullopt;
  }
  if (request.method != "GET") return method_not_allowed("GET");
  server::Response response;
  response.set_header("Content-Type", "application/json; charset=utf-8");
  response.body = debug_vars_text(daemon.stats());
  return response;
}

}  // namespace farad::daemon
