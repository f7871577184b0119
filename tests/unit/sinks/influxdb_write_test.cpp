#include "sinks/influxdb_write.hpp"

#include <catch2/catch.hpp>

#include "io/line_protocol_writer.hpp"

using namespace farad::sinks;
using farad::io::Precision;

TEST_CASE("influxdb write: precision as Kapacitor's client accepts and applies it") {
  struct Case {
    std::string text;
    bool valid;
    std::string name;
    Precision unit;
  };
  const Case table[] = {
      {"", true, "ns", Precision::Nanosecond},    {"ns", true, "ns", Precision::Nanosecond},
      {"us", true, "us", Precision::Nanosecond},  // Kapacitor divides only for ms, s, m, h
      {"ms", true, "ms", Precision::Millisecond}, {"s", true, "s", Precision::Second},
      {"m", true, "m", Precision::Minute},        {"h", true, "h", Precision::Hour},
      {"u", false, "", Precision::Nanosecond},    {"n", false, "", Precision::Nanosecond},
      {"d", false, "", Precision::Nanosecond},    {"1s", false, "", Precision::Nanosecond},
  };
  for (const auto& c : table) {
    INFO(c.text);
    const auto parsed = parse_write_precision(c.text);
    REQUIRE(parsed.has_value() == c.valid);
    if (!parsed) continue;
    CHECK(parsed->name == c.name);
    CHECK(parsed->unit == c.unit);
  }
}

TEST_CASE("influxdb write: lines in the write's precision truncate toward zero") {
  farad::model::Point point;
  point.name = "m";
  point.tags = {{"host", "a b"}};
  point.fields = {{"v", 1.5}};
  point.time = 1'500'000'999'999'999;
  CHECK(farad::io::format_line(point, parse_write_precision("s")->unit) ==
        "m,host=a\\ b v=1.5 1500000");
  CHECK(farad::io::format_line(point, parse_write_precision("ms")->unit) ==
        "m,host=a\\ b v=1.5 1500000999");
  CHECK(farad::io::format_line(point, parse_write_precision("")->unit) ==
        "m,host=a\\ b v=1.5 1500000999999999");
  point.time = -1'500'000'000;
  CHECK(farad::io::format_line(point, Precision::Second) == "m,host=a\\ b v=1.5 -1");
}

TEST_CASE("influxdb write: the query of a write, CREATE DATABASE and the URL's origin") {
  CHECK(write_query({"db one", "rp", "s", ""}, "s") ==
        "consistency=&db=db%20one&precision=s&rp=rp");
  CHECK(write_query({"telegraf", "", "", "all"}, "ns") ==
        "consistency=all&db=telegraf&precision=ns&rp=");
  CHECK(create_database_statement("rollups", "") == "CREATE DATABASE \"rollups\"");
  CHECK(create_database_statement("a\"b", "one week") ==
        "CREATE DATABASE \"a\\\"b\" WITH NAME \"one week\"");
  CHECK(url_origin("http://host:8086") == "http://host:8086");
  CHECK(url_origin("https://host:8086/prefix/?x=1") == "https://host:8086");
}

TEST_CASE("influxdb write: targets order by every member (one buffer each)") {
  const WriteTarget a{"db", "rp", "s", ""};
  const WriteTarget b{"db", "rp", "ms", ""};
  CHECK(a != b);
  CHECK((a < b || b < a));
  CHECK(a == WriteTarget{"db", "rp", "s", ""});
}
