#pragma once
// Feeding recorded data into a task: line protocol (optionally gzip), Kapacitor stream
// recordings (.srpl) and batch recordings (.brpl). Files are streamed, never loaded whole.

#include <string>
#include <vector>

#include "runtime/task.hpp"

namespace farad::cli {

struct InputOptions {
  std::string precision = "ns";  ///< of line protocol and .srpl inputs
};

struct RunSummary {
  uint64_t points = 0;
  uint64_t batches = 0;
  uint64_t rejected_lines = 0;
};

/// Pushes every input into the task: stream inputs in file order (line protocol is attributed
/// to the task's first dbrp); the i-th .brpl input feeds the i-th query node, batches of all
/// inputs merged by time. Throws std::runtime_error with the file and position on bad input.
RunSummary feed_inputs(runtime::Task& task, const std::vector<std::string>& inputs,
                       const InputOptions& options);

}  // namespace farad::cli
