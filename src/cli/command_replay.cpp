// farad replay: Kapacitor's `replay -recording ID -task ID` (a saved recording into a task),
// and farad's `replay -task ID -start T -stop T`, which replays the points of the write-ahead log
// whose times fall between start and stop, without recording them first (stop defaults to the
// server's now).
#include <nlohmann/json.hpp>

#include "cli/client_connection.hpp"
#include "cli/commands.hpp"
#include "cli/job_wait.hpp"
#include "io/time_format.hpp"

namespace farad::cli {
namespace {

std::string rfc3339_flag(const Arguments& args, const char* flag) {
  const std::string text = args.value(flag).value_or("");
  if (!io::parse_rfc3339(text)) {
    throw UsageError(std::string("-") + flag + " must be an RFC3339 time, got \"" + text + "\"");
  }
  return text;
}

}  // namespace

int run_replay(const Args& argv) {
  const Arguments args = client_arguments(argv, {"task", "recording", "replay-id", "start", "stop"},
                                          {"rec-time", "real-clock", "no-wait"});
  if (!args.positional().empty()) throw UsageError("replay takes flags only");
  const std::string task = args.value("task").value_or("");
  const std::string recording = args.value("recording").value_or("");
  const bool from_log = args.has("start") || args.has("stop");
  if (task.empty()) throw UsageError("must pass task ID");
  nlohmann::json options = {{"task", task}};
  if (from_log) {
    if (!recording.empty()) throw UsageError("-recording cannot be used with -start and -stop");
    if (!args.has("start")) throw UsageError("-stop needs -start");
    options["start"] = rfc3339_flag(args, "start");
    if (args.has("stop")) options["stop"] = rfc3339_flag(args, "stop");  // else the server's now
    // Left to the server's defaults unless asked for.
    if (args.has("rec-time")) options["recording-time"] = true;
    if (args.has("real-clock")) options["clock"] = "real";
  } else {
    if (recording.empty()) throw UsageError("must pass recording ID (or -start and -stop)");
    options["recording"] = recording;
    options["recording-time"] = args.has("rec-time");
    options["clock"] = args.has("real-clock") ? "real" : "fast";
  }
  if (auto id = args.value("replay-id"); id && !id->empty()) options["id"] = *id;

  ClientConnection connection(args);
  nlohmann::json replay = connection.post("/kapacitor/v1/replays", options);
  return finish_job(connection, "replays", std::move(replay), !args.has("no-wait"));
}

}  // namespace farad::cli
