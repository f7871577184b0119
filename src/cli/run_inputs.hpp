#pragma once
// Feeding recorded data into a task: line protocol (optionally gzip), Kapacitor stream
// recordings (.srpl) and batch recordings (.brpl). Files are streamed, never loaded whole.

#include <set>
#include <string>
#include <vector>

#include "cli/arguments.hpp"
#include "runtime/task.hpp"

namespace farad::cli {

/// 1971-01-01T00:00:00Z: where Kapacitor's test harness starts its replay clock.
inline constexpr int64_t kDefaultReplayStart = 31536000LL * 1000000000;

struct InputOptions {
  std::string precision = "ns";  ///< of line protocol and .srpl inputs
  /// Without --precision, each line-protocol file's precision is inferred from its first
  /// timestamp (cli/precision_guess.hpp); .srpl inputs stay at `precision`.
  bool infer_precision = false;
  /// Recordings (.srpl, .brpl) are replayed as `kapacitor replay` does without -rec-time: times
  /// are shifted so that a recording's first point falls on the replay clock's start. With
  /// `recorded_times` they are kept. Line protocol is never shifted.
  bool recorded_times = false;
  int64_t replay_start = kDefaultReplayStart;
};

struct RunSummary {
  uint64_t points = 0;
  uint64_t batches = 0;
  uint64_t rejected_lines = 0;
};

/// The flags input_options() reads: --precision, --replay-start (values), --rec-time (switch).
extern const std::set<std::string> kInputValueFlags;
extern const std::set<std::string> kInputSwitches;

/// Input options from the flags above; throws UsageError for a bad value.
InputOptions input_options(const Arguments& args);

/// Pushes every input into the task: stream inputs in file order (line protocol is attributed
/// to the task's first dbrp); the i-th .brpl input feeds the i-th query node, batches of all
/// inputs merged by time. Throws std::runtime_error with the file and position on bad input.
RunSummary feed_inputs(runtime::Task& task, const std::vector<std::string>& inputs,
                       const InputOptions& options);

}  // namespace farad::cli
