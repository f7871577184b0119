#include "model/point.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/batch.hpp"

using namespace farad::model;

TEST_CASE("tag and field lookups on sorted sets", "[model]") {
  Point point;
  point.tags = {{"dc", "east"}, {"host", "a"}};
  point.fields = {{"count", int64_t{3}}, {"value", 1.5}};
  REQUIRE(point.tag("host") != nullptr);
  CHECK(*point.tag("host") == "a");
  CHECK(point.tag("region") == nullptr);
  CHECK(point.tag("") == nullptr);
  REQUIRE(point.field("value") != nullptr);
  CHECK(std::get<double>(*point.field("value")) == 1.5);
  CHECK(point.field("missing") == nullptr);
}

TEST_CASE("set and erase keep the sets sorted and unique", "[model]") {
  Tags tags;
  set_tag(tags, "host", "a");
  set_tag(tags, "dc", "east");
  set_tag(tags, "zone", "1");
  set_tag(tags, "host", "b");
  CHECK(tags == Tags{{"dc", "east"}, {"host", "b"}, {"zone", "1"}});
  CHECK(erase_tag(tags, "dc"));
  CHECK_FALSE(erase_tag(tags, "dc"));
  CHECK(tags == Tags{{"host", "b"}, {"zone", "1"}});

  Fields fields;
  set_field(fields, "b", true);
  set_field(fields, "a", std::string("s"));
  set_field(fields, "b", int64_t{2});
  CHECK(fields == Fields{{"a", std::string("s")}, {"b", int64_t{2}}});
  CHECK(erase_field(fields, "a"));
  CHECK(fields == Fields{{"b", int64_t{2}}});
}

TEST_CASE("batch points look up their own tags and fields", "[model]") {
  BatchPoint point{{{"mean", 90.5}}, {{"cpu", "cpu0"}}, 10};
  CHECK(std::get<double>(*point.field("mean")) == 90.5);
  CHECK(*point.tag("cpu") == "cpu0");
  Batch batch;
  batch.points.push_back(point);
  CHECK(batch.group.is_nil());
}

TEST_CASE("sets are ordered by bytes as unsigned, shorter prefix first", "[model]") {
  Fields fields;
  for (const char* key : {"\xc3\xa9", "z", "ab", "a", "B"}) set_field(fields, key, 1.0);
  std::vector<std::string> keys;
  for (const auto& field : fields) keys.push_back(field.first);
  CHECK(keys == std::vector<std::string>{"B", "a", "ab", "z", "\xc3\xa9"});
  REQUIRE(find_field(fields, "ab") != nullptr);
  CHECK(find_field(fields, "abc") == nullptr);
  // Larger sets are searched by bisection: the same answers.
  Tags tags;
  for (int i = 99; i >= 0; --i) set_tag(tags, "k" + std::to_string(i), std::to_string(i));
  CHECK(tags.front().first == "k0");
  CHECK(tags.back().first == "k99");
  REQUIRE(find_tag(tags, "k42") != nullptr);
  CHECK(*find_tag(tags, "k42") == "42");
  CHECK(find_tag(tags, "k100") == nullptr);
}
