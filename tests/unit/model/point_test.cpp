#include "model/point.hpp"

#include <catch2/catch.hpp>

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
