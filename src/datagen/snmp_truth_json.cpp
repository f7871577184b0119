#include "datagen/snmp_truth_json.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <utility>

#include "datagen/snmp_model.hpp"
#include "io/time_format.hpp"

namespace farad::datagen {

namespace {

constexpr const char* kFieldNames[kMaxFields] = {"ifHCInOctets", "ifHCOutOctets", "ifInOctets",
                                                 "ifOutOctets"};
constexpr const char* kVariantNames[kMaxVariants] = {"non_negative", "wrap_corrected",
                                                     "uptime_aware"};

void append_integer(std::string& out, auto value) {
  fmt::format_to(std::back_inserter(out), "{}", value);
}

void append_bool(std::string& out, bool value) {
  out += value ? "true" : "false";
}

// {"ifHCInOctets": X, ...} over the first `fields` fields, X written by `value(f)`.
void append_field_map(std::string& out, int fields, auto value) {
  out += '{';
  for (int f = 0; f < fields; ++f) {
    if (f > 0) out += ", ";
    out += '"';
    out += kFieldNames[f];
    out += "\": ";
    value(f);
  }
  out += '}';
}

}  // namespace

void append_python_float(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "Infinity" : "-Infinity";
    return;
  }
  // fmt's shortest form switches to an exponent at the same powers as Python's repr (checked
  // on random doubles); only the ".0" of integral values is Python's alone.
  const size_t begin = out.size();
  fmt::format_to(std::back_inserter(out), "{}", value);
  if (out.find_first_of(".e", begin) == std::string::npos) out += ".0";
}

double nearest_double(Uint128 value) {
  const auto high = static_cast<uint64_t>(value >> 64);
  if (high == 0) return static_cast<double>(static_cast<uint64_t>(value));
  // Keep the top 64 bits with a sticky bit for everything below: rounding that to 53 bits
  // rounds as the full value would, and the scaling by a power of two is exact.
  const int shift = 64 - __builtin_clzll(high);
  const uint64_t lost_mask = (uint64_t{1} << shift) - 1;
  const uint64_t top = static_cast<uint64_t>(value >> shift) |
                       ((static_cast<uint64_t>(value) & lost_mask) != 0 ? 1 : 0);
  return std::ldexp(static_cast<double>(top), shift);
}

std::string duration_text(int64_t ns) {
  if (ns == 0) return "0s";
  static constexpr std::pair<const char*, int64_t> kUnits[] = {{"d", 86'400 * kSecondNs},
                                                               {"h", 3'600 * kSecondNs},
                                                               {"m", 60 * kSecondNs},
                                                               {"s", kSecondNs},
                                                               {"ms", 1'000'000},
                                                               {"us", 1'000},
                                                               {"ns", 1}};
  std::string text;
  for (const auto& [unit, size] : kUnits) {
    if (ns >= size) {
      text += std::to_string(ns / size) + unit;
      ns %= size;
    }
  }
  return text;
}

SnmpTruthJson::SnmpTruthJson(const SnmpOptions& options) : options_(options) {
  for (uint32_t d = 0; d < options.devices; ++d) {
    device_tags_.push_back(
        fmt::format(R"("agent_host": "{}", "hostname": "{}", )", agent_host(d), host_name(d)));
  }
  for (uint32_t i = 0; i < options.ifaces; ++i) {
    iface_tags_.push_back(fmt::format(R"("ifIndex": "{}", "ifName": "{}")", i + 1, if_name(i)));
  }
}

void SnmpTruthJson::append_meta(std::string& out, uint64_t lines) const {
  const SnmpOptions& o = options_;
  const char* precision = o.precision_ns == 1           ? "ns"
                          : o.precision_ns == 1'000     ? "us"
                          : o.precision_ns == 1'000'000 ? "ms"
                                                        : "s";
  // Keys sorted, as json.dumps(sort_keys=True); uptime and tw_mean only when set, as the
  // reference does.
  out += R"({"args": {"devices": )";
  append_integer(out, o.devices);
  out += R"(, "duration": ")" + duration_text(o.duration_ns) + R"(", "gap_prob": )";
  append_python_float(out, o.gap_prob);
  out += R"(, "ifaces": )";
  append_integer(out, o.ifaces);
  out += R"(, "interval": ")" + duration_text(o.interval_ns) + R"(", "jitter": ")" +
         duration_text(o.jitter_ns) + R"(", "precision": ")" + precision + R"(", "reset_prob": )";
  append_python_float(out, o.reset_prob);
  out += R"(, "seed": ")" + std::to_string(o.seed) + R"(", "shuffle_window": ")" +
         duration_text(o.shuffle_window_ns) + R"(", "start": ")" +
         io::format_rfc3339_nano(o.start_ns) + R"(", "truth_period": ")" +
         duration_text(o.truth_period_ns) + '"';
  if (o.tw_mean) out += R"(, "tw_mean": true)";
  out += R"(, "unsigned": )";
  append_bool(out, o.unsigned_ints);
  if (o.uptime) out += R"(, "uptime": true)";
  out += R"(, "wrap32": )";
  append_bool(out, o.wrap32);
  out += R"(, "wrap_ceiling": )";
  append_python_float(out, o.wrap_ceiling);
  out += R"(}, "fields": [)";
  for (int f = 0; f < fields(); ++f) {
    out += f > 0 ? R"(, ")" : R"(")";
    out += kFieldNames[f];
    out += '"';
  }
  out += R"(], "generator": "farad gen snmp", "interval_ns": )";
  append_integer(out, o.interval_ns);
  out += R"(, "lines": )";
  append_integer(out, lines);
  out += R"(, "period": ")" + duration_text(o.truth_period_ns) + R"(", "period_ns": )";
  append_integer(out, o.truth_period_ns);
  out += R"(, "semantics": "see src/datagen/README.md", "series": )";
  append_integer(out, uint64_t{o.devices} * o.ifaces);
  out += R"(, "start": ")" + io::format_rfc3339_nano(o.start_ns) + '"';
  if (o.tw_mean) out += R"(, "tw_mean": true)";
  out += R"(, "type": "meta")";
  if (o.uptime) {
    out += R"(, "uptime_field": "sysUpTime", "uptime_slack_ns": )";
    append_integer(out, kUptimeSlackNs);
  }
  out += R"(, "variants": [)";
  for (int v = 0; v < variants(); ++v) {
    out += v > 0 ? R"(, ")" : R"(")";
    out += kVariantNames[v];
    out += '"';
  }
  out += R"(], "widths": )";
  append_field_map(out, fields(), [&](int f) { out += f < 2 ? "64" : "32"; });
  out += R"(, "wrap_ceiling": )";
  append_python_float(out, o.wrap_ceiling);
  out += "}\n";
}

void SnmpTruthJson::append_row(std::string& out, int variant, size_t series, int64_t start_ns,
                               const FieldRollup* rollups) const {
  out += R"({"count": )";
  append_field_map(out, fields(), [&](int f) { append_integer(out, rollups[f].count); });
  out += R"(, "mean": )";
  append_field_map(out, fields(), [&](int f) {
    const FieldRollup& r = rollups[f];
    if (r.count == 0) {
      out += "null";
    } else {
      append_python_float(out, r.rate_sum / static_cast<double>(r.count));
    }
  });
  out += R"(, "measurement": "interface", "start_ns": )";
  append_integer(out, start_ns);
  out += R"(, "stop_ns": )";
  append_integer(out, start_ns + options_.truth_period_ns);
  out += R"(, "tags": {)";
  out += device_tags_[series / options_.ifaces];
  out += iface_tags_[series % options_.ifaces];
  out += R"(}, "time": ")";
  io::append_rfc3339_nano(out, start_ns);
  out += '"';
  if (options_.tw_mean) {
    // Bytes moved / seconds covered: float(sum of deltas) / (float(sum of dt in ns) / 1e9).
    out += R"(, "tw_mean": )";
    append_field_map(out, fields(), [&](int f) {
      const FieldRollup& r = rollups[f];
      if (r.count == 0) {
        out += "null";
      } else {
        append_python_float(
            out, nearest_double(r.delta_sum) / (static_cast<double>(r.elapsed_ns) / 1e9));
      }
    });
  }
  out += R"(, "type": "rollup", "variant": ")";
  out += kVariantNames[variant];
  out += "\"}\n";
}

}  // namespace farad::datagen
