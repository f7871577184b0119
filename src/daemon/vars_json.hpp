#pragma once
// Vars in Kapacitor's JSON shape, `{"name": {"type", "value", "description"}}`: the vars a
// template declares (shown by the template API) and the vars a task is given (stored and shown
// as Kapacitor stores them: durations as nanoseconds, every member present).

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "compile/task_spec.hpp"

namespace farad::daemon {

/// The vars a compiled script declares, as Kapacitor's template API shows them: declared-only
/// vars (`var x duration`) have a null value.
nlohmann::json declared_vars_json(const compile::TaskSpec& spec);

/// Checks supplied vars JSON and returns it in the form Kapacitor stores: each var as
/// {type, value, description}, durations in nanoseconds, list items with an empty description.
/// Throws std::runtime_error naming the var at fault.
std::string normalized_vars_json(const nlohmann::json& vars);

}  // namespace farad::daemon
