// The io threads run at a lower priority than the thread that started the server (the
// daemon's task worker inherits that one): under overload, processing comes before accepting.
#include <sys/resource.h>

#include <catch2/catch.hpp>

#include <string>

#include "net/http_client.hpp"
#include "server/listener.hpp"

using namespace farad;

namespace {

// The nice value of the io thread that handles a request, as the server answers it.
int handler_nice(int io_thread_nice) {
  server::ServerOptions options;
  options.io_threads = 1;
  options.io_thread_nice = io_thread_nice;
  server::Server server(
      [](server::Request&&) {
        server::Response response;
        response.body = std::to_string(::getpriority(PRIO_PROCESS, 0));
        return response;
      },
      options);
  server.start("127.0.0.1:0");
  net::HttpClient client;
  net::HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/ping";
  const net::HttpResponse response = client.perform(request);
  server.stop();
  REQUIRE(response.status == 200);
  return std::stoi(response.body);
}

}  // namespace

TEST_CASE("server: io threads run niced below the thread that started them", "[server]") {
  const int own = ::getpriority(PRIO_PROCESS, 0);
  CHECK(handler_nice(0) == own);
  if (own + 5 <= 19) CHECK(handler_nice(5) == own + 5);
  CHECK(server::ServerOptions{}.io_thread_nice > 0);
}
