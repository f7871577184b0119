#include "daemon/task_record.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace farad::daemon {

std::string to_json(const TaskRecord& record) {
  nlohmann::json dbrps = nlohmann::json::array();
  for (const auto& dbrp : record.dbrps) {
    dbrps.push_back({{"db", dbrp.database}, {"rp", dbrp.retention_policy}});
  }
  nlohmann::json json = {{"id", record.id},
                         {"type", record.type},
                         {"dbrps", dbrps},
                         {"script", record.script},
                         {"vars", nlohmann::json::parse(record.vars_json)},
                         {"status", record.enabled ? "enabled" : "disabled"},
                         {"created_ns", record.created_ns},
                         {"modified_ns", record.modified_ns},
                         {"last_enabled_ns", record.last_enabled_ns}};
  if (!record.template_id.empty()) json["template-id"] = record.template_id;
  return json.dump(2) + "\n";
}

TaskRecord task_record_from_json(const std::string& text) {
  try {
    const auto json = nlohmann::json::parse(text);
    TaskRecord record;
    record.id = json.at("id").get<std::string>();
    record.type = json.at("type").get<std::string>();
    for (const auto& dbrp : json.at("dbrps")) {
      record.dbrps.push_back({dbrp.at("db").get<std::string>(), dbrp.at("rp").get<std::string>()});
    }
    record.script = json.at("script").get<std::string>();
    record.vars_json = json.value("vars", nlohmann::json::object()).dump();
    record.enabled = json.at("status").get<std::string>() == "enabled";
    record.created_ns = json.value("created_ns", int64_t{0});
    record.modified_ns = json.value("modified_ns", int64_t{0});
    record.last_enabled_ns = json.value("last_enabled_ns", int64_t{0});
    record.template_id = json.value("template-id", std::string());
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed task record: ") + e.what());
  }
}

bool valid_task_id(const std::string& id) {
  if (id.empty() || id.front() == '.' || id.size() > 200) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  });
}

}  // namespace farad::daemon
