#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

const char* const kBatchQuery =
    "batch|query('SELECT mean(\"value\") FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)";

}  // namespace

TEST_CASE("where keeps the points whose lambda is true", "[nodes]") {
  struct Case {
    const char* lambda;
    const char* input;
    const char* expected;
    uint64_t errors;
  };
  const Case cases[] = {
      // int and float compare without a cast
      {"\"value\" > 1.0", "cpu,host=a value=1 1\ncpu,host=a value=2 2\ncpu,host=b value=3i 3\n",
       "cpu,host=a value=2 2\ncpu,host=b value=3i 3\n", 0},
      // a missing field and a string are errors: the point is dropped
      {"\"value\" > 1.0", "cpu,host=a other=1 1\ncpu,host=a value=\"x\" 2\ncpu,host=a value=5 3\n",
       "cpu,host=a value=5 3\n", 2},
      {"\"host\" == 'b'", "cpu,host=a value=1 1\ncpu,host=b value=2 2\n", "cpu,host=b value=2 2\n",
       0},
      {"\"host\" =~ /^web/ AND \"value\" < 10",
       "cpu,host=web1 value=1i 1\ncpu,host=db1 value=1i 2\n"
       "cpu,host=web2 value=11i 3\n",
       "cpu,host=web1 value=1i 1\n", 0},
      // isPresent guards a missing field
      {"isPresent(\"value\")", "cpu,host=a other=1 1\ncpu,host=a value=2 2\n",
       "cpu,host=a value=2 2\n", 0},
      // a name that is both a field and a tag is an error
      {"\"host\" == 'a'", "cpu,host=a host=\"a\" 1\n", "", 1},
      // unsigned fields are of no type a lambda knows, as in Kapacitor
      {"\"u\" > 1", "cpu u=5u 1\ncpu u=6i 2\n", "cpu u=6i 2\n", 1},
      // the non-bool result of a predicate is an error
      {"\"value\"", "cpu value=1 1\n", "", 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.lambda, c.input);
    const auto run =
        record(std::string("stream|from()|where(lambda: ") + c.lambda + ")|influxDBOut()", c.input);
    CHECK(run.output == c.expected);
    CHECK(run.node("where").stats.errors == c.errors);
  }
}

TEST_CASE("where logs why a point was dropped", "[nodes]") {
  const auto run =
      record("stream|from()|where(lambda: \"value\" > 1.0)|influxDBOut()", "cpu other=1 1\n");
  CHECK(run.log.find("E where2: error while evaluating expression: ") != std::string::npos);
}

TEST_CASE("where counts stateful functions per group and restores them", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|where(lambda: count() > 1)|influxDBOut()";
  const std::string input =
      "cpu,host=a value=1 1\n"
      "cpu,host=a value=2 2\n"
      "cpu,host=b value=3 3\n"  // a group appearing late counts from 1
      "cpu,host=a value=4 4\n"
      "cpu,host=b value=5 5\n";
  const std::string expected =
      "cpu,host=a value=2 2 [host=a]\n"
      "cpu,host=a value=4 4 [host=a]\n"
      "cpu,host=b value=5 5 [host=b]\n";
  CHECK(record(script, input).output == expected);
  for (size_t n = 1; n <= 5; ++n) {
    CAPTURE(n);
    CHECK(record(script, input, false, n).output == expected);
  }
  CHECK(record(script, input).node("where").working_cardinality == 2);
}

TEST_CASE("where filters batch points and passes empty batches on", "[nodes]") {
  const std::string script =
      std::string(kBatchQuery) + "|where(lambda: \"mean\" > 10.0)|influxDBOut()";
  const auto run = record(script,
                          "batch cpu,host=a 10\n"
                          "cpu,host=a mean=5 2\n"
                          "cpu,host=a mean=15 4\n"
                          "cpu,host=a other=1 6\n"
                          "batch cpu,host=a 20\n"
                          "cpu,host=a mean=1 12\n");
  CHECK(run.output ==
        "batch cpu,host=a 10 [host=a]\n"
        "  cpu,host=a mean=15 4\n"
        "batch cpu,host=a 20 [host=a]\n");
  CHECK(run.node("where").stats.errors == 1);
}
