#include "cli/client_connection.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "net/http_client.hpp"

namespace farad::cli {
namespace {

constexpr const char* kDefaultUrl = "http://localhost:9092";

std::string& global_server_url() {
  static std::string url;
  return url;
}

// Kapacitor's decodeError: the body's "error" when there is one, else the status and body.
std::string error_message(const net::HttpResponse& response) {
  try {
    const auto body = nlohmann::json::parse(response.body);
    if (body.is_object() && body.contains("error") && body["error"].is_string()) {
      std::string message = body["error"].get<std::string>();
      if (!message.empty()) return message;
    }
  } catch (const nlohmann::json::exception&) {
    // not JSON: reported whole below
  }
  return "invalid response: code " + std::to_string(response.status) + ": body: " + response.body;
}

}  // namespace

void set_global_server_url(std::string url) {
  global_server_url() = std::move(url);
}

Arguments client_arguments(const std::vector<std::string>& argv, std::set<std::string> value_flags,
                           const std::set<std::string>& switches) {
  value_flags.insert("url");
  return Arguments(argv, value_flags, switches);
}

ClientConnection::ClientConnection(const Arguments& args) : http_(new net::HttpClient()) {
  if (auto flag = args.value("url")) {
    base_url_ = *flag;
  } else if (!global_server_url().empty()) {
    base_url_ = global_server_url();
  } else if (const char* env = std::getenv("FARAD_URL"); env != nullptr && *env != '\0') {
    base_url_ = env;
  } else {
    base_url_ = kDefaultUrl;
  }
  if (base_url_.find("://") == std::string::npos) {
    throw UsageError("-url must be http://host:port or https://host:port, got " + base_url_);
  }
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

ClientConnection::~ClientConnection() = default;

nlohmann::json ClientConnection::send(const std::string& method, const std::string& path,
                                      const std::string& body) {
  net::HttpRequest request;
  request.method = method;
  request.url = base_url_ + path;
  request.body = body;
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.headers.emplace_back("User-Agent", "farad-cli");
  const net::HttpResponse response = http_->perform(request);
  if (response.status < 200 || response.status > 299) {
    throw ServerError(response.status, error_message(response));
  }
  if (response.body.find_first_not_of(" \t\r\n") == std::string::npos) return nullptr;
  try {
    return nlohmann::json::parse(response.body);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("failed to decode JSON: ") + e.what());
  }
}

nlohmann::json ClientConnection::get(const std::string& path) {
  return send("GET", path, {});
}

nlohmann::json ClientConnection::post(const std::string& path, const nlohmann::json& body) {
  return send("POST", path, body.dump());
}

nlohmann::json ClientConnection::patch(const std::string& path, const nlohmann::json& body) {
  return send("PATCH", path, body.dump());
}

void ClientConnection::remove(const std::string& path) {
  send("DELETE", path, {});
}

std::optional<nlohmann::json> ClientConnection::find(const std::string& path) {
  try {
    return get(path);
  } catch (const ServerError& e) {
    if (e.status == 404) return std::nullopt;
    throw;
  }
}

std::string item_path(const std::string& collection, const std::string& id) {
  return "/kapacitor/v1/" + collection + "/" + net::url_encode(id);
}

}  // namespace farad::cli
