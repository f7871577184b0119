#pragma once
// One task in the daemon: its record and, when enabled and compiled, the running Task.

#include <memory>
#include <string>
#include "daemon/compact_feed.hpp"

#include "daemon/task_record.hpp"
#include "daemon/template_record.hpp"
#include "model/key_projection.hpp"
#include "runtime/task.hpp"
#include "store/wal_position.hpp"

namespace farad::daemon {

struct RunningTask {
  TaskRecord record;
  std::shared_ptr<const compile::TaskSpec> spec;  ///< null when the script does not compile
  std::unique_ptr<runtime::Task> task;            ///< null unless enabled and compiled
  /// Bodies before this position are already in the task's state (its checkpoint's position).
  store::WalPosition skip_before;
  std::string error;  ///< why it is not executing
  /// The tags and fields `keys_of` may read for this task (nodes::observed_keys), cached.
  model::KeyProjection keys;
  std::shared_ptr<const compile::TaskSpec> keys_of;
  /// Lines as compact points for `task` when it takes them; reset with the task.
  std::unique_ptr<CompactFeed> feed;
};

/// Compiles a record's script with its type, dbrps and vars. On failure returns null and puts
/// the rendered diagnostics in `error`.
std::shared_ptr<const compile::TaskSpec> compile_record(const TaskRecord& record,
                                                        std::string& error);

/// Compiles a template's script: declared vars get zero values, dbrps are not required.
std::shared_ptr<const compile::TaskSpec> compile_template(const TemplateRecord& record,
                                                          std::string& error);

/// Whether the script has `dbrp` statements of its own (false when it does not parse).
bool script_declares_dbrp(const std::string& script);

/// Starts the task of a compiled record (fileOut paths relative to `output_dir`). Output nodes
/// use `connections` (null: they capture, as in `farad run`).
std::unique_ptr<runtime::Task> start_task(
    std::shared_ptr<const compile::TaskSpec> spec, const std::filesystem::path& output_dir,
    std::shared_ptr<const runtime::Connections> connections = nullptr);

}  // namespace farad::daemon
