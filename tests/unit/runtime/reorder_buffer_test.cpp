#include "runtime/reorder_buffer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using farad::model::GroupKey;
using farad::runtime::BarrierMessage;
using farad::runtime::DeleteGroupMessage;
using farad::runtime::Message;
using farad::runtime::PointMessage;
using farad::runtime::ReorderBuffer;
using farad::runtime::StateReader;
using farad::runtime::StateWriter;

namespace {

PointMessage point(int64_t time, uint32_t group = 1, std::string name = "m") {
  PointMessage message;
  message.point.name = std::move(name);
  message.point.time = time;
  message.group = GroupKey::from_index(group);
  return message;
}

// What a released message is, as text: "p<group>@<time>", "b<group>@<time>", "d<group>".
std::string describe(const Message& message) {
  if (const auto* p = std::get_if<PointMessage>(&message)) {
    return "p" + std::to_string(p->group.index()) + "@" + std::to_string(p->point.time);
  }
  if (const auto* b = std::get_if<BarrierMessage>(&message)) {
    return "b" + std::to_string(b->group.index()) + "@" + std::to_string(b->time);
  }
  return "d" + std::to_string(std::get<DeleteGroupMessage>(message).group.index());
}

std::vector<std::string> release(ReorderBuffer& buffer) {
  std::vector<std::string> out;
  while (buffer.ready()) out.push_back(describe(buffer.pop()));
  return out;
}

std::vector<std::string> drain(ReorderBuffer& buffer) {
  std::vector<std::string> out;
  while (!buffer.empty()) out.push_back(describe(buffer.pop()));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("reorder buffer: holds, reorders and drops what is later than the lateness",
          "[runtime]") {
  ReorderBuffer buffer(10);
  CHECK(buffer.offer(point(100)));  // W = 90
  CHECK(release(buffer).empty());
  CHECK(buffer.offer(point(95)));  // 95 >= 90: held
  CHECK(release(buffer).empty());
  CHECK(buffer.offer(point(120)));  // W = 110: 95 and 100 go
  CHECK(release(buffer) == Lines{"p1@95", "p1@100"});
  CHECK_FALSE(buffer.offer(point(109)));  // 109 < 110: late, not held
  CHECK(buffer.offer(point(110)));        // exactly W: held
  CHECK(buffer.offer(point(115)));
  CHECK(release(buffer).empty());
  CHECK(buffer.size() == 3);
  CHECK(drain(buffer) == Lines{"p1@110", "p1@115", "p1@120"});
}

TEST_CASE("reorder buffer: equal times leave in arrival order, across groups", "[runtime]") {
  ReorderBuffer buffer(5);
  buffer.offer(point(10, 2));
  buffer.offer(point(10, 1));
  buffer.offer(point(8, 3));
  buffer.offer(point(10, 3));
  buffer.offer(point(20, 1));  // W = 15
  CHECK(release(buffer) == Lines{"p3@8", "p2@10", "p1@10", "p3@10"});
  CHECK(drain(buffer) == Lines{"p1@20"});
}

TEST_CASE("reorder buffer: barriers wait for older points, deletions for earlier arrivals",
          "[runtime]") {
  ReorderBuffer buffer(10);
  buffer.offer(point(100, 1));
  buffer.offer(BarrierMessage{GroupKey::from_index(1), 104});
  buffer.offer(point(103, 1));  // arrives after the barrier, released before it
  buffer.offer(DeleteGroupMessage{GroupKey::from_index(2)});  // held at 103, the newest seen
  buffer.offer(point(95, 2));
  CHECK(release(buffer).empty());
  buffer.offer(point(114, 1));  // W = 104: the barrier at 104 stays
  CHECK(release(buffer) == Lines{"p2@95", "p1@100", "p1@103", "d2"});
  // A barrier older than the watermark is never late: it leaves at once.
  buffer.offer(BarrierMessage{GroupKey::from_index(3), 50});
  CHECK(release(buffer) == Lines{"b3@50"});
  CHECK(drain(buffer) == Lines{"b1@104", "p1@114"});
}

TEST_CASE("reorder buffer: nothing is late before the first point", "[runtime]") {
  ReorderBuffer buffer(1);
  buffer.offer(BarrierMessage{GroupKey::from_index(1), 500});
  CHECK(buffer.offer(point(-1'000'000)));
  CHECK(buffer.offer(point(-1'000'001)));  // W = -1000001: not late
  CHECK_FALSE(buffer.offer(point(-1'000'003)));
  CHECK(drain(buffer) == Lines{"p1@-1000001", "p1@-1000000", "b1@500"});
}

TEST_CASE("reorder buffer: a restored buffer continues as the original", "[runtime]") {
  auto fill = [](ReorderBuffer& buffer, int from, int to) {
    for (int i = from; i < to; ++i) {
      // Bounded disorder: every fourth point is 25 behind, several groups.
      const int64_t time = 10 * i - (i % 4 == 0 ? 25 : 0);
      buffer.offer(point(time, static_cast<uint32_t>(1 + i % 3)));
      if (i % 7 == 0) buffer.offer(BarrierMessage{GroupKey::from_index(2), time});
    }
  };
  ReorderBuffer original(30);
  fill(original, 0, 20);
  const Lines first = release(original);

  StateWriter out;
  original.save(out, [](StateWriter& w, GroupKey g) { w.u64(g.index()); });
  ReorderBuffer restored(30);
  StateReader in(out.bytes());
  restored.restore(in, [](StateReader& r) { return GroupKey::from_index(uint32_t(r.u64())); });
  CHECK(in.done());
  CHECK(restored.size() == original.size());

  fill(original, 20, 40);
  fill(restored, 20, 40);
  const Lines a = drain(original);
  CHECK(a == drain(restored));
  CHECK(!first.empty());
  CHECK(a.size() > 10);
}

// Feeds `count` points (time_of(i), group_of(i)) to a buffer and to a reference that keeps
// everything accepted in a list and, after each arrival, releases sorted by (time, arrival)
// whatever is older than the watermark; both must release the same lines. Returns the number
// of late points.
template <typename TimeOf, typename GroupOf>
int check_against_naive_sort(int count, int64_t lateness, TimeOf time_of, GroupOf group_of) {
  ReorderBuffer buffer(lateness);
  struct Held {
    int64_t time;
    int sequence;
    uint32_t group;
  };
  std::vector<Held> reference;
  int64_t newest = 0;
  bool seen = false;
  Lines expected;
  Lines actual;
  int late = 0;
  for (int i = 0; i < count; ++i) {
    const int64_t time = time_of(i);
    const uint32_t group = group_of(i);
    const bool accepted = buffer.offer(point(time, group));
    const bool reference_late = seen && time < newest - lateness;
    REQUIRE(accepted == !reference_late);
    if (!accepted) {
      ++late;
      continue;
    }
    newest = seen ? std::max(newest, time) : time;
    seen = true;
    reference.push_back({time, i, group});
    std::stable_sort(reference.begin(), reference.end(), [](const Held& a, const Held& b) {
      return a.time != b.time ? a.time < b.time : a.sequence < b.sequence;
    });
    size_t released = 0;
    while (released < reference.size() && reference[released].time < newest - lateness) {
      expected.push_back("p" + std::to_string(reference[released].group) + "@" +
                         std::to_string(reference[released].time));
      ++released;
    }
    reference.erase(reference.begin(), reference.begin() + static_cast<std::ptrdiff_t>(released));
    for (auto& line : release(buffer)) actual.push_back(std::move(line));
  }
  for (const Held& h : reference) {
    expected.push_back("p" + std::to_string(h.group) + "@" + std::to_string(h.time));
  }
  for (auto& line : drain(buffer)) actual.push_back(std::move(line));
  CHECK(actual == expected);
  return late;
}

uint64_t next_random(uint64_t& seed) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return seed >> 33;
}

TEST_CASE("reorder buffer: releases as a naive sort would, over many groups", "[runtime]") {
  uint64_t seed = 12345;
  // Heavy disorder, some of it beyond the lateness: most points go through the heap.
  const int late = check_against_naive_sort(
      5000, 40, [&](int i) { return i - static_cast<int64_t>(next_random(seed) % 60); },
      [&](int) { return static_cast<uint32_t>(1 + next_random(seed) % 500); });
  CHECK(late > 100);
}

TEST_CASE("reorder buffer: mostly ordered data runs through the in-order run", "[runtime]") {
  // Thousands of releases while points are still held: the run is compacted many times, and
  // the rare point 5 behind goes through the heap.
  uint64_t seed = 99;
  const int late = check_against_naive_sort(
      30000, 100, [&](int i) { return int64_t{i} - (next_random(seed) % 50 == 0 ? 5 : 0); },
      [](int i) { return static_cast<uint32_t>(1 + i % 300); });
  CHECK(late == 0);
}
