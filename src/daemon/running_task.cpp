#include "daemon/running_task.hpp"

#include <spdlog/logger.h>

#include "compile/compiler.hpp"
#include "compile/vars_file.hpp"
#include "lang/diagnostic.hpp"
#include "lang/parser.hpp"
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

std::shared_ptr<const compile::TaskSpec> compile_template(const TemplateRecord& record,
                                                          std::string& error) {
  compile::CompileOptions options;
  options.task_name = record.id;
  options.type = record.type == "batch" ? compile::TaskType::Batch : compile::TaskType::Stream;
  options.template_mode = true;
  const lang::Source source(record.id, record.script);
  const compile::CompileResult result = compile::compile_source(source, options);
  if (!result.ok()) {
    error = lang::render_all(result.diagnostics);
    while (!error.empty() && error.back() == '\n') error.pop_back();
  }
  return result.task;
}

bool script_declares_dbrp(const std::string& script) {
  try {
    const lang::Program program = lang::parse_program(lang::Source("script", script));
    for (const auto& statement : program.statements) {
      if (statement && statement->kind == lang::NodeKind::Dbrp) return true;
    }
  } catch (const lang::DiagnosticError&) {
  }
  return false;
}

std::unique_ptr<runtime::Task> start_task(std::shared_ptr<const compile::TaskSpec> spec,
                                          const std::filesystem::path& output_dir,
                                          std::shared_ptr<const runtime::Connections> connections) {
  const std::string task_id = spec->name;
  const runtime::NodeFactory factory = [real = nodes::node_factory(), output_dir, connections,
                                        task_id](const compile::NodeSpec& node,
                                                 runtime::TaskContext& context) {
    context.output_dir = output_dir;
    context.connections = connections;
    // Set before the nodes are built: sinks hand it to their sender threads.
    context.log = [task_id](std::string_view name, std::string_view level, std::string_view text) {
      if (level == "E") service::logger()->error("task {}: {}: {}", task_id, name, text);
      if (level == "W") service::logger()->warn("task {}: {}: {}", task_id, name, text);
    };
    return real(node, context);
  };
  return std::make_unique<runtime::Task>(std::move(spec), factory, nullptr);
}

}  // namespace farad::daemon
