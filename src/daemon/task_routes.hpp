#pragma once
// Kapacitor's task API over a Daemon: /kapacitor/v1/tasks (GET list, POST define) and
// /kapacitor/v1/tasks/<id> (GET, PATCH status, DELETE), in Kapacitor's JSON shapes.

#include <optional>

#include "daemon/daemon.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a task API request, or nullopt when the path is not the task API's.
std::optional<server::Response> handle_task_request(const server::Request& request, Daemon& daemon);

}  // namespace farad::daemon
