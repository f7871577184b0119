#pragma once
// httpPost's request, as Kapacitor's http_post.go makes it (POST, endpoint headers, the JSON
// content type, the node's .header()s over both, basic auth, .timeout()), with one change: a
// post the server could not take (5xx, 408, 429, timeout, refused connection) is retried with
// backoff a few times before the failure is logged. Blocking, on the task's thread, because the
// status goes into .codeField() of the data passed on.

#include <chrono>
#include <string>
#include <string_view>

#include "net/http_client.hpp"
#include "sinks/retry_policy.hpp"

namespace farad::sinks {

struct HttpPostTarget {
  std::string url;
  net::Headers endpoint_headers;  ///< from the [[httppost]] endpoint
  net::Headers node_headers;      ///< .header(k, v): replace any of the same name
  std::string username;           ///< basic auth when not empty
  std::string password;
  std::chrono::milliseconds timeout{0};  ///< zero means none
  bool capture_response = false;         ///< put the body of a non-2xx answer in the error
};

/// The last attempt's status (0 when no response arrived) and, unless it was 2xx, the error
/// Kapacitor would log.
struct HttpPostResult {
  long status = 0;
  std::string error;
  int attempts = 0;
};

/// Not thread-safe: one per node.
class HttpPostSender {
 public:
  HttpPostSender(HttpPostTarget target, RetryPolicy retry);

  /// POSTs `body` to `url` (empty: the target's); `content_type` is set unless empty, and then
  /// none is sent (as Go's client) unless a header sets one.
  HttpPostResult post(const std::string& body, std::string_view content_type,
                      std::string_view url = {});

  /// The retry of httpPost: 3 attempts in all, 250 ms then 500 ms apart.
  static RetryPolicy default_retry();

 private:
  net::HttpRequest request(const std::string& body, std::string_view content_type,
                           std::string_view url) const;

  HttpPostTarget target_;
  RetryPolicy retry_;
  net::HttpClient client_;
};

}  // namespace farad::sinks
