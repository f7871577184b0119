#include "sinks/backoff.hpp"

#include <catch2/catch.hpp>
#include <set>

using farad::sinks::Backoff;
using std::chrono::milliseconds;

TEST_CASE("backoff doubles from the initial wait, with jitter in its upper half") {
  Backoff backoff(milliseconds(100), milliseconds(1000), 42);
  const int64_t bases[] = {100, 200, 400, 800, 1000, 1000, 1000};
  for (const int64_t base : bases) {
    const auto wait = backoff.next().count();
    INFO("base " << base << " wait " << wait);
    CHECK(wait >= base / 2);
    CHECK(wait <= base);
  }
  CHECK(backoff.attempt() == 7);
  backoff.reset();
  CHECK(backoff.next().count() <= 100);
}

TEST_CASE("backoff jitter spreads retries and never overflows") {
  std::set<int64_t> waits;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Backoff backoff(milliseconds(1000), milliseconds(60000), seed);
    waits.insert(backoff.next().count());
  }
  CHECK(waits.size() > 10);
  Backoff many(milliseconds(1000), milliseconds(60000), 7);
  for (int i = 0; i < 200; ++i) {
    const auto wait = many.next().count();
    REQUIRE(wait >= 500);
    REQUIRE(wait <= 60000);
  }
}
