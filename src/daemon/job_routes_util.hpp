#pragma once
// What the recordings and replays routes share: Kapacitor's list parameters and answers.

#include <fnmatch.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_types.hpp"
#include "server/responses.hpp"

namespace farad::daemon::job_routes {

inline server::Response json_answer(unsigned status, const nlohmann::json& body) {
  return server::json_response(status,
                               body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

inline server::Response method_not_allowed(std::string allow) {
  server::Response response = server::v1_error(405, "method not allowed");
  response.set_header("Allow", std::move(allow));
  return response;
}

/// `?pattern=` (a glob on the id), `?offset=` and `?limit=` (default 100), as Kapacitor's lists.
struct ListWindow {
  std::string pattern;
  long offset = 0;
  long limit = 100;
  bool takes(const std::string& id) const {
    return pattern.empty() || fnmatch(pattern.c_str(), id.c_str(), 0) == 0;
  }
};

/// The window, or the error to answer.
inline std::optional<server::Response> parse_window(const server::Request& request,
                                                    ListWindow& window) {
  window.pattern = std::string(request.param("pattern"));
  for (auto [name, value] :
       {std::pair{"offset", &window.offset}, std::pair{"limit", &window.limit}}) {
    const std::string_view text = request.param(name);
    if (text.empty()) continue;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
    if (error != std::errc() || end != text.data() + text.size()) {
      return server::v1_error(400, "invalid " + std::string(name) + " parameter \"" +
                                       std::string(text) + "\" must be an integer");
    }
  }
  return std::nullopt;
}

}  // namespace farad::daemon::job_routes
