#pragma once
// HTTP requests and responses as plain values, independent of Beast, so that the routes are
// functions from one value to another and tests need no socket.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace farad::server {

/// Header names compare case-insensitively (RFC 9110); the order received is kept.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// The first value of header `name`, or nullopt.
std::optional<std::string_view> find_header(const Headers& headers, std::string_view name);

/// A request as the routes see it: the target is already split and percent-decoded.
struct Request {
  std::string method;                                      ///< "GET", "POST", ...
  std::string path;                                        ///< "/write"
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in order
  Headers headers;
  std::string body;  ///< as received (still gzip-encoded when Content-Encoding says so)

  /// The first value of query parameter `name` ("" when absent), as Go's Query().Get.
  std::string_view param(std::string_view name) const;
  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }
};

struct Response {
  unsigned status = 200;
  Headers headers;
  std::string body;

  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }
  /// Replaces the value of `name` or adds it.
  void set_header(std::string_view name, std::string value);
};

/// Splits `target` ("/write?db=x&rp=") into `request.path` and `request.query`.
void set_target(Request& request, std::string_view target);

/// Decodes `a=1&b=x%20y+z` (application/x-www-form-urlencoded, as Go's url.ParseQuery).
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text);

/// Builds a request from a method and a target, for tests and the listener.
Request make_request(std::string method, std::string_view target, std::string body = {},
                     Headers headers = {});

}  // namespace farad::server
