#pragma once
// Waiting for a recording or replay the server runs in the background, as Kapacitor's CLI
// does: poll its link every 500 ms while its status is "running", then print its id; a
// "failed" one is an error with the server's message. When standard error is a terminal the
// progress is shown there.

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "cli/client_connection.hpp"

namespace farad::cli {

/// Waits for `job` (the answer that started it) of `collection` ("recordings" or "replays"),
/// prints its id on standard output and returns 0, or throws with its error.
int finish_job(ClientConnection& connection, const std::string& collection, nlohmann::json job,
               bool wait);

}  // namespace farad::cli
