#include "daemon/task_record.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "store/atomic_file.hpp"

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

TaskStore::TaskStore(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
}

std::vector<TaskRecord> TaskStore::load_all() const {
  std::vector<TaskRecord> records;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + entry.path().string());
    try {
      records.push_back(task_record_from_json(text.str()));
    } catch (const std::exception& e) {
      throw std::runtime_error(entry.path().string() + ": " + e.what());
    }
  }
  std::sort(records.begin(), records.end(),
            [](const TaskRecord& a, const TaskRecord& b) { return a.id < b.id; });
  return records;
}

void TaskStore::save(const TaskRecord& record) const {
  store::atomic_write_file(dir_ / (record.id + ".json"), to_json(record));
}

void TaskStore::remove(const std::string& id) const {
  std::filesystem::remove(dir_ / (id + ".json"));
}

}  // namespace farad::daemon
