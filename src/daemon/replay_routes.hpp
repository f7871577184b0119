#pragma once
// Kapacitor's replays API over a ReplayService: GET and POST /kapacitor/v1/replays, GET and
// DELETE /kapacitor/v1/replays/<id>.

#include <optional>

#include "daemon/replay_service.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a replays API request, or nullopt when the path is not the API's.
std::optional<server::Response> handle_replay_request(const server::Request& request,
                                                      ReplayService& service);

}  // namespace farad::daemon
