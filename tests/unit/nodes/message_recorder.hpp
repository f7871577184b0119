#pragma once
// Test harness for transformation nodes: runs a script and records, as text, every message
// that reaches its output nodes: points with their group, whole batches (header and points),
// barriers and group deletions, plus the task log. Batch tasks are fed batches written as
// line protocol under `batch <series> <time>` headers, e.g.
//
//   batch cpu,host=a 10        → a batch named cpu, group host=a, time 10 s
//   cpu,host=a value=1 8       → its points (the measurement is ignored)
//
// Times are seconds. Group ids render with the measurement separator "\n" shown as "|".

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/line_protocol.hpp"
#include "io/line_protocol_writer.hpp"
#include "nodes/node_kinds.hpp"
#include "run_script.hpp"

namespace farad::test {

inline std::string seconds_text(int64_t ns) {
  if (ns % 1'000'000'000 == 0) return std::to_string(ns / 1'000'000'000);
  return std::to_string(ns) + "ns";
}

/// Stands in for influxDBOut: writes every message it receives into `out`, one per line.
class RecordingNode : public runtime::Node {
 public:
  RecordingNode(const compile::NodeSpec& spec, runtime::TaskContext& context, std::string& out)
      : Node(spec, context), out_(out) {}

 protected:
  void on_point(runtime::PointMessage&& message, int /*port*/) override {
    model::Point p = message.point;
    p.database.clear();
    out_ += line(p) + group(message.group) + "\n";
  }
  void on_batch(model::Batch&& batch, int /*port*/) override {
    out_ += "batch " + batch.name;
    for (const auto& [k, v] : batch.tags) out_ += "," + k + "=" + v;
    out_ += " " + seconds_text(batch.time) + group(batch.group) + "\n";
    for (const auto& bp : batch.points) {
      model::Point p;
      p.name = batch.name;
      p.tags = bp.tags;
      p.fields = bp.fields;
      p.time = bp.time;
      out_ += "  " + line(p) + "\n";
    }
  }
  void on_barrier(const runtime::BarrierMessage& barrier, int /*port*/) override {
    out_ += "barrier " + seconds_text(barrier.time) + group(barrier.group) + "\n";
  }
  void on_delete_group(const runtime::DeleteGroupMessage& message, int /*port*/) override {
    out_ += "delete" + group(message.group) + "\n";
  }

 private:
  static std::string line(const model::Point& p) {
    std::string text = p.name;
    for (const auto& [k, v] : p.tags) text += "," + k + "=" + v;
    model::Point fields_only;
    fields_only.name = "m";
    fields_only.fields = p.fields;
    std::string fields = io::format_line(fields_only, io::Precision::Second);
    fields = fields.substr(2, fields.rfind(' ') - 2);  // drop "m " and the time
    return text + " " + fields + " " + seconds_text(p.time);
  }
  std::string group(model::GroupKey key) const {
    if (key.is_nil()) return {};
    std::string id = context_.interner.id(key);
    for (char& c : id) {
      if (c == '\n') c = '|';
    }
    return " [" + id + "]";
  }
  std::string& out_;
};

struct Recording {
  std::string output;  ///< what reached the output nodes
  std::string log;     ///< task log lines: `level node: text`
  std::vector<runtime::NodeReport> report;

  /// The report of the first node whose name starts with `prefix`.
  const runtime::NodeReport& node(std::string_view prefix) const {
    for (const auto& r : report) {
      if (r.name.starts_with(prefix)) return r;
    }
    throw std::out_of_range(std::string(prefix));
  }
};

/// Runs `script` over `input` (stream: line protocol; batch: see above). With `restore_after`
/// = N the task is saved after N points (or batches) and continues in a new task restored from
/// that state.
inline Recording record(const std::string& script, const std::string& input, bool flush = false,
                        size_t restore_after = 0) {
  const auto spec = compile_script(script);
  Recording rec;
  runtime::NodeFactory factory =
      [&rec](const compile::NodeSpec& node,
             runtime::TaskContext& context) -> std::unique_ptr<runtime::Node> {
    if (node.type == "influxDBOut")
      return std::make_unique<RecordingNode>(node, context, rec.output);
    if (node.type == "query") return std::make_unique<nodes::PassThroughNode>(node, context);
    return nodes::node_factory()(node, context);
  };
  auto make_task = [&] {
    auto task = std::make_unique<runtime::Task>(spec, factory);
    task->context().log = [&rec](std::string_view node, std::string_view level,
                                 std::string_view text) {
      rec.log += std::string(level) + " " + std::string(node) + ": " + std::string(text) + "\n";
    };
    return task;
  };
  auto task = make_task();
  size_t count = 0;
  auto counted = [&] {
    if (++count != restore_after) return;
    const std::string state = task->save_state();
    task = make_task();
    task->restore_state(state);
  };
  const bool batch_task = spec->type == compile::TaskType::Batch;
  std::optional<model::Batch> batch;
  auto push_batch = [&] {
    if (!batch) return;
    task->push_batch(0, std::move(*batch));
    batch.reset();
    counted();
  };
  size_t pos = 0;
  while (pos < input.size()) {
    size_t end = input.find('\n', pos);
    if (end == std::string::npos) end = input.size();
    std::string line = input.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const bool header = line.starts_with("batch ");
    if (header) {
      // `batch cpu,host=a 10` parses as the point `cpu,host=a _=0 10`.
      const std::string body = line.substr(6);
      line = body.substr(0, body.find(' ')) + " _=0" + body.substr(body.find(' '));
    }
    model::Point point;
    const auto summary =
        io::parse_lines(line, io::Precision::Second, 0,
                        [&](const io::LineView& v) { point = io::to_point(v, "db", "rp"); });
    if (summary.accepted != 1) throw std::invalid_argument("bad input line: " + line);
    if (!batch_task) {
      task->push_point(std::move(point));
      counted();
    } else if (header) {
      push_batch();
      batch.emplace();
      batch->name = point.name;
      batch->tags = point.tags;
      batch->time = point.time;
      model::Dimensions dims;
      for (const auto& tag : point.tags) dims.tag_names.push_back(tag.first);
      batch->group = task->context().interner.intern(point.name, point.tags, dims);
    } else {
      if (!batch) throw std::invalid_argument("batch point before a batch header: " + line);
      batch->points.push_back({std::move(point.fields), std::move(point.tags), point.time});
    }
  }
  push_batch();
  task->finish(flush);
  rec.report = task->report();
  return rec;
}

}  // namespace farad::test
