// farad check: compile scripts, print nothing when they are all valid.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/task_flags.hpp"
#include "compile/spec_json.hpp"

namespace farad::cli {

int run_check(const Args& argv) {
  std::set<std::string> flags = kTaskFlags;
  const Arguments args(argv, flags, {"spec"});
  if (args.positional().empty()) throw UsageError("check needs at least one SCRIPT");
  int status = 0;
  for (const auto& path : args.positional()) {
    const compile::CompileOptions options = task_options(args, path);
    const lang::Source source = lang::read_source_file(path);
    const compile::CompileResult result = compile::compile_source(source, options);
    std::cerr << lang::render_all(result.diagnostics);
    if (!result.ok()) {
      status = 1;
      continue;
    }
    if (args.has("spec")) std::cout << compile::to_json(*result.task) << '\n';
  }
  return status;
}

}  // namespace farad::cli
