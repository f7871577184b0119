// PATCH /kapacitor/v1/tasks/<id> on the Daemon: every member given replaces the stored one,
// the task is compiled again (nothing changes when it does not compile), and an executing task
// whose definition changed is reloaded: stopped, its checkpoint removed, started from a fresh
// state and checkpointed at the current position, as enabling does.
#include <spdlog/logger.h>

#include "daemon/daemon.hpp"
#include "daemon/now.hpp"
#include "service/logging.hpp"
#include "sinks/spool_dirs.hpp"

namespace farad::daemon {
namespace {

bool same_definition(const TaskRecord& a, const TaskRecord& b) {
  return a.id == b.id && a.template_id == b.template_id && a.type == b.type && a.dbrps == b.dbrps &&
         a.script == b.script && a.vars_json == b.vars_json;
}

}  // namespace

std::optional<TaskError> Daemon::update_task(const std::string& id, const TaskOptions& options,
                                             std::string& updated_id) {
  std::lock_guard lock(tasks_mutex_);
  RunningTask* running = find_locked(id);
  if (!running) return TaskError{404, "task does not exist, cannot update"};
  TaskRecord updated = running->record;
  if (!options.id.empty() && options.id != id) {
    if (!valid_task_id(options.id)) {
      return TaskError{400, "task ID must contain only letters, numbers, '-', '.' and '_'. \"" +
                                options.id + "\""};
    }
    if (find_locked(options.id)) return TaskError{400, "task " + options.id + " already exists"};
    updated.id = options.id;
  }
  const std::string template_id =
      options.template_id.empty() ? updated.template_id : options.template_id;
  if (!template_id.empty()) {
    // A template's task takes the template's script and type; the options' are ignored.
    const TemplateRecord* source = find_template_locked(template_id);
    if (!source) {
      return TaskError{400, "unknown template " + template_id + ": err: no template exists"};
    }
    updated.template_id = template_id;
    updated.script = source->script;
    updated.type = source->type;
  } else {
    if (!options.type.empty()) updated.type = options.type;
    if (!options.script.empty()) updated.script = options.script;
  }
  if (!options.dbrps.empty()) {
    updated.dbrps = options.dbrps;
  } else if (script_declares_dbrp(updated.script)) {
    updated.dbrps.clear();  // Kapacitor makes the task's dbrps the script's own
  }
  if (options.vars_json) updated.vars_json = *options.vars_json;
  if (options.enabled) updated.enabled = *options.enabled;

  std::string error;
  auto spec = compile_record(updated, error);
  if (!spec) return TaskError{400, error};
  updated.type = compile::task_type_name(spec->type);
  updated.modified_ns = now_ns();
  if (updated.enabled && !running->record.enabled) updated.last_enabled_ns = updated.modified_ns;
  updated_id = updated.id;

  const bool reload = !same_definition(updated, running->record) || !running->spec;
  if (!reload && updated.enabled == running->record.enabled) {
    running->record = std::move(updated);
    store_.save(running->record);
    return std::nullopt;
  }
  if (!reload) {
    // Only the status changes: the compiled spec stays.
    const bool enabled = updated.enabled;
    updated.enabled = running->record.enabled;
    running->record = std::move(updated);
    set_enabled_locked(*running, enabled);
    return std::nullopt;
  }
  replace_locked(*running, std::move(updated), std::move(spec));
  return std::nullopt;
}

void Daemon::replace_locked(RunningTask& running, TaskRecord record,
                            std::shared_ptr<const compile::TaskSpec> spec) {
  const std::string old_id = running.record.id;
  const bool executing = running.task != nullptr;
  running.feed.reset();
  running.task.reset();  // fileOut writes what it buffered
  std::filesystem::remove(checkpoint_path(old_id));
  if (record.id != old_id) {
    store_.remove(old_id);
    for (const std::string& failure : sinks::move_task_spools(*connections_, old_id, record.id)) {
      service::logger()->warn("task {}: cannot move its spool {}", record.id, failure);
    }
  }
  const bool enable = record.enabled;
  record.enabled = false;
  running.record = std::move(record);
  running.spec = std::move(spec);
  running.error.clear();
  if (enable) {
    set_enabled_locked(running, true);  // starts, checkpoints and stores it
  } else {
    store_.save(running.record);
  }
  if (executing && enable) service::logger()->info("task {} reloaded", running.record.id);
}

}  // namespace farad::daemon
