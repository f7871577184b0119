#include "service/config.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "service/config_schema.hpp"

using namespace farad::service;
using namespace std::chrono_literals;
using Catch::Matchers::Contains;

namespace {

/// Every key set to something other than its default.
constexpr const char* kEveryKey = R"(
[http]
bind-address = ":8000"
max-body-size = "1MiB"
write-queue-size = 8
write-queue-memory = "4MiB"
retry-after = 5

[storage]
data-dir = "/var/lib/farad"

[wal]
fsync = "always"
fsync-interval = "1s"
segment-size = 1048576
retention-age = "168h"
retention-size = "10GB"

[checkpoint]
interval = "5m"

[batch]
catch-up = true
catch-up-limit = 50

[logging]
level = "debug"
file = "/var/log/farad.log"

[[elasticsearch]]
name = "logs"
urls = ["https://es1:9200", "https://es2:9200"]
username = "farad"
password = "secret"
api-key = "a2V5"
tls = true
ca-file = "/etc/ssl/es-ca.pem"
connect-timeout = "2s"
request-timeout = "1m"
spool-dir = "/var/spool/farad"
spool-limit = "512MiB"
retry-initial = "250ms"
retry-max = "30s"

[[elasticsearch]]
name = "metrics"

[[influxdb]]
name = "rollups"
urls = ["http://influx:8086"]
username = "writer"
password = "pw"
timeout = "0"
enabled = false
default = true
ssl-ca = "/etc/ssl/influx-ca.pem"
insecure-skip-verify = true
spool-limit = "2GiB"
compression = "none"

[[httppost]]
endpoint = "hook"
url = "https://hooks.example.com/farad"
headers = { Authorization = "Bearer x", X-Source = "farad" }
basic-auth = { username = "u", password = "p" }
row-template = '{{.Name}} host={{index .Tags "host"}}{{range .Values}} {{.value}}{{end}}'
row-template-file = "/etc/farad/row.tmpl"
)";

/// The rendered errors of loading `text` as f.toml, or "loaded".
std::string load_errors(const std::string& text) {
  try {
    load_config_text(text, "f.toml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "loaded";
}

/// The rendered errors of validating `config`, or "valid".
std::string validation_errors(const Config& config) {
  try {
    validate(config);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "valid";
}

}  // namespace

TEST_CASE("config: defaults are those documented") {
  const Config config;
  CHECK(config.http.bind_address == "127.0.0.1:9092");
  CHECK(config.http.max_body_size.bytes == 25'000'000);
  CHECK(config.storage.data_dir == "./farad-data");
  CHECK(config.wal.fsync == FsyncMode::Interval);
  CHECK(config.wal.fsync_interval == 100ms);
  CHECK(config.wal.segment_size.bytes == 64ULL << 20);
  CHECK(config.wal.retention_age == 48h);
  CHECK(config.wal.retention_size.bytes == 0);
  CHECK(config.checkpoint.interval == 30s);
  CHECK(config.logging.level == LogLevel::Info);
  CHECK(config.logging.file.empty());
  CHECK(config.elasticsearch.empty());
  CHECK(config.influxdb.empty());
  CHECK_NOTHROW(validate(config));
  CHECK(load_config_text("", "empty.toml") == config);
  CHECK(load_config_text("[http]\n[wal]\n", "sections.toml") == config);
}

TEST_CASE("config: every key is read") {
  const Config config = load_config_text(kEveryKey, "every.toml");
  CHECK(config.http.bind_address == ":8000");
  CHECK(config.http.max_body_size.bytes == 1ULL << 20);
  CHECK(config.http.write_queue_size == 8);
  CHECK(config.http.write_queue_memory.bytes == 4ULL << 20);
  CHECK(config.http.retry_after == 5);
  CHECK(config.storage.data_dir == "/var/lib/farad");
  CHECK(config.wal.fsync == FsyncMode::Always);
  CHECK(config.wal.fsync_interval == 1s);
  CHECK(config.wal.segment_size.bytes == 1'048'576);
  CHECK(config.wal.retention_age == 168h);
  CHECK(config.wal.retention_size.bytes == 10'000'000'000);
  CHECK(config.checkpoint.interval == 5min);
  CHECK(config.logging.level == LogLevel::Debug);
  CHECK(config.logging.file == "/var/log/farad.log");
  REQUIRE(config.elasticsearch.size() == 2);
  const ElasticsearchConfig& es = config.elasticsearch[0];
  CHECK(es.name == "logs");
  CHECK(es.urls == std::vector<std::string>{"https://es1:9200", "https://es2:9200"});
  CHECK(es.username == "farad");
  CHECK(es.password == "secret");
  CHECK(es.api_key == "a2V5");
  CHECK(es.tls);
  CHECK(es.ca_file == "/etc/ssl/es-ca.pem");
  CHECK(es.connect_timeout == 2s);
  CHECK(es.request_timeout == 1min);
  CHECK(es.spool_dir == "/var/spool/farad");
  CHECK(es.spool_limit.bytes == 512ULL << 20);
  CHECK(config.elasticsearch[1].name == "metrics");
  CHECK(config.elasticsearch[1].urls == ElasticsearchConfig{}.urls);
  REQUIRE(config.influxdb.size() == 1);
  CHECK(config.influxdb[0].name == "rollups");
  CHECK(config.influxdb[0].urls == std::vector<std::string>{"http://influx:8086"});
  CHECK(config.influxdb[0].username == "writer");
  CHECK(config.influxdb[0].password == "pw");
  CHECK(config.influxdb[0].timeout == 0ns);
  CHECK_FALSE(config.influxdb[0].enabled);
  CHECK(config.influxdb[0].is_default);
  CHECK(config.influxdb[0].ssl_ca == "/etc/ssl/influx-ca.pem");
  CHECK(config.influxdb[0].insecure_skip_verify);
  CHECK(config.influxdb[0].spool_limit.bytes == 2ULL << 30);
  CHECK(config.influxdb[0].compression == "none");
  REQUIRE(config.httppost.size() == 1);
  CHECK(config.httppost[0].endpoint == "hook");
  CHECK(config.httppost[0].url == "https://hooks.example.com/farad");
  CHECK(config.httppost[0].headers ==
        StringTable{{"Authorization", "Bearer x"}, {"X-Source", "farad"}});
  CHECK(config.httppost[0].basic_auth == StringTable{{"password", "p"}, {"username", "u"}});
  CHECK(config.httppost[0].row_template ==
        "{{.Name}} host={{index .Tags \"host\"}}{{range .Values}} {{.value}}{{end}}");
  CHECK(config.httppost[0].row_template_file == "/etc/farad/row.tmpl");
}

TEST_CASE("config: [[influxdb]] needs one default among several; [[httppost]] is checked") {
  const auto errors_of = [](const std::string& text) {
    try {
      validate(load_config_text(text, "f.toml"));
      return std::string("valid");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
  };
  const std::string two = "[[influxdb]]\nname = \"a\"\n[[influxdb]]\nname = \"b\"\n";
  CHECK_THAT(errors_of(two), Catch::Contains("influxdb[0]: no default cluster found"));
  CHECK(errors_of(two + "default = true\n") == "valid");
  CHECK(errors_of(two + "enabled = false\n") == "valid");
  CHECK_THAT(errors_of("[[influxdb]]\nname = \"a\"\ndefault = true\n"
                       "[[influxdb]]\nname = \"b\"\ndefault = true\n"),
             Catch::Contains("only one [[influxdb]] can be the default"));
  CHECK_THAT(errors_of("[[influxdb]]\nname = \"a\"\ncompression = \"zstd\"\n"),
             Catch::Contains("influxdb[0].compression: must be gzip or none, not \"zstd\""));
  CHECK(errors_of("[[influxdb]]\nname = \"a\"\ncompression = \"none\"\n") == "valid");
  CHECK_THAT(errors_of("[[httppost]]\nurl = \"ftp://x\"\nbasic-auth = { user = \"u\" }\n"),
             Catch::Contains("httppost[0].endpoint: is required"));
  CHECK_THAT(errors_of("[[httppost]]\nurl = \"ftp://x\"\n"),
             Catch::Contains("httppost[0].url: invalid URL \"ftp://x\""));
  CHECK_THAT(errors_of("[[httppost]]\nendpoint = \"e\"\nurl = \"http://x\"\n"
                       "basic-auth = { user = \"u\" }\n"),
             Catch::Contains("httppost[0].basic-auth: unknown key 'user'"));
  CHECK_THAT(errors_of("[[httppost]]\nendpoint = \"e\"\nurl = \"http://x\"\nheaders = 3\n"),
             Catch::Contains("httppost[0].headers: expected a table of strings, got an integer"));
}

TEST_CASE("config: the every-key text covers every key of the schema") {
  // A key added to the schema must be added to kEveryKey with a value other than its default.
  const Config config = load_config_text(kEveryKey, "every.toml");
  const auto check_section = [](const auto& schema, const auto& section) {
    const std::decay_t<decltype(section)> defaults{};
    for (const auto& setting : schema.settings) {
      INFO("[" << schema.name << "] " << setting.key);
      std::visit([&](auto member) { CHECK_FALSE(section.*member == defaults.*member); },
                 setting.member);
    }
  };
  for_each_section([&](const auto& schema, auto member) {
    const auto& value = config.*member;
    if constexpr (requires { value.front(); }) {
      check_section(schema, value.front());
    } else {
      check_section(schema, value);
    }
  });
}

TEST_CASE("config: errors name the file, line, column and key") {
  CHECK(load_errors("[http]\nmax-body-size = true\n") ==
        "f.toml:2:17: error: http.max-body-size: expected a size, got a boolean\n"
        "max-body-size = true\n"
        "                ^\n"
        "hint: write bytes or a unit, e.g. 1048576 or \"64MiB\"\n");
  CHECK_THAT(load_errors("[wal]\n\nfsync-intervall = \"1s\"\n"),
             Contains("f.toml:3:1: error: unknown key 'fsync-intervall' in [wal]\n") &&
                 Contains("hint: did you mean 'fsync-interval'?"));
  CHECK_THAT(load_errors("[wal]\nfsync-interval = \"10x\"\n"),
             Contains("f.toml:2:18: error: wal.fsync-interval: invalid duration \"10x\": unknown "
                      "unit \"x\""));
  CHECK_THAT(load_errors("[checkpoint]\ninterval = 30\n"),
             Contains("f.toml:2:12: error: checkpoint.interval: expected a duration string, got "
                      "an integer"));
  CHECK_THAT(load_errors("[logging]\nlevel = \"verbose\"\n"),
             Contains("f.toml:2:9: error: logging.level: expected \"trace\", \"debug\", \"info\", "
                      "\"warn\", \"error\" or \"off\", got \"verbose\""));
  CHECK_THAT(load_errors("[htpp]\n"), Contains("f.toml:1:2: error: unknown section 'htpp'\n") &&
                                          Contains("hint: did you mean [http]?"));
  CHECK_THAT(load_errors("[[influxdb]]\nname = \"a\"\nbogus = 1\n"),
             Contains("f.toml:3:1: error: unknown key 'bogus' in [[influxdb]]"));
  CHECK_THAT(load_errors("[influxdb]\nname = \"a\"\n"),
             Contains("f.toml:1:2: error: influxdb must be an array of tables, got a table") &&
                 Contains("hint: write [[influxdb]] for each entry"));
  CHECK_THAT(load_errors("[[elasticsearch]]\nurls = \"http://a:9200\"\n"),
             Contains("f.toml:2:8: error: elasticsearch[0].urls: expected an array of strings"));
  CHECK_THAT(load_errors("[wal]\nsegment-size = -1\n"),
             Contains("f.toml:2:16: error: wal.segment-size: size cannot be negative"));
  CHECK_THAT(load_errors("[http\n"), Contains("f.toml:1:6: error: invalid TOML: "));
}

TEST_CASE("config: every error of a file is reported, in line order") {
  const std::string errors = load_errors("[wal]\nfsync = 1\n[http]\nretry-after = \"1s\"\n");
  const auto wal = errors.find("f.toml:2:9: error: wal.fsync");
  const auto http = errors.find("f.toml:4:15: error: http.retry-after: expected an integer");
  CHECK(wal != std::string::npos);
  CHECK(http != std::string::npos);
  CHECK(wal < http);
}

TEST_CASE("config: printing then loading gives the same configuration") {
  const Config defaults;
  CHECK(load_config_text(to_toml(defaults), "printed.toml") == defaults);

  Config every = load_config_text(kEveryKey, "every.toml");
  every.logging.file = "odd \"name\"\\with\ttab\nand \u00e9";
  const Config reloaded = load_config_text(to_toml(every), "printed.toml");
  CHECK(reloaded == every);
  CHECK(reloaded.logging.file == every.logging.file);
  CHECK(to_toml(reloaded) == to_toml(every));
  CHECK_FALSE(reloaded == defaults);  // equality is not vacuous
}

TEST_CASE("config: the printed configuration documents every key with its default") {
  const std::string text = to_toml(Config{});
  CHECK_THAT(text, Contains("[http]\n# HOST:PORT the HTTP API listens on; \":9092\" listens on "
                            "every interface (default \"127.0.0.1:9092\")\n"
                            "bind-address = \"127.0.0.1:9092\"\n"));
  CHECK_THAT(text, Contains("(default \"64MiB\")\nsegment-size = \"64MiB\"\n"));
  // Sinks that are not configured are shown commented out.
  CHECK_THAT(text, Contains("# [[elasticsearch]]\n# # name that tasks use"));
  CHECK_THAT(text, Contains("# spool-limit = \"1GiB\"\n"));
  CHECK_THAT(text, Contains("# [[influxdb]]\n"));
}

TEST_CASE("config: overrides win over the file and are named in errors") {
  Config config = load_config_text("[http]\nbind-address = \"1.2.3.4:1\"\n", "f.toml");
  apply_overrides(config, {"0.0.0.0:9999", "/tmp/state"});
  CHECK(config.http.bind_address == "0.0.0.0:9999");
  CHECK(config.storage.data_dir == "/tmp/state");
  apply_overrides(config, {});
  CHECK(config.http.bind_address == "0.0.0.0:9999");

  apply_overrides(config, {"nowhere", std::nullopt});
  CHECK(validation_errors(config) ==
        "--bind: error: http.bind-address: invalid address \"nowhere\": expected HOST:PORT, e.g. "
        "\"127.0.0.1:9092\", \"[::1]:9092\" or \":9092\" (every interface)\n");
}

TEST_CASE("config: validation points at the value, or at the section that lacks it") {
  const Config config = load_config_text(R"([http]
write-queue-size = 0

[[elasticsearch]]
name = "main"
urls = ["https://a:9200"]
password = "x"

[[elasticsearch]]
name = "main"
tls = true

[[influxdb]]
urls = ["influx:8086"]
)",
                                         "v.toml");
  const std::string errors = validation_errors(config);
  CHECK_THAT(errors, Contains("v.toml:2:20: error: http.write-queue-size: must be at least 1, "
                              "got 0\n"));
  CHECK_THAT(errors, Contains("v.toml:6:8: error: elasticsearch[0].urls: URL \"https://a:9200\" "
                              "uses https but tls = false\n"));
  CHECK_THAT(errors, Contains("v.toml:7:12: error: elasticsearch[0].password: is set but "
                              "username is empty\n"));
  CHECK_THAT(errors, Contains("v.toml:10:8: error: elasticsearch[1].name: \"main\" is already "
                              "the name of elasticsearch[0] (line 4)\n"));
  CHECK_THAT(errors, Contains("v.toml:9:1: error: elasticsearch[1].urls: URL "
                              "\"http://localhost:9200\" does not use https but tls = true\n"));
  CHECK_THAT(errors, Contains("v.toml:13:1: error: influxdb[0].name: is required\n"));
  CHECK_THAT(errors, Contains("v.toml:14:8: error: influxdb[0].urls: invalid URL \"influx:8086\""));
}

TEST_CASE("config: validation checks ranges and exclusive settings") {
  Config config;
  config.wal.fsync_interval = 0ns;
  config.checkpoint.interval = 0ns;
  config.wal.segment_size = {0};
  config.storage.data_dir.clear();
  config.http.retry_after = -1;
  ElasticsearchConfig es;
  es.name = "bad name";
  es.username = "u";
  es.api_key = "k";
  es.ca_file = "ca.pem";
  es.request_timeout = 0ns;
  config.elasticsearch.push_back(es);
  const std::string errors = validation_errors(config);
  for (const char* expected :
       {"defaults: error: wal.fsync-interval: must be above 0",
        "defaults: error: checkpoint.interval: must be above 0",
        "defaults: error: wal.segment-size: must be above 0",
        "defaults: error: storage.data-dir: must not be empty",
        "defaults: error: http.retry-after: cannot be negative, got -1",
        "defaults: error: elasticsearch[0].name: invalid name \"bad name\"",
        "defaults: error: elasticsearch[0].api-key: cannot be used together with username",
        "defaults: error: elasticsearch[0].ca-file: is set but tls = false",
        "defaults: error: elasticsearch[0].request-timeout: must be above 0"}) {
    CHECK_THAT(errors, Contains(expected));
  }
}

TEST_CASE("config: load_config reads a file and names it when it cannot") {
  const std::string path = std::string(FARAD_SOURCE_DIR) + "/tests/unit/service/no-such.toml";
  CHECK_THROWS_WITH(load_config(path), Contains("cannot open config file " + path));
}

TEST_CASE("config: docs/configuration.md documents every section and key") {
  std::ifstream in(std::string(FARAD_SOURCE_DIR) + "/docs/configuration.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string docs = text.str();
  for_each_section([&](const auto& schema, auto) {
    const std::string header = std::string(schema.name);
    INFO(header);
    CHECK_THAT(docs, Contains("[" + header + "]"));
    for (const auto& setting : schema.settings) {
      INFO(setting.key);
      CHECK_THAT(docs, Contains("`" + std::string(setting.key) + "`"));
    }
  });
}
