// Help text of the client commands, which talk to a running `farad serve` as Kapacitor's CLI
// talks to kapacitord.
#include "cli/commands.hpp"

namespace farad::cli {
namespace {

constexpr const char* kServerFlag = R"(
  -url URL   the server (also before the command: farad -url URL COMMAND); default
             $FARAD_URL, else http://localhost:9092
Errors from the server are printed as the server wrote them, and the exit status is 1.
)";

std::string with_server_flag(const std::string& text) {
  return text + kServerFlag;
}

}  // namespace

std::string client_command_help(const std::string& command) {
  if (command == "define") {
    return with_server_flag(
        R"(Usage: farad define ID [-tick FILE] [-type stream|batch] [-dbrp db.rp]...
                    [-vars FILE] [-template ID] [-no-reload]

Creates the task ID (disabled) or, when it exists, updates only what the flags give, as
`kapacitor define` does. An enabled task is reloaded (disabled, then enabled) after an update
unless -no-reload. Compile errors are the server's, with the line and a caret.

  -tick FILE       the TICKscript
  -type T          stream or batch (default: what the script starts with)
  -dbrp db.rp      repeatable; quotes allowed ("my.db"."autogen"); replaces all of them
  -vars FILE       Kapacitor's vars JSON: {"period": {"type": "duration", "value": "5m"}}
  -template ID     define the task from a template (with -vars)
  -no-reload       do not reload an enabled task after the update

Example: farad define cpu_alert -tick cpu_alert.tick -dbrp telegraf.autogen
)");
  }
  if (command == "define-template") {
    return with_server_flag(R"(Usage: farad define-template ID [-tick FILE] [-type stream|batch]

Creates the template ID or updates what the flags give; tasks defined from it are reloaded by
the server.

Example: farad define-template cpu_tmpl -tick cpu_tmpl.tick -type stream
)");
  }
  if (command == "enable" || command == "disable" || command == "reload") {
    const std::string what = command == "enable"    ? "Enables (starts)"
                             : command == "disable" ? "Disables (stops)"
                                                    : "Disables then enables";
    return with_server_flag("Usage: farad " + command + " ID...\n\n" + what +
                            " every task whose id matches one of the arguments: an id or a glob\n"
                            "(`*`, `?`, `[a-z]`) as Kapacitor takes them. A pattern that matches "
                            "nothing is not an error.\n\nExample: farad " +
                            command + " '*_alert'\n");
  }
  if (command == "delete") {
    return with_server_flag(R"(Usage: farad delete tasks|templates|recordings|replays ID...

Deletes every item whose id matches one of the IDs or globs. An enabled task is stopped first.

Example: farad delete tasks 'tmp_*'
)");
  }
  if (command == "list") {
    return with_server_flag(R"(Usage: farad list tasks|templates|recordings|replays [PATTERN...]

Kapacitor's tables:
  tasks       ID  Type  Status  Executing  Databases and Retention Policies
  templates   ID  Type  Vars
  recordings  ID  Type  Status  Size  Date
  replays     ID  Task  Recording  Status  Clock  Date

Example: farad list tasks 'cpu*'
)");
  }
  if (command == "show") {
    return with_server_flag(R"(Usage: farad show ID

Shows a task as `kapacitor show` does: ID, Error, Template, Type, Status, Executing, Created,
Modified, LastEnabled, Databases Retention Policies, TICKscript, Vars (when it has some) and
DOT. The DOT of an executing task carries the throughput and each node's statistics
(processed, emitted, errors, working_cardinality, avg_exec_time_ns, node counters); its edges
carry the points that passed along them.

Example: farad show cpu_alert
)");
  }
  if (command == "show-template") {
    return with_server_flag(R"(Usage: farad show-template ID

Shows a template: ID, Error, Type, Created, Modified, TICKscript, its vars (Name, Type,
Default Value, Description) and DOT.
)");
  }
  if (command == "stats") {
    return with_server_flag(R"(Usage: farad stats general|ingress

  general   cluster and server ids, host, task counts, platform and version
  ingress   points received per database, retention policy and measurement
)");
  }
  if (command == "version") {
    return R"(Usage: farad version

Prints farad's version.
)";
  }
  if (command == "record") {
    return with_server_flag(
        R"(Usage: farad record stream -task ID -duration D [-recording-id ID] [-no-wait]
       farad record batch -task ID (-start T [-stop T] | -past D) [-recording-id ID] [-no-wait]
       farad record query -query 'SELECT ...' -type batch|stream [-cluster NAME] [-recording-id ID] [-no-wait]

stream: records the points that reach the task's stream for D (e.g. 30s, 5m).
batch: runs the batch task's queries for every window between -start and -stop (RFC3339;
-stop defaults to the server's now), or over the last D with -past, on the server's InfluxDB
and records the answers (a .brpl: one entry per query node).
query: records the answer of one InfluxQL query as a batch recording, or with -type stream its
points as a stream recording (a .srpl; the query must name its measurement fully,
"db"."rp"."m", whose database and retention policy the points carry).
Prints the recording's id when it is done. With -no-wait it returns at once (and prints
nothing, as Kapacitor).
)");
  }
  if (command == "replay-live") {
    return with_server_flag(
        R"(Usage: farad replay-live batch -task ID (-start T [-stop T] | -past D) [-rec-time] [-real-clock] [-replay-id ID] [-no-wait]
       farad replay-live query -task ID -query 'SELECT ...' [-cluster NAME] [-rec-time] [-real-clock] [-replay-id ID] [-no-wait]

Runs the batch task's queries over the range (or the ad hoc query) on the server's InfluxDB now
and replays the answers into a fresh instance of the task, as `record batch` then `replay`
would, without keeping a recording. The task's fileOut files get the suffix .replay-<id>.
)");
  }
  if (command == "replay") {
    return with_server_flag(
        R"(Usage: farad replay -recording ID -task ID [-rec-time] [-real-clock] [-replay-id ID] [-no-wait]
       farad replay -task ID -start T [-stop T] [-rec-time] [-real-clock] [-replay-id ID] [-no-wait]

The first form is Kapacitor's: replays a recording into the task. By default the data is
shifted to start now and replayed as fast as possible; -rec-time keeps the recorded times,
-real-clock replays at the pace it was recorded.

The second form is farad's: replays the points the write-ahead log holds between -start and
-stop (RFC3339 times; -stop defaults to the server's now) into the task, without a recording.

Prints the replay's id when it is done (nothing with -no-wait); while it runs, its progress is
shown on standard error when that is a terminal.

Example: farad replay -task rollup -start 2024-05-01T00:00:00Z -stop 2024-05-02T00:00:00Z
)");
  }
  return {};
}

}  // namespace farad::cli
