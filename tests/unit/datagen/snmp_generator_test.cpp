#include "datagen/snmp_generator.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/byte_sink.hpp"
#include "datagen/snmp_truth.hpp"
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

TEST_CASE("snmp truth: a constant rate has that mean in every window", "[datagen]") {
  // One series at exactly 1000 B/s in and 500 B/s out, polled every 60 s for three hours from
  // midnight, 1h windows. out restarts from 0 at 02:00, the first point of the third window:
  // that rate is dropped, the next ones count again (0.5 B/s).
  SnmpOptions o;
  o.devices = o.ifaces = 1;
  o.truth_period_ns = 3600 * kSecondNs;
  StringSink sink;
  farad::datagen::SnmpTruth truth(o, sink);
  const int64_t start = 1'491'868'800 * kSecondNs;
  for (uint64_t k = 0; k < 180; ++k) {
    const uint64_t in = 5'000 + 1'000 * 60 * k;
    const uint64_t out = k < 120 ? 1'000'000 + 500 * 60 * k : 30 * k;
    truth.add(0, start + static_cast<int64_t>(k) * 60 * kSecondNs, in, out);
  }
  truth.finish();
  const std::string series = R"({"agent_host":"10.0.0.1","ifName":"Gi0/1",)";
  CHECK(sink.text() ==
        series + R"("time":"2017-04-11T01:00:00Z","in_rate_mean":1000,"out_rate_mean":500,)" +
            R"("count":59,"in_count":59,"out_count":59})" + "\n" +  // the first point gives none
            series + R"("time":"2017-04-11T02:00:00Z","in_rate_mean":1000,"out_rate_mean":500,)" +
            R"("count":60,"in_count":60,"out_count":60})" + "\n" + series +
            R"("time":"2017-04-11T03:00:00Z","in_rate_mean":1000,"out_rate_mean":0.5,)" +
            R"("count":60,"in_count":60,"out_count":59})" + "\n");
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

  // Independently: per series in time order, non-negative rates, summed per window end.
  struct Sums {
    double in = 0, out = 0;
    uint64_t n_in = 0, n_out = 0;
  };
  std::map<std::string, std::vector<const Line*>> by_series;
  for (const Line& line : lines) by_series[line.series].push_back(&line);
  std::map<std::pair<std::string, int64_t>, Sums> expected;
  for (auto& [series, points] : by_series) {
    std::stable_sort(points.begin(), points.end(),
                     [](const Line* a, const Line* b) { return a->time < b->time; });
    const std::string host =
        series.substr(series.find("agent_host=") + 11,
                      series.find(",hostname") - series.find("agent_host=") - 11);
    const std::string key = host + " " + series.substr(series.find("ifName=") + 7);
    for (size_t n = 1; n < points.size(); ++n) {
      const int64_t t = points[n]->time * kSecondNs, dt = t - points[n - 1]->time * kSecondNs;
      Sums& sums = expected[{key, (t / o.truth_period_ns + 1) * o.truth_period_ns}];
      for (bool in : {true, false}) {
        const char* field = in ? "ifHCInOctets" : "ifHCOutOctets";
        const double v = static_cast<double>(integer(points[n]->fields.at(field)));
        const double prev = static_cast<double>(integer(points[n - 1]->fields.at(field)));
        if (v < prev) continue;
        (in ? sums.in : sums.out) += (v - prev) / (static_cast<double>(dt) / 1e9);
        ++(in ? sums.n_in : sums.n_out);
      }
    }
  }
  size_t rows = 0;
  std::istringstream in(truth_text);
  for (std::string row; std::getline(in, row); ++rows) {
    const auto json = nlohmann::json::parse(row);
    const int64_t end = *farad::io::parse_rfc3339_nanos(json["time"].get<std::string>());
    const std::string key =
        json["agent_host"].get<std::string>() + " " + json["ifName"].get<std::string>();
    const auto it = expected.find({key, end});
    REQUIRE(it != expected.end());
    const Sums& sums = it->second;
    CHECK(json["in_count"] == sums.n_in);
    CHECK(json["out_count"] == sums.n_out);
    if (sums.n_in > 0) CHECK(json["in_rate_mean"] == sums.in / static_cast<double>(sums.n_in));
    if (sums.n_out > 0) {
      CHECK(json["out_rate_mean"] == sums.out / static_cast<double>(sums.n_out));
    }
  }
  CHECK(rows == expected.size());
  CHECK(rows == 3 * 4 * 8);  // 8 windows of 3 h in the day, every series has points in each
}
