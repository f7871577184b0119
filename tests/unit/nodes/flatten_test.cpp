#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

std::string flatten(const std::string& properties) {
  return "stream|from().measurement('req').groupBy('dc')|flatten()" + properties + "|influxDBOut()";
}

const char* const kInput =
    "req,dc=A,service=auth,host=h1 value=1,count=1i 1\n"
    "req,dc=A,service=cart,host=h2 value=2 1\n"
    "req,dc=B,service=auth,host=h1 value=3 1\n"
    "req,dc=A,service=auth,host=h1 value=4 2\n"  // a new time flushes dc=A's points at 1
    "req,dc=B,service=auth,host=h1 value=5 3\n";

}  // namespace

TEST_CASE("flatten merges the points of one time into one", "[nodes]") {
  const std::string script = flatten(".on('service', 'host')");
  const std::string expected =
      "req,dc=A auth.h1.count=1i,auth.h1.value=1,cart.h2.value=2 1 [dc=A]\n"
      "req,dc=B auth.h1.value=3 1 [dc=B]\n";
  const auto run = record(script, kInput);
  CHECK(run.output == expected);
  CHECK(run.node("flatten").working_cardinality == 2);
  for (size_t n = 1; n <= 5; ++n) {
    CAPTURE(n);
    CHECK(record(script, kInput, false, n).output == expected);
  }
  // Flushing emits the buffers still waiting.
  CHECK(record(script, kInput, true).output == expected +
                                                   "req,dc=A auth.h1.value=4 2 [dc=A]\n"
                                                   "req,dc=B auth.h1.value=5 3 [dc=B]\n");
}

TEST_CASE("flatten honours delimiter, tolerance and dropOriginalFieldName", "[nodes]") {
  const std::string input =
      "req,dc=A,service=auth value=1 1\n"
      "req,dc=A,service=cart value=2 2\n"
      "req,dc=A,service=log value=3 5\n";
  CHECK(record(flatten(".on('service').delimiter('_').tolerance(2s)"), input).output ==
        "req,dc=A auth_value=1,cart_value=2 2 [dc=A]\n");
  CHECK(record(flatten(".on('service').tolerance(2s).dropOriginalFieldName()"), input).output ==
        "req,dc=A auth=1,cart=2 2 [dc=A]\n");
  CHECK(
      record(flatten(".on('service').tolerance(2s).dropOriginalFieldName(FALSE)"), input).output ==
      "req,dc=A auth.value=1,cart.value=2 2 [dc=A]\n");
}

TEST_CASE("flatten leaves out a point missing a tag, as Kapacitor does", "[nodes]") {
  const auto run = record(flatten(".on('service', 'host')"),
                          "req,dc=A,service=auth value=1 1\n"  // no host
                          "req,dc=A,service=cart,host=h2 value=2 1\n"
                          "req,dc=A,service=x,host=h value=3 2\n");
  // Kapacitor does not clear the name prefix after the failing point: its tag value leads the
  // next point's names.
  CHECK(run.output == "req,dc=A authcart.h2.value=2 1 [dc=A]\n");
  CHECK(run.node("flatten").stats.errors == 1);
  CHECK(run.log.find("point missing tag for flatten operation: tag host is missing from point") !=
        std::string::npos);
}

TEST_CASE("flatten flattens batches point time by point time", "[nodes]") {
  const std::string script =
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|flatten().on('cpu')|influxDBOut()";
  CHECK(record(script,
               "batch cpu,dc=A 10\n"
               "cpu,dc=A,cpu=0 v=1 5\n"
               "cpu,dc=A,cpu=1 v=2 5\n"
               "cpu,dc=A,cpu=0 v=3 6\n")
            .output ==
        "batch cpu,dc=A 10 [dc=A]\n"
        "  cpu,dc=A 0.v=1,1.v=2 5\n"
        "  cpu,dc=A 0.v=3 6\n");
}
