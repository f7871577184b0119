#include "server/router.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <mutex>

#include "io/line_protocol.hpp"
#include "server/http_types.hpp"

using namespace farad;
using namespace farad::server;

namespace {

// Records what it accepts; can be told to refuse. Parses the bodies it is given as the daemon
// does, from the header alone, so the points show what the header tells a reader.
struct RecordingSink : IngestSink {
  IngestStatus answer = IngestStatus::Accepted;
  std::vector<store::WalRecordHeader> headers;
  std::vector<std::string> bodies;
  std::vector<std::string> gzip_bodies;  ///< as received, for the log
  std::vector<model::Point> points;
  IngestResult write(IngestWrite&& write) override {
    if (answer != IngestStatus::Accepted)
      return {answer, answer == IngestStatus::Failed ? "disk full" : ""};
    headers.push_back(write.header);
    io::ParseOptions parse;
    parse.precision = write.header.precision;
    parse.default_time = write.header.arrival_ns;
    parse.unsigned_fields = write.header.encoding == store::BodyEncoding::LineProtocolUnsigned;
    io::parse_lines(write.body, parse, [&](const io::LineView& line) {
      points.push_back(io::to_point(line, write.header.db, write.header.rp));
    });
    bodies.push_back(std::move(write.body));
    gzip_bodies.emplace_back(write.gzip_body);
    return {};
  }
};

ServerOptions test_options() {
  ServerOptions options;
  options.max_body_size = 1000;
  options.retry_after_seconds = 7;
  options.version = "test-1";
  options.now_ns = [] { return int64_t{1'700'000'000'123'456'789}; };
  return options;
}

std::string gzip(std::string_view text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

TEST_CASE("ping answers 204 with the version headers", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  for (const char* method : {"GET", "HEAD"}) {
    const Response r = router.handle(make_request(method, "/ping"));
    CHECK(r.status == 204);
    CHECK(r.header("X-Influxdb-Version") == "test-1");
    CHECK_FALSE(r.header("X-Kapacitor-Version"));
    CHECK(r.header("Request-Id")->size() == 36);
  }
  const Response k = router.handle(make_request("GET", "/kapacitor/v1/ping"));
  CHECK(k.status == 204);
  CHECK(k.header("X-Kapacitor-Version") == "test-1");
  const Response echoed =
      router.handle(make_request("GET", "/ping", {}, {{"Request-Id", "abc-1"}}));
  CHECK(echoed.header("Request-Id") == "abc-1");
}

TEST_CASE("unknown paths are 404 and wrong methods 405, as JSON errors", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const Response missing = router.handle(make_request("GET", "/nowhere"));
  CHECK(missing.status == 404);
  CHECK(missing.body == "{\"error\":\"not found\"}\n");
  const Response wrong = router.handle(make_request("GET", "/write?db=x"));
  CHECK(wrong.status == 405);
  CHECK(wrong.header("Allow") == "POST");
  CHECK(wrong.header("Content-Type") == "application/json");
}

TEST_CASE("a good write reaches the sink with db, rp, precision and arrival", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const std::string body = "cpu,host=a value=1 1700000000\nmem free=2i\n";
  const Response r =
      router.handle(make_request("POST", "/write?db=telegraf&rp=week&precision=s", body));
  CHECK(r.status == 204);
  CHECK(r.body.empty());
  REQUIRE(sink.headers.size() == 1);
  CHECK(sink.headers[0].db == "telegraf");
  CHECK(sink.headers[0].rp == "week");
  CHECK(sink.headers[0].precision == io::Precision::Second);
  CHECK(sink.headers[0].arrival_ns == 1'700'000'000'123'456'789);
  CHECK(sink.bodies[0] == body);
  REQUIRE(sink.points.size() == 2);
  CHECK(sink.points[0].time == 1'700'000'000'000'000'000);
  CHECK(sink.points[0].database == "telegraf");
  CHECK(sink.points[0].retention_policy == "week");
  // No timestamp: the arrival time truncated to the precision.
  CHECK(sink.points[1].time == 1'700'000'000'000'000'000);
}

TEST_CASE("writes: precision, rp default and the Kapacitor path", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  CHECK(router.handle(make_request("POST", "/kapacitor/v1/write?db=d&precision=ms", "m v=1 5"))
            .status == 204);
  REQUIRE(sink.points.size() == 1);
  CHECK(sink.points[0].time == 5'000'000);
  CHECK(sink.headers[0].rp.empty());
  const Response bad =
      router.handle(make_request("POST", "/write?db=d&precision=fortnight", "m v=1"));
  CHECK(bad.status == 400);
  CHECK(bad.body == "{\"error\":\"invalid precision \\\"fortnight\\\"\"}\n");
  const Response no_db = router.handle(make_request("POST", "/write", "m v=1"));
  CHECK(no_db.status == 400);
  CHECK(no_db.body == "{\"error\":\"database is required\"}\n");
  CHECK(sink.points.size() == 1);
}

TEST_CASE("a partly bad body keeps its good lines and answers InfluxDB's partial write",
          "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const std::string body = "cpu value=1 1\n  cpu value= 2\ncpu value=3 3\nbad\n";
  const Response r = router.handle(make_request("POST", "/write?db=d", body));
  CHECK(r.status == 400);
  CHECK(sink.points.size() == 2);
  CHECK(sink.bodies.at(0) == body);
  CHECK(r.body.starts_with("{\"error\":\"partial write: unable to parse 'cpu value= 2': "));
  CHECK(r.body.find("\\nunable to parse 'bad': ") != std::string::npos);
  CHECK(r.body.ends_with(" dropped=2\"}\n"));
  CHECK(r.header("X-Influxdb-Error")->starts_with("partial write: unable to parse 'cpu value= 2'"));
}

TEST_CASE("a body of bad lines only is 400 unable to parse and reaches nothing", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const Response r = router.handle(make_request("POST", "/write?db=d", "nofields\n"));
  CHECK(r.status == 400);
  CHECK(r.body.starts_with("{\"error\":\"unable to parse 'nofields': "));
  CHECK(r.body.find("partial write") == std::string::npos);
  CHECK(sink.bodies.empty());
  CHECK(router.handle(make_request("POST", "/write?db=d", "")).status == 204);
  CHECK(sink.bodies.empty());
}

TEST_CASE("gzip bodies are decoded, with the limit on the decoded size", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const Headers gz = {{"Content-Encoding", "gzip"}};
  const Response ok =
      router.handle(make_request("POST", "/write?db=d", gzip("m v=1 1\nm v=2 2\n"), gz));
  CHECK(ok.status == 204);
  CHECK(sink.points.size() == 2);
  CHECK(sink.bodies.at(0) == "m v=1 1\nm v=2 2\n");
  CHECK(sink.gzip_bodies.at(0) == gzip("m v=1 1\nm v=2 2\n"));
  // Members back to back decode to their texts joined; the bytes received go to the log.
  const std::string members = gzip("m v=3 3\n") + gzip("m v=4 4\n");
  CHECK(router.handle(make_request("POST", "/write?db=d", members, gz)).status == 204);
  CHECK(sink.bodies.at(1) == "m v=3 3\nm v=4 4\n");
  CHECK(sink.gzip_bodies.at(1) == members);
  CHECK(sink.points.size() == 4);
  // Content-Encoding identity (or none): the body as it is, nothing for the log to keep apart.
  CHECK(router
            .handle(make_request("POST", "/write?db=d", "m v=5 5\n",
                                 {{"Content-Encoding", "identity"}}))
            .status == 204);
  CHECK(sink.bodies.at(2) == "m v=5 5\n");
  CHECK(sink.gzip_bodies.at(2).empty());

  std::string large;
  while (large.size() <= 1000) large += "m v=1 1\n";
  const std::string compressed = gzip(large);
  REQUIRE(compressed.size() < 1000);
  const Response bomb = router.handle(make_request("POST", "/write?db=d", compressed, gz));
  CHECK(bomb.status == 413);
  CHECK(router.handle(make_request("POST", "/write?db=d", large)).status == 413);
  const Response corrupt = router.handle(make_request("POST", "/write?db=d", "not gzip", gz));
  CHECK(corrupt.status == 400);
  CHECK(corrupt.body.starts_with("{\"error\":\"request body: "));
  const std::string whole = gzip("m v=1 1\n");
  CHECK(router.handle(make_request("POST", "/write?db=d", whole.substr(0, whole.size() - 3), gz))
            .status == 400);
  CHECK(router.handle(make_request("POST", "/write?db=d", whole + "garbage", gz)).status == 400);
  CHECK(sink.bodies.size() == 3);
}

TEST_CASE("a full queue is 503 with Retry-After; a failed log is 500", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  sink.answer = IngestStatus::QueueFull;
  const Response busy = router.handle(make_request("POST", "/write?db=d", "m v=1"));
  CHECK(busy.status == 503);
  CHECK(busy.header("Retry-After") == "7");
  const Response busy2 = router.handle(make_request("POST", "/api/v2/write?bucket=d", "m v=1"));
  CHECK(busy2.status == 503);
  CHECK(busy2.body ==
        "{\"code\":\"unavailable\",\"message\":\"write queue is full, retry later\"}\n");
  sink.answer = IngestStatus::Failed;
  const Response failed = router.handle(make_request("POST", "/write?db=d", "m v=1"));
  CHECK(failed.status == 500);
  CHECK(failed.body == "{\"error\":\"disk full\"}\n");
}

TEST_CASE("v2 write: bucket db/rp, v2 precisions, v2 error shape", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  CHECK(router
            .handle(make_request("POST", "/api/v2/write?org=x&bucket=telegraf/autogen&precision=us",
                                 "m v=1u 3"))
            .status == 204);
  REQUIRE(sink.headers.size() == 1);
  CHECK(sink.headers[0].db == "telegraf");
  CHECK(sink.headers[0].rp == "autogen");
  CHECK(sink.points.at(0).time == 3'000);
  const Response no_bucket = router.handle(make_request("POST", "/api/v2/write", "m v=1"));
  CHECK(no_bucket.status == 400);
  CHECK(no_bucket.body == "{\"code\":\"invalid\",\"message\":\"bucket not specified\"}\n");
  CHECK(router.handle(make_request("POST", "/api/v2/write?bucket=d&precision=h", "m v=1")).status ==
        400);
  const Response bad = router.handle(make_request("POST", "/api/v2/write?bucket=d", "m\n"));
  CHECK(bad.body.starts_with("{\"code\":\"invalid\",\"message\":\"unable to parse 'm': "));
  // v1 rejects unsigned integers as InfluxDB 1.x does.
  CHECK(router.handle(make_request("POST", "/write?db=d", "m v=1u")).status == 400);
}

TEST_CASE("query: CREATE DATABASE succeeds, other statements are refused", "[server]") {
  RecordingSink sink;
  Router router(test_options(), sink);
  const Response create =
      router.handle(make_request("POST", "/query?q=CREATE%20DATABASE%20%22telegraf%22"));
  CHECK(create.status == 200);
  CHECK(create.body == "{\"results\":[{\"statement_id\":0}]}\n");
  const Response form =
      router.handle(make_request("POST", "/query", "q=create+database+x%3B+SHOW+DATABASES",
                                 {{"Content-Type", "application/x-www-form-urlencoded"}}));
  CHECK(form.status == 200);
  CHECK(form.body ==
        "{\"results\":[{\"statement_id\":0},{\"statement_id\":1,\"series\":[{\"name\":"
        "\"databases\",\"columns\":[\"name\"]}]}]}\n");
  const Response select = router.handle(make_request("GET", "/query?q=SELECT+*+FROM+cpu"));
  CHECK(select.status == 400);
  CHECK(select.body.find("farad is not a database") != std::string::npos);
  CHECK(router.handle(make_request("POST", "/query")).status == 400);
  CHECK(router.handle(make_request("GET", "/query?q=CREATE+DATABASEX")).status == 400);
}
