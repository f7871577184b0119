#pragma once
// Test harness for nodes: compile a script, feed line protocol (or batches) through a Task,
// and collect what its output nodes write as line protocol (`influxDBOut` captures).

#include <stdexcept>
#include <string>
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

}  // namespace farad::test
