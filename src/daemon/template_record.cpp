#include "daemon/template_record.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

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

}  // namespace farad::daemon
