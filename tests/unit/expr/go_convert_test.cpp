#include "expr/go_convert.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>

namespace go = farad::expr::go;

TEST_CASE("float to integer conversions follow Go on amd64", "[expr]") {
  CHECK(go::float_to_int64(3.9) == 3);
  CHECK(go::float_to_int64(-3.9) == -3);
  CHECK(go::float_to_int64(1e300) == INT64_MIN);
  CHECK(go::float_to_int64(std::nan("")) == INT64_MIN);
  CHECK(go::float_to_uint64(-1.0) == UINT64_MAX);
  CHECK(go::float_to_uint64(std::nan("")) == uint64_t{1} << 63);
  CHECK(go::float_to_uint64(1.5e19) == 15000000000000000000u);
}

TEST_CASE("strconv parsers and their messages", "[expr]") {
  std::string error;
  bool b = false;
  CHECK((go::parse_bool("T", b, error) && b));
  CHECK((go::parse_bool("False", b, error) && !b));
  CHECK_FALSE(go::parse_bool("yes", b, error));
  CHECK(error == R"(strconv.ParseBool: parsing "yes": invalid syntax)");

  int64_t i = 0;
  CHECK((go::parse_int("-9223372036854775808", i, error) && i == INT64_MIN));
  CHECK((go::parse_int("+42", i, error) && i == 42));
  CHECK_FALSE(go::parse_int("9223372036854775808", i, error));
  CHECK(error == R"(strconv.ParseInt: parsing "9223372036854775808": value out of range)");
  CHECK_FALSE(go::parse_int("1_000", i, error));
  CHECK(error == R"(strconv.ParseInt: parsing "1_000": invalid syntax)");

  double f = 0;
  CHECK((go::parse_float("1_000.5", f, error) && f == 1000.5));
  CHECK((go::parse_float("0x1p-2", f, error) && f == 0.25));
  CHECK((go::parse_float("-Infinity", f, error) && f == -HUGE_VAL));
  CHECK((go::parse_float("1e-400", f, error) && f == 0));
  CHECK((go::parse_float(".5", f, error) && f == 0.5));
  for (const char* bad : {"0x1", "+nan", "infinit", "1_", "_1", " 1", "", "1e", "0b101"}) {
    INFO(bad);
    CHECK_FALSE(go::parse_float(bad, f, error));
    CHECK(error == "strconv.ParseFloat: parsing " + std::string("\"") + bad + "\": invalid syntax");
  }
  CHECK_FALSE(go::parse_float("1e400", f, error));
  CHECK(error == R"(strconv.ParseFloat: parsing "1e400": value out of range)");
}

TEST_CASE("InfluxQL durations", "[expr]") {
  int64_t ns = 0;
  CHECK((go::parse_influxql_duration("1h30m", ns) && ns == 5'400'000'000'000));
  CHECK((go::parse_influxql_duration("5µ", ns) && ns == 5000));
  CHECK((go::parse_influxql_duration("2w", ns) && ns == 1'209'600'000'000'000));
  CHECK((go::parse_influxql_duration("-5m", ns) && ns == -300'000'000'000));
  CHECK((go::parse_influxql_duration("100ns", ns) && ns == 100));
  for (const char* bad : {"", "5", "1.5s", "5x", "1n", "9999999999h", "m"}) {
    INFO(bad);
    CHECK_FALSE(go::parse_influxql_duration(bad, ns));
  }
}
