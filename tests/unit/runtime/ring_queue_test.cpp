#include "runtime/ring_queue.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <deque>
#include <random>

using farad::runtime::RingQueue;

namespace {

struct Record {
  uint64_t id;
  int64_t time;
};

// The queue holds what the reference deque holds, in the same order.
void check_same(const RingQueue<Record>& ring, const std::deque<Record>& reference) {
  REQUIRE(ring.size() == reference.size());
  CHECK(ring.empty() == reference.empty());
  for (std::size_t i = 0; i < reference.size(); ++i) {
    CHECK(ring[i].id == reference[i].id);
    CHECK(ring[i].time == reference[i].time);
  }
  if (!reference.empty()) CHECK(ring.front().id == reference.front().id);
}

}  // namespace

TEST_CASE("ring queue: first in, first out", "[runtime]") {
  RingQueue<Record> ring;
  CHECK(ring.empty());
  CHECK(ring.size() == 0);
  for (uint64_t i = 0; i < 10; ++i) ring.push_back({i, static_cast<int64_t>(i) * 10});
  CHECK(ring.size() == 10);
  for (uint64_t i = 0; i < 10; ++i) {
    REQUIRE_FALSE(ring.empty());
    CHECK(ring.front().id == i);
    CHECK(ring.front().time == static_cast<int64_t>(i) * 10);
    ring.pop_front();
  }
  CHECK(ring.empty());
}

TEST_CASE("ring queue: grows while wrapped around, keeping the order", "[runtime]") {
  RingQueue<Record> ring;
  std::deque<Record> reference;
  uint64_t next = 0;
  // Move the head well into the first ring, then fill past its capacity: the grow must copy
  // a wrapped range (head near the end, tail at the start).
  for (int i = 0; i < 50; ++i) {
    ring.push_back({next, 0});
    reference.push_back({next++, 0});
  }
  for (int i = 0; i < 45; ++i) {
    ring.pop_front();
    reference.pop_front();
  }
  for (int round = 0; round < 6; ++round) {
    for (int i = 0; i < 100 + 37 * round; ++i) {
      ring.push_back({next, -static_cast<int64_t>(next)});
      reference.push_back({next, -static_cast<int64_t>(next)});
      ++next;
    }
    check_same(ring, reference);
    for (int i = 0; i < 60; ++i) {
      ring.pop_front();
      reference.pop_front();
    }
    check_same(ring, reference);
  }
}

TEST_CASE("ring queue: random pushes and pops against a deque", "[runtime]") {
  RingQueue<Record> ring;
  std::deque<Record> reference;
  std::mt19937_64 random(7);
  uint64_t next = 0;
  for (int step = 0; step < 200'000; ++step) {
    // Phases that grow and shrink the queue, so it wraps at many capacities.
    const bool growing = (step / 5000) % 2 == 0;
    const bool push = reference.empty() || random() % 100 < (growing ? 70u : 30u);
    if (push) {
      const Record record{next++, static_cast<int64_t>(random() % 1000)};
      ring.push_back(record);
      reference.push_back(record);
    } else {
      REQUIRE(ring.front().id == reference.front().id);
      ring.pop_front();
      reference.pop_front();
    }
    if (step % 9973 == 0) check_same(ring, reference);
  }
  check_same(ring, reference);
  ring.clear();
  CHECK(ring.empty());
  CHECK(ring.size() == 0);
  ring.push_back({1, 2});
  CHECK(ring.size() == 1);
  CHECK(ring.front().id == 1);
}
