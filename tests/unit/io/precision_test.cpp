#include "io/precision.hpp"

#include <catch2/catch.hpp>

using farad::io::Precision;

TEST_CASE("precision names", "[io]") {
  CHECK(farad::io::parse_precision("") == Precision::Nanosecond);
  CHECK(farad::io::parse_precision("ns") == Precision::Nanosecond);
  CHECK(farad::io::parse_precision("us") == Precision::Microsecond);
  CHECK(farad::io::parse_precision("ms") == Precision::Millisecond);
  CHECK(farad::io::parse_precision("h") == Precision::Hour);
  CHECK_FALSE(farad::io::parse_precision("d").has_value());
  CHECK(farad::io::precision_name(Precision::Minute) == "m");
  CHECK(farad::io::truncate_to(-1, Precision::Second) == -1'000'000'000);
  CHECK(farad::io::truncate_to(1'999'999'999, Precision::Second) == 1'000'000'000);
}
