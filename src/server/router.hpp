#pragma once
// The table of routes and the headers every response carries: a pure function from a request
// to a response, so that it is tested without sockets (the listener only moves bytes).

#include <string>

#include "server/http_types.hpp"
#include "server/ingest_sink.hpp"
#include "server/server_options.hpp"

namespace farad::server {

class Router {
 public:
  Router(ServerOptions options, IngestSink& sink);

  /// Thread-safe as long as the sink is. A write's body is moved to the sink.
  Response handle(Request&& request) const;
  /// The same on a copy of the request.
  Response handle(const Request& request) const { return handle(Request(request)); }

  const ServerOptions& options() const { return options_; }

 private:
  Response route(Request& request) const;

  ServerOptions options_;
  IngestSink& sink_;
};

/// A new random request id (a version 4 UUID), as InfluxDB gives every request one.
std::string new_request_id();

}  // namespace farad::server
