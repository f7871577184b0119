#include "io/time_format.hpp"

#include <catch2/catch.hpp>

#include <limits>

using farad::io::format_rfc3339_nano;
using farad::io::Instant;
using farad::io::parse_rfc3339;
using farad::io::parse_rfc3339_nanos;

TEST_CASE("RFC3339Nano as Go formats it", "[io]") {
  struct Row {
    int64_t nanos;
    std::string_view text;
  };
  const Row rows[] = {
      {0, "1970-01-01T00:00:00Z"},
      {1, "1970-01-01T00:00:00.000000001Z"},
      {1'500'000'000, "1970-01-01T00:00:01.5Z"},
      {123'456'789'000, "1970-01-01T00:02:03.456789Z"},
      {-1, "1969-12-31T23:59:59.999999999Z"},
      {-1'000'000'000, "1969-12-31T23:59:59Z"},
      {31'536'000'000'000'000, "1971-01-01T00:00:00Z"},  // Kapacitor's test clock zero
      {1'446'225'252'000'000'000, "2015-10-30T17:14:12Z"},
      {951'782'400'000'000'000, "2000-02-29T00:00:00Z"},
      {std::numeric_limits<int64_t>::max(), "2262-04-11T23:47:16.854775807Z"},
      {std::numeric_limits<int64_t>::min(), "1677-09-21T00:12:43.145224192Z"},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(format_rfc3339_nano(row.nanos) == row.text);
    CHECK(parse_rfc3339_nanos(row.text) == row.nanos);
  }
}

TEST_CASE("RFC3339 parsing: offsets, long fractions, Go's zero time", "[io]") {
  CHECK(parse_rfc3339_nanos("2015-10-30T19:14:12+02:00") == 1'446'225'252'000'000'000);
  CHECK(parse_rfc3339_nanos("2015-10-30T16:44:12-00:30") == 1'446'225'252'000'000'000);
  CHECK(parse_rfc3339_nanos("1970-01-01T00:00:00.1234567891Z") == 123'456'789);  // truncated
  CHECK(parse_rfc3339_nanos("1970-01-01T00:00:00.5Z") == 500'000'000);
  CHECK(parse_rfc3339_nanos("2016-02-29T00:00:00Z").has_value());
  CHECK(parse_rfc3339("0001-01-01T00:00:00Z") == farad::io::kGoZeroTime);
  CHECK_FALSE(parse_rfc3339_nanos("0001-01-01T00:00:00Z").has_value());  // beyond int64 ns
  CHECK(parse_rfc3339("9999-12-31T23:59:59Z").has_value());
}

TEST_CASE("RFC3339 parsing rejects malformed text", "[io]") {
  for (const char* text :
       {"", "2015-10-30", "2015-10-30T17:14:12", "2015-10-30 17:14:12Z", "2015-10-30t17:14:12Z",
        "2015-10-30T17:14:12z", "2015-02-29T00:00:00Z", "2015-13-01T00:00:00Z",
        "2015-00-01T00:00:00Z", "2015-10-00T00:00:00Z", "2015-10-30T24:00:00Z",
        "2015-10-30T23:60:00Z", "2015-10-30T23:59:60Z", "2015-10-30T17:14:12.Z",
        "2015-10-30T17:14:12+0200", "2015-10-30T17:14:12+02:00x", "15-10-30T17:14:12Z",
        "2015-10-30T7:14:12Z"}) {
    INFO(text);
    CHECK_FALSE(parse_rfc3339(text).has_value());
  }
}
