#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

TEST_CASE("log writes every point and passes it on", "[nodes]") {
  const auto run = record(
      "stream|from().groupBy('host')|log().prefix('X').level('debug')"
      "|influxDBOut()",
      "cpu,host=a value=1.5,n=2i,s=\"a b\" 1\n");
  CHECK(run.output == "cpu,host=a n=2i,s=\"a b\",value=1.5 1 [host=a]\n");
  CHECK(run.log ==
        "D log2: point prefix=X name=cpu db=db rp=rp group=\"host=a\" dimension=host tag_host=a "
        "field_n=2 field_s=\"a b\" field_value=1.5 time=1970-01-01T00:00:01Z\n");
}

TEST_CASE("log writes batches at the level asked", "[nodes]") {
  const auto run = record(
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|log()|influxDBOut()",
      "batch cpu 10\ncpu mean=1 2\n");
  CHECK(run.output == "batch cpu 10\n  cpu mean=1 2\n");
  CHECK(run.log ==
        "I log2: begin batch prefix= name=cpu group= time=1970-01-01T00:00:10Z\n"
        "I log2: batch point prefix= name=cpu group= field_mean=1 time=1970-01-01T00:00:02Z\n"
        "I log2: end batch prefix= name=cpu group= time=1970-01-01T00:00:10Z\n");
  // WARN logs as info, ERROR as an error
  CHECK(record("stream|from()|log().level('WARN')|influxDBOut()", "cpu v=1 1\n")
            .log.starts_with("I log2: point"));
  CHECK(record("stream|from()|log().level('ERROR')|influxDBOut()", "cpu v=1 1\n")
            .log.starts_with("E log2: point"));
}
