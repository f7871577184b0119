// Rejected lines (with exact positions), partial acceptance, line splitting and allocations.
#include <catch2/catch.hpp>

#include "../model/alloc_counter.hpp"
#include "io/line_protocol.hpp"

using farad::io::LineParser;
using farad::io::ParseOptions;
using farad::io::Precision;

namespace {

std::string first_error(std::string_view text, ParseOptions options = {}) {
  LineParser parser(text, options);
  const auto status = parser.next();
  if (status == LineParser::Status::Error) return parser.error().to_string();
  return status == LineParser::Status::Point ? "<point>" : "<end>";
}

}  // namespace

TEST_CASE("line protocol errors: position and message", "[io]") {
  struct Row {
    std::string_view line;
    std::string_view expected;
  };
  const Row rows[] = {
      {"cpu", "1:4 missing fields"},
      {"cpu ", "1:5 missing fields"},
      {",cpu v=1", "1:1 missing measurement"},
      {"cpu,=a v=1", "1:5 missing tag key"},
      {"cpu, v=1", "1:5 missing tag key"},
      {"cpu,host v=1", "1:9 missing tag value"},
      {"cpu,host= v=1", "1:10 missing tag value"},
      {"cpu,host=a", "1:11 missing fields"},
      {"cpu,host=a=b v=1", "1:11 invalid tag format"},
      {"cpu,b=1,a=2,b=3 v=1", "1:13 duplicate tags"},
      {"cpu v", "1:5 invalid field format"},
      {"cpu v=1,w", "1:9 invalid field format"},
      {"cpu v=1,", "1:9 invalid field format"},
      {"cpu v=1, w=2", "1:9 invalid field format"},
      {"cpu v=", "1:7 missing field value"},
      {"cpu v=,w=1", "1:7 missing field value"},
      {"cpu v= 1", "1:7 missing field value"},
      {"cpu =1", "1:5 missing field key"},
      {"cpu v=1,=2", "1:9 missing field key"},
      {"cpu v=\"abc", "1:7 unbalanced quotes"},
      {"cpu v=\"abc\\\"", "1:7 unbalanced quotes"},
      {"cpu v=\"a\"b", "1:10 invalid field value"},
      {"cpu v=1.2.3", "1:7 invalid number"},
      {"cpu v=nan", "1:7 invalid number"},
      {"cpu v=NaN", "1:7 invalid number"},
      {"cpu v=-inf", "1:7 invalid number"},
      {"cpu v=inf", "1:7 invalid field value"},
      {"cpu v=+1", "1:7 invalid field value"},
      {"cpu v=yes", "1:7 invalid field value"},
      {"cpu v=1e", "1:7 invalid number"},
      {"cpu v=0x10", "1:7 invalid number"},
      {"cpu v=-", "1:7 invalid number"},
      {"cpu v=.", "1:7 invalid number"},
      {"cpu v=1-2", "1:7 invalid number"},
      {"cpu v=1e400", "1:7 float out of range"},
      {"cpu v=1.5i", "1:7 invalid number"},
      {"cpu v=1e5i", "1:7 invalid number"},
      {"cpu v=-i", "1:7 invalid number"},
      {"cpu v=-1u", "1:7 invalid number"},
      {"cpu v=9223372036854775808i", "1:7 integer out of range"},
      {"cpu v=18446744073709551616u", "1:7 unsigned integer out of range"},
      {"cpu v=tru", "1:7 invalid boolean"},
      {"cpu v=truee", "1:7 invalid boolean"},
      {"cpu v=1\t5", "1:7 invalid number"},
      {"cpu v=1 12a", "1:9 invalid timestamp"},
      {"cpu v=1 1.5", "1:9 invalid timestamp"},
      {"cpu v=1 -", "1:9 invalid timestamp"},
      {"cpu v=1 --1", "1:9 invalid timestamp"},
      {"cpu v=1 99999999999999999999", "1:9 timestamp out of range"},
      {"cpu v=1 -9223372036854775808", "1:9 timestamp out of range"},
      {"cpu v=1 9223372036854775807", "1:9 timestamp out of range"},
      {"cpu v=1 1 2", "1:11 unexpected text after timestamp"},
      {"cpu v=1 b=2", "1:9 invalid timestamp"},
      // Columns count characters: ü and ô are two bytes each.
      {"cp\xC3\xBC,h\xC3\xB4st= v=1", "1:10 missing tag value"},
      // A quoted newline continues the record: the error is on the record's second line.
      {"cpu s=\"a\nb\" x", "2:4 invalid timestamp"},
  };
  for (const auto& row : rows) {
    INFO(row.line);
    CHECK(first_error(row.line) == row.expected);
  }
}

TEST_CASE("line protocol errors: overflow with precision and disabled unsigned", "[io]") {
  CHECK(first_error("m v=1 9300000000", {Precision::Second, 0}) == "1:7 timestamp out of range");
  CHECK(first_error("m v=1 -9300000000", {Precision::Second, 0}) == "1:7 timestamp out of range");
  CHECK(first_error("m v=1 9200000000", {Precision::Second, 0}) == "<point>");
  CHECK(first_error("m v=3u", {Precision::Nanosecond, 0, false}) ==
        "1:5 unsigned integers are not enabled");
}

TEST_CASE("line protocol errors: max key length", "[io]") {
  const std::string long_name(65536, 'm');
  CHECK(first_error(long_name + " v=1") == "1:1 max key length exceeded");
  const std::string long_field(65532, 'f');  // 3 + 4 + 65532 > 65535
  CHECK(first_error("cpu " + long_field + "=1") == "1:5 max key length exceeded");
}

TEST_CASE("partial write: good lines are accepted, bad lines reported", "[io]") {
  const std::string body =
      "cpu v=1 1\n"
      "cpu v= 2\n"
      "# a comment with a quote \" and a=b\n"
      "\n"
      "   \t\n"
      "mem free=3i 3\r\n"
      "disk,path=/ used=\n"
      "net s=\"unterminated\n"
      "cpu v=4 4\n";
  std::vector<std::string> points;
  const auto summary =
      farad::io::parse_lines(body, Precision::Nanosecond, 0, [&](const farad::io::LineView& view) {
        points.push_back(std::string(view.measurement) + "@" + std::to_string(view.line));
      });
  CHECK(summary.accepted == 2);
  CHECK(points == std::vector<std::string>{"cpu@1", "mem@6"});
  std::vector<std::string> errors;
  for (const auto& error : summary.errors) errors.push_back(error.to_string());
  // The unterminated string swallows the next line, as InfluxDB's line split does.
  CHECK(errors == std::vector<std::string>{"2:7 missing field value", "7:18 missing field value",
                                           "8:7 unbalanced quotes"});
}

TEST_CASE("CRLF line ends and comments", "[io]") {
  std::vector<int64_t> times;
  const auto summary = farad::io::parse_lines(
      "# header\r\ncpu v=1 1\r\ncpu v=2 2\r\n  # indented comment\r\n", Precision::Nanosecond, 0,
      [&](const farad::io::LineView& view) { times.push_back(view.time); });
  CHECK(summary.errors.empty());
  CHECK(times == std::vector<int64_t>{1, 2});
}

TEST_CASE("to_point copies the view into an owning point", "[io]") {
  LineParser parser(R"(cpu,host=a\ b s="x\"y",i=3i,u=4u,b=t,f=2.5 99)");
  REQUIRE(parser.next() == LineParser::Status::Point);
  const auto point = farad::io::to_point(parser.view(), "db", "rp");
  using farad::model::FieldValue;
  const farad::model::Point expected{
      "cpu",
      "db",
      "rp",
      {{"host", "a b"}},
      {{"b", true}, {"f", 2.5}, {"i", int64_t{3}}, {"s", std::string("x\"y")}, {"u", uint64_t{4}}},
      99};
  CHECK(point == expected);
}

TEST_CASE("the view path allocates nothing once the parser is warm", "[io]") {
  std::string body;
  for (int i = 0; i < 200; ++i) {
    body += "cpu,host=server" + std::to_string(1000 + i) +
            R"(,region=us\ east usage_user=1.5,usage_system=2i,state="ok\"",up=true )" +
            std::to_string(1000 + i) + "\n";
  }
  LineParser parser(body);
  REQUIRE(parser.next() == LineParser::Status::Point);  // sizes the reusable buffers
  std::size_t points = 1;
  std::size_t allocations = 0;
  {
    farad::test::AllocationCounter counter;
    while (parser.next() == LineParser::Status::Point) ++points;
    allocations = counter.count();
  }
  CHECK(points == 200);
  CHECK(allocations == 0);
}
