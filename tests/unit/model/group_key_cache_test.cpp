#include "model/group_key_cache.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace farad::model;

TEST_CASE("the cache returns the interner's key for every point", "[model]") {
  const Dimensions dims_list[] = {
      {{}, false}, {{}, true}, {{"host"}, false}, {{"dc", "host"}, false}, {{"host"}, true}};
  // Values that would collide if the cache joined them without lengths, missing tags, empty
  // values (a missing tag reads as "", as in the id) and names.
  std::vector<Point> points;
  for (const char* name : {"cpu", "mem"}) {
    points.push_back(Point{name, "", "", {{"dc", "ab"}, {"host", "c"}}, {}, 0});
    points.push_back(Point{name, "", "", {{"dc", "a"}, {"host", "bc"}}, {}, 0});
    points.push_back(Point{name, "", "", {{"host", "c"}}, {}, 0});
    points.push_back(Point{name, "", "", {{"dc", ""}, {"host", "c"}}, {}, 0});
    points.push_back(Point{name, "", "", {{"dc", "a-very-long-data-centre-name"}}, {}, 0});
    points.push_back(Point{name, "", "", {}, {}, 0});
  }
  for (const auto& dims : dims_list) {
    GroupKeyInterner interner;
    GroupKeyInterner reference;
    GroupKeyCache cache;
    // Twice: the second round is served from the cache.
    for (int round = 0; round < 2; ++round) {
      for (const auto& point : points) {
        const GroupKey key = cache.intern(interner, point, dims);
        CHECK(key == reference.intern(point, dims));
        CHECK(interner.id(key) == reference.id(key));
      }
    }
    CHECK(interner.size() == reference.size());
  }
}

TEST_CASE("the cache grows past its first table", "[model]") {
  GroupKeyInterner interner;
  GroupKeyCache cache;
  const Dimensions dims{{"host"}, false};
  std::vector<GroupKey> keys;
  for (int i = 0; i < 1000; ++i) {
    keys.push_back(
        cache.intern(interner, Point{"m", "", "", {{"host", std::to_string(i)}}, {}, 0}, dims));
  }
  for (int i = 0; i < 1000; ++i) {
    const Point point{"m", "", "", {{"host", std::to_string(i)}}, {}, 0};
    CHECK(cache.intern(interner, point, dims) == keys[static_cast<std::size_t>(i)]);
    CHECK(interner.id(keys[static_cast<std::size_t>(i)]) == "host=" + std::to_string(i));
  }
  CHECK(interner.size() == 1001);  // the nil group and one per host
}

TEST_CASE("series in repeated, changed and broken orders get the interner's keys", "[model]") {
  // The cache compares the entry after the last one returned first: every order below must
  // still give each point its own key, whether that guess is right or wrong.
  const Dimensions dims{{"host"}, false};
  auto point = [](const std::string& host) { return Point{"m", "", "", {{"host", host}}, {}, 0}; };
  const std::vector<std::vector<std::string>> rounds = {
      {"a", "b", "c", "d"},   // first sight
      {"a", "b", "c", "d"},   // the same order: every guess right, wrapping after "d"
      {"b", "a", "d", "c"},   // swapped pairs: every other guess wrong
      {"a", "a", "c", "c"},   // repeats: the guess is the next entry, not the same one
      {"d", "e", "a", "ab"},  // new series between known ones; "ab" starts like "a"
      {"a", "b", "c", "d", "e", "ab"}};
  GroupKeyInterner interner;
  GroupKeyInterner reference;
  GroupKeyCache cache;
  for (const auto& round : rounds) {
    for (const auto& host : round) {
      const GroupKey key = cache.intern(interner, point(host), dims);
      CHECK(key == reference.intern(point(host), dims));
      CHECK(interner.id(key) == "host=" + host);
    }
  }
  CHECK(interner.size() == 7);  // the nil group and six hosts
}
