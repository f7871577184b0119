#include "compile/compiler.hpp"

#include "compile/binder.hpp"
#include "lang/parser.hpp"

namespace farad::compile {

CompileResult compile_source(const lang::Source& source, const CompileOptions& options) {
  CompileResult result;
  lang::Program program;
  try {
    program = lang::parse_program(source);
  } catch (const lang::DiagnosticError& e) {
    result.diagnostics.push_back(e.diagnostic);
    return result;
  }
  Binder binder(source, options);
  TaskSpec task = binder.bind(program);
  result.diagnostics = binder.diagnostics();
  if (result.diagnostics.empty()) result.task = std::make_shared<const TaskSpec>(std::move(task));
  return result;
}

}  // namespace farad::compile
