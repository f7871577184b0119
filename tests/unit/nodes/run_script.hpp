#pragma once
// Test harness for nodes: compile a script, feed line protocol (or batches) through a Task,
// and collect what its output nodes write as line protocol (`influxDBOut` captures).

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compile/compiler.hpp"
#include "io/line_protocol.hpp"
#include "io/line_protocol_writer.hpp"
#include "nodes/registry.hpp"
#include "runtime/task.hpp"

namespace farad::test {

class CapturingSink : public runtime::OutputSink {
 public:
  void write(const compile::NodeSpec& /*node*/, const model::Point& point) override {
    io::append_line(lines, point, io::Precision::Second);
    lines += '\n';
  }
  std::string lines;
};

inline std::shared_ptr<const compile::TaskSpec> compile_script(const std::string& script) {
  compile::CompileOptions options;
  options.task_name = "test";
  options.template_mode = true;
  const auto result = compile::compile_source(lang::Source("test.tick", script), options);
  if (!result.ok()) throw std::runtime_error(lang::render_all(result.diagnostics));
  return result.task;
}

struct ScriptRun {
  std::string output;  ///< what output nodes wrote, line protocol, seconds
  std::vector<runtime::NodeReport> report;
  std::string state;  ///< the task state at the end (before finish)
};

/// Runs `script` over `input` (line protocol with second timestamps, db "db", rp "rp").
/// With `restore_after` > 0, the task is saved after that many points and the run continues in
/// a brand-new task restored from that state (checks that state round-trips).
inline ScriptRun run_script(const std::string& script, const std::string& input, bool flush = false,
                            size_t restore_after = 0) {
  const auto spec = compile_script(script);
  CapturingSink sink;
  auto task = std::make_unique<runtime::Task>(spec, nodes::node_factory(), &sink);
  size_t count = 0;
  std::string errors;
  io::parse_lines(input, io::Precision::Second, 0, [&](const io::LineView& view) {
    model::Point point = io::to_point(view, "db", "rp");
    task->push_point(std::move(point));
    if (++count == restore_after) {
      const std::string state = task->save_state();
      task = std::make_unique<runtime::Task>(spec, nodes::node_factory(), &sink);
      task->restore_state(state);
    }
  });
  ScriptRun run;
  run.state = task->save_state();
  task->finish(flush);
  run.output = sink.lines;
  run.report = task->report();
  return run;
}

/// Number of lines (points) of a line-protocol input.
inline size_t count_lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

/// The report of the first node whose name starts with `prefix` (e.g. "window").
inline const runtime::NodeReport& report_of(const ScriptRun& run, std::string_view prefix) {
  auto it = std::find_if(run.report.begin(), run.report.end(),
                         [&](const auto& r) { return r.name.rfind(prefix, 0) == 0; });
  REQUIRE(it != run.report.end());
  return *it;
}

/// Saved after every point and continued in a new task, a run must give the same output.
inline void check_restore(const std::string& script, const std::string& input, bool flush = false) {
  const std::string expected = run_script(script, input, flush).output;
  for (size_t n = 1; n <= count_lines(input); ++n) {
    INFO("restored after point " << n);
    CHECK(run_script(script, input, flush, n).output == expected);
  }
}

}  // namespace farad::test
