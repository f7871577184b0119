#include "io/line_protocol_writer.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cstring>
#include <random>

#include "io/line_protocol.hpp"

using farad::io::format_line;
using farad::io::Precision;
using farad::model::Point;

namespace {

Point parse(std::string_view line, Precision precision = Precision::Nanosecond) {
  farad::io::LineParser parser(line, {precision, 0});
  const auto status = parser.next();
  INFO(line);
  if (status == farad::io::LineParser::Status::Error) FAIL(parser.error().to_string());
  REQUIRE(status == farad::io::LineParser::Status::Point);
  return farad::io::to_point(parser.view());
}

std::string go_float(double value) {
  std::string out;
  farad::io::append_go_float(out, value);
  return out;
}

}  // namespace

TEST_CASE("writer: escaping and value forms", "[io]") {
  struct Row {
    Point point;
    std::string_view line;
  };
  const Row rows[] = {
      {{"cpu", "", "", {}, {{"value", 1.0}}, 5}, "cpu value=1 5"},
      {{"c,p u=x", "", "", {}, {{"v", 1.5}}, 0}, R"(c\,p\ u=x v=1.5 0)"},
      {{"cpu", "", "", {{"a b", "c,d=e"}, {"host", "x"}}, {{"v", 1.0}}, 0},
       R"(cpu,a\ b=c\,d\=e,host=x v=1 0)"},
      {{"cpu", "", "", {{"empty", ""}, {"host", "x"}}, {{"v", 1.0}}, 0}, "cpu,host=x v=1 0"},
      {{"cpu", "", "", {}, {{"a b,c=d\"e", 1.0}}, 0}, R"(cpu a\ b\,c\=d\"e=1 0)"},
      {{"cpu", "", "", {}, {{"s", std::string("q\"u\\o,t e=x")}}, 0}, R"(cpu s="q\"u\\o,t e=x" 0)"},
      {{"cpu",
        "",
        "",
        {},
        {{"b", false}, {"i", int64_t{-3}}, {"t", true}, {"u", uint64_t{18446744073709551615ull}}},
        -7},
       "cpu b=false,i=-3i,t=true,u=18446744073709551615u -7"},
  };
  for (const auto& row : rows) CHECK(format_line(row.point) == row.line);
}

TEST_CASE("writer: floats as Go's FormatFloat(v, 'f', -1, 64)", "[io]") {
  CHECK(go_float(0) == "0");
  CHECK(go_float(-0.0) == "-0");
  CHECK(go_float(1) == "1");
  CHECK(go_float(0.1) == "0.1");
  CHECK(go_float(-1.5e-3) == "-0.0015");
  CHECK(go_float(1e-7) == "0.0000001");
  CHECK(go_float(123456.789) == "123456.789");
  CHECK(go_float(1e21) == "1000000000000000000000");
  CHECK(go_float(1e23) == "100000000000000000000000");  // shortest digits, then zeros
  CHECK(go_float(123456789012345678.0) == "123456789012345680");
  CHECK(go_float(1.7976931348623157e308) == "17976931348623157" + std::string(292, '0'));
  CHECK(go_float(5e-324) == "0." + std::string(323, '0') + "5");
  CHECK(go_float(83.56930693069836) == "83.56930693069836");
  CHECK(go_float(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(go_float(-std::numeric_limits<double>::infinity()) == "-Inf");
}

TEST_CASE("writer: the timestamp in the requested precision", "[io]") {
  const Point point{"m", "", "", {}, {{"v", 1.0}}, 1'500'000'000};
  CHECK(format_line(point, Precision::Nanosecond) == "m v=1 1500000000");
  CHECK(format_line(point, Precision::Microsecond) == "m v=1 1500000");
  CHECK(format_line(point, Precision::Millisecond) == "m v=1 1500");
  CHECK(format_line(point, Precision::Second) == "m v=1 1");
  Point before_epoch = point;
  before_epoch.time = -1'500'000'000;
  CHECK(format_line(before_epoch, Precision::Second) == "m v=1 -1");  // Go truncates toward 0
  Point hours = point;
  hours.time = 7'200'000'000'000;
  CHECK(format_line(hours, Precision::Hour) == "m v=1 2");
  CHECK(format_line(hours, Precision::Minute) == "m v=1 120");
}

TEST_CASE("writer: parse(write(p)) == p", "[io]") {
  const Point points[] = {
      {"cpu", "", "", {{"host", "a"}}, {{"v", 1.0}}, 0},
      {"we,ird na me", "", "", {{"k ,=", "v ,=\"x"}}, {{"f ,=\"", std::string("s \"\\,= \n")}}, 1},
      {"c=pu\"", "", "", {}, {{"i", int64_t{-9223372036854775807 - 1}}}, -5},
      {"m",
       "",
       "",
       {},
       {{"b", true}, {"f", -0.0015}, {"u", uint64_t{7}}},
       1'445'000'000'000'000'000},
      {"m", "", "", {}, {{"s", std::string()}}, 3},
  };
  for (const auto& point : points) {
    const auto line = format_line(point);
    INFO(line);
    CHECK(parse(line) == point);
  }
}

TEST_CASE("writer: every finite double survives a round trip bit for bit", "[io]") {
  std::mt19937_64 random(20240601);
  int mismatches = 0;
  for (int i = 0; i < 20000; ++i) {
    const double value = std::bit_cast<double>(random());
    if (!std::isfinite(value)) continue;
    const Point point{"m", "", "", {}, {{"v", value}}, 0};
    const auto parsed = parse(format_line(point));
    const double back = std::get<double>(parsed.fields[0].second);
    if (std::bit_cast<uint64_t>(back) != std::bit_cast<uint64_t>(value)) ++mismatches;
  }
  CHECK(mismatches == 0);
}
