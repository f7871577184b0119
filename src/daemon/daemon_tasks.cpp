// The task API side of the Daemon: define, enable, disable, delete, list. Every change is
// stored before it is answered; enabling checkpoints the new task at once so that a restart
// replays only what arrived after it was enabled.
#include <spdlog/logger.h>

#include <algorithm>

#include "compile/dot.hpp"
#include "daemon/daemon.hpp"
#include "daemon/now.hpp"
#include "service/logging.hpp"
#include "sinks/spool_dirs.hpp"

namespace farad::daemon {

std::optional<TaskError> Daemon::define_task(TaskRecord record) {
  if (!valid_task_id(record.id)) {
    return TaskError{
        400, "invalid task id \"" + record.id + "\": use letters, digits, '_', '-' and '.'"};
  }
  if (record.type != "stream" && record.type != "batch") {
    return TaskError{400, "unknown task type \"" + record.type + "\""};
  }
  std::lock_guard lock(tasks_mutex_);
  if (find_locked(record.id)) return TaskError{400, "task " + record.id + " already exists"};
  if (!record.template_id.empty()) {
    const TemplateRecord* source = find_template_locked(record.template_id);
    if (!source) {
      return TaskError{400, "unknown template " + record.template_id + ": err: no template exists"};
    }
    record.script = source->script;
    record.type = source->type;
  } else if (record.script.empty()) {
    return TaskError{400, "must provide TICKscript"};
  }
  auto running = std::make_unique<RunningTask>();
  std::string error;
  running->spec = compile_record(record, error);
  if (!running->spec) return TaskError{400, error};
  // The script's own type wins over the one given, as Kapacitor infers it.
  record.type = compile::task_type_name(running->spec->type);
  record.created_ns = record.modified_ns = now_ns();
  const bool enable = record.enabled;
  if (enable) record.last_enabled_ns = record.created_ns;
  record.enabled = false;
  running->record = std::move(record);
  store_.save(running->record);
  tasks_.push_back(std::move(running));
  if (enable) set_enabled_locked(*tasks_.back(), true);
  return std::nullopt;
}

RunningTask* Daemon::find_locked(const std::string& id) {
  for (auto& running : tasks_) {
    if (running->record.id == id) return running.get();
  }
  return nullptr;
}

const TemplateRecord* Daemon::find_template_locked(const std::string& id) const {
  for (const auto& record : templates_) {
    if (record.id == id) return &record;
  }
  return nullptr;
}

std::optional<TaskError> Daemon::set_task_status(const std::string& id, bool enabled) {
  std::lock_guard lock(tasks_mutex_);
  RunningTask* found = find_locked(id);
  if (!found) return TaskError{404, "no task exists"};
  RunningTask& running = *found;
  if (running.record.enabled == enabled) return std::nullopt;
  if (enabled && !running.spec) return TaskError{400, running.error};
  if (enabled) running.record.last_enabled_ns = now_ns();
  set_enabled_locked(running, enabled);
  return std::nullopt;
}

void Daemon::set_enabled_locked(RunningTask& running, bool enabled) {
  const std::string& id = running.record.id;
  if (enabled) {
    running.error.clear();
    try {
      running.feed.reset();
      running.task = start_task(running.spec, data_dir_, connections_);
    } catch (const std::exception& e) {
      // Enabled but not executing, as Kapacitor shows a task that failed to start.
      running.error = e.what();
      service::logger()->error("task {}: {}", id, running.error);
    }
    if (running.task) {
      // Every body queued from now on reaches it; none logged before does, after a restart too.
      running.skip_before = processed_;
      wal_->sync();
      checkpoint_locked(running);
    }
  } else {
    running.feed.reset();
    running.task.reset();  // fileOut writes what it buffered; a later enable starts afresh
    std::filesystem::remove(checkpoint_path(id));
  }
  running.record.enabled = enabled;
  running.record.modified_ns = now_ns();
  store_.save(running.record);
  service::logger()->info("task {} {}", id, enabled ? "enabled" : "disabled");
}

std::optional<TaskError> Daemon::delete_task(const std::string& id) {
  std::lock_guard lock(tasks_mutex_);
  auto it = std::find_if(tasks_.begin(), tasks_.end(),
                         [&](const auto& running) { return running->record.id == id; });
  if (it == tasks_.end()) return TaskError{404, "no task exists"};
  tasks_.erase(it);  // stops the task: its sinks' sender threads are joined
  store_.remove(id);
  std::filesystem::remove(checkpoint_path(id));
  // Unsent data of a deleted task must not go out with a later task of the same name.
  for (const std::string& failure : sinks::remove_task_spools(*connections_, id)) {
    service::logger()->warn("task {}: cannot remove its spool {}", id, failure);
  }
  service::logger()->info("task {} deleted", id);
  return std::nullopt;
}

TaskView Daemon::view_locked(const RunningTask& running) const {
  TaskView view;
  view.record = running.record;
  view.executing = running.task != nullptr;
  view.error = running.error;
  // The script's own dbrp statements count as the task's dbrps.
  view.dbrps = running.spec ? running.spec->dbrps : running.record.dbrps;
  if (running.spec) view.dot = compile::to_dot(*running.spec);
  if (running.task) view.nodes = running.task->report();
  return view;
}

std::vector<TaskView> Daemon::list_tasks() const {
  std::lock_guard lock(tasks_mutex_);
  std::vector<TaskView> views;
  for (const auto& running : tasks_) views.push_back(view_locked(*running));
  std::sort(views.begin(), views.end(),
            [](const TaskView& a, const TaskView& b) { return a.record.id < b.record.id; });
  return views;
}

std::optional<TaskView> Daemon::find_task(const std::string& id) const {
  std::lock_guard lock(tasks_mutex_);
  for (const auto& running : tasks_) {
    if (running->record.id == id) return view_locked(*running);
  }
  return std::nullopt;
}

}  // namespace farad::daemon
