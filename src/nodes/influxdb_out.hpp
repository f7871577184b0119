#pragma once
// influxDBOut: writes every point (or every point of a batch) to InfluxDB: measurement from
// .measurement() or the point/batch name, .tag()s overriding point tags, the database and
// retention policy of the node or else of the point (a batch has none). With the task's
// connections, the lines go to the `[[influxdb]]` server .cluster() names (or the default)
// through a sinks::InfluxDBWriter (buffer, flushInterval, retry, spool); .create() issues
// CREATE DATABASE first. Without connections (`farad run`, the golden tests) the points go to
// the task's OutputSink exactly as they would be written. Kapacitor's influxdb_out.go.

#include <memory>
#include <optional>

#include "nodes/point_writer.hpp"
#include "sinks/influxdb_write.hpp"

namespace farad::sinks {
class InfluxDBWriter;
}

namespace farad::nodes {

class InfluxDBOutNode : public PointWriterNode {
 public:
  InfluxDBOutNode(const compile::NodeSpec& spec, runtime::TaskContext& context);
  ~InfluxDBOutNode() override;
  /// points_written and write_errors as the sender has counted them so far.
  runtime::NodeStats current_stats() const override;
  /// A checkpoint hands the partly filled buffers to the sender and syncs its spool, which then
  /// holds every point emitted before it: a restart from the checkpoint cannot lose them.
  void save(runtime::StateWriter& out) const override;

 protected:
  void write(model::Point&& point) override;

 private:
  void create_database(const runtime::InfluxDBConnection& connection);

  std::string consistency_;
  std::string precision_text_;
  std::optional<sinks::WritePrecision> precision_;
  std::unique_ptr<sinks::InfluxDBWriter> writer_;
  uint64_t precision_errors_ = 0;  ///< writes refused before the sender (bad precision)
};

}  // namespace farad::nodes
