#include "batch/query_source.hpp"

#include <catch2/catch.hpp>

#include <string>

using farad::batch::fully_qualified_source;

TEST_CASE("query source: the fully qualified measurement of the FROM clause", "[batch]") {
  struct Row {
    std::string query;
    std::string expected;  // "db|rp|m", or "" for none
  };
  const Row rows[] = {
      {R"(SELECT mean(v) FROM "telegraf"."autogen"."cpu" WHERE time > now() - 1h)",
       "telegraf|autogen|cpu"},
      {"select v from telegraf.autogen.cpu", "telegraf|autogen|cpu"},
      {"SELECT v FROM db.rp.m;", "db|rp|m"},
      {R"(SELECT v FROM "my db"."a \"q\" rp"."m.x")", "my db|a \"q\" rp|m.x"},
      {R"(SELECT "from" FROM d.r.m)", "d|r|m"},  // a quoted field named from
      {"SELECT fromage FROM d.r.m", "d|r|m"},    // not the keyword
      {"SELECT v FROM cpu", ""},                 // no database
      {"SELECT v FROM telegraf..cpu", ""},       // default retention policy: not qualified
      {"SELECT v FROM db.rp.m, db.rp.n", ""},    // two sources
      {"SELECT v FROM db.rp./cpu.*/", ""},       // a regex
      {"SELECT v FROM (SELECT v FROM db.rp.m)", ""},
      {R"(SELECT v FROM "db"."rp"."m)", ""},  // unclosed quote
      {"SHOW DATABASES", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.query);
    const auto source = fully_qualified_source(row.query);
    const std::string got =
        source ? source->database + "|" + source->retention_policy + "|" + source->measurement : "";
    CHECK(got == row.expected);
  }
}
