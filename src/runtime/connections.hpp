#pragma once
// The external services output nodes and batch sources talk to, as configured for the process
// (`farad serve`'s config file, or `farad run --config`). A task without connections (the
// default of `farad run` and of the golden tests) captures what its output nodes would send in
// its OutputSink instead. Each kind is filled from its own config section.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace farad::runtime {

/// One `[[elasticsearch]]` cluster.
struct ElasticsearchConnection {
  std::string name;
};

/// One `[[influxdb]]` server (influxDBOut, batch queries).
struct InfluxDBConnection {
  std::string name;
};

/// One `[[httppost]]` endpoint (httpPost's .endpoint()).
struct HttpPostEndpointConfig {
  std::string name;
};

struct Connections {
  std::vector<ElasticsearchConnection> elasticsearch;
  std::vector<InfluxDBConnection> influxdb;
  std::vector<HttpPostEndpointConfig> httppost;
  /// Where sinks keep their on-disk spools (the daemon's data directory / "spool").
  std::filesystem::path spool_dir;
};

}  // namespace farad::runtime
