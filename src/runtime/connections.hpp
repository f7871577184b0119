#pragma once
// The external services output nodes and batch sources talk to, as configured for the process
// (`farad serve`'s config file, or `farad run --config`). A task without connections (the
// default of `farad run` and of the golden tests) captures what its output nodes would send in
// its OutputSink instead. Each kind is filled from its own config section.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farad::runtime {

/// One `[[elasticsearch]]` cluster.
struct ElasticsearchConnection {
  std::string name;
  std::vector<std::string> urls;  ///< tried in turn; a transport error or 5xx moves on
  std::string username;           ///< basic auth when not empty
  std::string password;
  std::string api_key;  ///< `Authorization: ApiKey <api_key>` when not empty
  std::string ca_file;  ///< PEM bundle for https://; empty: the system's
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds request_timeout{30000};
  std::chrono::milliseconds retry_initial{1000};  ///< first wait before a retry
  std::chrono::milliseconds retry_max{60000};     ///< longest wait between retries
  /// Each es() node spools to <spool_dir>/<task>/<node>/.
  std::filesystem::path spool_dir;
  uint64_t spool_limit = 1ULL << 30;  ///< bytes on disk per node; 0: no limit
};

/// One enabled `[[influxdb]]` server (influxDBOut, batch queries).
struct InfluxDBConnection {
  std::string name;
  bool is_default = false;
  std::vector<std::string> urls;  ///< used in turn, one request each
  std::string username;           ///< basic auth when not empty
  std::string password;
  std::chrono::milliseconds timeout{10000};  ///< one request; zero means none
  std::string ssl_ca;                        ///< PEM file; empty: the system's
  bool insecure_skip_verify = false;
  uint64_t spool_limit = 1ULL << 30;  ///< bytes of unsent batches per node; 0 means no limit
  bool gzip_writes = false;           ///< write bodies sent with Content-Encoding: gzip
};

/// One `[[httppost]]` endpoint (httpPost's .endpoint()).
struct HttpPostEndpointConfig {
  std::string name;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string username;  ///< basic auth when not empty
  std::string password;
  /// Go template of the body, run with the row (Kapacitor's row-template); empty: the row as
  /// JSON. `url` is a template too.
  std::string row_template;
};

/// Takes the line protocol (nanosecond times) kapacitorLoopback writes into the server's own
/// ingest, as a /write of `database` and `retention_policy` would.
using LoopbackWrite = std::function<void(const std::string& database,
                                         const std::string& retention_policy, std::string body)>;

struct Connections {
  std::vector<ElasticsearchConnection> elasticsearch;
  std::vector<InfluxDBConnection> influxdb;
  std::vector<HttpPostEndpointConfig> httppost;
  /// Where sinks keep their on-disk spools (the daemon's data directory / "spool"); empty
  /// means none (`farad run --config`: unsent data stays in memory).
  std::filesystem::path spool_dir;
  /// The daemon's ingest; empty: kapacitorLoopback captures to the OutputSink.
  LoopbackWrite loopback;

  /// The server `.cluster(name)` names, or the default one for an empty name (the only one, or
  /// the one marked default). Throws std::runtime_error with Kapacitor's messages.
  const InfluxDBConnection& influxdb_cluster(std::string_view name) const;
  /// The `[[httppost]]` endpoint of that name, or null.
  const HttpPostEndpointConfig* httppost_endpoint(std::string_view name) const;
};

}  // namespace farad::runtime
