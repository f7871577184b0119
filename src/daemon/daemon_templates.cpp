// The template API side of the Daemon (Kapacitor's define-template). A task made from a template
// keeps a copy of its script, as Kapacitor's does; updating the template compiles every such
// task with the new script first (nothing changes when one fails) and then reloads them.
// Deleting a template leaves its tasks as they are.
#include <spdlog/logger.h>

#include <algorithm>

#include "daemon/daemon.hpp"
#include "daemon/now.hpp"
#include "service/logging.hpp"

namespace farad::daemon {
namespace {

std::optional<TaskError> check_template_id(const std::string& id) {
  if (valid_task_id(id)) return std::nullopt;
  return TaskError{
      400, "template ID must contain only letters, numbers, '-', '.' and '_'. \"" + id + "\""};
}

}  // namespace

std::optional<TaskError> Daemon::define_template(TemplateRecord record) {
  if (auto error = check_template_id(record.id)) return error;
  if (record.script.empty()) return TaskError{400, "must provide TICKscript"};
  std::lock_guard lock(tasks_mutex_);
  if (find_template_locked(record.id)) {
    return TaskError{400, "template " + record.id + " already exists"};
  }
  std::string error;
  const auto spec = compile_template(record, error);
  if (!spec) return TaskError{400, error};
  record.type = compile::task_type_name(spec->type);
  record.created_ns = record.modified_ns = now_ns();
  template_store_.save(record);
  templates_.push_back(std::move(record));
  std::sort(templates_.begin(), templates_.end(),
            [](const TemplateRecord& a, const TemplateRecord& b) { return a.id < b.id; });
  return std::nullopt;
}

std::optional<TaskError> Daemon::update_template(const std::string& id,
                                                 const TemplateRecord& changes,
                                                 std::string& updated_id) {
  std::lock_guard lock(tasks_mutex_);
  const TemplateRecord* original = find_template_locked(id);
  if (!original) return TaskError{404, "template does not exist, cannot update"};
  TemplateRecord updated = *original;
  if (!changes.id.empty() && changes.id != id) {
    if (auto error = check_template_id(changes.id)) return error;
    if (find_template_locked(changes.id)) {
      return TaskError{400, "template " + changes.id + " already exists"};
    }
    updated.id = changes.id;
  }
  if (!changes.type.empty()) updated.type = changes.type;
  if (!changes.script.empty()) updated.script = changes.script;
  std::string error;
  const auto spec = compile_template(updated, error);
  if (!spec) return TaskError{400, error};
  updated.type = compile::task_type_name(spec->type);
  updated.modified_ns = now_ns();

  // Every associated task compiled with the new script before anything changes.
  const bool dbrps_from_script =
      script_declares_dbrp(original->script) || script_declares_dbrp(updated.script);
  struct Reload {
    RunningTask* running;
    TaskRecord record;
    std::shared_ptr<const compile::TaskSpec> spec;
  };
  std::vector<Reload> reloads;
  for (auto& running : tasks_) {
    if (running->record.template_id != id) continue;
    TaskRecord record = running->record;
    record.template_id = updated.id;
    record.script = updated.script;
    record.type = updated.type;
    if (dbrps_from_script) record.dbrps.clear();  // Kapacitor gives them the script's dbrps
    auto task_spec = compile_record(record, error);
    if (!task_spec) return TaskError{400, "task " + record.id + ": " + error};
    record.type = compile::task_type_name(task_spec->type);
    reloads.push_back({running.get(), std::move(record), std::move(task_spec)});
  }

  if (updated.id != id) template_store_.remove(id);
  template_store_.save(updated);
  updated_id = updated.id;
  templates_.erase(std::remove_if(templates_.begin(), templates_.end(),
                                  [&](const TemplateRecord& t) { return t.id == id; }),
                   templates_.end());
  templates_.push_back(std::move(updated));
  std::sort(templates_.begin(), templates_.end(),
            [](const TemplateRecord& a, const TemplateRecord& b) { return a.id < b.id; });
  for (auto& reload : reloads) {
    replace_locked(*reload.running, std::move(reload.record), std::move(reload.spec));
  }
  service::logger()->info("template {} updated, {} tasks reloaded", updated_id, reloads.size());
  return std::nullopt;
}

std::optional<TaskError> Daemon::delete_template(const std::string& id) {
  std::lock_guard lock(tasks_mutex_);
  const auto it = std::find_if(templates_.begin(), templates_.end(),
                               [&](const TemplateRecord& t) { return t.id == id; });
  if (it == templates_.end()) return TaskError{404, "no template exists"};
  templates_.erase(it);
  template_store_.remove(id);
  return std::nullopt;
}

std::vector<TemplateView> Daemon::list_templates() const {
  std::vector<TemplateRecord> records;
  {
    std::lock_guard lock(tasks_mutex_);
    records = templates_;
  }
  // Compiled outside the lock: the worker need not wait for it.
  std::vector<TemplateView> views;
  for (auto& record : records) {
    TemplateView view;
    view.spec = compile_template(record, view.error);
    view.record = std::move(record);
    views.push_back(std::move(view));
  }
  return views;
}

std::optional<TemplateView> Daemon::find_template(const std::string& id) const {
  TemplateView view;
  {
    std::lock_guard lock(tasks_mutex_);
    const TemplateRecord* record = find_template_locked(id);
    if (!record) return std::nullopt;
    view.record = *record;
  }
  view.spec = compile_template(view.record, view.error);
  return view;
}

}  // namespace farad::daemon
