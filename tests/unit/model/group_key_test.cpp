#include "model/group_key.hpp"

#include <catch2/catch.hpp>

#include "alloc_counter.hpp"

using namespace farad::model;

TEST_CASE("group ids are built exactly as Kapacitor's ToGroupID", "[model]") {
  const Tags tags = {{"cpu", "cpu0"}, {"host", "serverA"}, {"region", "east"}};
  struct Row {
    std::vector<std::string> dims;
    bool by_name;
    std::string id;
  };
  const Row rows[] = {
      {{}, false, ""},
      {{}, true, "cpu_usage"},  // by name alone: the bare name, no "\n"
      {{"host"}, false, "host=serverA"},
      {{"host", "region"}, false, "host=serverA,region=east"},
      {{"host"}, true, "cpu_usage\nhost=serverA"},
      {{"dc", "host"}, false, "dc=,host=serverA"},         // a missing tag reads as ""
      {{"region", "cpu"}, false, "region=east,cpu=cpu0"},  // dimension order, as given
  };
  for (const auto& row : rows) {
    std::string id;
    append_group_id(id, "cpu_usage", tags, Dimensions{row.dims, row.by_name});
    CHECK(id == row.id);
  }
}

TEST_CASE("interning gives one key per id and keeps the group's tags", "[model]") {
  GroupKeyInterner interner;
  Point a{"cpu", "db", "rp", {{"cpu", "cpu0"}, {"host", "a"}}, {{"v", 1.0}}, 0};
  Point b = a;
  b.tags[0].second = "cpu1";  // same host, other cpu
  const Dimensions by_host{{"host"}, false};

  const GroupKey ka = interner.intern(a, by_host);
  const GroupKey kb = interner.intern(b, by_host);
  CHECK(ka == kb);
  CHECK_FALSE(ka.is_nil());
  CHECK(interner.id(ka) == "host=a");
  CHECK(interner.tags(ka) == Tags{{"host", "a"}});
  CHECK(interner.dimensions(ka) == by_host);

  const GroupKey by_both = interner.intern(b, Dimensions{{"cpu", "host"}, false});
  CHECK(by_both != ka);
  CHECK(interner.id(by_both) == "cpu=cpu1,host=a");
  CHECK(interner.tags(by_both) == Tags{{"cpu", "cpu1"}, {"host", "a"}});

  CHECK(interner.intern(a, Dimensions{}).is_nil());
  CHECK(interner.id(GroupKey()).empty());
  CHECK(interner.find("host=a") == ka);
  CHECK_FALSE(interner.find("host=b").has_value());
  CHECK(interner.size() == 3);
}

TEST_CASE("interning many groups keeps every key and id", "[model]") {
  GroupKeyInterner interner;
  const Dimensions dims{{"host"}, true};
  std::vector<GroupKey> keys;
  for (int i = 0; i < 5000; ++i) {
    keys.push_back(interner.intern("m", {{"host", std::to_string(i)}}, dims));
  }
  CHECK(interner.size() == 5001);
  for (int i = 0; i < 5000; ++i) {
    CHECK(interner.id(keys[static_cast<std::size_t>(i)]) == "m\nhost=" + std::to_string(i));
    CHECK(interner.intern("m", {{"host", std::to_string(i)}}, dims) ==
          keys[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("interning an existing group allocates nothing", "[model]") {
  GroupKeyInterner interner;
  const Point point{"cpu", "", "", {{"host", "a-rather-long-host-name-beyond-sso"}}, {}, 0};
  const Dimensions dims{{"host"}, true};
  const GroupKey first = interner.intern(point, dims);
  int mismatches = 0;
  std::size_t allocations = 0;
  {
    farad::test::AllocationCounter counter;
    for (int i = 0; i < 100; ++i) mismatches += interner.intern(point, dims) == first ? 0 : 1;
    allocations = counter.count();
  }
  CHECK(mismatches == 0);
  CHECK(allocations == 0);
}
