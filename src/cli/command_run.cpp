// farad run: execute a task over recorded data (line protocol, .srpl, .brpl) offline.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/run_batch_queries.hpp"
#include "cli/run_inputs.hpp"
#include "cli/task_flags.hpp"
#include "daemon/connections_config.hpp"
#include "io/line_protocol_writer.hpp"
#include "nodes/http_out_json.hpp"
#include "nodes/registry.hpp"
#include "runtime/node_report_json.hpp"
#include "runtime/task.hpp"
#include "service/config.hpp"

namespace farad::cli {

namespace {

/// --output FILE: what output nodes would send, as line protocol with nanosecond times.
class FileSink : public runtime::OutputSink {
 public:
  explicit FileSink(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot write " + path);
  }
  void write(const compile::NodeSpec& /*node*/, const model::Point& point) override {
    line_.clear();
    io::append_line(line_, point, io::Precision::Nanosecond);
    line_ += '\n';
    out_ << line_;
  }

 private:
  std::ofstream out_;
  std::string line_;
};

void write_http_out(runtime::Task& task, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& node : task.spec().nodes) {
    if (node.type != "httpOut" || node.args.empty()) continue;
    const std::string& endpoint = node.args[0].text;
    const auto path = std::filesystem::path(dir) / (endpoint + ".json");
    std::ofstream out(path, std::ios::trunc);
    out << nodes::render_http_out(task.context().http_out, endpoint) << '\n';
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
}

/// --config FILE: output nodes write to the services it configures (es() spools under its
/// [storage] data-dir, as the daemon does) instead of capturing.
runtime::NodeFactory factory_with_config(const std::string& path) {
  service::Config config = service::load_config(path);
  service::validate(config);
  auto connections = std::make_shared<runtime::Connections>();
  connections->elasticsearch =
      daemon::elasticsearch_connections(config, std::filesystem::absolute(config.storage.data_dir));
  connections->influxdb = daemon::influxdb_connections(config);  // unsent batches: in memory
  connections->httppost = daemon::httppost_endpoints(config);
  return [real = nodes::node_factory(),
          connections = std::shared_ptr<const runtime::Connections>(std::move(connections))](
             const compile::NodeSpec& node, runtime::TaskContext& context) {
    context.connections = connections;
    // Sinks take the log when they are built: their sender threads report retries with it.
    context.log = [](std::string_view name, std::string_view level, std::string_view text) {
      if (level == "E" || level == "W") std::cerr << fmt::format("{} {}: {}\n", level, name, text);
    };
    return real(node, context);
  };
}

void write_stats(const runtime::Task& task, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << runtime::node_reports_json(task.report());
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int run_run(const Args& argv) {
  std::set<std::string> flags = kTaskFlags;
  flags.insert({"input", "output", "httpout", "stats", "config", "start", "stop"});
  flags.insert(kInputValueFlags.begin(), kInputValueFlags.end());
  std::set<std::string> switches = kInputSwitches;
  switches.insert("flush");
  const Arguments args(argv, flags, switches);
  if (args.positional().size() != 1) throw UsageError("run needs exactly one SCRIPT");
  const auto inputs = args.values("input");
  const auto query_start = args.value("start");  // a batch task queries InfluxDB instead
  if (inputs.empty() && !query_start) {
    throw UsageError("run needs at least one --input FILE (or, for a batch task, --start)");
  }
  if (query_start && !args.value("config")) {
    throw UsageError("--start needs --config FILE: the [[influxdb]] servers to query");
  }
  const std::string& path = args.positional().front();

  compile::CompileOptions options = task_options(args, path);
  options.allow_repeated_dbrps = true;
  const lang::Source source = lang::read_source_file(path);
  const compile::CompileResult compiled = compile::compile_source(source, options);
  std::cerr << lang::render_all(compiled.diagnostics);
  if (!compiled.ok()) return 1;

  std::unique_ptr<FileSink> sink;
  if (auto output = args.value("output")) sink = std::make_unique<FileSink>(*output);
  const auto config = args.value("config");
  runtime::Task task(compiled.task, config ? factory_with_config(*config) : nodes::node_factory(),
                     sink.get());
  task.context().time_nodes = false;  // avg_exec_time_ns is not reported here
  task.context().log = [](std::string_view node, std::string_view level, std::string_view text) {
    if (level != "E") return;
    std::cerr << fmt::format("{} {}: {}\n", level, node, text);
  };

  const RunSummary summary = feed_inputs(task, inputs, input_options(args));
  if (query_start) {
    service::Config queried = service::load_config(*args.value("config"));
    const auto summary_of_queries = run_batch_queries(
        task, daemon::make_connections(queried, {}), *query_start, args.value("stop").value_or(""));
    if (summary_of_queries.failed > 0) {
      std::cerr << fmt::format("farad run: {} of {} queries failed\n", summary_of_queries.failed,
                               summary_of_queries.windows);
    }
  }
  task.finish(args.has("flush"));
  if (auto dir = args.value("httpout")) write_http_out(task, *dir);
  if (auto stats = args.value("stats")) write_stats(task, *stats);
  if (summary.rejected_lines > 0) {
    std::cerr << fmt::format("farad run: {} input line(s) rejected\n", summary.rejected_lines);
  }
  return 0;
}

}  // namespace farad::cli
