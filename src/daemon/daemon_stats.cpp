// What the Daemon shows of its running tasks besides the task API: the statistics behind
// /debug/vars and the content of httpOut endpoints. Both read the tasks under the tasks mutex,
// which the worker holds while it processes a body.
#include "daemon/daemon.hpp"

namespace farad::daemon {

DaemonStats Daemon::stats() const {
  DaemonStats stats;
  stats.identity = identity_;
  std::lock_guard lock(tasks_mutex_);
  stats.num_tasks = tasks_.size();
  for (const auto& running : tasks_) {
    if (running->record.enabled) ++stats.num_enabled_tasks;
    if (!running->task) continue;
    stats.tasks.push_back({running->record.id, running->record.type, running->task->report()});
  }
  stats.ingress = ingress_.snapshot();
  return stats;
}

std::optional<nodes::HttpOutResponse> Daemon::http_out(const std::string& id,
                                                       const std::string& endpoint) const {
  std::lock_guard lock(tasks_mutex_);
  for (const auto& running : tasks_) {
    if (running->record.id != id || !running->task) continue;
    const auto& endpoints = running->task->context().http_out;
    const auto it = endpoints.find(endpoint);
    if (it == endpoints.end()) return std::nullopt;
    return nodes::render_http_out_response(it->second);
  }
  return std::nullopt;
}

}  // namespace farad::daemon
