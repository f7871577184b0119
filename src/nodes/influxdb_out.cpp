#include "nodes/influxdb_out.hpp"

#include <fmt/format.h>

#include "io/line_protocol_writer.hpp"
#include "sinks/influxdb_client.hpp"
#include "sinks/influxdb_writer.hpp"
#include "sinks/spool_dirs.hpp"

namespace farad::nodes {

InfluxDBOutNode::InfluxDBOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context)
    : PointWriterNode(spec, context) {
  consistency_ = spec.text("writeConsistency");
  precision_text_ = spec.text("precision");
  precision_ = sinks::parse_write_precision(precision_text_);
  if (!context_.connections) return;  // captured: the OutputSink sees the points
  const runtime::Connections& connections = *context_.connections;
  // Throws Kapacitor's "no InfluxDB cluster configured ..." / "no such InfluxDB config".
  const runtime::InfluxDBConnection& server = connections.influxdb_cluster(spec.text("cluster"));
  sinks::InfluxDBWriterOptions options;
  if (const auto* v = spec.property("buffer")) options.buffer = std::max<int64_t>(0, v->integer);
  if (const auto* v = spec.property("flushInterval")) {
    options.flush_interval = std::chrono::nanoseconds(v->integer);
  }
  if (!connections.spool_dir.empty()) {
    options.spool_dir = sinks::influxdb_spool_dir(connections, context_.spec.name, spec.name);
    options.spool_limit = server.spool_limit;
  }
  if (spec.has("create")) create_database(server);
  auto log = context_.log;
  const std::string node = spec.name;
  writer_ = std::make_unique<sinks::InfluxDBWriter>(
      server, std::move(options), [log, node](std::string_view level, std::string_view text) {
        if (log) log(node, level, text);
      });
  count("points_written", 0);
  count("write_errors", 0);
}

InfluxDBOutNode::~InfluxDBOutNode() = default;

void InfluxDBOutNode::create_database(const runtime::InfluxDBConnection& connection) {
  sinks::InfluxDBClient client(connection);
  const std::string database = spec_.text("database");
  const sinks::InfluxDBAnswer answer =
      client.query(sinks::create_database_statement(database, spec_.text("retentionPolicy")));
  if (!answer.ok() && context_.log) {
    context_.log(spec_.name, "E",
                 fmt::format("failed to create database {} on cluster {}: {}", database,
                             connection.name, answer.error));
  }
}

void InfluxDBOutNode::write(model::Point&& point) {
  if (!writer_) {
    PointWriterNode::write(std::move(point));
    return;
  }
  if (!precision_) {
    // Kapacitor's NewBatchPoints refuses the precision: every write fails.
    ++precision_errors_;
    if (context_.log) {
      context_.log(spec_.name, "E",
                   fmt::format("failed to write points to InfluxDB: time: unknown unit \"{}\" in "
                               "duration \"1{}\"",
                               precision_text_, precision_text_));
    }
    return;
  }
  std::string line;
  io::append_line(line, point, precision_->unit);
  line += '\n';
  writer_->add({point.database, point.retention_policy, precision_text_, consistency_}, line, 1);
}

void InfluxDBOutNode::save(runtime::StateWriter& out) const {
  if (writer_) {
    writer_->flush();
    writer_->sync_spool();
  }
  PointWriterNode::save(out);
}

runtime::NodeStats InfluxDBOutNode::current_stats() const {
  runtime::NodeStats stats = stats_;
  if (!writer_) return stats;
  const sinks::InfluxDBWriterStats sent = writer_->stats();
  for (auto& [name, value] : stats.counters) {
    if (name == "points_written") value = sent.points_written;
    if (name == "write_errors") value = sent.write_errors + precision_errors_;
  }
  return stats;
}

}  // namespace farad::nodes
