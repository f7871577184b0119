#include "datagen/snmp_generator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/byte_sink.hpp"
#include "io/time_format.hpp"

using farad::datagen::generate_snmp;
using farad::datagen::kSecondNs;
using farad::datagen::SnmpOptions;
using farad::datagen::SnmpStats;
using farad::datagen::StringSink;

namespace {

// One parsed line of the generator's own output (no escapes, fixed shape).
struct Line {
  std::string series;  // measurement and tags
  std::map<std::string, std::string> fields;
  int64_t time = 0;  // in the precision's unit
};

std::vector<Line> parse(const std::string& text) {
  std::vector<Line> lines;
  std::istringstream in(text);
  std::string row;
  while (std::getline(in, row)) {
    const size_t space1 = row.find(' '), space2 = row.rfind(' ');
    Line line{row.substr(0, space1), {}, std::stoll(row.substr(space2 + 1))};
    std::istringstream fields(row.substr(space1 + 1, space2 - space1 - 1));
    std::string pair;
    while (std::getline(fields, pair, ',')) {
      const size_t eq = pair.find('=');
      line.fields[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

uint64_t integer(const std::string& value) {
  return std::stoull(value.substr(0, value.size() - 1));
}

std::string generate(const SnmpOptions& options, SnmpStats* stats = nullptr,
                     std::string* truth = nullptr) {
  StringSink lines, rollup;
  const SnmpStats result = generate_snmp(options, &lines, &rollup);
  if (stats) *stats = result;
  if (truth) *truth = rollup.text();
  return lines.text();
}

SnmpOptions small() {
  SnmpOptions o;
  o.devices = 3;
  o.ifaces = 4;
  o.duration_ns = 3 * 3600 * kSecondNs;
  return o;
}

}  // namespace

TEST_CASE("snmp generator: the same seed gives the same bytes", "[datagen]") {
  SnmpOptions o = small();
  o.wrap32 = o.uptime = true;
  o.reset_prob = o.gap_prob = 0.01;
  o.jitter_ns = 5 * kSecondNs;
  o.shuffle_window_ns = 30 * kSecondNs;
  std::string truth1, truth2;
  const std::string a = generate(o, nullptr, &truth1);
  CHECK(a == generate(o, nullptr, &truth2));
  CHECK(truth1 == truth2);
  o.seed = 2;
  CHECK(a != generate(o));
  CHECK(farad::datagen::parse_seed("42") == 42);
  CHECK(farad::datagen::parse_seed("demo") != farad::datagen::parse_seed("demo2"));
}

TEST_CASE("snmp generator: one line per interface and poll, minus missed polls", "[datagen]") {
  SnmpOptions o = small();
  SnmpStats stats;
  const std::string full = generate(o, &stats);
  const auto lines = parse(full);
  CHECK(lines.size() == 3 * 4 * 180);
  CHECK(stats.lines == lines.size());
  CHECK(lines.front().series ==
        "interface,agent_host=10.0.0.1,hostname=r0001,ifIndex=1,ifName=Gi0/1");
  CHECK(lines.front().time == 1'491'868'800 * kSecondNs);

  o.gap_prob = 0.1;
  const std::string gapped = generate(o, &stats);
  CHECK(stats.missed_polls > 0);
  CHECK(parse(gapped).size() == (3 * 180 - stats.missed_polls) * 4);
  // A missed poll leaves the counters running: the lines that remain are unchanged.
  std::vector<std::string> full_lines, gapped_lines;
  std::istringstream full_in(full), gapped_in(gapped);
  for (std::string l; std::getline(full_in, l);) full_lines.push_back(l);
  for (std::string l; std::getline(gapped_in, l);) gapped_lines.push_back(l);
  std::sort(full_lines.begin(), full_lines.end());
  std::sort(gapped_lines.begin(), gapped_lines.end());
  CHECK(std::includes(full_lines.begin(), full_lines.end(), gapped_lines.begin(),
                      gapped_lines.end()));
}

TEST_CASE("snmp generator: counters only fall at reboots; 32-bit ones wrap", "[datagen]") {
  SnmpOptions o = small();
  o.duration_ns = 2 * 86'400 * kSecondNs;
  o.wrap32 = o.uptime = true;
  o.reset_prob = 0.002;
  SnmpStats stats;
  const auto lines = parse(generate(o, &stats));
  REQUIRE(stats.reboots > 0);
  std::map<std::string, const Line*> previous;
  uint64_t falls = 0, wraps = 0;
  for (const Line& line : lines) {
    const uint64_t in = integer(line.fields.at("ifHCInOctets"));
    const uint64_t in32 = integer(line.fields.at("ifInOctets"));
    CHECK(in32 < (uint64_t{1} << 32));
    CHECK(in32 == (in & 0xffffffffu));
    CHECK(line.fields.at("ifHCInOctets").back() == 'i');
    if (const Line* prev = previous[line.series]) {
      const uint64_t up = integer(line.fields.at("sysUpTime"));
      const uint64_t prev_up = integer(prev->fields.at("sysUpTime"));
      const bool rebooted = up < prev_up;          // no TimeTicks wrap within two days of 1..400
      if (!rebooted) CHECK(up - prev_up == 6000);  // 60 s in 1/100 s, no jitter
      if (in < integer(prev->fields.at("ifHCInOctets"))) {
        CHECK(rebooted);
        ++falls;
      }
      wraps += in32 < integer(prev->fields.at("ifInOctets")) && !rebooted;
    }
    previous[line.series] = &line;
  }
  CHECK(falls > 0);
  CHECK(falls <= stats.reboots * o.ifaces);
  CHECK(wraps > 0);
}

TEST_CASE("snmp generator: precision, jitter and unsigned integers", "[datagen]") {
  SnmpOptions o = small();
  o.jitter_ns = 5 * kSecondNs;
  o.unsigned_ints = true;
  const int64_t start_s = 1'491'868'800;
  for (int64_t unit : {int64_t{1}, int64_t{1'000}, int64_t{1'000'000}, kSecondNs}) {
    o.precision_ns = unit;
    const auto lines = parse(generate(o));
    for (size_t n = 0; n < lines.size(); ++n) {
      const int64_t poll = static_cast<int64_t>(n / (3 * 4));
      const int64_t nominal = (start_s + 60 * poll) * kSecondNs;
      const int64_t t = lines[n].time * unit;
      CHECK(t >= nominal);
      CHECK(t < nominal + o.jitter_ns);
      CHECK(lines[n].fields.at("ifHCOutOctets").back() == 'u');
    }
    // Seconds carry 10 digits in 2017, nanoseconds 19.
    const size_t digits = std::to_string(lines.back().time).size();
    CHECK(digits == (unit == 1 ? 19u : unit == 1'000 ? 16u : unit == 1'000'000 ? 13u : 10u));
  }
}

TEST_CASE("snmp generator: a shuffled line is never older than the window", "[datagen]") {
  SnmpOptions o = small();
  o.jitter_ns = 5 * kSecondNs;
  const std::string ordered = generate(o);
  o.shuffle_window_ns = 150 * kSecondNs;
  const std::string shuffled = generate(o);
  CHECK(ordered != shuffled);
  std::vector<std::string> a, b;
  std::istringstream ia(ordered), ib(shuffled);
  for (std::string l; std::getline(ia, l);) a.push_back(l);
  for (std::string l; std::getline(ib, l);) b.push_back(l);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  CHECK(a == b);  // the same lines, in another order
  const auto lines = parse(shuffled);
  int64_t newest = lines.front().time;
  bool out_of_order = false;
  for (const Line& line : lines) {
    CHECK(newest - line.time < o.shuffle_window_ns);
    out_of_order |= line.time < newest;
    newest = std::max(newest, line.time);
  }
  CHECK(out_of_order);
}

TEST_CASE("snmp truth: matches the rollup recomputed from the lines", "[datagen]") {
  SnmpOptions o = small();
  o.duration_ns = 86'400 * kSecondNs;
  o.reset_prob = 0.005;
  o.gap_prob = 0.05;
  o.jitter_ns = 20 * kSecondNs;
  o.precision_ns = kSecondNs;
  o.shuffle_window_ns = 90 * kSecondNs;
  o.truth_period_ns = 3 * 3600 * kSecondNs;
  std::string truth_text;
  const auto lines = parse(generate(o, nullptr, &truth_text));

  // Independently: per series in time order, the non_negative and wrap_corrected rates of the
  // 64-bit counters, summed per window start.
  struct Sums {
    double sum[2] = {0, 0};
    uint64_t count[2] = {0, 0};
  };
  std::map<std::string, std::vector<const Line*>> by_series;
  for (const Line& line : lines) by_series[line.series].push_back(&line);
  std::map<std::tuple<std::string, std::string, int64_t>, Sums> expected;  // variant, tags, start
  for (auto& [series, points] : by_series) {
    std::stable_sort(points.begin(), points.end(),
                     [](const Line* a, const Line* b) { return a->time < b->time; });
    const std::string tags = series.substr(series.find(',') + 1);
    for (size_t n = 1; n < points.size(); ++n) {
      const int64_t t = points[n]->time * kSecondNs, dt = t - points[n - 1]->time * kSecondNs;
      const int64_t start = t / o.truth_period_ns * o.truth_period_ns;
      const double seconds = static_cast<double>(dt) / 1e9;
      for (int f = 0; f < 2; ++f) {
        const char* field = f == 0 ? "ifHCInOctets" : "ifHCOutOctets";
        const uint64_t v = integer(points[n]->fields.at(field));
        const uint64_t prev = integer(points[n - 1]->fields.at(field));
        if (v >= prev) {
          for (const char* variant : {"non_negative", "wrap_corrected"}) {
            Sums& sums = expected[{variant, tags, start}];
            sums.sum[f] += static_cast<double>(v - prev) / seconds;
            ++sums.count[f];
          }
          continue;
        }
        expected[{"non_negative", tags, start}];  // the window has a row if the other field rose
        // A fall of a 64-bit counter is never a wrap below 1.25e8 B/s: a restart from 0.
        Sums& sums = expected[{"wrap_corrected", tags, start}];
        sums.sum[f] += static_cast<double>(v) / seconds;
        ++sums.count[f];
      }
    }
  }
  std::erase_if(expected, [](const auto& entry) {
    return entry.second.count[0] == 0 && entry.second.count[1] == 0;
  });
  size_t rows = 0;
  std::istringstream in(truth_text);
  std::string meta;
  std::getline(in, meta);
  CHECK(nlohmann::json::parse(meta)["type"] == "meta");
  CHECK(nlohmann::json::parse(meta)["lines"] == lines.size());  // known before the gaps happen
  for (std::string row; std::getline(in, row); ++rows) {
    const auto json = nlohmann::json::parse(row);
    std::string tags;
    for (const char* tag : {"agent_host", "hostname", "ifIndex", "ifName"}) {
      tags +=
          std::string(tags.empty() ? "" : ",") + tag + "=" + json["tags"][tag].get<std::string>();
    }
    const std::string variant = json["variant"].get<std::string>();
    const int64_t start = json["start_ns"].get<int64_t>();
    CHECK(json["stop_ns"].get<int64_t>() == start + o.truth_period_ns);
    CHECK(*farad::io::parse_rfc3339_nanos(json["time"].get<std::string>()) == start);
    const auto it = expected.find({variant, tags, start});
    REQUIRE(it != expected.end());
    const Sums& sums = it->second;
    for (int f = 0; f < 2; ++f) {
      const char* field = f == 0 ? "ifHCInOctets" : "ifHCOutOctets";
      CHECK(json["count"][field] == sums.count[f]);
      if (sums.count[f] > 0) {
        CHECK(json["mean"][field] == sums.sum[f] / static_cast<double>(sums.count[f]));
      } else {
        CHECK(json["mean"][field].is_null());
      }
    }
  }
  CHECK(rows == expected.size());
  CHECK(rows == 2 * 3 * 4 * 8);  // 8 windows of 3 h in the day, every series has points in each
}
