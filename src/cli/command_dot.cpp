// farad dot: the task's DAG in Graphviz DOT.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/task_flags.hpp"
#include "compile/dot.hpp"

namespace farad::cli {

int run_dot(const Args& argv) {
  std::set<std::string> flags = kTaskFlags;
  flags.insert("name");
  const Arguments args(argv, flags, {});
  if (args.positional().size() != 1) throw UsageError("dot needs exactly one SCRIPT");
  const std::string& path = args.positional().front();
  compile::CompileOptions options = task_options(args, path);
  if (auto name = args.value("name")) options.task_name = *name;
  const lang::Source source = lang::read_source_file(path);
  const compile::CompileResult result = compile::compile_source(source, options);
  std::cerr << lang::render_all(result.diagnostics);
  if (!result.ok()) return 1;
  std::cout << compile::to_dot(*result.task) << '\n';
  return 0;
}

}  // namespace farad::cli
