#pragma once
// Whole-node checks of farad's own nodes and properties (not Kapacitor's): each problem points
// at the property that causes it. Internal to src/compile; the binder reports them.

#include <cstdint>
#include <string>
#include <vector>

#include "compile/task_spec.hpp"

namespace farad::compile {

struct RuleProblem {
  uint32_t offset = 0;  ///< where in the script: the offending property, or the node's call
  std::string message;
};

/// The problems of `node`'s farad-specific settings (counterRate, window
/// lateness/stampStart, fileOut).
std::vector<RuleProblem> check_extension_rules(const NodeSpec& node);

}  // namespace farad::compile
