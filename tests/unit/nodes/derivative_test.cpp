#include <catch2/catch.hpp>

#include <algorithm>

#include "run_script.hpp"

using farad::test::check_restore;
using farad::test::report_of;
using farad::test::run_script;

namespace {

// A stateful node must continue exactly as if it had not stopped: save after every point.
const std::string kPackets =
    "packets,host=a value=1000 1\n"
    "packets,host=a value=1001 2\n"
    "packets,host=a value=1003 4\n"
    "packets,host=a other=1 5\n"
    "packets,host=a value=1003 6\n"
    "packets,host=a value=1000 7\n"
    "packets,host=a value=1010i 9\n";

}  // namespace

TEST_CASE("derivative overwrites the field with the per-second rate", "[nodes]") {
  const std::string script = "stream|from()|derivative('value')|influxDBOut()";
  const auto run = run_script(script, kPackets);
  CHECK(run.output ==
        "packets,host=a value=1 2\n"
        "packets,host=a value=1 4\n"
        "packets,host=a value=0 6\n"
        "packets,host=a value=-3 7\n"
        "packets,host=a value=5 9\n");
  // The point without the field is an error and does not become the previous point.
  CHECK(report_of(run, "derivative").stats.errors == 1);
  CHECK(report_of(run, "derivative").working_cardinality == 1);
  check_restore(script, kPackets);
}

TEST_CASE("derivative as, unit and nonNegative", "[nodes]") {
  const std::string script =
      "stream|from()|derivative('value').as('rate').unit(10s).nonNegative()|influxDBOut()";
  // The decrease at 7 emits nothing but becomes the previous point for 9.
  CHECK(run_script(script, kPackets).output ==
        "packets,host=a rate=10,value=1001 2\n"
        "packets,host=a rate=10,value=1003 4\n"
        "packets,host=a rate=0,value=1003 6\n"
        "packets,host=a rate=50,value=1010i 9\n");
  check_restore(script, kPackets);
}

TEST_CASE("derivative with zero elapsed time stores the point and emits nothing", "[nodes]") {
  const auto run = run_script("stream|from()|derivative('value')|influxDBOut()",
                              "m value=1 1\nm value=2 1\nm value=4 2\n");
  CHECK(run.output == "m value=2 2\n");
  CHECK(report_of(run, "derivative").stats.errors == 1);
}

TEST_CASE("derivative does not check for negative elapsed time", "[nodes]") {
  // Out of order: (3 - 1) / -2 s, emitted even with nonNegative since the difference is positive.
  CHECK(run_script("stream|from()|derivative('value').nonNegative()|influxDBOut()",
                   "m value=1 5\nm value=3 3\n")
            .output == "m value=-1 3\n");
}

TEST_CASE("derivative rejects non-numeric fields without forgetting the previous point",
          "[nodes]") {
  const auto run = run_script("stream|from()|derivative('value')|influxDBOut()",
                              "m value=1 1\nm value=\"x\" 2\nm value=true 3\nm value=7 4\n");
  CHECK(run.output == "m value=2 4\n");
  CHECK(report_of(run, "derivative").stats.errors == 2);
}

TEST_CASE("derivative keeps a previous point per group", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|derivative('value').as('d')|influxDBOut()";
  const std::string input =
      "m,host=a value=1 1\n"
      "m,host=b value=10 1\n"
      "m,host=a value=3 2\n"
      "m,host=c value=5 3\n"
      "m,host=b value=4 3\n"
      "m,host=a value=4 4\n";
  const auto run = run_script(script, input);
  CHECK(run.output ==
        "m,host=a d=2,value=3 2\n"
        "m,host=b d=-3,value=4 3\n"
        "m,host=a d=0.5,value=4 4\n");
  CHECK(report_of(run, "derivative").working_cardinality == 3);
  check_restore(script, input);
}

TEST_CASE("derivative on batches restarts with every batch", "[nodes]") {
  const std::string script =
      "stream|from()|window().period(3s).every(3s)|derivative('value')|influxDBOut()";
  const std::string input =
      "m value=0 0\nm value=1 1\nm value=3 2\nm value=6 3\n"
      "m value=10 4\nm value=15 5\nm value=21 6\n";
  // Windows [0,3) and [3,6): the first point of each batch gives nothing.
  CHECK(run_script(script, input).output == "m value=1 1\nm value=2 2\nm value=4 4\nm value=5 5\n");
}
