#include <catch2/catch.hpp>

#include "io/line_protocol_writer.hpp"
#include "io/recording.hpp"
#include "recording_fixtures.hpp"

using farad::io::Precision;
using farad::io::RecordingError;
using farad::io::StreamRecordingReader;
using farad::model::Point;

namespace {

// Kapacitor's TestStream_Derivative.srpl, abridged: second timestamps, plain text.
const std::string kDerivative =
    "dbname\nrpname\npackets value=1000 0000000001\n"
    "dbname\nrpname\npackets value=1001 0000000002\n"
    "dbname\nrpname\npackets,host=a value2=0i 0000000003\n";

std::vector<Point> read_all(StreamRecordingReader& reader) {
  std::vector<Point> points;
  Point point;
  while (reader.next(point)) points.push_back(point);
  return points;
}

const std::vector<Point> kExpected = {
    {"packets", "dbname", "rpname", {}, {{"value", 1000.0}}, 1'000'000'000},
    {"packets", "dbname", "rpname", {}, {{"value", 1001.0}}, 2'000'000'000},
    {"packets", "dbname", "rpname", {{"host", "a"}}, {{"value2", int64_t{0}}}, 3'000'000'000},
};

}  // namespace

TEST_CASE("srpl: plain text, three lines per point", "[io]") {
  farad::test::TempFile file("plain.srpl", kDerivative);
  StreamRecordingReader reader(file.path(), Precision::Second);
  CHECK(read_all(reader) == kExpected);
}

TEST_CASE("srpl: gzip, one member or several", "[io]") {
  farad::test::TempFile one("one.srpl", farad::test::gzip_bytes(kDerivative));
  StreamRecordingReader reader(one.path(), Precision::Second);
  CHECK(read_all(reader) == kExpected);

  // Members split in the middle of a group still read as one stream, as Go's gzip.Reader does.
  const auto cut = kDerivative.size() / 2;
  farad::test::TempFile two("two.srpl", farad::test::gzip_bytes(kDerivative.substr(0, cut)) +
                                            farad::test::gzip_bytes(kDerivative.substr(cut)));
  StreamRecordingReader split(two.path(), Precision::Second);
  CHECK(read_all(split) == kExpected);
}

TEST_CASE("srpl: what Kapacitor's recorder writes reads back", "[io]") {
  std::string text;
  for (const auto& point : kExpected) farad::io::append_stream_recording_entry(text, point);
  CHECK(text.substr(0, 44) == "dbname\nrpname\npackets value=1000 1000000000\n");
  farad::test::TempFile file("written.srpl", farad::test::gzip_bytes(text));
  StreamRecordingReader reader(file.path());  // recordings use nanoseconds
  CHECK(read_all(reader) == kExpected);
}

TEST_CASE("srpl: CRLF lines and a missing final newline", "[io]") {
  farad::test::TempFile file("crlf.srpl", "db\r\nrp\r\nm v=1 5\r\ndb\r\nrp\r\nm v=2 6");
  StreamRecordingReader reader(file.path());
  const auto points = read_all(reader);
  REQUIRE(points.size() == 2);
  CHECK(points[0].database == "db");
  CHECK(points[1].time == 6);
}

TEST_CASE("srpl: malformed recordings name the file and line", "[io]") {
  struct Row {
    std::string contents;
    std::string message;
  };
  const Row rows[] = {
      {"db\nrp\nm v=1 1\ndb\n", ":5: expected a retention policy line"},
      {"db\nrp\n", ":3: expected a point line"},
      {"db\nrp\n\n", ":3: expected a point line"},
      {"db\nrp\nm v=1 1\ndb\nrp\nm v=x 2\n", ":6:5: invalid field value"},
  };
  for (const auto& row : rows) {
    farad::test::TempFile file("bad.srpl", row.contents);
    StreamRecordingReader reader(file.path());
    Point point;
    try {
      while (reader.next(point)) {
      }
      FAIL("no error for " + row.contents);
    } catch (const RecordingError& error) {
      CHECK(std::string(error.what()) == file.path() + row.message);
    }
  }
}

TEST_CASE("srpl: a truncated gzip file is an error", "[io]") {
  const auto gz = farad::test::gzip_bytes(kDerivative);
  farad::test::TempFile file("cut.srpl", gz.substr(0, gz.size() - 12));
  StreamRecordingReader reader(file.path(), Precision::Second);
  Point point;
  CHECK_THROWS_AS(
      [&] {
        while (reader.next(point)) {
        }
      }(),
      farad::io::IoError);
}
