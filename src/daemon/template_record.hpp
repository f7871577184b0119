#pragma once
// A template as the daemon keeps it (Kapacitor's define-template): a script whose declared vars
// the tasks made from it supply. One JSON file per template, <data dir>/templates/<id>.json,
// replaced atomically on every change.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace farad::daemon {

struct TemplateRecord {
  std::string id;
  std::string type = "stream";  ///< "stream" or "batch", as the script says
  std::string script;
  int64_t created_ns = 0;
  int64_t modified_ns = 0;
};

/// The file form of a record. Throws std::runtime_error on malformed JSON or fields.
std::string to_json(const TemplateRecord& record);
TemplateRecord template_record_from_json(const std::string& text);

/// <dir>/<id>.json for every template.
class TemplateStore {
 public:
  explicit TemplateStore(std::filesystem::path dir);
  /// Every stored template, by id order. Throws std::runtime_error naming a file it cannot read.
  std::vector<TemplateRecord> load_all() const;
  void save(const TemplateRecord& record) const;
  void remove(const std::string& id) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace farad::daemon
