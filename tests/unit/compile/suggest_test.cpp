#include "compile/suggest.hpp"

#include <catch2/catch.hpp>

using farad::compile::closest_name;

TEST_CASE("did-you-mean picks a plausible typo only") {
  const std::vector<std::string_view> names = {"window", "where", "derivative", "mean", "groupBy"};
  CHECK(closest_name("windw", names) == "window");
  CHECK(closest_name("derivitive", names) == "derivative");
  CHECK(closest_name("groupby", names) == "groupBy");
  CHECK(closest_name("mena", names) == "mean");
  CHECK(closest_name("frobnicate", names).empty());
  CHECK(closest_name("x", {}).empty());
}
