#include "expr/go_format.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace go = farad::expr::go;

TEST_CASE("floats print as Go's %v", "[expr]") {
  CHECK(go::format_float_v(2.5) == "2.5");
  CHECK(go::format_float_v(2) == "2");
  CHECK(go::format_float_v(123456) == "123456");
  CHECK(go::format_float_v(1000000) == "1e+06");
  CHECK(go::format_float_v(1234567) == "1.234567e+06");
  CHECK(go::format_float_v(0.0001) == "0.0001");
  CHECK(go::format_float_v(0.00001) == "1e-05");
  CHECK(go::format_float_v(-1.234e-5) == "-1.234e-05");
  CHECK(go::format_float_v(1e300) == "1e+300");
  CHECK(go::format_float_v(-0.0) == "-0");
  CHECK(go::format_float_v(std::nan("")) == "NaN");
  CHECK(go::format_float_v(-std::numeric_limits<double>::infinity()) == "-Inf");
}

TEST_CASE("floats print as strconv.FormatFloat(f, 'f', -1, 64)", "[expr]") {
  CHECK(go::format_float_f(0.1) == "0.1");
  CHECK(go::format_float_f(1e21) == "1000000000000000000000");
  CHECK(go::format_float_f(1.5e-7) == "0.00000015");
  CHECK(go::format_float_f(123456789.125) == "123456789.125");
  CHECK(go::format_float_f(-0.0) == "-0");
  CHECK(go::format_float_f(std::numeric_limits<double>::infinity()) == "+Inf");
}

TEST_CASE("durations print as time.Duration.String", "[expr]") {
  CHECK(go::format_duration(0) == "0s");
  CHECK(go::format_duration(1) == "1ns");
  CHECK(go::format_duration(1500) == "1.5µs");
  CHECK(go::format_duration(1500000) == "1.5ms");
  CHECK(go::format_duration(90'000'000'000) == "1m30s");
  CHECK(go::format_duration(22'500'000'000) == "22.5s");
  CHECK(go::format_duration(3'600'000'000'000) == "1h0m0s");
  CHECK(go::format_duration(-90'000'000'000) == "-1m30s");
  CHECK(go::format_duration(INT64_MIN) == "-2562047h47m16.854775808s");
}

TEST_CASE("durations print as InfluxQL's FormatDuration", "[expr]") {
  CHECK(go::format_influxql_duration(0) == "0s");
  CHECK(go::format_influxql_duration(90'000'000'000) == "90s");
  CHECK(go::format_influxql_duration(1'500'000'000) == "1500ms");
  CHECK(go::format_influxql_duration(1'209'600'000'000'000) == "2w");
  CHECK(go::format_influxql_duration(129'600'000'000'000) == "36h");
  CHECK(go::format_influxql_duration(1000) == "1u");
  CHECK(go::format_influxql_duration(-300'000'000'000) == "-5m");
  CHECK(go::format_influxql_duration(1001) == "1001ns");
}

TEST_CASE("strings quote as Go's %q", "[expr]") {
  CHECK(go::quote("abc") == R"("abc")");
  CHECK(go::quote("a\"b\\c") == R"("a\"b\\c")");
  CHECK(go::quote("\t\n\x01\x7f") == R"("\t\n\x01\x7f")");
  CHECK(go::quote("héllo") == "\"héllo\"");
  CHECK(go::quote("\xff") == R"("\xff")");
  CHECK(go::quote("\u00a0") == R"("\u00a0")");
}

TEST_CASE("times print as time.Time.String in UTC", "[expr]") {
  CHECK(go::format_time_utc(0) == "1970-01-01 00:00:00 +0000 UTC");
  CHECK(go::format_time_utc(1700000000123456789) == "2023-11-14 22:13:20.123456789 +0000 UTC");
  CHECK(go::format_time_utc(-1) == "1969-12-31 23:59:59.999999999 +0000 UTC");
}
