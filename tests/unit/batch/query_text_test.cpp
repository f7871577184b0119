#include "batch/query_text.hpp"

#include <catch2/catch.hpp>

using farad::batch::FillOption;
using farad::batch::GroupByDimensions;
using farad::batch::QueryText;
using farad::batch::QueryTextError;

namespace {

constexpr int64_t kStart = 1704067200LL * 1'000'000'000;  // 2024-01-01T00:00:00Z
constexpr int64_t kStop = kStart + 86400LL * 1'000'000'000;
constexpr int64_t kHour = 3600LL * 1'000'000'000;

GroupByDimensions tags(std::vector<std::string> names) {
  GroupByDimensions dims;
  dims.tags = std::move(names);
  return dims;
}

GroupByDimensions by_time(int64_t length, std::vector<std::string> names = {}, int64_t offset = 0) {
  GroupByDimensions dims = tags(std::move(names));
  dims.time_length = length;
  dims.time_offset = offset;
  dims.time_position = dims.tags.size();  // after the tags
  return dims;
}

}  // namespace

TEST_CASE("query text: time range, GROUP BY and fill rewritten for a window") {
  struct Case {
    const char* query;
    GroupByDimensions dims;
    FillOption fill;
    bool align_group;
    const char* expected;
  };
  const std::string range = "time >= '2024-01-01T00:00:00Z' AND time < '2024-01-02T00:00:00Z'";
  const Case cases[] = {
      {"SELECT mean(v) FROM db.rp.m", {}, {}, false, "SELECT mean(v) FROM db.rp.m WHERE {}"},
      {"select v from m where host = 'a'",
       {},
       {},
       false,
       "select v from m WHERE host = 'a' AND {}"},
      // The script's .groupBy replaces the query's GROUP BY; without one it is removed.
      {"SELECT v FROM m GROUP BY host", {}, {}, false, "SELECT v FROM m WHERE {}"},
      {"SELECT mean(v) FROM m WHERE a = 'GROUP BY' GROUP BY x fill(0)",
       by_time(kHour, {"host"}),
       {},
       false,
       "SELECT mean(v) FROM m WHERE a = 'GROUP BY' AND {} GROUP BY host, time(1h, 0s) fill(0)"},
      {"SELECT mean(v) FROM m", by_time(kHour), std::string("none"), false,
       "SELECT mean(v) FROM m WHERE {} GROUP BY time(1h, 0s) fill(none)"},
      {"SELECT mean(v) FROM m fill(3)", by_time(kHour), std::string("null"), false,
       "SELECT mean(v) FROM m WHERE {} GROUP BY time(1h, 0s)"},
      {"SELECT mean(v) FROM m", by_time(kHour, {}, 600'000'000'000), 1.5, false,
       "SELECT mean(v) FROM m WHERE {} GROUP BY time(1h, 10m) fill(1.5)"},
      {"SELECT mean(v) FROM m", by_time(7 * 24 * kHour), int64_t{0}, true,
       "SELECT mean(v) FROM m WHERE {} GROUP BY time(1w, 4d) fill(0)"},
      {"SELECT v FROM m",
       tags({"*", "select", "if-name"}),
       {},
       false,
       "SELECT v FROM m WHERE {} GROUP BY *, \"select\", \"if-name\""},
      {"SELECT v FROM /cpu.*/ WHERE host =~ /a|b where/ ORDER BY time DESC LIMIT 10;",
       {},
       {},
       false,
       "SELECT v FROM /cpu.*/ WHERE host =~ /a|b where/ AND {} ORDER BY time DESC LIMIT 10"},
      {"SELECT v FROM (SELECT v FROM m WHERE x > 1 GROUP BY h) LIMIT 5",
       {},
       {},
       false,
       "SELECT v FROM (SELECT v FROM m WHERE x > 1 GROUP BY h) WHERE {} LIMIT 5"},
      {"SELECT a / 2 FROM \"my where\"", {}, {}, false, "SELECT a / 2 FROM \"my where\" WHERE {}"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    std::string expected = c.expected;
    expected.replace(expected.find("{}"), 2, range);
    CHECK(QueryText(c.query, c.dims, c.fill, c.align_group).render(kStart, kStop) == expected);
  }
}

TEST_CASE("query text: grouped by time only with a time dimension") {
  CHECK_FALSE(QueryText("SELECT v FROM m GROUP BY time(1m)", {}, {}, false).grouped_by_time());
  CHECK(QueryText("SELECT v FROM m", by_time(kHour), {}, false).grouped_by_time());
}

TEST_CASE("query text: refused statements") {
  const char* bad[] = {"SHOW DATABASES", "SELECT v FROM m; SELECT w FROM m", "SELECT v",
                       "SELECT v FROM m WHERE a = 'open", "DELETE FROM m"};
  for (const char* query : bad) {
    INFO(query);
    CHECK_THROWS_AS(QueryText(query, {}, {}, false), QueryTextError);
  }
  CHECK_THROWS_AS(QueryText("SELECT v FROM m", {}, std::string("nothing"), false), QueryTextError);
}
