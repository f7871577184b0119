// The reorder buffer holding compact points (model/compact_point.hpp) next to PointMessages,
// barriers and deletions: one (time, arrival) order over all of them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "model/compact_point.hpp"
#include "runtime/reorder_buffer.hpp"

using farad::model::CompactPoint;
using farad::model::CompactValue;
using farad::model::FieldKeyTable;
using farad::model::FieldValue;
using farad::model::GroupKey;
using farad::model::Point;
using farad::model::SeriesEntry;
using farad::model::SeriesTable;
using farad::runtime::BarrierMessage;
using farad::runtime::DeleteGroupMessage;
using farad::runtime::Message;
using farad::runtime::PointMessage;
using farad::runtime::ReorderBuffer;
using farad::runtime::StateReader;
using farad::runtime::StateWriter;

namespace {

using Lines = std::vector<std::string>;

// The series and field keys compact points refer to, as a task's context holds them.
struct Tables {
  SeriesTable series;
  FieldKeyTable keys;
  uint16_t value_key = 0;

  Tables() {
    keys.intern("unused");
    value_key = keys.intern("value");
    for (int i = 0; i < 4; ++i) {
      series.add(SeriesEntry{"m", "db", "rp", {{"host", "h" + std::to_string(i)}}});
    }
  }

  // A compact point of series `id % 4`; `value` tells the points apart.
  CompactPoint compact(int64_t time, uint32_t group, int64_t value) const {
    CompactPoint point;
    point.series = static_cast<uint32_t>(value % 4);
    point.group = GroupKey::from_index(group);
    point.time = time;
    point.set(value_key, CompactValue::of(FieldValue{value}));
    return point;
  }
  // The PointMessage equal to compact(time, group, value).
  PointMessage message(int64_t time, uint32_t group, int64_t value) const {
    const CompactPoint point = compact(time, group, value);
    return PointMessage{materialise(point, series, keys), point.group};
  }
};

std::string describe_point(const Point& point, GroupKey group) {
  std::string out = "g" + std::to_string(group.index()) + " " + point.name;
  for (const auto& [key, value] : point.tags) out += "," + key + "=" + value;
  for (const auto& [key, value] : point.fields) {
    out += " " + key + "=" + std::to_string(std::get<int64_t>(value));
  }
  return out + " @" + std::to_string(point.time);
}

// A released message as text; `form` prefixes "c " for a compact point and "p " for a point.
struct Describer {
  const Tables& tables;
  bool form = true;

  std::string operator()(const Message& message) const {
    if (const auto* p = std::get_if<PointMessage>(&message)) {
      return (form ? "p " : "") + describe_point(p->point, p->group);
    }
    if (const auto* b = std::get_if<BarrierMessage>(&message)) {
      return "b g" + std::to_string(b->group.index()) + " @" + std::to_string(b->time);
    }
    return "d g" + std::to_string(std::get<DeleteGroupMessage>(message).group.index());
  }
  std::string operator()(const CompactPoint& point) const {
    return (form ? "c " : "") +
           describe_point(materialise(point, tables.series, tables.keys), point.group);
  }
};

// Everything release() hands out, described.
Lines release(ReorderBuffer& buffer, const Describer& describe, bool everything = false) {
  Lines out;
  buffer.release(
      everything, [&](Message&& message) { out.push_back(describe(message)); },
      [&](CompactPoint& point) { out.push_back(describe(point)); });
  return out;
}

enum class Kind { Compact, Point, Barrier, Delete };

struct Arrival {
  Kind kind;
  int64_t time;
  uint32_t group;
  int64_t value;
};

// The reference: everything held in a list; after each arrival, what is older than the
// watermark leaves sorted by (time, arrival).
class NaiveReorder {
 public:
  NaiveReorder(int64_t lateness, const Describer& describe)
      : lateness_(lateness), describe_(describe) {}

  // Whether the buffer must accept the arrival (points: not late).
  bool offer(const Arrival& a, const Tables& tables) {
    std::string text;
    int64_t at = a.time;
    switch (a.kind) {
      case Kind::Compact:
      case Kind::Point:
        if (seen_ && a.time < newest_ - lateness_) return false;
        newest_ = seen_ ? std::max(newest_, a.time) : a.time;
        seen_ = true;
        text = a.kind == Kind::Compact
                   ? describe_(tables.compact(a.time, a.group, a.value))
                   : describe_(Message(tables.message(a.time, a.group, a.value)));
        break;
      case Kind::Barrier:
        text = describe_(Message(BarrierMessage{GroupKey::from_index(a.group), a.time}));
        break;
      case Kind::Delete:
        at = seen_ ? newest_ : std::numeric_limits<int64_t>::min();
        text = describe_(Message(DeleteGroupMessage{GroupKey::from_index(a.group)}));
        break;
    }
    held_.push_back({at, sequence_++, text});
    return true;
  }

  Lines release(bool everything = false) {
    std::stable_sort(held_.begin(), held_.end(), [](const Held& x, const Held& y) {
      return x.time != y.time ? x.time < y.time : x.sequence < y.sequence;
    });
    Lines out;
    std::size_t n = 0;
    while (n < held_.size() && (everything || (seen_ && held_[n].time < newest_ - lateness_))) {
      out.push_back(held_[n++].text);
    }
    held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(n));
    return out;
  }

 private:
  struct Held {
    int64_t time;
    uint64_t sequence;
    std::string text;
  };
  int64_t lateness_;
  const Describer& describe_;
  bool seen_ = false;
  int64_t newest_ = 0;
  uint64_t sequence_ = 0;
  std::vector<Held> held_;
};

// Offers an arrival to the buffer; whether it was accepted (barriers and deletions always).
bool offer(ReorderBuffer& buffer, const Arrival& a, const Tables& tables) {
  switch (a.kind) {
    case Kind::Compact:
      return buffer.offer(tables.compact(a.time, a.group, a.value));
    case Kind::Point:
      return buffer.offer(tables.message(a.time, a.group, a.value));
    case Kind::Barrier:
      buffer.offer(BarrierMessage{GroupKey::from_index(a.group), a.time});
      return true;
    case Kind::Delete:
      buffer.offer(DeleteGroupMessage{GroupKey::from_index(a.group)});
      return true;
  }
  return false;
}

// Arrivals with times `time_of(i)`: mostly compact points, some points, barriers, deletions.
template <typename TimeOf>
std::vector<Arrival> arrivals(int count, uint64_t seed, TimeOf time_of) {
  std::mt19937_64 random(seed);
  std::vector<Arrival> out;
  for (int i = 0; i < count; ++i) {
    const auto roll = random() % 100;
    const Kind kind = roll < 60   ? Kind::Compact
                      : roll < 85 ? Kind::Point
                      : roll < 97 ? Kind::Barrier
                                  : Kind::Delete;
    out.push_back({kind, time_of(i, random), static_cast<uint32_t>(1 + random() % 50), i});
  }
  return out;
}

// Feeds the arrivals to a buffer and to the reference; both must accept, refuse and release
// the same. Returns the number of late points.
int check_against_reference(const std::vector<Arrival>& input, int64_t lateness) {
  const Tables tables;
  const Describer describe{tables};
  ReorderBuffer buffer(lateness);
  NaiveReorder reference(lateness, describe);
  Lines expected;
  Lines actual;
  int late = 0;
  for (const Arrival& a : input) {
    const bool accepted = offer(buffer, a, tables);
    REQUIRE(accepted == reference.offer(a, tables));
    if (!accepted) ++late;
    for (auto& line : reference.release()) expected.push_back(std::move(line));
    for (auto& line : release(buffer, describe)) actual.push_back(std::move(line));
  }
  for (auto& line : reference.release(true)) expected.push_back(std::move(line));
  for (auto& line : release(buffer, describe, true)) actual.push_back(std::move(line));
  CHECK(buffer.empty());
  CHECK(actual.size() == expected.size());
  CHECK(actual == expected);
  return late;
}

}  // namespace

TEST_CASE("reorder buffer, compact: in order, out of order and late", "[runtime]") {
  const Tables tables;
  const Describer describe{tables};
  ReorderBuffer buffer(10);
  CHECK(buffer.offer(tables.compact(100, 1, 0)));  // W = 90
  CHECK(buffer.offer(tables.message(101, 2, 1)));
  CHECK(buffer.offer(tables.compact(103, 1, 2)));
  CHECK(buffer.offer(tables.compact(95, 3, 3)));  // out of order: the heap
  buffer.offer(BarrierMessage{GroupKey::from_index(1), 102});
  CHECK(buffer.offer(tables.compact(102, 2, 5)));  // after the barrier at the same time
  CHECK(release(buffer, describe).empty());
  CHECK(buffer.size() == 6);
  CHECK(buffer.offer(tables.compact(113, 1, 6)));  // W = 103
  CHECK(release(buffer, describe) ==
        Lines{"c g3 m,host=h3 value=3 @95", "c g1 m,host=h0 value=0 @100",
              "p g2 m,host=h1 value=1 @101", "b g1 @102", "c g2 m,host=h1 value=5 @102"});
  CHECK_FALSE(buffer.offer(tables.compact(102, 1, 7)));  // 102 < 103: late, not held
  CHECK_FALSE(buffer.offer(tables.message(99, 1, 8)));
  CHECK(buffer.offer(tables.compact(103, 1, 9)));  // exactly W: held, before the 103 already held
  CHECK(buffer.size() == 3);
  CHECK(release(buffer, describe, true) == Lines{"c g1 m,host=h2 value=2 @103",
                                                 "c g1 m,host=h1 value=9 @103",
                                                 "c g1 m,host=h2 value=6 @113"});
  CHECK(buffer.empty());
}

TEST_CASE("reorder buffer, compact: mixed with points, barriers and deletions, in disorder",
          "[runtime]") {
  // Heavy disorder, some of it beyond the lateness: most compact points go through the heap.
  const auto input = arrivals(6000, 12345, [](int i, std::mt19937_64& random) {
    return static_cast<int64_t>(i) - static_cast<int64_t>(random() % 60);
  });
  const int late = check_against_reference(input, 40);
  CHECK(late > 100);
}

TEST_CASE("reorder buffer, compact: mostly ordered data runs through the ring", "[runtime]") {
  // Thousands of releases while points are still held: the run is compacted many times and
  // the compact ring wraps; the rare arrival 5 behind goes through the heap.
  const auto input = arrivals(30000, 99, [](int i, std::mt19937_64& random) {
    return static_cast<int64_t>(i) - (random() % 50 == 0 ? 5 : 0);
  });
  const int late = check_against_reference(input, 100);
  CHECK(late == 0);
}

TEST_CASE("reorder buffer, compact: saved as points, restored, continues the same", "[runtime]") {
  const Tables tables;
  const Describer describe{tables, false};  // a restored compact point comes out as a point
  const auto input = arrivals(4000, 4242, [](int i, std::mt19937_64& random) {
    return static_cast<int64_t>(i) - static_cast<int64_t>(random() % 30);
  });
  const std::size_t half = input.size() / 2;
  ReorderBuffer original(25);
  for (std::size_t i = 0; i < half; ++i) {
    offer(original, input[i], tables);
    release(original, describe);
  }
  // Compact points must be held at the save, in the ring and in the heap.
  std::size_t held_compact = 0;
  {
    StateWriter probe_out;
    ReorderBuffer probe(25);
    for (std::size_t i = 0; i < half; ++i) {
      offer(probe, input[i], tables);
      release(probe, describe);
    }
    probe.release(
        true, [](Message&&) {}, [&](CompactPoint&) { ++held_compact; });
  }
  REQUIRE(held_compact > 5);

  StateWriter out;
  original.save(
      out, [](StateWriter& w, GroupKey g) { w.u64(g.index()); },
      [&](const CompactPoint& point) { return materialise(point, tables.series, tables.keys); });
  ReorderBuffer restored(25);
  StateReader in(out.bytes());
  restored.restore(in, [](StateReader& r) { return GroupKey::from_index(uint32_t(r.u64())); });
  CHECK(in.done());
  CHECK(restored.size() == original.size());

  Lines a;
  Lines b;
  for (std::size_t i = half; i < input.size(); ++i) {
    CHECK(offer(original, input[i], tables) == offer(restored, input[i], tables));
    for (auto& line : release(original, describe)) a.push_back(std::move(line));
    for (auto& line : release(restored, describe)) b.push_back(std::move(line));
  }
  for (auto& line : release(original, describe, true)) a.push_back(std::move(line));
  for (auto& line : release(restored, describe, true)) b.push_back(std::move(line));
  CHECK(a.size() > 1000);
  CHECK(a == b);
}
