#include <catch2/catch.hpp>
#include <filesystem>

#include "io/byte_source.hpp"
#include "io/recording.hpp"
#include "io/stream_recording_writer.hpp"
#include "recording_fixtures.hpp"

using farad::io::StreamRecordingReader;
using farad::io::StreamRecordingWriter;
using farad::model::Point;

namespace {

std::vector<Point> read_all(const std::string& path) {
  StreamRecordingReader reader(path);
  std::vector<Point> points;
  Point point;
  while (reader.next(point)) points.push_back(point);
  return points;
}

// Every field type, escaped names, tags, several dbrps and a negative time (tags and fields
// sorted by key, as points are).
const std::vector<Point> kPoints = {
    {"cpu", "telegraf", "autogen", {{"host", "a b"}}, {{"usage", 1.5}}, 1'714'521'600'123'456'789},
    {"if,face", "telegraf", "autogen", {{"ifName", "eth=0"}}, {{"in", int64_t{-3}}}, 1},
    {"m", "other", "weekly", {}, {{"b", true}, {"s", std::string("a \"q\"")}}, -5},
    {"m", "other", "weekly", {{"k", "v"}}, {{"u", uint64_t{7}}}, 0},
};

}  // namespace

TEST_CASE("srpl writer: gzip that the reader reads back point for point", "[io]") {
  farad::test::TempFile file("written_by_writer.srpl", "");
  {
    StreamRecordingWriter writer(file.path());
    for (const auto& point : kPoints) writer.write(point);
    CHECK(writer.points() == kPoints.size());
    writer.close();
  }
  CHECK(farad::io::has_gzip_magic(farad::io::read_file_prefix(file.path(), 2)));
  CHECK(read_all(file.path()) == kPoints);
}

TEST_CASE("srpl writer: many points span several flushes", "[io]") {
  farad::test::TempFile file("many_by_writer.srpl", "");
  std::vector<Point> points;
  for (int i = 0; i < 20000; ++i) {
    points.push_back({"interface",
                      "telegraf",
                      "autogen",
                      {{"agent_host", "dev" + std::to_string(i % 7)}},
                      {{"ifHCInOctets", int64_t{i} * 1000}},
                      int64_t{1'700'000'000'000'000'000} + i});
  }
  StreamRecordingWriter writer(file.path());
  for (const auto& point : points) writer.write(point);
  writer.close();
  CHECK(read_all(file.path()) == points);
}

TEST_CASE("srpl writer: an empty recording is a valid empty gzip stream", "[io]") {
  farad::test::TempFile file("empty_by_writer.srpl", "");
  StreamRecordingWriter(file.path()).close();
  CHECK(std::filesystem::file_size(file.path()) > 0);
  CHECK(read_all(file.path()).empty());
}

TEST_CASE("srpl writer: an unwritable path is an IoError", "[io]") {
  CHECK_THROWS_AS(StreamRecordingWriter("/nonexistent-dir/x.srpl"), farad::io::IoError);
}
