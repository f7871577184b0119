#include "nodes/observed_keys.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "run_script.hpp"

using farad::model::KeyProjection;
using farad::nodes::observed_keys;
using farad::test::compile_script;

namespace {

std::vector<std::string> sorted(std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  return keys;
}

const char* const kRollup = R"(
stream
    |from()
        .measurement('interface')
        .groupBy('agent_host', 'ifName')
    |counterRate('ifHCInOctets', 'ifHCOutOctets')
        .as('in_bps', 'out_bps')
        .lateness(60s)
    |window()
        .period(1d)
        .every(1d)
    |rollup('in_bps', 'out_bps')
    |influxDBOut()
        .database('rollups')
)";

}  // namespace

TEST_CASE("the rollup task observes its group tags and the fields its nodes read", "[nodes]") {
  const KeyProjection keys = observed_keys(*compile_script(kRollup));
  CHECK_FALSE(keys.all_tags);
  CHECK(sorted(keys.tags) == std::vector<std::string>{"agent_host", "ifName"});
  CHECK_FALSE(keys.all_fields);
  // The counters; the rates rollup reads (a point without a counter keeps an input in_bps) and
  // their companions.
  for (const char* field : {"ifHCInOctets", "ifHCOutOctets", "in_bps", "out_bps", "in_bps_delta",
                            "out_bps_restart", "elapsed"}) {
    CHECK(keys.keeps_field(field));
  }
  CHECK_FALSE(keys.keeps_field("ifSpeed"));
  CHECK_FALSE(keys.keeps_tag("hostname"));
  CHECK(keys.keeps_tag("ifName"));
}

TEST_CASE("counterRate's ceiling and uptime fields are observed", "[nodes]") {
  const KeyProjection keys = observed_keys(*compile_script(R"(
stream
    |from()
        .groupBy('host')
    |counterRate('c')
        .ceilingField('ifHighSpeed')
        .uptime('sysUpTime')
    |window()
        .period(1h)
        .every(1h)
    |rollup('c')
)"));
  CHECK(sorted(keys.fields) ==
        sorted({"c", "c_delta", "c_wrap", "c_restart", "elapsed", "ifHighSpeed", "sysUpTime"}));
  CHECK(sorted(keys.tags) == std::vector<std::string>{"host"});
}

TEST_CASE("anything the analysis does not know observes every key", "[nodes]") {
  // A where lambda, a node that outputs its input points, a node of another type, a star.
  for (const char* script : {
           "stream|from().where(lambda: \"x\" > 0)|window().period(1h).every(1h)|rollup('c')",
           "stream|from().groupBy('host')|counterRate('c')|influxDBOut().database('d')",
           "stream|from().groupBy('host')|window().period(1h).every(1h)|mean('c')",
           "stream|from().groupBy('host')|eval(lambda: \"a\" + 1).as('b')|window().period(1h)"
           ".every(1h)|rollup('b')",
       }) {
    INFO(script);
    const KeyProjection keys = observed_keys(*compile_script(script));
    CHECK(keys.keeps_everything());
  }
  const KeyProjection star = observed_keys(
      *compile_script("stream|from().groupBy(*)|window().period(1h).every(1h)|rollup('c')"));
  CHECK(star.all_tags);
  CHECK_FALSE(star.all_fields);
  CHECK(star.keeps_tag("anything"));
}

TEST_CASE("a projected reader drops exactly the unobserved keys", "[nodes]") {
  const KeyProjection keys = observed_keys(*compile_script(kRollup));
  const std::string line =
      "interface,agent_host=10.0.0.1,hostname=r1,ifIndex=1,ifName=Gi0/1 "
      "ifHCInOctets=5i,ifHCOutOctets=7i,ifSpeed=9i,in_bps=1.5 1491868800000000000";
  farad::io::LineParser parser(line);
  REQUIRE(parser.next() == farad::io::LineParser::Status::Point);
  const farad::model::Point all = farad::io::to_point(parser.view(), "db", "rp");
  const farad::model::Point projected = farad::io::to_point(parser.view(), "db", "rp", &keys);
  CHECK(all.tags.size() == 4);
  CHECK(projected.tags == farad::model::Tags{{"agent_host", "10.0.0.1"}, {"ifName", "Gi0/1"}});
  CHECK(projected.fields == farad::model::Fields{{"ifHCInOctets", int64_t{5}},
                                                 {"ifHCOutOctets", int64_t{7}},
                                                 {"in_bps", 1.5}});
  CHECK(projected.name == all.name);
  CHECK(projected.time == all.time);
  CHECK(projected.database == "db");
}
