#include "datagen/snmp_truth.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/byte_sink.hpp"

using farad::datagen::kSecondNs;
using farad::datagen::SnmpOptions;
using farad::datagen::SnmpTruth;
using farad::datagen::StringSink;
using nlohmann::json;

namespace {

constexpr int64_t kStart = 1'491'868'800 * kSecondNs;  // 2017-04-11T00:00:00Z
constexpr uint64_t k2To32 = uint64_t{1} << 32;

// One point of the single series: seconds after kStart, ifHCInOctets, ifHCOutOctets (the 32-bit
// fields are their low 32 bits) and sysUpTime in hundredths of a second.
struct Point {
  int64_t second;
  uint64_t in, out;
  uint32_t uptime = 0;
};

SnmpOptions one_series() {
  SnmpOptions o;
  o.devices = o.ifaces = 1;
  return o;
}

// The truth of one series' points: the rows by (variant, window start in seconds after kStart).
std::map<std::pair<std::string, int64_t>, json> rollup(const SnmpOptions& o,
                                                       const std::vector<Point>& points,
                                                       std::string* text = nullptr) {
  StringSink sink;
  SnmpTruth truth(o, sink);
  for (const Point& p : points) truth.add(0, kStart + p.second * kSecondNs, p.in, p.out, p.uptime);
  truth.finish();
  if (text) *text = sink.text();
  std::map<std::pair<std::string, int64_t>, json> rows;
  std::istringstream in(sink.text());
  for (std::string line; std::getline(in, line);) {
    json row = json::parse(line);
    const int64_t start = row["start_ns"].get<int64_t>();
    rows[{row["variant"].get<std::string>(), (start - kStart) / kSecondNs}] = row;
  }
  CHECK(rows.size() == truth.rows());
  return rows;
}

}  // namespace

TEST_CASE("snmp truth: a constant rate has that mean in every window", "[datagen]") {
  // 1000 B/s in and 500 B/s out, polled every 60 s for three hours from midnight, 1h windows.
  // out restarts from 0 at 02:00, the first point of the third window: non_negative drops that
  // pair, wrap_corrected takes it as a restart (delta = v2: far above 2^64 / 60 s's ceiling).
  SnmpOptions o = one_series();
  o.truth_period_ns = 3600 * kSecondNs;
  std::vector<Point> points;
  for (int64_t k = 0; k < 180; ++k) {
    const uint64_t in = 5'000 + 1'000 * 60 * static_cast<uint64_t>(k);
    const uint64_t out = k < 120 ? 1'000'000 + 500 * 60 * static_cast<uint64_t>(k) : 30 * k;
    points.push_back({60 * k, in, out});
  }
  std::string text;
  const auto rows = rollup(o, points, &text);
  REQUIRE(rows.size() == 6);  // 3 windows x non_negative, wrap_corrected
  // Stamped at the window start; the first point gives no rate.
  const std::string first_row =
      R"({"count": {"ifHCInOctets": 59, "ifHCOutOctets": 59}, )"
      R"("mean": {"ifHCInOctets": 1000.0, "ifHCOutOctets": 500.0}, "measurement": "interface", )"
      R"("start_ns": 1491868800000000000, "stop_ns": 1491872400000000000, )"
      R"("tags": {"agent_host": "10.0.0.1", "hostname": "r0001", "ifIndex": "1", )"
      R"("ifName": "Gi0/1"}, "time": "2017-04-11T00:00:00Z", "type": "rollup", )"
      R"("variant": "non_negative"})";
  CHECK(text.find(first_row + "\n") != std::string::npos);
  CHECK(rows.at({"non_negative", 3600})["count"]["ifHCInOctets"] == 60);
  const json& dropped = rows.at({"non_negative", 7200});
  CHECK(dropped["count"]["ifHCOutOctets"] == 59);
  CHECK(dropped["mean"]["ifHCOutOctets"] == 0.5);
  const json& restarted = rows.at({"wrap_corrected", 7200});
  CHECK(restarted["count"]["ifHCOutOctets"] == 60);
  const double restart_rate = 30.0 * 120 / 60.0;  // delta = v2 = 30 * 120 over 60 s
  CHECK(restarted["mean"]["ifHCOutOctets"].get<double>() ==
        Approx((restart_rate + 59 * 0.5) / 60).epsilon(1e-15));
}

TEST_CASE("snmp truth: a 32-bit wrap is corrected below the ceiling only", "[datagen]") {
  // ifHCInOctets crosses 2^32 between the two points: ifInOctets wraps, ifHCInOctets does not.
  SnmpOptions o = one_series();
  o.wrap32 = true;
  const uint64_t before = k2To32 - 1'000, after = k2To32 + 5'000;
  const std::vector<Point> points = {{0, before, 10}, {60, after, 70}};
  const auto rows = rollup(o, points);
  const json& nn = rows.at({"non_negative", 0});
  CHECK(nn["count"]["ifInOctets"] == 0);
  CHECK(nn["mean"]["ifInOctets"].is_null());
  CHECK(nn["mean"]["ifHCInOctets"] == 6'000 / 60.0);
  const json& wc = rows.at({"wrap_corrected", 0});
  CHECK(wc["count"]["ifInOctets"] == 1);
  CHECK(wc["mean"]["ifInOctets"] == static_cast<double>(k2To32 - (before % k2To32) + 5'000) / 60.0);
  CHECK(wc["mean"]["ifOutOctets"] == 1.0);
  CHECK(rows.count({"uptime_aware", 0}) == 0);  // only with uptime

  // A ceiling below 6000 / 60 B/s makes the same fall a restart: delta = v2 = 5000.
  o.wrap_ceiling = 99;
  CHECK(rollup(o, points).at({"wrap_corrected", 0})["mean"]["ifInOctets"] == 5'000 / 60.0);
}

TEST_CASE("snmp truth: uptime_aware sees a reboot that left the counter higher", "[datagen]") {
  SnmpOptions o = one_series();
  o.wrap32 = o.uptime = true;
  const uint32_t up = 500'000'000;  // about 58 days, in 1/100 s
  const std::vector<Point> points = {
      {0, 1'000, 1'000, up},
      {60, 7'000, 1'600, up + 6'000},  // no reboot: +60 s
      {120, 9'000, 500, 3'000},        // rebooted 30 s ago: in reads more than before, out less
      {180, 15'000, 1'100, 9'000},     // no reboot
  };
  const auto rows = rollup(o, points);
  for (const char* field : {"ifHCInOctets", "ifInOctets"}) {
    // The counter never fell: non_negative and wrap_corrected see 2000 bytes in the reboot pair,
    // uptime_aware the 9000 moved since the reboot.
    CHECK(rows.at({"non_negative", 0})["mean"][field] == (100.0 + 2'000 / 60.0 + 100.0) / 3);
    CHECK(rows.at({"wrap_corrected", 0})["mean"][field] == (100.0 + 2'000 / 60.0 + 100.0) / 3);
    CHECK(rows.at({"uptime_aware", 0})["mean"][field] == (100.0 + 9'000 / 60.0 + 100.0) / 3);
  }
  // out fell: a restart for the 64-bit field, a wrap for the 32-bit one (2^32 / 60 s is below
  // the ceiling), the bytes since the reboot for uptime_aware.
  CHECK(rows.at({"non_negative", 0})["count"]["ifHCOutOctets"] == 2);
  CHECK(rows.at({"wrap_corrected", 0})["mean"]["ifHCOutOctets"] == (10.0 + 500 / 60.0 + 10.0) / 3);
  CHECK(rows.at({"wrap_corrected", 0})["mean"]["ifOutOctets"] ==
        (10.0 + static_cast<double>(k2To32 - 1'600 + 500) / 60.0 + 10.0) / 3);
  CHECK(rows.at({"uptime_aware", 0})["mean"]["ifOutOctets"] == (10.0 + 500 / 60.0 + 10.0) / 3);
  CHECK(rows.at({"uptime_aware", 0})["count"]["ifOutOctets"] == 3);
}

TEST_CASE("snmp truth: a TimeTicks wrap is not a reboot", "[datagen]") {
  // sysUpTime 10 s short of 2^32 hundredths, then 50 s: it fell, and it is below the 60 s that
  // passed, yet it advanced by exactly 60 s modulo 2^32. The 32-bit counter wraps meanwhile.
  SnmpOptions o = one_series();
  o.wrap32 = o.uptime = true;
  const uint64_t in = 3 * k2To32 - 1'000;
  const std::vector<Point> points = {
      {0, in, 100, static_cast<uint32_t>(k2To32 - 1'000)},
      {60, in + 6'000, 700, 5'000},
      {122, in + 12'200, 1'320, 11'000},  // 62 s later, uptime +60 s: within the 5 s slack
  };
  const auto rows = rollup(o, points);
  const json& aware = rows.at({"uptime_aware", 0});
  CHECK(aware["mean"] == rows.at({"wrap_corrected", 0})["mean"]);
  CHECK(aware["mean"]["ifHCInOctets"] == (100.0 + 6'200 / 62.0) / 2);
  CHECK(aware["mean"]["ifInOctets"] == (100.0 + 6'200 / 62.0) / 2);  // the wrap, corrected
  CHECK(rows.at({"non_negative", 0})["count"]["ifInOctets"] == 1);

  // 6 s off is a reboot: uptime_aware takes v2 (the whole counter) for the second pair.
  std::vector<Point> late = points;
  late[2].second = 126;
  CHECK(rollup(o, late).at({"uptime_aware", 0})["mean"]["ifHCOutOctets"] ==
        (10.0 + 1'320 / 66.0) / 2);
}

TEST_CASE("snmp truth: tw_mean weighs a pair across a missed poll by its length", "[datagen]") {
  SnmpOptions o = one_series();
  o.tw_mean = true;
  // 100 B/s for 60 s, then 250 B/s for the 120 s of a pair across a missed poll; out falls in
  // the second pair, so non_negative's tw_mean covers the first pair only.
  const std::vector<Point> points = {{0, 0, 1'000}, {60, 6'000, 2'200}, {180, 36'000, 400}};
  const auto rows = rollup(o, points);
  const json& nn = rows.at({"non_negative", 0});
  CHECK(nn["mean"]["ifHCInOctets"] == (100.0 + 250.0) / 2);
  CHECK(nn["tw_mean"]["ifHCInOctets"] == 36'000 / 180.0);
  CHECK(nn["tw_mean"]["ifHCOutOctets"] == 1'200 / 60.0);
  const json& wc = rows.at({"wrap_corrected", 0});
  CHECK(wc["tw_mean"]["ifHCOutOctets"] == (1'200 + 400) / 180.0);  // a restart: + v2
  CHECK(wc["mean"]["ifHCOutOctets"] == (20.0 + 400 / 120.0) / 2);

  // Without --tw-mean the rows have no tw_mean.
  o.tw_mean = false;
  CHECK(!rollup(o, points).at({"non_negative", 0}).contains("tw_mean"));
}

TEST_CASE("snmp truth: a rate belongs to the window that contains its time", "[datagen]") {
  SnmpOptions o = one_series();
  o.truth_period_ns = 3600 * kSecondNs;
  // The pair straddling 01:00 counts in the second window; a point at the previous one's time
  // gives no rate and becomes the previous point.
  const std::vector<Point> points = {{3000, 0, 0},
                                     {3600, 600, 600},
                                     {3660, 1'200, 1'200},
                                     {3660, 1'500, 1'500},
                                     {3720, 2'100, 2'100}};
  const auto rows = rollup(o, points);
  REQUIRE(rows.size() == 2);
  const json& row = rows.at({"non_negative", 3600});
  CHECK(row["time"] == "2017-04-11T01:00:00Z");
  CHECK(row["stop_ns"].get<int64_t>() == kStart + 7200 * kSecondNs);
  CHECK(row["count"]["ifHCInOctets"] == 3);
  CHECK(row["mean"]["ifHCInOctets"] == (1.0 + 10.0 + 10.0) / 3);
}

TEST_CASE("snmp truth: the meta line describes the run", "[datagen]") {
  SnmpOptions o = one_series();
  o.wrap32 = o.uptime = o.tw_mean = true;
  o.truth_period_ns = 3 * 3600 * kSecondNs;
  StringSink sink;
  SnmpTruth truth(o, sink);
  truth.write_meta(1440);
  const json meta = json::parse(sink.text());
  CHECK(meta["type"] == "meta");
  CHECK(meta["lines"] == 1440);
  CHECK(meta["period"] == "3h");
  CHECK(meta["period_ns"].get<int64_t>() == o.truth_period_ns);
  CHECK(meta["variants"] == json({"non_negative", "wrap_corrected", "uptime_aware"}));
  CHECK(meta["fields"] == json({"ifHCInOctets", "ifHCOutOctets", "ifInOctets", "ifOutOctets"}));
  CHECK(meta["widths"]["ifOutOctets"] == 32);
  CHECK(meta["uptime_slack_ns"].get<int64_t>() == 5 * kSecondNs);
  CHECK(meta["tw_mean"] == true);
  CHECK(meta["args"]["interval"] == "1m");
  CHECK(sink.text().find(R"("wrap_ceiling": 125000000.0})") != std::string::npos);
}
