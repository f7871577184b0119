#include "compile/spec_json.hpp"

#include <nlohmann/json.hpp>

namespace farad::compile {

namespace {

using nlohmann::json;

json settings_json(const std::vector<PropertySetting>& settings) {
  json out = json::array();
  for (const auto& s : settings) {
    json args = json::array();
    for (const auto& a : s.args) args.push_back(to_tick(a));
    out.push_back({{"name", s.name}, {"args", args}});
  }
  return out;
}

json values_json(const std::vector<Value>& values, const TaskSpec& task) {
  json out = json::array();
  for (const auto& v : values) {
    out.push_back(v.type == ValueType::Node ? task.nodes[static_cast<size_t>(v.node)].name
                                            : to_tick(v));
  }
  return out;
}

}  // namespace

std::string to_json(const TaskSpec& task) {
  json nodes = json::array();
  for (const auto& node : task.nodes) {
    json parents = json::array();
    for (int p : node.parents) parents.push_back(task.nodes[static_cast<size_t>(p)].name);
    json handlers = json::array();
    for (const auto& h : node.handlers) {
      handlers.push_back({{"type", h.type},
                          {"args", values_json(h.args, task)},
                          {"properties", settings_json(h.properties)}});
    }
    json entry = {{"name", node.name},
                  {"type", node.type},
                  {"wants", edge_name(node.wants)},
                  {"provides", edge_name(node.provides)},
                  {"args", values_json(node.args, task)},
                  {"properties", settings_json(node.properties)},
                  {"parents", parents}};
    if (!node.udf.empty()) entry["udf"] = node.udf;
    if (!handlers.empty()) entry["handlers"] = handlers;
    nodes.push_back(entry);
  }
  json dbrps = json::array();
  for (const auto& d : task.dbrps) dbrps.push_back(d.database + "." + d.retention_policy);
  json vars = json::array();
  for (const auto& v : task.vars) {
    vars.push_back({{"name", v.name},
                    {"type", type_name(v.type)},
                    {"value", to_tick(v.value)},
                    {"description", v.description}});
  }
  json doc = {{"name", task.name},
              {"type", task_type_name(task.type)},
              {"dbrps", dbrps},
              {"vars", vars},
              {"nodes", nodes}};
  return doc.dump(2);
}

}  // namespace farad::compile
