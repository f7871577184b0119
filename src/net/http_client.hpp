#pragma once
// A blocking HTTP/1.1 client for the CLI and the sinks (Elasticsearch, InfluxDB, httpPost) and
// the batch source, on libcurl: TLS with a CA file, basic auth, timeouts, keep-alive
// connection reuse. A transport failure (refused, unreachable, timeout, TLS) is an HttpError;
// any HTTP status, 5xx included, is a response for the caller to judge.

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farad::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  /// The whole exchange, connection included; zero means none.
  std::chrono::milliseconds timeout{30000};
  std::chrono::milliseconds connect_timeout{10000};
  /// Basic auth when `username` is not empty.
  std::string username;
  std::string password;
};

struct TlsOptions {
  bool verify = true;   ///< check the server's certificate and host name
  std::string ca_file;  ///< PEM bundle; empty: the system's
};

struct HttpResponse {
  long status = 0;
  Headers headers;  ///< names in lower case, in arrival order
  std::string body;

  /// The first header of that (case-insensitive) name, or empty.
  std::string header(std::string_view name) const;
};

class HttpError : public std::runtime_error {
 public:
  HttpError(const std::string& message, bool timed_out)
      : std::runtime_error(message), timed_out_(timed_out) {}
  bool timed_out() const { return timed_out_; }

 private:
  bool timed_out_;
};

/// One connection's worth of state (kept alive between requests to the same host). Not
/// thread-safe: one client per thread.
class HttpClient {
 public:
  explicit HttpClient(TlsOptions tls = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Throws HttpError when no HTTP response arrived.
  HttpResponse perform(const HttpRequest& request);

 private:
  struct Handle;
  TlsOptions tls_;
  std::unique_ptr<Handle> handle_;
};

/// `text` with every byte outside [A-Za-z0-9-._~] percent-encoded (query values, ids in paths).
std::string url_encode(std::string_view text);

}  // namespace farad::net
