#pragma once
// TICKscript -> TaskSpec. Parse errors stop at the first; compile errors are all reported.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compile/task_spec.hpp"
#include "lang/diagnostic.hpp"

namespace farad::compile {

struct CompileOptions {
  std::string task_name = "task";
  std::optional<TaskType> type;       ///< used when the script does not say (no stream/batch)
  std::map<std::string, Value> vars;  ///< supplied vars (`--vars FILE`), override defaults
  std::vector<Dbrp> dbrps;            ///< given outside the script (`--dbrp`)
  bool require_dbrp = false;          ///< a task being defined must have at least one dbrp
  bool template_mode = false;         ///< missing vars get zero values (templates)
  /// `farad run`: --dbrp flags that name exactly the script's own dbrps are not a conflict
  /// (Kapacitor's define refuses any flag when the script has dbrp statements).
  bool allow_repeated_dbrps = false;
};

struct CompileResult {
  std::shared_ptr<const TaskSpec> task;  ///< null when there are errors
  std::vector<lang::Diagnostic> diagnostics;
  bool ok() const { return task != nullptr; }
};

/// Parses and compiles a script.
CompileResult compile_source(const lang::Source& source, const CompileOptions& options);

}  // namespace farad::compile
