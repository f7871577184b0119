#include "daemon/running_task.hpp"

#include <spdlog/logger.h>

#include "compile/compiler.hpp"
#include "compile/vars_file.hpp"
#include "lang/diagnostic.hpp"
#include "lang/source.hpp"
#include "nodes/registry.hpp"
#include "service/logging.hpp"

namespace farad::daemon {

std::shared_ptr<const compile::TaskSpec> compile_record(const TaskRecord& record,
                                                        std::string& error) {
  compile::CompileOptions options;
  options.task_name = record.id;
  options.type = record.type == "batch" ? compile::TaskType::Batch : compile::TaskType::Stream;
  options.dbrps = record.dbrps;
  options.require_dbrp = true;
  try {
    options.vars = compile::parse_vars_json(record.vars_json);
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
  const lang::Source source(record.id, record.script);
  const compile::CompileResult result = compile::compile_source(source, options);
  if (!result.ok()) {
    error = lang::render_all(result.diagnostics);
    while (!error.empty() && error.back() == '\n') error.pop_back();
  }
  return result.task;
}

std::unique_ptr<runtime::Task> start_task(std::shared_ptr<const compile::TaskSpec> spec,
                                          const std::filesystem::path& output_dir) {
  const runtime::NodeFactory factory = [real = nodes::node_factory(), output_dir](
                                           const compile::NodeSpec& node,
                                           runtime::TaskContext& context) {
    context.output_dir = output_dir;
    return real(node, context);
  };
  auto task = std::make_unique<runtime::Task>(std::move(spec), factory, nullptr);
  const std::string id = task->spec().name;
  task->context().log = [id](std::string_view node, std::string_view level, std::string_view text) {
    if (level == "E") service::logger()->error("task {}: {}: {}", id, node, text);
  };
  return task;
}

}  // namespace farad::daemon
