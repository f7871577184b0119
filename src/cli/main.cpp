// farad: one binary, subcommands.
#include <iostream>
#include <map>

#include "cli/arguments.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"

namespace {

constexpr const char* kUsage =
    R"(farad - stream and batch processing of time-series metrics with TICKscript

Usage: farad COMMAND [ARGS]

Commands:
  check   compile TICKscripts and report every error (no output when all are valid)
  fmt     print a TICKscript in canonical format, or rewrite it in place with -w
  dot     print the task's DAG in Graphviz DOT
  run     execute a task over recorded data (line protocol, .srpl, .brpl)
  test    run script test cases (folders with script.tick, input, expected results)
  gen     generate test data: SNMP interface counters and their expected rollup
  config  print the daemon's effective configuration (defaults, file, flags) as TOML
  serve   run the daemon: HTTP writes to a write-ahead log, tasks, checkpoints, task API
  help    show help for a command

Client of a running `farad serve` (Kapacitor's verbs; server from -url URL, before the command
or among its flags, else $FARAD_URL, else http://localhost:9092):
  define           create or update a task from a TICKscript
  define-template  create or update a template
  enable           enable tasks (IDs or globs)
  disable          disable tasks (IDs or globs)
  reload           disable then enable tasks (IDs or globs)
  delete           delete tasks, templates, recordings or replays (IDs or globs)
  list             list tasks, templates, recordings or replays
  show             show a task: script, vars, DOT with node statistics
  show-template    show a template
  stats            the server's general or ingress statistics
  record           record a task's stream for a while, or its batch queries over a range
  replay           replay a recording, or a time range of the write-ahead log, into a task
  replay-live      run a batch task's queries over a range and replay the answers into it
  version          print farad's version

Flags are accepted with one or two dashes (-vars FILE, --vars FILE, --vars=FILE).
Run 'farad COMMAND --help' for a command's flags.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace farad::cli;
  std::vector<std::string> all(argv + 1, argv + argc);
  // Kapacitor's global flag: `farad -url URL COMMAND ...`.
  while (!all.empty() && (all[0] == "-url" || all[0] == "--url" || all[0].starts_with("-url=") ||
                          all[0].starts_with("--url="))) {
    const size_t eq = all[0].find('=');
    if (eq == std::string::npos && all.size() < 2) {
      std::cerr << "farad: flag " << all[0] << " needs a value\n";
      return 2;
    }
    set_global_server_url(eq == std::string::npos ? all[1] : all[0].substr(eq + 1));
    all.erase(all.begin(), all.begin() + (eq == std::string::npos ? 2 : 1));
  }
  if (all.empty() || all[0] == "-h" || all[0] == "--help" || all[0] == "-help") {
    std::cout << kUsage;
    return all.empty() ? 2 : 0;
  }
  const std::string& command = all[0];
  Args args(all.begin() + 1, all.end());
  if (command == "help") {
    const std::string text = args.empty() ? kUsage : command_help(args[0]);
    if (text.empty()) {
      std::cerr << "farad: unknown command " << args[0] << "\n";
      return 2;
    }
    std::cout << text;
    return 0;
  }
  static const std::map<std::string, int (*)(const Args&)> commands = {
      {"check", run_check},
      {"fmt", run_fmt},
      {"dot", run_dot},
      {"run", run_run},
      {"test", run_test},
      {"gen", run_gen},
      {"config", run_config},
      {"serve", run_serve},
      {"define", run_define},
      {"define-template", run_define_template},
      {"enable", run_enable},
      {"disable", run_disable},
      {"reload", run_reload},
      {"delete", run_delete},
      {"list", run_list},
      {"show", run_show},
      {"show-template", run_show_template},
      {"stats", run_stats},
      {"version", run_version},
      {"record", run_record},
      {"replay", run_replay},
      {"replay-live", run_replay_live}};
  auto it = commands.find(command);
  if (it == commands.end()) {
    std::cerr << "farad: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
  }
  for (const auto& arg : args) {
    if (arg == "-h" || arg == "--help" || arg == "-help") {
      std::cout << command_help(command);
      return 0;
    }
  }
  try {
    return it->second(args);
  } catch (const UsageError& e) {
    std::cerr << "farad " << command << ": " << e.what() << "\n\n" << command_help(command);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "farad " << command << ": " << e.what() << "\n";
    return 1;
  }
}
