#pragma once
// The traffic model behind generate_snmp: per-interface base rates, a per-device daily cycle,
// per-interval noise, reboots, missed polls and jittered poll instants.
//
// Every interface has a rate that is constant within each nominal interval
// [T_k, T_k + interval). The counter C_k at T_k advances by floor(rate * interval) per interval,
// and a poll at t_k = T_k + jitter reads C_k + floor(rate * jitter). Counters therefore never
// decrease except at a reboot, which restarts them from 0 at an instant R between the previous
// poll and T_k, so the poll reads only the bytes moved since R.

#include <cstdint>
#include <string>
#include <vector>

#include "datagen/deterministic.hpp"
#include "datagen/snmp_generator.hpp"

namespace farad::datagen {

/// No interface moves more than this many bytes per second: 2^32 bytes take 214 s, so at
/// polling intervals up to 3.5 minutes a 32-bit counter wraps at most once between two polls,
/// and a wrap's apparent rate 2^32/interval stays above the real rate while the real rate stays
/// far below the usual 1 Gbit/s (1.25e8 B/s) wrap ceiling.
inline constexpr double kMaxRate = 2e7;

/// One device's poll, as the model produced it.
struct DevicePoll {
  int64_t time_ns = 0;            ///< the real poll instant
  int64_t written_ns = 0;         ///< time_ns rounded down to the precision
  int64_t delivery_ns = 0;        ///< when the lines arrive (shuffle_window_ns > 0)
  bool missed = false;            ///< no lines for this poll
  bool rebooted = false;          ///< the device rebooted since its previous poll
  uint32_t uptime_ticks = 0;      ///< sysUpTime at time_ns
  const uint64_t* in = nullptr;   ///< ifHCInOctets of each interface
  const uint64_t* out = nullptr;  ///< ifHCOutOctets of each interface
};

/// The state of every counter; advances one device poll at a time.
class SnmpModel {
 public:
  /// `options` must be valid.
  explicit SnmpModel(const SnmpOptions& options);

  /// Advances device `device` to poll `k` and describes the poll. Each device must see
  /// k = 0, 1, 2, ... in order; the arrays in `poll` stay valid until the next call.
  void poll(uint64_t k, uint32_t device, DevicePoll& poll);

  /// Whether device `device`'s poll `k` is missing (gap_prob); the same answer poll() gives,
  /// without advancing anything.
  bool missed(uint64_t k, uint32_t device) const;

 private:
  struct Device {
    double peak_s = 0;     // second of the UTC day with the most traffic
    double amplitude = 0;  // of the daily cycle
    int64_t boot_ns = 0;   // last (re)boot
  };

  double daily_shape(const Device& device, int64_t nominal_ns) const;

  SnmpOptions options_;
  RandomStream noise_, reboot_, gap_, jitter_, shuffle_;
  std::vector<Device> devices_;
  // Per series (device-major): base rates, the rate of the current interval, the counter at
  // the current nominal poll time. Flat arrays so one device's interfaces are contiguous.
  std::vector<double> base_in_, base_out_, rate_in_, rate_out_;
  std::vector<uint64_t> counter_in_, counter_out_;
  std::vector<uint64_t> read_in_, read_out_;  // the values of the latest poll
};

/// agent_host of a device: 10.0.0.1 for device 0, counting up and skipping .0 and .255.
std::string agent_host(uint32_t device);

/// hostname of a device: r0001 for device 0.
std::string host_name(uint32_t device);

/// ifName of an interface: Gi0/1 .. Gi0/48, Gi1/1, ...
std::string if_name(uint32_t iface);

}  // namespace farad::datagen
