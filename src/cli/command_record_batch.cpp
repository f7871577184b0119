// farad record batch|query and farad replay-live batch|query: Kapacitor's verbs that run a batch
// task's queries (or an ad hoc query) on the server's InfluxDB, to record the answers
// (POST /kapacitor/v1/recordings/batch, /recordings/query) or to replay them at once into a
// fresh instance of the task (POST /kapacitor/v1/replays/batch, /replays/query).
#include <nlohmann/json.hpp>

#include "cli/client_connection.hpp"
#include "cli/commands.hpp"
#include "cli/job_wait.hpp"
#include "cli/run_batch_queries.hpp"
#include "compile/duration_text.hpp"
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

// -start T [-stop T], or -past D (start = now - D, stop = now), as Kapacitor's CLI.
void time_range(const Arguments& args, nlohmann::json& options) {
  if (args.has("past")) {
    if (args.has("start") || args.has("stop")) {
      throw UsageError("-past cannot be used with -start or -stop");
    }
    const std::string text = args.value("past").value_or("");
    const auto past = compile::parse_duration_text(text);
    if (!past || *past <= 0) throw UsageError("invalid -past duration " + text);
    const int64_t now = wall_clock_ns();
    options["start"] = io::format_rfc3339_nano(now - *past);
    options["stop"] = io::format_rfc3339_nano(now);
    return;
  }
  if (!args.has("start")) throw UsageError("must pass -start (and -stop) or -past");
  options["start"] = rfc3339_flag(args, "start");
  if (args.has("stop")) options["stop"] = rfc3339_flag(args, "stop");  // else the server's now
}

std::string kind_of(const Args& argv, const char* command) {
  if (argv.empty() || (argv[0] != "batch" && argv[0] != "query")) {
    throw UsageError(std::string("must pass one ") + command + " type: batch or query");
  }
  return argv[0];
}

}  // namespace

int run_record_batch(const Args& argv) {
  const std::string kind = kind_of(argv, "record");
  const Args rest(argv.begin() + 1, argv.end());
  const Arguments args = client_arguments(
      rest, {"task", "start", "stop", "past", "query", "type", "cluster", "recording-id"},
      {"no-wait"});
  if (!args.positional().empty()) throw UsageError("record " + kind + " takes flags only");
  nlohmann::json options = nlohmann::json::object();
  if (kind == "batch") {
    const std::string task = args.value("task").value_or("");
    if (task.empty()) throw UsageError("must pass task ID");
    options["task"] = task;
    time_range(args, options);
  } else {
    const std::string query = args.value("query").value_or("");
    const std::string type = args.value("type").value_or("");
    if (query.empty()) throw UsageError("must pass query");
    if (type != "batch" && type != "stream") throw UsageError("-type must be batch or stream");
    options["query"] = query;
    options["type"] = type;
    if (auto cluster = args.value("cluster"); cluster && !cluster->empty()) {
      options["cluster"] = *cluster;
    }
  }
  if (auto id = args.value("recording-id"); id && !id->empty()) options["id"] = *id;
  ClientConnection connection(args);
  nlohmann::json recording = connection.post("/kapacitor/v1/recordings/" + kind, options);
  return finish_job(connection, "recordings", std::move(recording), !args.has("no-wait"));
}

int run_replay_live(const Args& argv) {
  const std::string kind = kind_of(argv, "replay-live");
  const Args rest(argv.begin() + 1, argv.end());
  const Arguments args =
      client_arguments(rest, {"task", "start", "stop", "past", "query", "cluster", "replay-id"},
                       {"rec-time", "real-clock", "no-wait"});
  if (!args.positional().empty()) throw UsageError("replay-live " + kind + " takes flags only");
  const std::string task = args.value("task").value_or("");
  if (task.empty()) throw UsageError("must pass task ID");
  nlohmann::json options = {{"task", task},
                            {"recording-time", args.has("rec-time")},
                            {"clock", args.has("real-clock") ? "real" : "fast"}};
  if (kind == "batch") {
    time_range(args, options);
  } else {
    const std::string query = args.value("query").value_or("");
    if (query.empty()) throw UsageError("must pass query");
    options["query"] = query;
    if (auto cluster = args.value("cluster"); cluster && !cluster->empty()) {
      options["cluster"] = *cluster;
    }
  }
  if (auto id = args.value("replay-id"); id && !id->empty()) options["id"] = *id;
  ClientConnection connection(args);
  nlohmann::json replay = connection.post("/kapacitor/v1/replays/" + kind, options);
  return finish_job(connection, "replays", std::move(replay), !args.has("no-wait"));
}

}  // namespace farad::cli
