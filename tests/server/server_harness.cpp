// Runs the HTTP server on 127.0.0.1:0 for the client tests (client_test.py): prints
// `port N`, serves until a line arrives on standard input, stops gracefully, then prints every
// point of the bodies the sink accepted (parsed as the daemon parses them, from the header) as
// `db|rp|measurement|time|fields`. Writes to the database "full" are refused with "queue full".

#include <iostream>
#include <mutex>
#include <string>
#include <vector>

#include "io/line_protocol.hpp"
#include "server/listener.hpp"
#include "server/router.hpp"

using namespace farad;

namespace {

struct MemorySink : server::IngestSink {
  std::mutex mutex;
  std::vector<model::Point> points;
  server::IngestResult write(server::IngestWrite&& write) override {
    if (write.header.db == "full") return {server::IngestStatus::QueueFull, {}};
    io::ParseOptions parse;
    parse.precision = write.header.precision;
    parse.default_time = write.header.arrival_ns;
    parse.unsigned_fields = write.header.encoding == store::BodyEncoding::LineProtocolUnsigned;
    std::lock_guard lock(mutex);
    io::parse_lines(write.body, parse, [&](const io::LineView& line) {
      points.push_back(io::to_point(line, write.header.db, write.header.rp));
    });
    return {};
  }
};

}  // namespace

int main(int argc, char** argv) {
  server::ServerOptions options;
  options.max_body_size = argc > 1 ? std::stoull(argv[1]) : 1'000'000;
  MemorySink sink;
  server::Router router(options, sink);
  server::Server http([&](server::Request&& r) { return router.handle(std::move(r)); }, options);
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
