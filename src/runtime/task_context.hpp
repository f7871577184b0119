#pragma once
// What every node of a task shares: the task's group key interner, where outputs go, the
// httpOut endpoints and the log. One per task; nodes hold a reference.

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "compile/task_spec.hpp"
#include "model/group_key.hpp"
#include "model/point.hpp"

namespace farad::runtime {

/// Receives what output nodes (influxDBOut, httpPost, alert, kapacitorLoopback, ...) would send
/// to an external service. `farad run --output FILE` writes them as line protocol.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// `point.name` is the measurement the sink would write.
  virtual void write(const compile::NodeSpec& node, const model::Point& point) = 0;
};

/// One row of an httpOut endpoint: Kapacitor's `{"name","tags","columns","values"}` series.
struct HttpOutSeries {
  std::string name;
  model::Tags tags;
  std::vector<std::string> columns;                  ///< "time" first, then sorted names
  std::vector<std::vector<std::string>> values_json;  ///< each cell as JSON text
};

/// The current content of every httpOut endpoint: endpoint → group id → series.
using HttpOutEndpoints = std::map<std::string, std::map<std::string, std::vector<HttpOutSeries>>>;

struct TaskContext {
  const compile::TaskSpec& spec;
  model::GroupKeyInterner interner;
  OutputSink* outputs = nullptr;
  HttpOutEndpoints http_out;
  /// Node log lines (log node, dropped points, errors); rate limited by the caller.
  std::function<void(std::string_view node, std::string_view level, std::string_view text)> log;
};

}  // namespace farad::runtime
