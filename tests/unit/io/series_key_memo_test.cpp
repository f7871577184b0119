#include "io/series_key_memo.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using farad::io::SeriesKeyMemo;

namespace {

// Keys as an SNMP poller writes them: long shared prefixes, differing near the end.
std::string series_key(std::size_t i) {
  return "ifTable,agent_host=10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250) +
         ",ifName=eth" + std::to_string(i % 48);
}

}  // namespace

TEST_CASE("series key memo: finds what was inserted, misses the rest", "[io]") {
  SeriesKeyMemo memo;
  CHECK(memo.size() == 0);
  CHECK_FALSE(memo.find("cpu,host=a").has_value());
  memo.insert("cpu,host=a", 7);
  memo.insert("cpu,host=b", 3);
  CHECK(memo.size() == 2);
  CHECK(memo.find("cpu,host=a") == std::optional<uint32_t>(7));
  CHECK(memo.find("cpu,host=b") == std::optional<uint32_t>(3));
  CHECK(memo.find("cpu,host=a") == std::optional<uint32_t>(7));  // again, and in any order
  CHECK(memo.find("cpu,host=b") == std::optional<uint32_t>(3));
  CHECK_FALSE(memo.find("cpu,host=c").has_value());
  CHECK_FALSE(memo.find("cpu,host=").has_value());
  CHECK_FALSE(memo.find("cpu,host=aa").has_value());
  CHECK_FALSE(memo.find("cpu").has_value());
  CHECK_FALSE(memo.find("").has_value());
  // After a miss the next-entry guess must not answer for another key.
  CHECK(memo.find("cpu,host=b") == std::optional<uint32_t>(3));
  CHECK_FALSE(memo.find("cpu,host=a,x=1").has_value());
}

TEST_CASE("series key memo: keys that share prefixes or are prefixes of each other", "[io]") {
  SeriesKeyMemo memo;
  // Lengths around the 8-byte words the hash reads, each key a prefix of the next.
  const std::string full = "measurement,tag0=value0,tag1=value1,tag2=value2";
  std::vector<std::string> keys;
  for (std::size_t n = 1; n <= full.size(); ++n) keys.push_back(full.substr(0, n));
  // Same length, differing in one byte at every position.
  for (std::size_t at = 0; at < full.size(); ++at) {
    std::string changed = full;
    changed[at] = changed[at] == 'X' ? 'Y' : 'X';
    keys.push_back(changed);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) memo.insert(keys[i], static_cast<uint32_t>(i));
  REQUIRE(memo.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    INFO(keys[i]);
    CHECK(memo.find(keys[i]) == std::optional<uint32_t>(static_cast<uint32_t>(i)));
  }
  for (std::size_t i = keys.size(); i-- > 0;) {
    INFO(keys[i]);
    CHECK(memo.find(keys[i]) == std::optional<uint32_t>(static_cast<uint32_t>(i)));
  }
  CHECK_FALSE(memo.find(full + ",").has_value());
  CHECK_FALSE(memo.find("measurement,tag0=value0,tag1=value1,tag2=value3").has_value());
}

TEST_CASE("series key memo: 50,000 keys across many grows, in every order", "[io]") {
  constexpr std::size_t kKeys = 50'000;
  SeriesKeyMemo memo;
  std::vector<std::string> keys;
  keys.reserve(kKeys);
  for (std::size_t i = 0; i < kKeys; ++i) keys.push_back(series_key(i));
  // Ids that are not the insertion index, so a memo returning the entry number would fail.
  auto id_of = [](std::size_t i) { return static_cast<uint32_t>((i * 7919u) % 1'000'003u); };
  for (std::size_t i = 0; i < kKeys; ++i) {
    // Interleave finds with the inserts: a key must be found as soon as it is in, and a key
    // not yet inserted must be missed, across every grow.
    if (i % 997 == 0 && i + 1 < kKeys) CHECK_FALSE(memo.find(keys[i + 1]).has_value());
    memo.insert(keys[i], id_of(i));
    if (i % 1009 == 0) CHECK(memo.find(keys[i / 2]) == std::optional<uint32_t>(id_of(i / 2)));
  }
  REQUIRE(memo.size() == kKeys);

  std::size_t wrong = 0;
  // Insertion order: the poller's walk, each find the next-entry guess.
  for (std::size_t i = 0; i < kKeys; ++i) {
    if (memo.find(keys[i]) != std::optional<uint32_t>(id_of(i))) ++wrong;
  }
  CHECK(wrong == 0);
  // Reverse order: the guess is always wrong, every find goes through the hash table.
  for (std::size_t i = kKeys; i-- > 0;) {
    if (memo.find(keys[i]) != std::optional<uint32_t>(id_of(i))) ++wrong;
  }
  CHECK(wrong == 0);
  // Random order.
  std::vector<std::size_t> order(kKeys);
  for (std::size_t i = 0; i < kKeys; ++i) order[i] = i;
  std::mt19937_64 random(20240611);
  std::shuffle(order.begin(), order.end(), random);
  for (const std::size_t i : order) {
    if (memo.find(keys[i]) != std::optional<uint32_t>(id_of(i))) ++wrong;
  }
  CHECK(wrong == 0);
  // Keys never inserted, with the same prefixes.
  std::size_t found = 0;
  for (std::size_t i = 0; i < 5'000; ++i) {
    if (memo.find(series_key(i) + "x").has_value()) ++found;
    if (memo.find(series_key(kKeys + i)).has_value()) ++found;
  }
  CHECK(found == 0);
}
