#pragma once
// The daemon's configuration: one plain struct per TOML section, in the spirit of
// kapacitor.conf. The member initialisers below are the defaults, and the only place they are
// written; docs/configuration.md documents every key.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lang/diagnostic.hpp"
#include "lang/source.hpp"

namespace farad::service {

/// Durations are written as Go and InfluxDB write them: "100ms", "30s", "1h30m".
using Duration = std::chrono::nanoseconds;

/// A number of bytes; written "64MiB", "25MB" or as a plain integer.
struct ByteSize {
  uint64_t bytes = 0;
  bool operator==(const ByteSize&) const = default;
};

enum class FsyncMode { Always, Interval, Never };
enum class LogLevel { Trace, Debug, Info, Warn, Error, Off };

struct HttpConfig {
  std::string bind_address = "127.0.0.1:9092";
  ByteSize max_body_size{25'000'000};  // InfluxDB's default; 0 means no limit
  int64_t write_queue_size = 64;
  /// Memory the queued bodies may hold (text and parsed lines); 0 means no limit.
  ByteSize write_queue_memory{32ULL << 20};
  int64_t retry_after = 1;  // seconds, the value of Retry-After on a 503
  bool operator==(const HttpConfig&) const = default;
};

struct StorageConfig {
  std::string data_dir = "./farad-data";
  bool operator==(const StorageConfig&) const = default;
};

struct WalConfig {
  FsyncMode fsync = FsyncMode::Interval;
  Duration fsync_interval = std::chrono::milliseconds(100);
  ByteSize segment_size{64ULL << 20};
  Duration retention_age = std::chrono::hours(48);  // 0 means no age limit
  ByteSize retention_size{0};                       // 0 means no size limit
  bool operator==(const WalConfig&) const = default;
};

struct CheckpointConfig {
  Duration interval = std::chrono::seconds(30);
  bool operator==(const CheckpointConfig&) const = default;
};

/// Batch tasks (scheduled InfluxDB queries).
struct BatchConfig {
  bool catch_up = false;            // after downtime, run the periods missed since the checkpoint
  int64_t catch_up_limit = 100000;  // most missed windows run per query node; 0 means no limit
  bool operator==(const BatchConfig&) const = default;
};

struct LoggingConfig {
  LogLevel level = LogLevel::Info;
  std::string file;  // empty: standard error
  bool operator==(const LoggingConfig&) const = default;
};

/// One [[elasticsearch]] section: a cluster that tasks can write to.
struct ElasticsearchConfig {
  std::string name;
  std::vector<std::string> urls = {"http://localhost:9200"};
  std::string username;
  std::string password;
  std::string api_key;
  bool tls = false;
  std::string ca_file;
  Duration connect_timeout = std::chrono::seconds(5);
  Duration request_timeout = std::chrono::seconds(30);
  std::string spool_dir;                             // empty: <data-dir>/spool/elasticsearch/<name>
  ByteSize spool_limit{1ULL << 30};                  // 0 means no limit
  Duration retry_initial = std::chrono::seconds(1);  // first wait before a retry
  Duration retry_max = std::chrono::minutes(1);      // longest wait between retries
  bool operator==(const ElasticsearchConfig&) const = default;
};

/// One [[influxdb]] section: a server that tasks can write to.
struct InfluxdbConfig {
  std::string name;
  std::vector<std::string> urls = {"http://localhost:8086"};
  std::string username;
  std::string password;
  Duration timeout = std::chrono::seconds(10);  // 0 means no timeout
  bool enabled = true;
  bool is_default = false;  // `default`: the server of influxDBOut without .cluster()
  std::string ssl_ca;       // PEM file of the CA; empty: the system's
  bool insecure_skip_verify = false;
  ByteSize spool_limit{1ULL << 30};  // per influxDBOut node; 0 means no limit
  std::string compression = "gzip";  // of write bodies: "gzip" or "none", as Kapacitor's
  bool operator==(const InfluxdbConfig&) const = default;
};

/// Headers and basic-auth: a TOML table of strings.
using StringTable = std::map<std::string, std::string>;

/// One [[httppost]] section: an endpoint that httpPost('...').endpoint(name) posts to.
struct HttppostConfig {
  std::string endpoint;
  std::string url;
  StringTable headers;
  StringTable basic_auth;         // {username = "...", password = "..."}
  std::string row_template;       // Go template of httpPost's body; empty: the row as JSON
  std::string row_template_file;  // absolute path of a file holding it instead
  bool operator==(const HttppostConfig&) const = default;
};

/// Where each setting came from, so that errors found after loading can point at it. Keys are
/// setting paths such as "wal.fsync-interval" or "elasticsearch[1].name"; a section path
/// ("elasticsearch[1]") points at the section's header.
struct ConfigOrigins {
  std::shared_ptr<const lang::Source> source;         ///< the file read, if any
  std::map<std::string, lang::LineColumn> positions;  ///< where in source
  std::map<std::string, std::string> flags;           ///< settings given on the command line

  /// Where a value came from is not part of a configuration's value.
  bool operator==(const ConfigOrigins&) const { return true; }
};

struct Config {
  HttpConfig http;
  StorageConfig storage;
  WalConfig wal;
  CheckpointConfig checkpoint;
  BatchConfig batch;
  LoggingConfig logging;
  std::vector<ElasticsearchConfig> elasticsearch;
  std::vector<InfluxdbConfig> influxdb;
  std::vector<HttppostConfig> httppost;
  ConfigOrigins origins;
  bool operator==(const Config&) const = default;
};

/// Every problem found in a configuration, each positioned like a script diagnostic, in the
/// order of their lines; what() renders them all.
struct ConfigError : std::runtime_error {
  explicit ConfigError(std::vector<lang::Diagnostic> problems);
  std::vector<lang::Diagnostic> diagnostics;
};

/// Reads a TOML file; keys it does not set keep their defaults. Throws ConfigError for invalid
/// TOML, unknown sections or keys, and values of the wrong type or form; std::runtime_error if
/// the file cannot be read. Does not validate (see validate()).
Config load_config(const std::string& path);
/// The same from text; `name` is the file name that errors show.
Config load_config_text(const std::string& text, const std::string& name);

/// Settings given on the command line; they win over the file.
struct ConfigOverrides {
  std::optional<std::string> bind_address;  ///< --bind
  std::optional<std::string> data_dir;      ///< --data-dir
};
void apply_overrides(Config& config, const ConfigOverrides& overrides);

/// Checks the values together (ranges, address forms, unique names, credentials that exclude
/// each other). Throws ConfigError listing every problem.
void validate(const Config& config);

/// The configuration as TOML that load_config_text() reads back to an equal Config: every
/// option with its effective value, under a one-line comment that documents it and its default.
std::string to_toml(const Config& config);

}  // namespace farad::service
