#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

const char* const kUnion =
    "var a = stream|from().measurement('a')\n"
    "var b = stream|from().measurement('b').groupBy('host')\n"
    "a|union(b)";

}  // namespace

TEST_CASE("union emits in time order up to the oldest head over its parents", "[nodes]") {
  const std::string script = std::string(kUnion) + "|influxDBOut()";
  const std::string input =
      "a value=1 1\n"
      "a value=2 2\n"  // nothing until b has sent something
      "b,host=h value=10 1\n"
      "b,host=h value=20 3\n"
      "a value=3 4\n"
      "a value=4 5\n";
  // Kapacitor links union's arguments before the node it is called on: b is the first parent,
  // and at equal times its messages go first. The buffers left at the end are drained when
  // the task stops.
  const std::string expected =
      "b,host=h value=10 1 [host=h]\n"
      "a value=1 1\n"
      "a value=2 2\n"
      "b,host=h value=20 3 [host=h]\n"
      "a value=3 4\n"
      "a value=4 5\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 6; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
}

TEST_CASE("union holds everything until every parent has sent a message", "[nodes]") {
  const std::string script = std::string(kUnion) + "|influxDBOut()";
  // Each parent's messages go out in its own order, parent by parent, up to the mark.
  CHECK(record(script,
               "a value=1 3\n"
               "a value=2 1\n"
               "b,host=h value=10 2\n")
            .output ==
        "b,host=h value=10 2 [host=h]\n"
        "a value=1 3\n"
        "a value=2 1\n");
}

TEST_CASE("union renames points and their by-measurement groups", "[nodes]") {
  const std::string script =
      "var a = stream|from().measurement('a').groupBy('host').groupByMeasurement()\n"
      "var b = stream|from().measurement('b')\n"
      "a|union(b).rename('ab')|influxDBOut()";
  CHECK(record(script,
               "a,host=h value=1 1\n"
               "b value=2 1\n")
            .output ==
        "ab value=2 1\n"
        "ab,host=h value=1 1 [ab|host=h]\n");
}

TEST_CASE("union merges batches by their time", "[nodes]") {
  const std::string script =
      "var q = batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)\n"
      "q|union(q|shift(5s))|influxDBOut()";
  // The shifted copy of each batch is 5 s later: it goes out after the next original batch.
  const std::string input =
      "batch cpu 10\n"
      "cpu v=1 10\n"
      "batch cpu 20\n"
      "cpu v=2 20\n";
  const std::string expected =
      "batch cpu 10\n"
      "  cpu v=1 10\n"
      "batch cpu 15\n"
      "  cpu v=1 15\n"
      "batch cpu 20\n"
      "  cpu v=2 20\n"
      "batch cpu 25\n"
      "  cpu v=2 25\n";
  CHECK(record(script, input).output == expected);
  CHECK(record(script, input, false, 1).output == expected);
}
