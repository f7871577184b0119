#include "nodes/es_document.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

namespace {

using farad::model::Point;
using farad::nodes::append_es_entry;
using farad::nodes::es_document_id;
using farad::nodes::es_index_name;
using farad::nodes::EsDocumentShape;

constexpr int64_t kSecond = 1'000'000'000;

Point rollup_point() {
  Point point;
  point.name = "interface_daily";
  point.tags = {{"agent_host", "dev1"}, {"ifName", "eth0"}};
  point.fields = {{"in_bps", 1000.0}, {"out_bps", 12.5}};
  point.time = 1704067200 * kSecond;  // 2024-01-01T00:00:00Z
  return point;
}

std::string entry(const EsDocumentShape& shape, const Point& point) {
  std::string out;
  append_es_entry(out, shape, "rollup", "es5", point);
  return out;
}

}  // namespace

// The expected ids were computed independently with Python's hashlib (docs/sinks.md).
TEST_CASE("es _id is the SHA-256 of task, node, measurement, tags and time") {
  Point point = rollup_point();
  CHECK(es_document_id("rollup", "es5", point) ==
        "aa797543b7bfae03ba8c0f79cbb0c58d40e836a0069c368b3f9fec3c09c5dc78");
  Point bare;
  bare.name = "interface_daily";
  CHECK(es_document_id("rollup", "es5", bare) ==
        "8feb76c75829e6fa2bd043c88de9d528b8e8cf75cbf69b9bcf40510d1cb1ca50");
  // NUL separators keep tag keys and values apart, and negative times are decimal.
  Point left;
  left.name = "m";
  left.tags = {{"a", "b=c"}};
  left.time = -1;
  Point right = left;
  right.tags = {{"a=b", "c"}};
  CHECK(es_document_id("t", "es2", left) ==
        "fcd782c4b8685419beebb5c98416fec2f289051bcbbd342b9414e934271930c9");
  CHECK(es_document_id("t", "es2", right) ==
        "dfbb78aa6ad0b4d45a5b2abbb8bb7990f990afacc0f249a8cc7025535faf9065");
  // Fields take no part: a recomputed rollup overwrites its document.
  point.fields = {{"in_bps", 1.0}};
  CHECK(es_document_id("rollup", "es5", point) ==
        "aa797543b7bfae03ba8c0f79cbb0c58d40e836a0069c368b3f9fec3c09c5dc78");
}

TEST_CASE("es index names take their time tokens from the point's time in UTC") {
  struct Row {
    const char* pattern;
    int64_t seconds;
    const char* expected;
  };
  const Row rows[] = {
      {"netrollup-%Y.%m", 1704067200, "netrollup-2024.01"},
      {"farad-%Y.%m.%d", 1704067199, "farad-2023.12.31"},
      {"h-%y%m%d%H", 1704110400, "h-24010112"},
      {"w-%Y-%V", 1609632000, "w-2021-53"},  // 2021-01-03: ISO week 53 of 2020
      {"w-%V", 1735516800, "w-01"},          // 2024-12-30: ISO week 1 of 2025
      {"w-%V", 1704067200, "w-01"},          // 2024-01-01, a Monday
      {"w-%V", 1703980800, "w-52"},          // 2023-12-31, a Sunday
      {"pct-%%-%Q-%", 0, "pct-%-%Q-%"},
      {"old-%Y.%m.%d", -1, "old-1969.12.31"},
      {"plain", 1704067200, "plain"},
  };
  for (const Row& row : rows) {
    INFO(row.pattern << " at " << row.seconds);
    CHECK(es_index_name(row.pattern, row.seconds * kSecond) == row.expected);
  }
}

TEST_CASE("es entries: action line, then the default document shape") {
  EsDocumentShape shape;
  shape.index = "netrollup-%Y.%m";
  CHECK(entry(shape, rollup_point()) ==
        "{\"index\":{\"_index\":\"netrollup-2024.01\",\"_id\":"
        "\"aa797543b7bfae03ba8c0f79cbb0c58d40e836a0069c368b3f9fec3c09c5dc78\"}}\n"
        "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"measurement\":\"interface_daily\","
        "\"agent_host\":\"dev1\",\"ifName\":\"eth0\",\"in_bps\":1000,\"out_bps\":12.5}\n");
  shape.action = "create";
  Point point = rollup_point();
  point.time += 1'500'000;
  point.fields = {{"n", int64_t{-3}},
                  {"ok", true},
                  {"s", std::string("a\"b")},
                  {"u", uint64_t{18446744073709551615ULL}}};
  const std::string text = entry(shape, point);
  CHECK(text.starts_with("{\"create\":{"));
  CHECK(text.substr(text.find('\n') + 1) ==
        "{\"@timestamp\":\"2024-01-01T00:00:00.0015Z\",\"measurement\":\"interface_daily\","
        "\"agent_host\":\"dev1\",\"ifName\":\"eth0\",\"n\":-3,\"ok\":true,\"s\":\"a\\\"b\","
        "\"u\":18446744073709551615}\n");
}

TEST_CASE("es document shape options, name clashes and non-finite fields") {
  EsDocumentShape shape;
  shape.timestamp_field = "ts";
  shape.timestamp_millis = true;
  shape.measurement_field.clear();
  shape.tags_field = "tags";
  shape.fields_field = "values";
  Point point = rollup_point();
  point.time = -1;
  std::string text = entry(shape, point);
  CHECK(text.substr(text.find('\n') + 1) ==
        "{\"ts\":-1,\"tags\":{\"agent_host\":\"dev1\",\"ifName\":\"eth0\"},"
        "\"values\":{\"in_bps\":1000,\"out_bps\":12.5}}\n");

  // At the top level: timestamp and measurement win over fields, fields over tags.
  EsDocumentShape top;
  Point clash = rollup_point();
  clash.tags = {{"in_bps", "tag"}, {"measurement", "tag"}, {"site", "x"}};
  clash.fields = {{"@timestamp", 1.0}, {"in_bps", 2.0}, {"inf", HUGE_VAL}, {"nan", std::nan("")}};
  std::string document;
  CHECK(append_es_entry(document, top, "t", "es1", clash) == 2);
  document = document.substr(document.find('\n') + 1);
  CHECK(document ==
        "{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"measurement\":\"interface_daily\","
        "\"site\":\"x\",\"in_bps\":2}\n");
  CHECK_NOTHROW(nlohmann::json::parse(document));
}

TEST_CASE("es index template: the pattern's prefix, keywords and doubles") {
  EsDocumentShape shape;
  shape.index = "netrollup-%Y.%m";
  const auto doc = nlohmann::json::parse(farad::nodes::es_index_template(shape));
  CHECK(doc["index_patterns"] == nlohmann::json::array({"netrollup-*"}));
  const auto& mappings = doc["template"]["mappings"];
  CHECK(mappings["properties"]["@timestamp"]["type"] == "date");
  CHECK(mappings["properties"]["measurement"]["type"] == "keyword");
  std::map<std::string, std::string> by_type;
  for (const auto& rule : mappings["dynamic_templates"]) {
    const auto& body = rule.begin().value();
    by_type[body["match_mapping_type"]] = body["mapping"]["type"];
  }
  CHECK(by_type == std::map<std::string, std::string>{
                       {"double", "double"}, {"long", "double"}, {"string", "keyword"}});
}
