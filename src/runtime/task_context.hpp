#pragma once
// What every node of a task shares: the task's group key interner, where outputs go, the
// httpOut endpoints and the log. One per task; nodes hold a reference.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compile/task_spec.hpp"
#include "model/compact_point.hpp"
#include "model/group_key.hpp"
#include "model/point.hpp"
#include "runtime/connections.hpp"

namespace farad::runtime {

/// Receives what output nodes (influxDBOut, httpPost, alert, kapacitorLoopback, ...) would send
/// to an external service. `farad run --output FILE` writes them as line protocol.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// `point.name` is the measurement the sink would write.
  virtual void write(const compile::NodeSpec& node, const model::Point& point) = 0;
};

/// One series of an httpOut endpoint: Kapacitor's models.Row, with the cells kept typed so the
/// JSON text is produced only when the endpoint is read (nodes/http_out_json.hpp).
struct HttpOutSeries {
  /// One row: the time and the cells of columns[1..]; nullopt is JSON null.
  struct Row {
    int64_t time = 0;
    std::vector<std::optional<model::FieldValue>> values;
    bool operator==(const Row&) const = default;
  };
  std::string name;
  model::Tags tags;
  std::vector<std::string> columns;  ///< "time" first; empty for an empty batch
  std::vector<Row> rows;
  bool operator==(const HttpOutSeries&) const = default;
};

/// The content of one httpOut endpoint: Kapacitor's result.Series, one entry per group in the
/// order groups first reached the node; nullopt for a group that has sent no data yet (a
/// barrier only), which Kapacitor serves as `null`.
struct HttpOutEndpoint {
  std::vector<std::optional<HttpOutSeries>> series;
  /// False until the first group: Go serves its nil slice as `"series":null`.
  bool allocated = false;
};

/// The current content of every httpOut endpoint, by endpoint name.
using HttpOutEndpoints = std::map<std::string, HttpOutEndpoint>;

struct TaskContext {
  const compile::TaskSpec& spec;
  model::GroupKeyInterner interner;
  OutputSink* outputs = nullptr;
  HttpOutEndpoints http_out;
  /// Node log lines (log node, dropped points, errors); rate limited by the caller.
  std::function<void(std::string_view node, std::string_view level, std::string_view text)> log;
  /// Where relative output paths (fileOut) are resolved: the daemon's data directory; empty
  /// means the working directory (`farad run`).
  std::filesystem::path output_dir;
  /// The external services; null: output nodes capture to `outputs` (farad run, goldens).
  std::shared_ptr<const Connections> connections;
  /// Whether nodes sample their execution time (avg_exec_time_ns); `farad run`, which never
  /// reports it, saves the clock reads.
  bool time_nodes = true;
  /// The series and field keys of the compact points entering the task (compact_point.hpp).
  model::SeriesTable series;
  model::FieldKeyTable field_keys;

  /// The Point equal to a compact point of this task.
  model::Point materialise(const model::CompactPoint& point) const {
    return model::materialise(point, series, field_keys);
  }
};

}  // namespace farad::runtime
