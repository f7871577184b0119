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

/// Help text of a command, or empty if there is no such command.
std::string command_help(const std::string& command);

}  // namespace farad::cli
