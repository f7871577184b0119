#include <catch2/catch.hpp>

#include "message_recorder.hpp"
#include "run_script.hpp"

using farad::test::record;
using farad::test::run_script;

namespace {

std::string alert(const std::string& properties) {
  return "stream|from().groupBy('host')|alert().warn(lambda: \"value\" > 5.0)"
         ".crit(lambda: \"value\" > 10.0).levelField('level').messageField('msg')" +
         properties;
}

const char* const kInput =
    "cpu,host=a value=1 1\n"   // OK: no event
    "cpu,host=a value=6 2\n"   // WARNING
    "cpu,host=b value=11 2\n"  // CRITICAL
    "cpu,host=a value=7 3\n"   // WARNING again
    "cpu,host=a value=1 4\n"   // OK after WARNING: a recovery
    "cpu,host=a value=2 5\n";  // OK again: no event

}  // namespace

TEST_CASE("alert raises events for non-OK levels and recoveries", "[nodes]") {
  const std::string expected =
      "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=6 2\n"
      "cpu,host=b level=\"CRITICAL\",msg=\"cpu:host=b is CRITICAL\",value=11 2\n"
      "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=7 3\n"
      "cpu,host=a level=\"OK\",msg=\"cpu:host=a is OK\",value=1 4\n";
  // What the handlers would be sent goes to the outputs.
  CHECK(run_script(alert(""), kInput).output == expected);
  for (size_t n = 1; n <= 6; ++n) {
    CAPTURE(n);
    CHECK(run_script(alert(""), kInput, false, n).output == expected);
  }
  // The same points go on to the children, in their groups.
  CHECK(record(alert("|influxDBOut()"), kInput).output ==
        "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=6 2 [host=a]\n"
        "cpu,host=b level=\"CRITICAL\",msg=\"cpu:host=b is CRITICAL\",value=11 2 [host=b]\n"
        "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=7 3 [host=a]\n"
        "cpu,host=a level=\"OK\",msg=\"cpu:host=a is OK\",value=1 4 [host=a]\n");
}

TEST_CASE("alert honours stateChangesOnly, noRecoveries and reset lambdas", "[nodes]") {
  CHECK(run_script(alert(".stateChangesOnly().noRecoveries()"), kInput).output ==
        "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=6 2\n"
        "cpu,host=b level=\"CRITICAL\",msg=\"cpu:host=b is CRITICAL\",value=11 2\n");
  // WARNING holds until its reset lambda is true: the points at 4 and 5 stay WARNING.
  CHECK(
      run_script(alert(".warnReset(lambda: \"value\" < 0.5).stateChangesOnly()"), kInput).output ==
      "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=6 2\n"
      "cpu,host=b level=\"CRITICAL\",msg=\"cpu:host=b is CRITICAL\",value=11 2\n");
  // stateChangesOnly(d) repeats an unchanged level once d has passed since the last event.
  CHECK(run_script(alert(".stateChangesOnly(1s)"), kInput).output ==
        "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=6 2\n"
        "cpu,host=b level=\"CRITICAL\",msg=\"cpu:host=b is CRITICAL\",value=11 2\n"
        "cpu,host=a level=\"WARNING\",msg=\"cpu:host=a is WARNING\",value=7 3\n"
        "cpu,host=a level=\"OK\",msg=\"cpu:host=a is OK\",value=1 4\n");
}

TEST_CASE("alert fills its id and message templates and tags", "[nodes]") {
  const std::string script =
      "stream|from().groupBy('host')|alert().crit(lambda: \"value\" > 10.0)"
      ".id('{{ .TaskName }}/{{ index .Tags \"host\" }}')"
      ".message('{{ .ID }} {{ .Level }} {{ index .Fields \"value\" }} at {{ .Time }} {{ .Unknown "
      "}}')"
      ".idTag('id').levelTag('level').durationField('d').idField('idf')";
  CHECK(run_script(script, "cpu,host=a value=11 1\ncpu,host=a value=12 3\n").output ==
        "cpu,host=a,id=test/a,level=CRITICAL d=0i,idf=\"test/a\",value=11 1\n"
        "cpu,host=a,id=test/a,level=CRITICAL d=2000000000i,idf=\"test/a\",value=12 3\n");
  const std::string messages =
      "stream|from()|alert().crit(lambda: \"value\" > 10.0).messageField('m')"
      ".message('{{ .ID }} {{ .Level }} {{ index .Fields \"value\" }} at {{ .Time }} {{ .X }}')";
  CHECK(run_script(messages, "cpu value=11 1\n").output ==
        "cpu m=\"cpu:nil CRITICAL 11 at 1970-01-01 00:00:01 +0000 UTC {{ .X }}\",value=11 1\n");
}

TEST_CASE("alert judges a batch by its highest level, or its lowest with all()", "[nodes]") {
  const std::string query =
      "batch|query('SELECT v FROM \"db\".\"rp\".\"cpu\"').period(10s).every(10s)"
      "|alert().crit(lambda: \"v\" > 10.0).levelTag('level')";
  const std::string input =
      "batch cpu,host=a 10\n"
      "cpu,host=a v=11 5\n"
      "cpu,host=a v=1 6\n";
  // Level tags go on every point and on the batch, whose group then includes them.
  CHECK(record(query + "|influxDBOut()", input).output ==
        "batch cpu,host=a,level=CRITICAL 10 [host=a,level=CRITICAL]\n"
        "  cpu,host=a,level=CRITICAL v=11 5\n"
        "  cpu,host=a,level=CRITICAL v=1 6\n");
  CHECK(record(query + ".all()|influxDBOut()", input).output.empty());
}
