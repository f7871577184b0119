#include "batch/query_result.hpp"

#include <catch2/catch.hpp>

using farad::batch::QueryResultError;
using farad::batch::result_batches;
using farad::model::FieldValue;

TEST_CASE("query result: one batch per series, numbers as floats, null rows dropped") {
  const char* answer = R"({"results":[{"statement_id":0,"series":[
    {"name":"if","tags":{"host":"b","ifName":"eth0"},"columns":["time","mean","n","up"],
     "values":[[1000,1.5,3,true],[2000,null,null,null],[3000,null,7,false]]},
    {"name":"if","tags":{"host":"a","ifName":"eth0"},"columns":["time","mean","n","up"],
     "values":[[1000,"x",null,null]]}]}]})";
  const auto batches = result_batches(answer, true, 9000);
  REQUIRE(batches.size() == 2);
  const auto& first = batches[0];
  CHECK(first.name == "if");
  CHECK(first.tags == farad::model::Tags{{"host", "b"}, {"ifName", "eth0"}});
  REQUIRE(first.points.size() == 2);
  CHECK(first.points[0].time == 1000);
  CHECK(first.points[0].fields == farad::model::Fields{{"mean", FieldValue(1.5)},
                                                       {"n", FieldValue(3.0)},
                                                       {"up", FieldValue(true)}});
  CHECK(first.points[1].fields ==
        farad::model::Fields{{"n", FieldValue(7.0)}, {"up", FieldValue(false)}});
  CHECK(first.points[1].tags == first.tags);
  CHECK(first.time == 3000);  // the latest row when grouped by time
  CHECK(batches[1].points[0].fields ==
        farad::model::Fields{{"mean", FieldValue(std::string("x"))}});
}

TEST_CASE("query result: batch time is the stop without time grouping or rows") {
  const char* answer = R"({"results":[{"series":[
    {"name":"m","columns":["time","v"],"values":[[1000,1],[5000,2]]},
    {"name":"e","columns":["time","v"],"values":[[1000,null]]}]}]})";
  auto not_by_time = result_batches(answer, false, 9000);
  CHECK(not_by_time[0].time == 9000);
  auto by_time = result_batches(answer, true, 9000);
  CHECK(by_time[0].time == 5000);
  CHECK(by_time[1].time == 9000);
  CHECK(by_time[1].points.empty());
}

TEST_CASE("query result: RFC 3339 times, empty results and errors") {
  const auto batches = result_batches(
      R"({"results":[{"series":[{"name":"m","columns":["time","v"],
          "values":[["1970-01-01T00:00:01.5Z",2]]}]},{"statement_id":1}]})",
      true, 0);
  REQUIRE(batches.size() == 1);
  CHECK(batches[0].points[0].time == 1'500'000'000);
  CHECK(result_batches(R"({"results":[{"statement_id":0}]})", false, 0).empty());
  CHECK_THROWS_WITH(result_batches(R"({"results":[{"error":"database not found: x"}]})", false, 0),
                    "database not found: x");
  CHECK_THROWS_AS(result_batches(R"({"error":"bad"})", false, 0), QueryResultError);
  CHECK_THROWS_AS(result_batches("not json", false, 0), QueryResultError);
}
