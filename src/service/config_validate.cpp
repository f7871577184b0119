// validate(): the checks that need more than one value's type, positioned where the value was
// set (the file's line, or the command-line flag).
#include <fmt/format.h>

#include "service/config.hpp"
#include "service/config_values.hpp"
#include "service/httppost_templates.hpp"

namespace farad::service {

namespace {

bool valid_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.front() == '-') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

/// The host part of an http:// or https:// URL, empty if the URL is not one.
std::string_view url_host(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.starts_with(scheme)) {
      const std::string_view rest = url.substr(scheme.size());
      return rest.substr(0, rest.find('/'));
    }
  }
  return {};
}

class Checker {
 public:
  explicit Checker(const Config& config) : config_(config) {}

  void check() {
    check_http();
    if (config_.storage.data_dir.empty()) problem("storage.data-dir", "must not be empty");
    const WalConfig& wal = config_.wal;
    if (wal.fsync_interval <= Duration::zero()) problem("wal.fsync-interval", "must be above 0");
    if (wal.segment_size.bytes == 0) problem("wal.segment-size", "must be above 0");
    if (config_.checkpoint.interval <= Duration::zero()) {
      problem("checkpoint.interval", "must be above 0");
    }
    if (config_.batch.catch_up_limit < 0) {
      problem("batch.catch-up-limit",
              fmt::format("cannot be negative, got {}", config_.batch.catch_up_limit));
    }
    check_names("elasticsearch", config_.elasticsearch);
    check_names("influxdb", config_.influxdb);
    for (size_t i = 0; i < config_.elasticsearch.size(); ++i) check_elasticsearch(i);
    for (size_t i = 0; i < config_.influxdb.size(); ++i) check_influxdb(i);
    check_influxdb_default();
    check_httppost();
    if (!problems_.empty()) throw ConfigError(std::move(problems_));
  }

 private:
  void check_http() {
    const HttpConfig& http = config_.http;
    const std::string address_error = bind_address_error(http.bind_address);
    if (!address_error.empty()) problem("http.bind-address", address_error);
    if (http.write_queue_size < 1) {
      problem("http.write-queue-size",
              fmt::format("must be at least 1, got {}", http.write_queue_size));
    }
    if (http.retry_after < 0) {
      problem("http.retry-after", fmt::format("cannot be negative, got {}", http.retry_after));
    }
  }

  template <class Sink>
  void check_names(std::string_view section, const std::vector<Sink>& sinks) {
    for (size_t i = 0; i < sinks.size(); ++i) {
      const std::string path = fmt::format("{}[{}]", section, i);
      const std::string& name = sinks[i].name;
      if (name.empty()) {
        problem(path + ".name", "is required",
                "every [[" + std::string(section) + "]] needs a name that tasks refer to it by");
        continue;
      }
      if (!valid_name(name)) {
        problem(path + ".name",
                fmt::format("invalid name \"{}\": use letters, digits, '_', '-' and '.'", name));
      }
      for (size_t j = 0; j < i; ++j) {
        if (sinks[j].name != name) continue;
        problem(path + ".name", fmt::format("\"{}\" is already the name of {}[{}]{}", name, section,
                                            j, line_note(fmt::format("{}[{}]", section, j))));
        break;
      }
    }
  }

  void check_urls(const std::string& path, const std::vector<std::string>& urls,
                  std::optional<bool> tls) {
    if (urls.empty()) problem(path + ".urls", "needs at least one URL");
    for (const auto& url : urls) {
      if (url_host(url).empty()) {
        problem(path + ".urls",
                fmt::format("invalid URL \"{}\": expected http://HOST[:PORT] or https://...", url));
      } else if (tls && *tls != url.starts_with("https://")) {
        problem(path + ".urls",
                fmt::format("URL \"{}\" {} https but tls = {}", url, *tls ? "does not use" : "uses",
                            *tls ? "true" : "false"),
                *tls ? "write https:// URLs, or set tls = false"
                     : "set tls = true to connect over TLS");
      }
    }
  }

  void check_credentials(const std::string& path, const std::string& username,
                         const std::string& password) {
    if (username.empty() && !password.empty()) {
      problem(path + ".password", "is set but username is empty");
    }
  }

  void check_elasticsearch(size_t index) {
    const ElasticsearchConfig& es = config_.elasticsearch[index];
    const std::string path = fmt::format("elasticsearch[{}]", index);
    check_urls(path, es.urls, es.tls);
    check_credentials(path, es.username, es.password);
    if (!es.api_key.empty() && !es.username.empty()) {
      problem(path + ".api-key", "cannot be used together with username and password");
    }
    if (!es.ca_file.empty() && !es.tls) problem(path + ".ca-file", "is set but tls = false");
    if (es.connect_timeout <= Duration::zero())
      problem(path + ".connect-timeout", "must be above 0");
    if (es.request_timeout <= Duration::zero())
      problem(path + ".request-timeout", "must be above 0");
    if (es.retry_initial <= Duration::zero()) problem(path + ".retry-initial", "must be above 0");
    if (es.retry_max < es.retry_initial) {
      problem(path + ".retry-max", "must be at least retry-initial");
    }
  }

  void check_influxdb(size_t index) {
    const InfluxdbConfig& influxdb = config_.influxdb[index];
    const std::string path = fmt::format("influxdb[{}]", index);
    check_urls(path, influxdb.urls, std::nullopt);
    check_credentials(path, influxdb.username, influxdb.password);
    if (influxdb.compression != "gzip" && influxdb.compression != "none") {
      problem(path + ".compression",
              fmt::format("must be gzip or none, not \"{}\"", influxdb.compression));
    }
  }

  /// Kapacitor's rule: the one enabled server, else the one marked `default`.
  void check_influxdb_default() {
    size_t enabled = 0;
    std::vector<size_t> defaults;
    for (size_t i = 0; i < config_.influxdb.size(); ++i) {
      if (!config_.influxdb[i].enabled) continue;
      ++enabled;
      if (config_.influxdb[i].is_default) defaults.push_back(i);
    }
    if (defaults.size() > 1) {
      problem(fmt::format("influxdb[{}].default", defaults[1]),
              fmt::format("only one [[influxdb]] can be the default; influxdb[{}] is already",
                          defaults[0]));
    }
    if (enabled > 1 && defaults.empty()) {
      problem("influxdb[0]", "no default cluster found",
              "with several enabled [[influxdb]], set default = true on one");
    }
  }

  void check_httppost() {
    for (size_t i = 0; i < config_.httppost.size(); ++i) {
      const HttppostConfig& post = config_.httppost[i];
      const std::string path = fmt::format("httppost[{}]", i);
      if (post.endpoint.empty()) {
        problem(path + ".endpoint", "is required", "httpPost().endpoint() refers to it by name");
      }
      for (size_t j = 0; j < i && !post.endpoint.empty(); ++j) {
        if (config_.httppost[j].endpoint == post.endpoint) {
          problem(path + ".endpoint",
                  fmt::format("\"{}\" is already the endpoint of httppost[{}]", post.endpoint, j));
        }
      }
      if (post.url.empty()) {
        problem(path + ".url", "is required");
      } else if (!httppost_url_is_template(post) && url_host(post.url).empty()) {
        problem(path + ".url",
                fmt::format("invalid URL \"{}\": expected http://HOST[:PORT]/... or https://...",
                            post.url));
      }
      for (const auto& [key, value] : post.basic_auth) {
        if (key != "username" && key != "password") {
          problem(path + ".basic-auth",
                  fmt::format("unknown key '{}': expected username and password", key));
        }
      }
      for (const auto& [key, message] : httppost_template_problems(post)) {
        problem(path + "." + key, message);
      }
    }
  }

  /// " (line N)" when the setting's line is known.
  std::string line_note(const std::string& path) const {
    const auto it = config_.origins.positions.find(path);
    return it == config_.origins.positions.end() ? "" : fmt::format(" (line {})", it->second.line);
  }

  /// A problem with the setting at `path`, positioned where it was set: on the command line, at
  /// its line in the file, or at its section's header when the file leaves it at its default.
  void problem(const std::string& path, std::string message, std::string hint = {}) {
    lang::Diagnostic d;
    d.message = fmt::format("{}: {}", path, message);
    d.hint = std::move(hint);
    const ConfigOrigins& origins = config_.origins;
    if (const auto flag = origins.flags.find(path); flag != origins.flags.end()) {
      d.file = flag->second;
      d.position.line = 0;
      problems_.push_back(std::move(d));
      return;
    }
    d.file = origins.source ? origins.source->name() : "defaults";
    d.position.line = 0;
    for (std::string at = path; origins.source && !at.empty(); at = at.substr(0, at.rfind('.'))) {
      if (const auto it = origins.positions.find(at); it != origins.positions.end()) {
        d.position = it->second;
        d.source_line = std::string(origins.source->line_text(d.position.line));
        break;
      }
      if (at.find('.') == std::string::npos) break;
    }
    problems_.push_back(std::move(d));
  }

  const Config& config_;
  std::vector<lang::Diagnostic> problems_;
};

}  // namespace

void validate(const Config& config) {
  Checker(config).check();
}

}  // namespace farad::service
