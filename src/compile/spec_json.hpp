#pragma once
// A TaskSpec as JSON: nodes with their properties, edges, dbrps and vars, without source spans,
// so that two scripts that compile to the same DAG give the same text (`farad check --spec`).

#include <string>

#include "compile/task_spec.hpp"

namespace farad::compile {

std::string to_json(const TaskSpec& task);

}  // namespace farad::compile
