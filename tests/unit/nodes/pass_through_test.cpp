#include <catch2/catch.hpp>

#include "run_script.hpp"

using farad::test::run_script;

TEST_CASE("points flow from stream to influxDBOut, renamed and tagged", "[nodes]") {
  const auto run = run_script(
      "stream|from()|influxDBOut().database('out').measurement('copy').tag('site', 'lab')",
      "cpu,host=a value=1 10\ncpu,host=b value=2i 20\n");
  CHECK(run.output == "copy,host=a,site=lab value=1 10\ncopy,host=b,site=lab value=2i 20\n");
}
