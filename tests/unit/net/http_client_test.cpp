// The HTTP client against a scripted TCP server on loopback: what goes on the wire, what comes
// back, and the failures that are not responses (refused, timeout).
#include "net/http_client.hpp"

#include <boost/asio.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// Serves one connection: reads one request (headers and a Content-Length body), keeps it,
// waits `delay`, then writes `reply` verbatim.
class ScriptedServer {
 public:
  explicit ScriptedServer(std::string reply, std::chrono::milliseconds delay = {})
      : acceptor_(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0)),
        reply_(std::move(reply)),
        delay_(delay) {
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    acceptor_.close();
    thread_.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + path;
  }
  const std::string& request() const { return request_; }

 private:
  void serve() {
    boost::system::error_code error;
    tcp::socket socket(io_);
    acceptor_.accept(socket, error);
    if (error) return;
    asio::read_until(socket, asio::dynamic_buffer(request_), "\r\n\r\n", error);
    const auto head_end = request_.find("\r\n\r\n") + 4;
    size_t length = 0;
    if (auto at = request_.find("Content-Length: "); at != std::string::npos) {
      length = std::stoul(request_.substr(at + 16));
    }
    if (request_.size() < head_end + length) {
      const size_t missing = head_end + length - request_.size();
      std::string rest(missing, '\0');
      asio::read(socket, asio::buffer(rest), error);
      request_ += rest;
    }
    std::this_thread::sleep_for(delay_);
    asio::write(socket, asio::buffer(reply_), error);
    socket.shutdown(tcp::socket::shutdown_both, error);
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::string reply_;
  std::chrono::milliseconds delay_;
  std::string request_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("http client: a POST carries its method, headers, auth and body; the reply is parsed") {
  ScriptedServer server(
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Thing:  a b \r\n"
      "Content-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
  farad::net::HttpClient client;
  farad::net::HttpRequest request;
  request.method = "POST";
  request.url = server.url("/_bulk?refresh=false");
  request.headers = {{"Content-Type", "application/x-ndjson"}};
  request.body = "{\"index\":{}}\n{\"a\":1}\n";
  request.username = "elastic";
  request.password = "secret";
  const auto response = client.perform(request);
  CHECK(response.status == 201);
  CHECK(response.body == "{\"ok\":true}");
  CHECK(response.header("content-type") == "application/json");
  CHECK(response.header("X-THING") == "a b");
  CHECK(response.header("missing").empty());
  const std::string& sent = server.request();
  CHECK(sent.starts_with("POST /_bulk?refresh=false HTTP/1.1\r\n"));
  CHECK(sent.find("Content-Type: application/x-ndjson\r\n") != std::string::npos);
  // base64("elastic:secret")
  CHECK(sent.find("Authorization: Basic ZWxhc3RpYzpzZWNyZXQ=\r\n") != std::string::npos);
  CHECK(sent.find("Expect:") == std::string::npos);
  CHECK(sent.ends_with("\r\n\r\n{\"index\":{}}\n{\"a\":1}\n"));
}

TEST_CASE("http client: a 5xx status is a response, not an error") {
  ScriptedServer server(
      "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nContent-Length: 4\r\n"
      "Connection: close\r\n\r\nbusy");
  farad::net::HttpClient client;
  farad::net::HttpRequest request;
  request.url = server.url("/ping");
  const auto response = client.perform(request);
  CHECK(response.status == 503);
  CHECK(response.header("retry-after") == "2");
  CHECK(response.body == "busy");
}

TEST_CASE("http client: no response within the timeout is an HttpError that says so") {
  ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                        std::chrono::milliseconds(1500));
  farad::net::HttpClient client;
  farad::net::HttpRequest request;
  request.url = server.url("/slow");
  request.timeout = std::chrono::milliseconds(200);
  try {
    client.perform(request);
    FAIL("expected a timeout");
  } catch (const farad::net::HttpError& e) {
    CHECK(e.timed_out());
    CHECK(std::string(e.what()).find("/slow") != std::string::npos);
  }
}

TEST_CASE("http client: a refused connection is an HttpError, not a timeout") {
  std::string url;
  {
    ScriptedServer closed("");  // its port is free again once it is gone
    url = closed.url("/");
    farad::net::HttpClient poke;  // the server thread waits for one connection
    farad::net::HttpRequest request;
    request.url = url;
    request.timeout = std::chrono::milliseconds(500);
    try {
      poke.perform(request);
    } catch (const farad::net::HttpError&) {
    }
  }
  farad::net::HttpClient client;
  farad::net::HttpRequest request;
  request.url = url;
  try {
    client.perform(request);
    FAIL("expected a connection error");
  } catch (const farad::net::HttpError& e) {
    CHECK_FALSE(e.timed_out());
  }
}

TEST_CASE("http client: url_encode keeps unreserved bytes and escapes the rest") {
  CHECK(farad::net::url_encode("SELECT mean(\"v\") FROM m") ==
        "SELECT%20mean%28%22v%22%29%20FROM%20m");
  CHECK(farad::net::url_encode("a-b.c_d~e") == "a-b.c_d~e");
}
