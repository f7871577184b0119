#pragma once
// Graphviz DOT of a task's DAG, in Kapacitor's shape: `digraph NAME {\na -> b;\n}`.

#include <string>

#include "compile/task_spec.hpp"

namespace farad::compile {

std::string to_dot(const TaskSpec& task);

}  // namespace farad::compile
