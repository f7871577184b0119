#pragma once
// A template as the daemon keeps it (Kapacitor's define-template): a script whose declared vars
// the tasks made from it supply. One JSON file per template, <data dir>/templates/<id>.json,
// replaced atomically on every change.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "daemon/record_store.hpp"

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
using TemplateStore = JsonRecordStore<TemplateRecord, template_record_from_json, to_json>;

}  // namespace farad::daemon
