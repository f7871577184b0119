#pragma once
// A deterministic generator of SNMP interface counters as Telegraf's `inputs.snmp` writes the
// IF-MIB interface table, and the exact rollup a Kapacitor-style task should compute from them
// (the "truth"). Everything streams: memory is O(devices x interfaces), whatever the duration.
//
// Data: measurement `interface`, tags agent_host (10.0.x.y), hostname (r0001), ifIndex (1..M),
// ifName (Gi<slot>/<port>, 48 ports a slot), fields ifHCInOctets and ifHCOutOctets (Counter64),
// with wrap32 also ifInOctets and ifOutOctets (their low 32 bits), with uptime also sysUpTime
// (TimeTicks, 1/100 s since the device booted, modulo 2^32). The truth is the rollup of the
// reference generator snmpgen.py, in its format. See src/datagen/README.md.

#include <cstdint>
#include <string_view>

#include "datagen/byte_sink.hpp"

namespace farad::datagen {

inline constexpr int64_t kSecondNs = 1'000'000'000;
inline constexpr int64_t kDayNs = 86'400 * kSecondNs;

/// What to generate. Times are nanoseconds since the Unix epoch.
struct SnmpOptions {
  uint32_t devices = 10;                         ///< SNMP agents
  uint32_t ifaces = 8;                           ///< interfaces per agent, one series each
  int64_t interval_ns = 60 * kSecondNs;          ///< poll period
  int64_t start_ns = 1'491'868'800 * kSecondNs;  ///< first poll, 2017-04-11T00:00:00Z
  int64_t duration_ns = kDayNs;                  ///< polls at start + k*interval < start + this
  uint64_t seed = 1;                             ///< same seed, same bytes
  int64_t precision_ns = 1;                      ///< timestamp unit: 1, 1e3, 1e6 or 1e9
  bool wrap32 = false;                           ///< add 32-bit ifInOctets/ifOutOctets
  bool unsigned_ints = false;                    ///< write `123u` instead of `123i`
  bool uptime = false;                           ///< add sysUpTime
  double reset_prob = 0;                         ///< per device and poll: reboot before it
  double gap_prob = 0;                           ///< per device and poll: poll missing
  int64_t jitter_ns = 0;                         ///< poll instant = nominal + U[0, jitter)
  int64_t shuffle_window_ns = 0;                 ///< delivery delay U[0, window) per poll
  int64_t truth_period_ns = kDayNs;              ///< rollup window of the truth
  double wrap_ceiling = 1.25e8;                  ///< B/s: a faster "wrap" is a restart (truth)
  bool tw_mean = false;                          ///< add the time-weighted mean to the truth
};

/// Throws std::invalid_argument naming the offending option when `options` cannot be generated.
void validate(const SnmpOptions& options);

/// Number of polls per device: k = 0, 1, ... while k * interval < duration.
uint64_t poll_count(const SnmpOptions& options);

/// What one run produced.
struct SnmpStats {
  uint64_t lines = 0;         ///< line protocol lines written
  uint64_t missed_polls = 0;  ///< device polls left out (gap_prob)
  uint64_t reboots = 0;       ///< device reboots (reset_prob)
  uint64_t truth_rows = 0;    ///< rows written to the truth
};

/// Writes the line protocol to `lines` and the truth to `truth`; either may be null. Lines are
/// ordered by poll, devices ascending, interfaces ascending within a device poll, unless
/// shuffle_window_ns > 0. Neither sink is closed.
SnmpStats generate_snmp(const SnmpOptions& options, ByteSink* lines, ByteSink* truth);

/// A seed from text: a decimal integer is taken as is, anything else is hashed (FNV-1a 64), so
/// that `--seed demo` works too.
uint64_t parse_seed(std::string_view text);

}  // namespace farad::datagen
