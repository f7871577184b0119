// farad record stream -task ID -duration D: record what reaches a task's stream for D, as
// Kapacitor's `record stream` does (POST /kapacitor/v1/recordings/stream with the stop time).
// `record batch` and `record query` are in command_record_batch.cpp.
#include <chrono>
#include <nlohmann/json.hpp>

#include "cli/client_connection.hpp"
#include "cli/commands.hpp"
#include "cli/job_wait.hpp"
#include "compile/duration_text.hpp"
#include "io/time_format.hpp"

namespace farad::cli {

int run_record(const Args& argv) {
  if (!argv.empty() && (argv[0] == "batch" || argv[0] == "query")) return run_record_batch(argv);
  const Arguments args = client_arguments(argv, {"task", "duration", "recording-id"}, {"no-wait"});
  const auto& positional = args.positional();
  if (positional.size() != 1) throw UsageError("must pass one record type: stream");
  if (positional[0] == "batch" || positional[0] == "query") {
    throw UsageError("record " + positional[0] + ": name the type before the flags");
  }
  if (positional[0] != "stream") {
    throw std::runtime_error("Unknown record type \"" + positional[0] + "\", expected 'stream'");
  }
  const std::string task = args.value("task").value_or("");
  const std::string duration_text = args.value("duration").value_or("");
  if (task.empty() || duration_text.empty()) {
    throw UsageError("both task and duration are required");
  }
  const auto duration = compile::parse_duration_text(duration_text);
  if (!duration) throw UsageError("invalid duration " + duration_text);
  const int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  nlohmann::json options = {{"task", task}, {"stop", io::format_rfc3339_nano(now + *duration)}};
  if (auto id = args.value("recording-id"); id && !id->empty()) options["id"] = *id;

  ClientConnection connection(args);
  nlohmann::json recording = connection.post("/kapacitor/v1/recordings/stream", options);
  return finish_job(connection, "recordings", std::move(recording), !args.has("no-wait"));
}

}  // namespace farad::cli
