#pragma once
// The CLI's side of `farad serve`: which server to talk to (-url, $FARAD_URL, or
// http://localhost:9092, as Kapacitor's -url and $KAPACITOR_URL) and JSON requests to its
// Kapacitor API. A non-2xx answer becomes a ServerError carrying the server's own message.

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "cli/arguments.hpp"

namespace farad::net {
class HttpClient;
}

namespace farad::cli {

/// An error answer: `message` is the server's "error" text, verbatim.
struct ServerError : std::runtime_error {
  ServerError(long http_status, const std::string& message)
      : std::runtime_error(message), status(http_status) {}
  long status;
};

/// The URL given before the command (`farad -url URL list tasks`); it wins over $FARAD_URL but
/// not over a -url given after the command.
void set_global_server_url(std::string url);

/// Parses a client command's flags: `value_flags` and `switches` plus -url.
Arguments client_arguments(const std::vector<std::string>& argv, std::set<std::string> value_flags,
                           const std::set<std::string>& switches);

class ClientConnection {
 public:
  /// The server named by the -url flag of `args`, else the global one, else $FARAD_URL, else
  /// http://localhost:9092.
  explicit ClientConnection(const Arguments& args);
  ~ClientConnection();
  ClientConnection(const ClientConnection&) = delete;
  ClientConnection& operator=(const ClientConnection&) = delete;

  const std::string& url() const { return base_url_; }

  /// `path` is absolute on the server ("/kapacitor/v1/tasks"), with its query string if any.
  /// Each returns the decoded body (null when empty) and throws ServerError on a non-2xx status,
  /// net::HttpError when no answer came.
  nlohmann::json get(const std::string& path);
  nlohmann::json post(const std::string& path, const nlohmann::json& body);
  nlohmann::json patch(const std::string& path, const nlohmann::json& body);
  void remove(const std::string& path);

  /// GET that answers nullopt instead of throwing when the server says 404.
  std::optional<nlohmann::json> find(const std::string& path);

 private:
  nlohmann::json send(const std::string& method, const std::string& path, const std::string& body);

  std::string base_url_;
  std::unique_ptr<net::HttpClient> http_;
};

/// The API path of one item of a collection: "/kapacitor/v1/tasks/<id>" (id percent-encoded).
std::string item_path(const std::string& collection, const std::string& id);

}  // namespace farad::cli
