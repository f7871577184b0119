#include "model/compact_point.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

using farad::model::CompactPoint;
using farad::model::CompactValue;
using farad::model::FieldKeyTable;
using farad::model::FieldType;
using farad::model::FieldValue;
using farad::model::kCompactFields;
using farad::model::Point;
using farad::model::SeriesEntry;
using farad::model::SeriesTable;

namespace {

CompactValue float_value(double f) {
  return CompactValue::of(FieldValue{f});
}

}  // namespace

TEST_CASE("field key table: interning gives dense ids, the same for the same key", "[model]") {
  FieldKeyTable keys;
  CHECK(keys.size() == 0);
  CHECK_FALSE(keys.find("in").has_value());
  const uint16_t in = keys.intern("in");
  const uint16_t out = keys.intern("out");
  CHECK(in == 0);
  CHECK(out == 1);
  CHECK(keys.intern("in") == in);
  CHECK(keys.intern(std::string("out")) == out);
  CHECK(keys.size() == 2);
  CHECK(keys.find("out") == out);
  CHECK(keys.find("in") == in);
  CHECK_FALSE(keys.find("i").has_value());
  CHECK_FALSE(keys.find("inx").has_value());
  CHECK_FALSE(keys.find("").has_value());
  CHECK(keys.name(in) == "in");
  CHECK(keys.name(out) == "out");
  const uint16_t empty = keys.intern("");
  CHECK(empty == 2);
  CHECK(keys.find("") == empty);
}

TEST_CASE("compact value: every numeric and boolean type round-trips", "[model]") {
  const FieldValue values[] = {FieldValue{-2.5},
                               FieldValue{std::numeric_limits<double>::denorm_min()},
                               FieldValue{int64_t{-7}},
                               FieldValue{std::numeric_limits<int64_t>::min()},
                               FieldValue{uint64_t{18446744073709551615ull}},
                               FieldValue{true},
                               FieldValue{false}};
  for (const FieldValue& value : values) {
    const CompactValue compact = CompactValue::of(value);
    CHECK(compact.type == farad::model::type_of(value));
    CHECK(compact.to_field_value() == value);
    // Through the bits, as a CompactPoint stores it.
    CHECK(CompactValue(compact.type, compact.bits()).to_field_value() == value);
  }
  CHECK_THROWS(CompactValue::of(FieldValue{std::string("text")}));
}

TEST_CASE("compact point: set replaces, appends and refuses a new field when full", "[model]") {
  CompactPoint point;
  CHECK(point.size == 0);
  CHECK_FALSE(point.find(0).has_value());

  CHECK(point.set(3, float_value(1.5)));
  CHECK(point.set(1, CompactValue::of(FieldValue{int64_t{42}})));
  CHECK(point.size == 2);
  REQUIRE(point.find(3).has_value());
  CHECK(point.find(3)->to_field_value() == FieldValue{1.5});
  CHECK(point.find(1)->to_field_value() == FieldValue{int64_t{42}});
  CHECK_FALSE(point.find(2).has_value());

  // Replacing keeps the size and may change the type.
  CHECK(point.set(3, CompactValue::of(FieldValue{uint64_t{9}})));
  CHECK(point.size == 2);
  CHECK(point.find(3)->type == FieldType::Uint);
  CHECK(point.find(3)->to_field_value() == FieldValue{uint64_t{9}});
  CHECK(point.find(1)->to_field_value() == FieldValue{int64_t{42}});

  // Fill up to kCompactFields distinct keys.
  for (uint16_t key = 10; point.size < kCompactFields; ++key) {
    CHECK(point.set(key, float_value(key)));
  }
  CHECK(point.size == kCompactFields);
  const CompactPoint before = point;
  CHECK_FALSE(point.set(100, float_value(100)));  // new key, full: nothing changes
  CHECK(point.size == kCompactFields);
  CHECK_FALSE(point.find(100).has_value());
  for (uint8_t i = 0; i < kCompactFields; ++i) {
    CHECK(point.keys[i] == before.keys[i]);
    CHECK(point.value(i).to_field_value() == before.value(i).to_field_value());
  }
  // A known key can still be replaced when full.
  CHECK(point.set(1, CompactValue::of(FieldValue{true})));
  CHECK(point.size == kCompactFields);
  CHECK(point.find(1)->to_field_value() == FieldValue{true});
}

TEST_CASE("compact point: materialise gives the equal Point, fields sorted by key", "[model]") {
  FieldKeyTable keys;
  // Interned in an order that is not the sorted order of the names.
  const uint16_t zeta = keys.intern("zeta");
  const uint16_t alpha = keys.intern("alpha");
  const uint16_t mid = keys.intern("mid");
  const uint16_t flag = keys.intern("flag");
  const uint16_t unused = keys.intern("unused");

  SeriesTable series;
  CHECK(series.add(SeriesEntry{"other", "", "", {}}) == 0);
  const uint32_t id =
      series.add(SeriesEntry{"ifTable", "snmp", "autogen", {{"host", "r1"}, {"ifName", "eth0"}}});
  CHECK(id == 1);
  CHECK(series.size() == 2);

  CompactPoint point;
  point.series = id;
  point.time = 1'700'000'000'123'456'789;
  REQUIRE(point.set(zeta, CompactValue::of(FieldValue{uint64_t{1} << 63})));
  REQUIRE(point.set(alpha, float_value(-0.25)));
  REQUIRE(point.set(mid, CompactValue::of(FieldValue{int64_t{-3}})));
  REQUIRE(point.set(flag, CompactValue::of(FieldValue{false})));

  Point expected;
  expected.name = "ifTable";
  expected.database = "snmp";
  expected.retention_policy = "autogen";
  expected.tags = {{"host", "r1"}, {"ifName", "eth0"}};
  expected.time = 1'700'000'000'123'456'789;
  expected.fields = {{"alpha", FieldValue{-0.25}},
                     {"flag", FieldValue{false}},
                     {"mid", FieldValue{int64_t{-3}}},
                     {"zeta", FieldValue{uint64_t{1} << 63}}};
  CHECK(materialise(point, series, keys) == expected);
  CHECK(keys.name(unused) == "unused");  // interned but not in the point: not materialised

  // Another series, no fields.
  CompactPoint bare;
  bare.series = 0;
  bare.time = -5;
  Point other;
  other.name = "other";
  other.time = -5;
  CHECK(materialise(bare, series, keys) == other);
}
