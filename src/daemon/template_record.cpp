#include "daemon/template_record.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "store/atomic_file.hpp"

namespace farad::daemon {

std::string to_json(const TemplateRecord& record) {
  const nlohmann::json json = {{"id", record.id},
                               {"type", record.type},
                               {"script", record.script},
                               {"created_ns", record.created_ns},
                               {"modified_ns", record.modified_ns}};
  return json.dump(2) + "\n";
}

TemplateRecord template_record_from_json(const std::string& text) {
  try {
    const auto json = nlohmann::json::parse(text);
    TemplateRecord record;
    record.id = json.at("id").get<std::string>();
    record.type = json.at("type").get<std::string>();
    record.script = json.at("script").get<std::string>();
    record.created_ns = json.value("created_ns", int64_t{0});
    record.modified_ns = json.value("modified_ns", int64_t{0});
    return record;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed template record: ") + e.what());
  }
}

TemplateStore::TemplateStore(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::filesystem::create_directories(dir_);
}

std::vector<TemplateRecord> TemplateStore::load_all() const {
  std::vector<TemplateRecord> records;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + entry.path().string());
    try {
      records.push_back(template_record_from_json(text.str()));
    } catch (const std::exception& e) {
      throw std::runtime_error(entry.path().string() + ": " + e.what());
    }
  }
  std::sort(records.begin(), records.end(),
            [](const TemplateRecord& a, const TemplateRecord& b) { return a.id < b.id; });
  return records;
}

void TemplateStore::save(const TemplateRecord& record) const {
  store::atomic_write_file(dir_ / (record.id + ".json"), to_json(record));
}

void TemplateStore::remove(const std::string& id) const {
  std::filesystem::remove(dir_ / (id + ".json"));
}

}  // namespace farad::daemon
