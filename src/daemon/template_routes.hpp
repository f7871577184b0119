#pragma once
// Kapacitor's template API over a Daemon: /kapacitor/v1/templates (GET list, POST define) and
// /kapacitor/v1/templates/<id> (GET, PATCH, DELETE), in Kapacitor's JSON shapes.

#include <optional>

#include "daemon/daemon.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a template API request, or nullopt when the path is not the template API's.
std::optional<server::Response> handle_template_request(const server::Request& request,
                                                        Daemon& daemon);

}  // namespace farad::daemon
