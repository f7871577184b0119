#pragma once
// The HTTP server: accepts connections, reads requests with the body limit enforced while
// reading, and answers each through a handler (the Router). Keep-alive connections; a graceful
// stop. Beast is confined to listener.cpp.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/http_types.hpp"
#include "server/server_options.hpp"

namespace farad::server {

/// May take the request's body (a write's body goes to the log and the queue without a copy).
using Handler = std::function<Response(Request&&)>;

class Server {
 public:
  /// `handler` is called on the io threads, several at once.
  Server(Handler handler, ServerOptions options);
  ~Server();  ///< stops if running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds `address` ("host:port"; port 0 picks a free one), listens and starts the io
  /// threads. Throws std::runtime_error when the address cannot be bound.
  void start(const std::string& address);
  /// Stops accepting, lets requests being handled finish and be answered, closes idle
  /// connections, and joins the threads (after `grace` at the latest, in-flight or not).
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
  /// The bound port (useful after binding port 0).
  uint16_t port() const;

  struct State;  ///< sockets, threads and sessions (listener.cpp)

 private:
  std::shared_ptr<State> state_;
};

}  // namespace farad::server
