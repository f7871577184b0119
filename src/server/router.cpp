#include "server/router.hpp"

#include <array>
#include <cstdio>
#include <random>
#include <string_view>

#include "server/query_handler.hpp"
#include "server/responses.hpp"
#include "server/write_handler.hpp"

namespace farad::server {
namespace {

enum class Endpoint { Ping, WriteV1, WriteV2, Query };

struct Route {
  std::string_view path;
  std::string_view methods;  // space separated, the Allow header of a 405
  Endpoint endpoint;
};

// Kapacitor serves its API under /kapacitor/v1 and the InfluxDB-compatible paths at the root.
constexpr std::array kRoutes = {
    Route{"/ping", "GET HEAD", Endpoint::Ping},
    Route{"/kapacitor/v1/ping", "GET HEAD", Endpoint::Ping},
    Route{"/write", "POST", Endpoint::WriteV1},
    Route{"/kapacitor/v1/write", "POST", Endpoint::WriteV1},
    Route{"/api/v2/write", "POST", Endpoint::WriteV2},
    Route{"/query", "GET POST", Endpoint::Query},
};

bool allows(std::string_view methods, std::string_view method) {
  while (!methods.empty()) {
    const std::size_t space = methods.find(' ');
    if (methods.substr(0, space) == method) return true;
    if (space == std::string_view::npos) break;
    methods.remove_prefix(space + 1);
  }
  return false;
}

std::string allow_header(std::string_view methods) {
  std::string allow;
  for (char c : methods) allow += c == ' ' ? std::string(", ") : std::string(1, c);
  return allow;
}

}  // namespace

std::string new_request_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  const uint64_t high = (generator() & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  const uint64_t low = (generator() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

Router::Router(ServerOptions options, IngestSink& sink)
    : options_(std::move(options)), sink_(sink) {
  if (options_.version.empty()) options_.version = FARAD_SERVER_VERSION;
}

Response Router::route(Request& request) const {
  for (const Route& route : kRoutes) {
    if (route.path != request.path) continue;
    if (!allows(route.methods, request.method)) {
      Response response = v1_error(405, "method not allowed");
      response.set_header("Allow", allow_header(route.methods));
      return response;
    }
    switch (route.endpoint) {
      case Endpoint::Ping:
        return no_content();
      case Endpoint::WriteV1:
        return handle_write(request, WriteApi::V1, options_, sink_);
      case Endpoint::WriteV2:
        return handle_write(request, WriteApi::V2, options_, sink_);
      case Endpoint::Query:
        return handle_query(request);
    }
  }
  return v1_error(404, "not found");
}

Response Router::handle(Request&& request) const {
  Response response = route(request);
  response.set_header("X-Influxdb-Version", options_.version);
  response.set_header("X-Influxdb-Build", "farad");
  if (request.path.starts_with("/kapacitor/")) {
    response.set_header("X-Kapacitor-Version", options_.version);
  }
  // A client's own id is echoed, as InfluxDB does, so it can match logs on both sides.
  std::string id;
  if (auto given = request.header("Request-Id")) {
    id = *given;
  } else if (auto x_given = request.header("X-Request-Id")) {
    id = *x_given;
  } else {
    id = new_request_id();
  }
  response.set_header("X-Request-Id", id);
  response.set_header("Request-Id", std::move(id));
  if (request.method == "HEAD") response.body.clear();
  return response;
}

}  // namespace farad::server
