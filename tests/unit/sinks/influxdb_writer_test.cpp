// The sender of influxDBOut against a scripted server: batching by size and by tick, retry of
// 5xx until sent, 4xx dropped, gzip bodies, and batches kept in the spool across a restart.
#include "sinks/influxdb_writer.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "scripted_http_server.hpp"

using namespace farad::sinks;
using farad::test::ScriptedHttpServer;
using std::chrono::milliseconds;

namespace {

farad::runtime::InfluxDBConnection server_at(const std::string& url) {
  farad::runtime::InfluxDBConnection connection;
  connection.name = "test";
  connection.urls = {url};
  connection.timeout = milliseconds(2000);
  return connection;
}

InfluxDBWriterOptions fast_options(size_t buffer) {
  InfluxDBWriterOptions options;
  options.buffer = buffer;
  options.flush_interval = std::chrono::hours(1);
  options.retry.initial_delay = milliseconds(10);
  options.retry.max_delay = milliseconds(20);
  options.drain_timeout = milliseconds(3000);
  return options;
}

std::string body_of(const std::string& request) {
  return request.substr(request.find("\r\n\r\n") + 4);
}

const WriteTarget kTarget{"db", "rp", "s", ""};

std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out(1 << 16, '\0');
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

}  // namespace

TEST_CASE("influxdb writer: a full buffer is one write; 5xx is retried until it is taken") {
  ScriptedHttpServer server({503, 500, 204});
  InfluxDBWriter writer(server_at(server.url()), fast_options(2), {});
  writer.add(kTarget, "m v=1 1\n", 1);
  writer.add(kTarget, "m v=2 2\n", 1);
  REQUIRE(writer.wait_idle(milliseconds(5000)));
  const auto stats = writer.stats();
  CHECK(stats.points_written == 2);
  CHECK(stats.write_errors == 2);
  CHECK(stats.retries == 2);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 3);
  for (const auto& request : requests) {
    CHECK(request.starts_with("POST /write?consistency=&db=db&precision=s&rp=rp HTTP/1.1"));
    CHECK(body_of(request) == "m v=1 1\nm v=2 2\n");
  }
}

TEST_CASE("influxdb writer: with gzip_writes the body goes compressed, Kapacitor's default") {
  ScriptedHttpServer server({204});
  auto connection = server_at(server.url());
  connection.gzip_writes = true;
  InfluxDBWriter writer(connection, fast_options(2), {});
  writer.add(kTarget, "m v=1 1\n", 1);
  writer.add(kTarget, "m v=2 2\n", 1);
  REQUIRE(writer.wait_idle(milliseconds(5000)));
  CHECK(writer.stats().points_written == 2);
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  const std::string head = requests[0].substr(0, requests[0].find("\r\n\r\n"));
  CHECK(head.find("\r\nContent-Encoding: gzip") != std::string::npos);
  CHECK(head.find("\r\nContent-Type: application/octet-stream") != std::string::npos);
  CHECK(gunzip(body_of(requests[0])) == "m v=1 1\nm v=2 2\n");
}

TEST_CASE("influxdb writer: 4xx is logged, counted and dropped; the next batch goes on") {
  ScriptedHttpServer server({400, 204}, "{\"error\":\"unable to parse 'x'\"}");
  std::vector<std::string> errors;
  std::mutex errors_mutex;
  InfluxDBWriter writer(server_at(server.url()), fast_options(1),
                        [&](std::string_view level, std::string_view text) {
                          std::lock_guard lock(errors_mutex);
                          errors.push_back(std::string(level) + " " + std::string(text));
                        });
  writer.add(kTarget, "x\n", 1);
  writer.add(kTarget, "m v=1 1\n", 1);
  REQUIRE(writer.wait_idle(milliseconds(5000)));
  const auto stats = writer.stats();
  CHECK(stats.points_dropped == 1);
  CHECK(stats.points_written == 1);
  CHECK(stats.retries == 0);
  std::lock_guard lock(errors_mutex);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "E failed to write points to InfluxDB: unable to parse 'x'");
}

TEST_CASE("influxdb writer: a partial buffer goes at the tick, one write per target") {
  ScriptedHttpServer server({204});
  auto options = fast_options(1000);
  options.flush_interval = milliseconds(50);
  InfluxDBWriter writer(server_at(server.url()), options, {});
  writer.add(kTarget, "m v=1 1\n", 1);
  writer.add({"other", "", "", ""}, "m v=2 2\n", 1);
  for (int i = 0; i < 100 && writer.stats().points_written < 2; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  CHECK(writer.stats().points_written == 2);
  CHECK(server.requests().size() == 2);
}

TEST_CASE("influxdb writer: unsent batches stay in the spool and go out after a restart") {
  const auto spool =
      std::filesystem::temp_directory_path() / ("farad-writer-spool-" + std::to_string(::getpid()));
  std::filesystem::remove_all(spool);
  {
    ScriptedHttpServer down({503});
    auto options = fast_options(1);
    options.spool_dir = spool;
    options.memory_batches = 1;  // the second batch lives on disk only
    options.drain_timeout = milliseconds(200);
    InfluxDBWriter writer(server_at(down.url()), options, {});
    writer.add(kTarget, "m v=1 1\n", 1);
    writer.add(kTarget, "m v=2 2\n", 1);
  }
  {
    Spool unsent(spool, Spool::kCountedLines, 0);
    CHECK(unsent.recorded_acked() == 0);
    CHECK(unsent.read(0, 100, 1 << 20).ends.size() == 2);
  }
  {
    ScriptedHttpServer up({204});
    auto options = fast_options(1);
    options.spool_dir = spool;
    InfluxDBWriter writer(server_at(up.url()), options, {});
    REQUIRE(writer.wait_idle(milliseconds(5000)));
    CHECK(writer.stats().points_written == 2);
    const auto requests = up.requests();
    REQUIRE(requests.size() == 2);
    CHECK(body_of(requests[0]) == "m v=1 1\n");
    CHECK(body_of(requests[1]) == "m v=2 2\n");
  }
  {
    Spool sent(spool, Spool::kCountedLines, 0);
    CHECK(sent.recorded_acked() == sent.end());
  }
  {
    // Everything is acknowledged: a third start sends nothing.
    ScriptedHttpServer up({204});
    auto options = fast_options(1);
    options.spool_dir = spool;
    InfluxDBWriter writer(server_at(up.url()), options, {});
    REQUIRE(writer.wait_idle(milliseconds(5000)));
    CHECK(up.requests().empty());
  }
  std::filesystem::remove_all(spool);
}
