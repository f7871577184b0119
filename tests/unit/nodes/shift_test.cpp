#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("shift moves stream points in time", "[nodes]") {
  CHECK(record("stream|from()|shift(5s)|influxDBOut()", "cpu v=1 1\ncpu v=2 2\n").output ==
        "cpu v=1 6\ncpu v=2 7\n");
  CHECK(record("stream|from()|shift(-1m)|influxDBOut()", "cpu v=1 61\n").output == "cpu v=1 1\n");
}

TEST_CASE("shift moves a batch and all its points", "[nodes]") {
  CHECK(record("batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
               "|shift(10s)|influxDBOut()",
               "batch cpu,host=a 10\ncpu,host=a mean=1 2\ncpu,host=a mean=2 4\n")
            .output ==
        "batch cpu,host=a 20 [host=a]\n"
        "  cpu,host=a mean=1 12\n"
        "  cpu,host=a mean=2 14\n");
}

TEST_CASE("shift by zero is refused when the task starts", "[nodes]") {
  CHECK_THROWS_WITH(record("stream|from()|shift(0s)|influxDBOut()", ""),
                    "invalid shift value: must be non zero duration");
}
