#include "sinks/http_post_sender.hpp"

#include <catch2/catch.hpp>

#include "scripted_http_server.hpp"

using namespace farad::sinks;
using farad::test::ScriptedHttpServer;
using std::chrono::milliseconds;

namespace {

RetryPolicy quick_retry() {
  RetryPolicy retry = HttpPostSender::default_retry();
  retry.initial_delay = milliseconds(5);
  return retry;
}

}  // namespace

TEST_CASE("http post sender: 5xx is retried, headers are the endpoint's under the node's") {
  ScriptedHttpServer server({503, 200});
  HttpPostTarget target;
  target.url = server.url() + "/hook";
  target.endpoint_headers = {{"X-Endpoint", "e"}, {"X-Both", "endpoint"}};
  target.node_headers = {{"x-both", "node"}};
  target.username = "user";
  target.password = "pass";
  HttpPostSender sender(target, quick_retry());
  const HttpPostResult result = sender.post("{\"series\":[]}\n", "application/json");
  CHECK(result.status == 200);
  CHECK(result.error.empty());
  CHECK(result.attempts == 2);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  const std::string& sent = requests[1];
  CHECK(sent.starts_with("POST /hook HTTP/1.1\r\n"));
  CHECK(sent.find("X-Endpoint: e\r\n") != std::string::npos);
  CHECK(sent.find("x-both: node\r\n") != std::string::npos);
  CHECK(sent.find("X-Both: endpoint") == std::string::npos);
  CHECK(sent.find("Content-Type: application/json\r\n") != std::string::npos);
  CHECK(sent.find("Authorization: Basic dXNlcjpwYXNz\r\n") != std::string::npos);
  CHECK(sent.ends_with("\r\n\r\n{\"series\":[]}\n"));
}

TEST_CASE("http post sender: 4xx is not retried; the body is the error with captureResponse") {
  ScriptedHttpServer server({400}, "bad row");
  HttpPostTarget target;
  target.url = server.url();
  target.capture_response = true;
  HttpPostSender sender(target, quick_retry());
  const HttpPostResult result = sender.post("{}", "application/json");
  CHECK(result.status == 400);
  CHECK(result.attempts == 1);
  CHECK(result.error == "bad row");
  target.capture_response = false;
  HttpPostSender quiet(target, quick_retry());
  CHECK(quiet.post("{}", "").error ==
        "unknown error, use .captureResponse() to capture the HTTP response");
}

TEST_CASE("http post sender: a server that stays down gets three attempts, then status 0") {
  std::string url;
  {
    ScriptedHttpServer gone({200});
    url = gone.url();
  }
  HttpPostTarget target;
  target.url = url;
  target.timeout = milliseconds(500);
  HttpPostSender sender(target, quick_retry());
  const HttpPostResult result = sender.post("{}", "application/json");
  CHECK(result.status == 0);
  CHECK(result.attempts == 3);
  CHECK_FALSE(result.error.empty());
}

TEST_CASE("http post sender: a templated post goes to its own URL with no content type") {
  ScriptedHttpServer server({200, 200});
  HttpPostTarget target;
  target.url = server.url() + "/{{.Name}}";
  HttpPostSender sender(target, quick_retry());
  CHECK(sender.post("cpu 1", "", server.url() + "/cpu").status == 200);
  target.endpoint_headers = {{"Content-Type", "text/plain"}};
  HttpPostSender typed(target, quick_retry());
  CHECK(typed.post("cpu 2", "", server.url() + "/cpu").status == 200);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].starts_with("POST /cpu HTTP/1.1\r\n"));
  CHECK(requests[0].find("Content-Type") == std::string::npos);
  CHECK(requests[0].ends_with("\r\n\r\ncpu 1"));
  CHECK(requests[1].find("Content-Type: text/plain\r\n") != std::string::npos);
}
