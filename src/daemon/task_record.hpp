#pragma once
// A task as the daemon keeps it: what was defined through the task API, stored as one JSON file
// per task (<data dir>/tasks/<id>.json), replaced atomically on every change.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "compile/task_spec.hpp"
#include "daemon/record_store.hpp"

namespace farad::daemon {

struct TaskRecord {
  std::string id;
  std::string template_id;      ///< the template the script comes from, or ""
  std::string type = "stream";  ///< "stream" or "batch"
  std::vector<compile::Dbrp> dbrps;
  std::string script;
  std::string vars_json = "{}";  ///< Kapacitor's vars object, kept as given
  bool enabled = false;
  int64_t created_ns = 0;
  int64_t modified_ns = 0;
  int64_t last_enabled_ns = 0;  ///< 0: never enabled
};

/// The file form of a record. Throws std::runtime_error on malformed JSON or fields.
std::string to_json(const TaskRecord& record);
TaskRecord task_record_from_json(const std::string& text);

/// A task id must be usable as a file name: letters, digits, '_', '-', '.', not starting with '.'.
bool valid_task_id(const std::string& id);

/// <dir>/<id>.json for every task.
using TaskStore = JsonRecordStore<TaskRecord, task_record_from_json, to_json>;

}  // namespace farad::daemon
