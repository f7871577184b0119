#pragma once
// Kapacitor's recordings API over a ReplayService: GET /kapacitor/v1/recordings,
// POST /kapacitor/v1/recordings/stream, GET and DELETE /kapacitor/v1/recordings/<id>.

#include <optional>

#include "daemon/replay_service.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// The answer for a recordings API request, or nullopt when the path is not the API's.
std::optional<server::Response> handle_recording_request(const server::Request& request,
                                                         ReplayService& service);

}  // namespace farad::daemon
