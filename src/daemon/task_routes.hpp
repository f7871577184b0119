#pragma once
// Kapacitor's task API over a Daemon: /kapacitor/v1/tasks (GET list, POST define),
// /kapacitor/v1/tasks/<id> (GET, PATCH, DELETE) and /kapacitor/v1/tasks/<id>/<endpoint> (an
// httpOut node's content), in Kapacitor's JSON shapes. It is also the daemon's entry point for
// the template API (template_routes) and /debug/vars (debug_vars).

#include <optional>

#include "daemon/daemon.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a task, template or debug vars request, or nullopt for any other path.
std::optional<server::Response> handle_task_request(const server::Request& request, Daemon& daemon);

}  // namespace farad::daemon
