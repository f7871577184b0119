#include "service/config_schema.hpp"

#include <array>

namespace farad::service {

namespace {

using Http = HttpConfig;
constexpr std::array<Setting<Http>, 5> kHttp = {{
    {"bind-address", &Http::bind_address,
     "HOST:PORT the HTTP API listens on; \":9092\" listens on every interface"},
    {"max-body-size", &Http::max_body_size,
     "largest request body accepted (413 above it); 0 means no limit"},
    {"write-queue-size", &Http::write_queue_size,
     "write bodies waiting for the task worker; a write gets 503 when the queue is full"},
    {"write-queue-memory", &Http::write_queue_memory,
     "memory the waiting bodies may hold (a write gets 503 above it, unless the queue is "
     "empty); 0 means no limit"},
    {"retry-after", &Http::retry_after, "seconds a client is told to wait (Retry-After) on a 503"},
}};

using Storage = StorageConfig;
constexpr std::array<Setting<Storage>, 1> kStorage = {{
    {"data-dir", &Storage::data_dir,
     "directory of the daemon's state: write-ahead log, checkpoints, tasks, spools"},
}};

using Wal = WalConfig;
constexpr std::array<Setting<Wal>, 5> kWal = {{
    {"fsync", &Wal::fsync,
     "when the log is synced: \"always\" before each write is acknowledged, \"interval\", "
     "\"never\" (left to the OS)"},
    {"fsync-interval", &Wal::fsync_interval,
     "how often the log is synced when fsync = \"interval\""},
    {"segment-size", &Wal::segment_size,
     "size at which a log segment is closed and a new one begun"},
    {"retention-age", &Wal::retention_age,
     "segments older than this are deleted once checkpointed; 0 means no age limit"},
    {"retention-size", &Wal::retention_size,
     "checkpointed segments are deleted, oldest first, above this total; 0 means no limit"},
}};

using Checkpoint = CheckpointConfig;
constexpr std::array<Setting<Checkpoint>, 1> kCheckpoint = {{
    {"interval", &Checkpoint::interval,
     "how often task state is saved; a restart replays the log from the last checkpoint"},
}};

using Batch = BatchConfig;
constexpr std::array<Setting<Batch>, 2> kBatch = {{
    {"catch-up", &Batch::catch_up,
     "on start, run every period a batch task missed since its checkpoint (Kapacitor skips them)"},
    {"catch-up-limit", &Batch::catch_up_limit,
     "most missed windows a query node runs at a catch-up, oldest first; 0 means no limit"},
}};

using Logging = LoggingConfig;
constexpr std::array<Setting<Logging>, 2> kLogging = {{
    {"level", &Logging::level, "least severe message logged: trace, debug, info, warn, error, off"},
    {"file", &Logging::file, "file the log is appended to; empty means standard error"},
}};

using Elasticsearch = ElasticsearchConfig;
constexpr std::array<Setting<Elasticsearch>, 13> kElasticsearch = {{
    {"name", &Elasticsearch::name, "name that tasks use to pick this cluster; required, unique"},
    {"urls", &Elasticsearch::urls, "nodes of the cluster, http:// or https:// (with tls = true)"},
    {"username", &Elasticsearch::username, "basic authentication user; empty means none"},
    {"password", &Elasticsearch::password, "basic authentication password"},
    {"api-key", &Elasticsearch::api_key,
     "API key (the base64 id:key); instead of username and password"},
    {"tls", &Elasticsearch::tls, "connect over TLS; the urls must then be https://"},
    {"ca-file", &Elasticsearch::ca_file,
     "PEM file of the CA that signed the cluster's certificates; empty means the system's"},
    {"connect-timeout", &Elasticsearch::connect_timeout, "time allowed to open a connection"},
    {"request-timeout", &Elasticsearch::request_timeout, "time allowed for one bulk request"},
    {"spool-dir", &Elasticsearch::spool_dir,
     "where documents wait while the cluster is unreachable; empty means "
     "<data-dir>/spool/elasticsearch/<name>"},
    {"spool-limit", &Elasticsearch::spool_limit,
     "largest size the spool may grow to; 0 means no limit"},
    {"retry-initial", &Elasticsearch::retry_initial,
     "wait before the first retry of a failed bulk; doubled (with jitter) per retry"},
    {"retry-max", &Elasticsearch::retry_max, "longest wait between two retries"},
}};

using Influxdb = InfluxdbConfig;
constexpr std::array<Setting<Influxdb>, 11> kInfluxdb = {{
    {"name", &Influxdb::name, "name that tasks use to pick this server; required, unique"},
    {"enabled", &Influxdb::enabled, "whether tasks may use this server"},
    {"default", &Influxdb::is_default,
     "the server of influxDBOut without .cluster(); implied when only one is enabled"},
    {"urls", &Influxdb::urls, "HTTP API of the server, http:// or https://; used in turn"},
    {"username", &Influxdb::username, "basic authentication user; empty means none"},
    {"password", &Influxdb::password, "basic authentication password"},
    {"timeout", &Influxdb::timeout, "time allowed for one write; 0 means no timeout"},
    {"ssl-ca", &Influxdb::ssl_ca, "PEM file of the CA for https:// URLs; empty means the system's"},
    {"insecure-skip-verify", &Influxdb::insecure_skip_verify,
     "do not check the server's certificate (testing only)"},
    {"spool-limit", &Influxdb::spool_limit,
     "disk an influxDBOut node's unsent batches may take before the task waits; 0 means no limit"},
    {"compression", &Influxdb::compression,
     "encoding of write bodies: gzip (Content-Encoding: gzip) or none"},
}};

using Httppost = HttppostConfig;
constexpr std::array<Setting<Httppost>, 6> kHttppost = {{
    {"endpoint", &Httppost::endpoint, "name that httpPost().endpoint() uses; required, unique"},
    {"url", &Httppost::url,
     "URL posted to, http:// or https://; a Go template, run with the posted row"},
    {"headers", &Httppost::headers, "extra request headers, e.g. { Authorization = \"...\" }"},
    {"basic-auth", &Httppost::basic_auth,
     "basic authentication, { username = \"...\", password = \"...\" }; empty means none"},
    {"row-template", &Httppost::row_template,
     "Go template of the body httpPost posts (.Name, .Tags, .Values); empty: the row as JSON"},
    {"row-template-file", &Httppost::row_template_file,
     "absolute path of a file holding the row template, instead of row-template"},
}};

}  // namespace

const SectionSchema<HttpConfig>& http_schema() {
  static const SectionSchema<HttpConfig> schema{"http", "The HTTP API (writes, tasks)", kHttp};
  return schema;
}

const SectionSchema<StorageConfig>& storage_schema() {
  static const SectionSchema<StorageConfig> schema{"storage", "Where state is kept", kStorage};
  return schema;
}

const SectionSchema<WalConfig>& wal_schema() {
  static const SectionSchema<WalConfig> schema{
      "wal", "The write-ahead log: every accepted write is logged before it is acknowledged", kWal};
  return schema;
}

const SectionSchema<BatchConfig>& batch_schema() {
  static const SectionSchema<BatchConfig> schema{
      "batch", "Batch tasks: InfluxQL queries run on their schedule", kBatch};
  return schema;
}

const SectionSchema<CheckpointConfig>& checkpoint_schema() {
  static const SectionSchema<CheckpointConfig> schema{
      "checkpoint", "Snapshots of task state, so that a restart replays only the log's tail",
      kCheckpoint};
  return schema;
}

const SectionSchema<LoggingConfig>& logging_schema() {
  static const SectionSchema<LoggingConfig> schema{"logging", "The daemon's log", kLogging};
  return schema;
}

const SectionSchema<ElasticsearchConfig>& elasticsearch_schema() {
  static const SectionSchema<ElasticsearchConfig> schema{
      "elasticsearch", "Elasticsearch clusters that tasks write to: zero or more", kElasticsearch};
  return schema;
}

const SectionSchema<InfluxdbConfig>& influxdb_schema() {
  static const SectionSchema<InfluxdbConfig> schema{
      "influxdb", "InfluxDB servers that tasks write to: zero or more", kInfluxdb};
  return schema;
}

const SectionSchema<HttppostConfig>& httppost_schema() {
  static const SectionSchema<HttppostConfig> schema{
      "httppost", "HTTP endpoints that httpPost posts to by name: zero or more", kHttppost};
  return schema;
}

std::vector<std::string_view> section_names() {
  std::vector<std::string_view> names;
  for_each_section([&](const auto& schema, auto) { names.push_back(schema.name); });
  return names;
}

}  // namespace farad::service
