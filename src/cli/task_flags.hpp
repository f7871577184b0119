#pragma once
// Flags shared by the commands that compile a script: --type, --vars, --dbrp.

#include <set>
#include <string>

#include "cli/arguments.hpp"
#include "compile/compiler.hpp"

namespace farad::cli {

/// The value flags that task_options() reads.
extern const std::set<std::string> kTaskFlags;

/// Compile options from --type, --vars and --dbrp; the task name from the script's file name.
/// Throws UsageError for a bad flag value and std::runtime_error for an unreadable vars file.
compile::CompileOptions task_options(const Arguments& args, const std::string& script_path);

/// Parses a -dbrp value as Kapacitor does: `db.rp`, each part optionally double-quoted
/// (`"my.db"."autogen"`).
compile::Dbrp parse_dbrp_flag(const std::string& text);

}  // namespace farad::cli
