#include <catch2/catch.hpp>

#include "io/recording.hpp"
#include "recording_fixtures.hpp"

using farad::io::RecordedBatch;
using farad::model::GroupKeyInterner;

namespace {

// Shaped like Kapacitor's integration files: one object per line, or spread over lines.
const std::string kNode0 =
    R"({"name":"cpu_usage_idle","tags":{"cpu":"cpu0"},"points":[{"fields":{"mean":90.38},"time":"2015-10-30T17:14:12Z"},{"fields":{"mean":91},"tags":{"cpu":"cpu0","host":"a"},"time":"2015-10-30T17:14:14.5Z"}]})"
    "\n"
    R"({"name":"cpu_usage_idle","tmax":"0001-01-01T00:00:00Z","tags":{"cpu":"cpu1"},"points":[]})"
    "\n"
    "{\n  \"name\": \"request_latency\",\n  \"tmax\": \"2015-10-30T00:00:10Z\",\n"
    "  \"byname\": true,\n  \"tags\": {\"service\": \"cart\", \"dc\": \"A\"},\n"
    "  \"points\": [{\"fields\": {\"value\": 1, \"ok\": true, \"s\": \"x\", \"n\": null},"
    " \"time\": \"2015-10-30T00:00:05Z\"}]\n}\n";

const std::string kNode1 =
    R"({"name":"errors","points":[{"fields":{"sum":3},"time":"1970-01-01T00:00:01Z"}]}{"name":"errors","points":[{"fields":{"sum":4},"time":"1970-01-01T00:00:02Z"}]})";

std::vector<RecordedBatch> read_all(farad::io::BatchRecordingReader& reader) {
  std::vector<RecordedBatch> batches;
  RecordedBatch batch;
  while (reader.next(batch)) batches.push_back(batch);
  return batches;
}

void check_node0(const std::vector<RecordedBatch>& batches, const GroupKeyInterner& interner) {
  REQUIRE(batches.size() == 2);  // the empty batch is skipped, as Kapacitor's replay does
  const auto& first = batches[0];
  CHECK(first.batch.name == "cpu_usage_idle");
  CHECK(interner.id(first.batch.group) == "cpu=cpu0");
  CHECK(first.batch.tags == farad::model::Tags{{"cpu", "cpu0"}});
  CHECK_FALSE(first.tmax.has_value());
  CHECK(first.batch.time == 1'446'225'254'500'000'000);  // the last point's time
  REQUIRE(first.batch.points.size() == 2);
  CHECK(first.batch.points[0].tags == farad::model::Tags{{"cpu", "cpu0"}});  // batch tags
  CHECK(first.batch.points[1].tags == farad::model::Tags{{"cpu", "cpu0"}, {"host", "a"}});
  CHECK(first.batch.points[1].fields == farad::model::Fields{{"mean", 91.0}});  // a float

  const auto& second = batches[1];
  CHECK(second.by_name);
  CHECK(interner.id(second.batch.group) == "request_latency\ndc=A,service=cart");
  CHECK(second.tmax == 1'446'163'210'000'000'000);
  CHECK(second.batch.time == 1'446'163'210'000'000'000);  // tmax is later than the point
  CHECK(second.batch.points[0].fields ==
        farad::model::Fields{{"ok", true}, {"s", std::string("x")}, {"value", 1.0}});
}

}  // namespace

TEST_CASE("brpl: a plain JSON stream is one query node", "[io]") {
  farad::test::TempFile file("plain.brpl", kNode0);
  GroupKeyInterner interner;
  auto readers = farad::io::open_batch_recording(file.path(), interner);
  REQUIRE(readers.size() == 1);
  check_node0(read_all(readers[0]), interner);
}

TEST_CASE("brpl: a gzip JSON stream", "[io]") {
  farad::test::TempFile file("gz.brpl", farad::test::gzip_bytes(kNode0));
  GroupKeyInterner interner;
  auto readers = farad::io::open_batch_recording(file.path(), interner);
  REQUIRE(readers.size() == 1);
  check_node0(read_all(readers[0]), interner);
}

TEST_CASE("brpl: the zip archive of kapacitor record batch, one entry per node", "[io]") {
  farad::test::TempFile file("archive.brpl",
                             farad::test::zip_bytes({{"0", kNode0, true}, {"1", kNode1, false}}));
  GroupKeyInterner interner;
  auto readers = farad::io::open_batch_recording(file.path(), interner);
  REQUIRE(readers.size() == 2);
  check_node0(read_all(readers[0]), interner);
  const auto node1 = read_all(readers[1]);
  REQUIRE(node1.size() == 2);  // two objects on one line
  CHECK(node1[0].batch.group.is_nil());
  CHECK(node1[1].batch.time == 2'000'000'000);
}

TEST_CASE("brpl: malformed batches name the file and line", "[io]") {
  struct Row {
    std::string contents;
    std::string message;
  };
  const Row rows[] = {
      {"{\"name\":\"x\",\"points\":[{\"fields\":{},\"time\":\"bad\"}]}",
       ":1: point 0: \"time\" is not an RFC 3339 time"},
      {"\n\n{\"points\":[{\"fields\":{\"a\":[1]},\"time\":\"1970-01-01T00:00:00Z\"}]}",
       ":3: point 0: field \"a\" is not a number, string or boolean"},
      {"{\"points\":[{\"fields\":{}}]}", ":1: point 0: \"time\" is missing"},
      {"{\"tags\":{\"a\":1},\"points\":[{\"time\":\"1970-01-01T00:00:00Z\"}]}",
       ":1: \"tags\" is not string pairs"},
      {"{\"points\":[1,]}", ":1: invalid JSON"},
  };
  for (const auto& row : rows) {
    farad::test::TempFile file("bad.brpl", row.contents);
    GroupKeyInterner interner;
    auto readers = farad::io::open_batch_recording(file.path(), interner);
    RecordedBatch batch;
    try {
      while (readers[0].next(batch)) {
      }
      FAIL("no error for " + row.contents);
    } catch (const farad::io::RecordingError& error) {
      CHECK(std::string(error.what()) == file.path() + row.message);
    }
  }
}

TEST_CASE("brpl: text that is not a JSON object stream", "[io]") {
  for (const char* contents : {"[1]", "{\"points\":[", "  x"}) {
    farad::test::TempFile file("junk.brpl", contents);
    GroupKeyInterner interner;
    auto readers = farad::io::open_batch_recording(file.path(), interner);
    RecordedBatch batch;
    CHECK_THROWS_AS(readers[0].next(batch), farad::io::IoError);
  }
}
