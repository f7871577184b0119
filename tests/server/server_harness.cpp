// Runs the HTTP server on 127.0.0.1:0 for the client tests (client_test.py): prints
// `port N`, serves until a line arrives on standard input, stops gracefully, then prints every
// point the sink accepted as `db|rp|measurement|time|fields`. Writes to the database "full" are
// refused with "queue full".

#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include "server/listener.hpp"
#include "server/router.hpp"

using namespace farad;

namespace {

struct MemorySink : server::IngestSink {
  std::mutex mutex;
  std::vector<model::Point> points;
  server::IngestResult write(server::IngestWrite&& write) override {
    if (write.header.db == "full") return {server::IngestStatus::QueueFull, {}};
    std::lock_guard lock(mutex);
    for (auto& point : write.points) points.push_back(std::move(point));
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  server::ServerOptions options;
  options.max_body_size = argc > 1 ? std::stoull(argv[1]) : 1'000'000;
  MemorySink sink;
  server::Router router(options, sink);
  server::Server http([&](const server::Request& r) { return router.handle(r); }, options);
  http.start("127.0.0.1:0");
  std::cout << "port " << http.port() << std::endl;
  std::string line;
  std::getline(std::cin, line);
  http.stop();
  for (const auto& point : sink.points) {
    std::cout << point.database << '|' << point.retention_policy << '|' << point.name << '|'
              << point.time << '|' << point.fields.size() << '\n';
  }
  return 0;
}
