#pragma once
// farad's subcommands. Each takes the arguments after its name and returns the exit code:
// 0 success, 1 the input has errors (diagnostics on stderr), 2 the command line is wrong.

#include <string>
#include <vector>

namespace farad::cli {

using Args = std::vector<std::string>;

int run_check(const Args& args);
int run_fmt(const Args& args);
int run_dot(const Args& args);
int run_run(const Args& args);
int run_test(const Args& args);
int run_gen(const Args& args);
int run_config(const Args& args);
int run_serve(const Args& args);

// The client of `farad serve`, Kapacitor's CLI verbs (client_connection.hpp: -url, $FARAD_URL).
int run_define(const Args& args);
int run_define_template(const Args& args);
int run_enable(const Args& args);
int run_disable(const Args& args);
int run_reload(const Args& args);
int run_delete(const Args& args);
int run_list(const Args& args);
int run_show(const Args& args);
int run_show_template(const Args& args);
int run_stats(const Args& args);
int run_version(const Args& args);
int run_record(const Args& args);
int run_replay(const Args& args);
/// record batch|query and replay-live batch|query (command_record_batch.cpp).
int run_record_batch(const Args& args);
int run_replay_live(const Args& args);

/// Help text of a command, or empty if there is no such command.
std::string command_help(const std::string& command);
/// The same for the client commands (client_help.cpp).
std::string client_command_help(const std::string& command);

}  // namespace farad::cli
