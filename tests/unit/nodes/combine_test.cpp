#include <catch2/catch.hpp>

#include "message_recorder.hpp"

using farad::test::record;

namespace {

std::string combine(const std::string& lambdas_and_properties) {
  return "stream|from().measurement('req').groupBy('dc')|combine(" + lambdas_and_properties +
         "|influxDBOut()";
}

const char* const kInput =
    "req,dc=A,service=auth value=1 1\n"
    "req,dc=A,service=cart value=2 1\n"
    "req,dc=A,service=log value=3 1\n"
    "req,dc=B,service=auth value=4 1\n"
    "req,dc=A,service=auth value=5 2\n"  // a new time: dc=A's buffer at 1 is combined
    "req,dc=B,service=auth value=6 2\n";

}  // namespace

TEST_CASE("combine pairs the points of one time by lambdas", "[nodes]") {
  const std::string script =
      combine("lambda: \"service\" == 'auth', lambda: TRUE).as('auth', 'other')");
  // Combinations of two of the three points, in order; each lambda takes the first free point
  // it matches. Group tags keep their name, other tags are prefixed like the fields.
  const std::string expected =
      "req,auth.service=auth,dc=A,other.service=cart auth.value=1,other.value=2 1 [dc=A]\n"
      "req,auth.service=auth,dc=A,other.service=log auth.value=1,other.value=3 1 [dc=A]\n";
  const auto run = record(script, kInput);
  CHECK(run.output == expected);
  CHECK(run.node("combine").working_cardinality == 2);
  for (size_t n = 1; n <= 6; ++n) {
    CAPTURE(n);
    CHECK(record(script, kInput, false, n).output == expected);
  }
  // The last buffer of each group waits for a later point, unless the run is flushed.
  CHECK(record(script, kInput + std::string("req,dc=A,service=x value=7 2\n"), true).output ==
        expected +
            "req,auth.service=auth,dc=A,other.service=x auth.value=5,other.value=7 2 [dc=A]\n");
}

TEST_CASE("combine honours delimiter, tolerance and max", "[nodes]") {
  const std::string input =
      "req,dc=A,service=auth value=1 1\n"
      "req,dc=A,service=cart value=2 2\n"  // 1 and 2 round to 2 with a 2 s tolerance
      "req,dc=A,service=log value=3 4\n";
  CHECK(record(combine("lambda: \"service\" == 'auth', lambda: \"service\" != 'auth')"
                       ".as('a', 'o').delimiter('_').tolerance(2s)"),
               input)
            .output == "req,a_service=auth,dc=A,o_service=cart a_value=1,o_value=2 2 [dc=A]\n");
  // Two points choose two is one combination: over a max of 0 it is an error.
  const auto refused =
      record(combine("lambda: TRUE, lambda: TRUE).as('a', 'b').max(0).tolerance(2s)"), input);
  CHECK(refused.output.empty());
  CHECK(refused.node("combine").stats.errors == 1);
  CHECK(refused.log.find("refusing to perform combination as total combinations 1 exceeds "
                         "max combinations 0") != std::string::npos);
}

TEST_CASE("combine combines each batch at its end", "[nodes]") {
  const std::string script =
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|combine(lambda: \"v\" > 1.0, lambda: \"v\" < 1.0).as('hi', 'lo')|influxDBOut()";
  CHECK(record(script,
               "batch cpu,dc=A 10\n"
               "cpu,dc=A v=2 5\n"
               "cpu,dc=A v=0.5 5\n"
               "cpu,dc=A v=3 6\n")
            .output == "cpu,dc=A hi.v=2,lo.v=0.5 5 [dc=A]\n");
}
