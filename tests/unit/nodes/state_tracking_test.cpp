#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

const std::string kInput =
    "cpu,host=a value=96 1\n"
    "cpu,host=b other=1 2\n"  // the lambda errs on a missing field: dropped
    "cpu,host=a value=97 2\n"
    "cpu,host=a value=90 3\n"
    "cpu,host=b value=96 3\n"
    "cpu,host=a value=98 4\n"
    "cpu,host=a value=99 6\n"
    "cpu,host=b value=97 9\n";

}  // namespace

TEST_CASE("stateDuration measures how long a lambda has been true", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|stateDuration(lambda: \"value\" > 95).unit(1ms)"
      ".as('my_duration')|influxDBOut()";
  const std::string expected =
      "cpu,host=a my_duration=0,value=96 1 [host=a]\n"
      "cpu,host=a my_duration=1000,value=97 2 [host=a]\n"
      "cpu,host=a my_duration=-1,value=90 3 [host=a]\n"
      "cpu,host=b my_duration=0,value=96 3 [host=b]\n"
      "cpu,host=a my_duration=0,value=98 4 [host=a]\n"
      "cpu,host=a my_duration=2000,value=99 6 [host=a]\n"
      "cpu,host=b my_duration=6000,value=97 9 [host=b]\n";
  const auto run = record(script, kInput);
  CHECK(run.output == expected);
  CHECK(run.node("state_duration").stats.errors == 1);
  for (size_t n = 1; n <= 7; ++n) {
    CAPTURE(n);
    CHECK(record(script, kInput, false, n).output == expected);
  }
  // the default unit is 1s and the default field state_duration
  CHECK(record("stream|from()|stateDuration(lambda: \"value\" > 95)|influxDBOut()",
               "cpu value=96 1\ncpu value=96 4\n")
            .output == "cpu state_duration=0,value=96 1\ncpu state_duration=3,value=96 4\n");
}

TEST_CASE("stateCount counts consecutive points for which a lambda is true", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|stateCount(lambda: \"value\" > 95)|influxDBOut()";
  const std::string expected =
      "cpu,host=a state_count=1i,value=96 1 [host=a]\n"
      "cpu,host=a state_count=2i,value=97 2 [host=a]\n"
      "cpu,host=a state_count=-1i,value=90 3 [host=a]\n"
      "cpu,host=b state_count=1i,value=96 3 [host=b]\n"
      "cpu,host=a state_count=1i,value=98 4 [host=a]\n"
      "cpu,host=a state_count=2i,value=99 6 [host=a]\n"
      "cpu,host=b state_count=2i,value=97 9 [host=b]\n";
  CHECK(record(script, kInput).output == expected);
  for (size_t n = 1; n <= 7; ++n) {
    CAPTURE(n);
    CHECK(record(script, kInput, false, n).output == expected);
  }
}

TEST_CASE("state trackers restart with every batch", "[nodes]") {
  const std::string query =
      "batch|query('SELECT mean(\"v\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)";
  const std::string input =
      "batch cpu 10\ncpu mean=96 2\ncpu mean=97 4\n"
      "batch cpu 20\ncpu mean=98 12\ncpu mean=1 14\n";
  CHECK(
      record(query + "|stateDuration(lambda: \"mean\" > 95).as('d')|influxDBOut()", input).output ==
      "batch cpu 10\n"
      "  cpu d=0,mean=96 2\n"
      "  cpu d=2,mean=97 4\n"
      "batch cpu 20\n"
      "  cpu d=0,mean=98 12\n"
      "  cpu d=-1,mean=1 14\n");
  CHECK(record(query + "|stateCount(lambda: \"mean\" > 95).as('c')|influxDBOut()", input).output ==
        "batch cpu 10\n"
        "  cpu c=1i,mean=96 2\n"
        "  cpu c=2i,mean=97 4\n"
        "batch cpu 20\n"
        "  cpu c=1i,mean=98 12\n"
        "  cpu c=-1i,mean=1 14\n");
}
