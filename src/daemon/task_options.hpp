#pragma once
// The body of a task API POST or PATCH (Kapacitor's CreateTaskOptions / UpdateTaskOptions). As
// Go decodes them, an empty member is an absent one: PATCH leaves what is absent unchanged.

#include <optional>
#include <string>
#include <vector>

#include "compile/task_spec.hpp"

namespace farad::daemon {

struct TaskOptions {
  std::string id;           ///< PATCH: a new id renames the task
  std::string template_id;  ///< the script and type come from this template
  std::string type;         ///< "stream" or "batch"; the script's own type wins
  std::vector<compile::Dbrp> dbrps;
  std::string script;
  std::optional<std::string> vars_json;  ///< normalised (vars_json.hpp); nullopt: none given
  std::optional<bool> enabled;           ///< "status"
};

}  // namespace farad::daemon
