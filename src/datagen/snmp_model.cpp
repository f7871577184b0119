#include "datagen/snmp_model.hpp"

#include <algorithm>

namespace farad::datagen {

namespace {

// Stream ids: each purpose draws from its own stream, so one option never shifts another's draws
// (e.g. --uptime adds sysUpTime and leaves every other byte the same).
enum : uint64_t { kStatic = 1, kNoise, kReboot, kGap, kJitter, kShuffle, kUptime };
constexpr uint64_t kDeviceKey = ~uint64_t{0};  // static draws of a device, not an interface

constexpr double kIdleShare = 0.1;       // interfaces that never carry traffic
constexpr double kNoiseAmplitude = 0.2;  // +-20% per interval
constexpr double kPi = 3.14159265358979323846;
constexpr double kLn10 = 2.30258509299404568402;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// floor(u * span) for u in [0, 1), kept below span when the product rounds up to it.
int64_t scaled(double u, int64_t span) {
  if (span <= 0) return 0;
  return std::min(static_cast<int64_t>(u * static_cast<double>(span)), span - 1);
}

// Log-uniform in [1e3, 1e7) bytes/s: 10^(3 + 4u), the decade by integer part.
double log_uniform_rate(double u) {
  const double x = 4 * u;
  const int decade = std::min(static_cast<int>(x), 3);
  double rate = 1e3;
  for (int i = 0; i < decade; ++i) rate *= 10;
  return rate * det_exp((x - decade) * kLn10);
}

uint64_t bytes(double rate, double seconds) {
  return static_cast<uint64_t>(rate * seconds);
}

}  // namespace

SnmpModel::SnmpModel(const SnmpOptions& options)
    : options_(options),
      noise_(options.seed, kNoise),
      reboot_(options.seed, kReboot),
      gap_(options.seed, kGap),
      jitter_(options.seed, kJitter),
      shuffle_(options.seed, kShuffle) {
  const RandomStream fixed(options.seed, kStatic), uptime(options.seed, kUptime);
  const size_t series = size_t{options.devices} * options.ifaces;
  devices_.resize(options.devices);
  for (auto* v : {&base_in_, &base_out_, &rate_in_, &rate_out_}) v->assign(series, 0.0);
  for (auto* v : {&counter_in_, &counter_out_, &read_in_, &read_out_}) v->assign(series, 0);
  for (uint32_t d = 0; d < options.devices; ++d) {
    Device& dev = devices_[d];
    dev.peak_s = 36'000 + 43'200 * fixed.uniform(d, kDeviceKey, 0);  // 10:00 .. 22:00 UTC
    dev.amplitude = 0.3 + 0.4 * fixed.uniform(d, kDeviceKey, 1);
    // Up 1 to 400 days at the start (TimeTicks wrap after 497 days, so some will in long runs).
    dev.boot_ns = options.start_ns - kDayNs - scaled(uptime.uniform(d), 399 * kDayNs);
    for (uint32_t i = 0; i < options.ifaces; ++i) {
      const size_t s = size_t{d} * options.ifaces + i;
      if (fixed.uniform(d, i, 0) < kIdleShare) continue;  // idle: counters stay 0
      base_in_[s] = log_uniform_rate(fixed.uniform(d, i, 1));
      base_out_[s] = log_uniform_rate(fixed.uniform(d, i, 2));
      // Devices have been counting for a while: start anywhere below 2^42 (4 TB). Counters stay
      // below 2^53 for years, so float64(v2) - float64(v1) is the exact delta, as in Kapacitor.
      counter_in_[s] = fixed.bits(d, i, 3) >> 22;
      counter_out_[s] = fixed.bits(d, i, 4) >> 22;
    }
  }
}

double SnmpModel::daily_shape(const Device& device, int64_t nominal_ns) const {
  const int64_t day_ns = nominal_ns - floor_div(nominal_ns, kDayNs) * kDayNs;
  double f = (static_cast<double>(day_ns) / 1e9 - device.peak_s) / 86'400.0;
  if (f < 0) f += 1;
  const double distance = f > 0.5 ? 1 - f : f;  // in days from the peak, 0 .. 0.5
  return 1 + device.amplitude * det_cos(2 * kPi * distance);
}

void SnmpModel::poll(uint64_t k, uint32_t device, DevicePoll& poll) {
  const SnmpOptions& o = options_;
  Device& dev = devices_[device];
  const size_t first = size_t{device} * o.ifaces, last = first + o.ifaces;
  const int64_t nominal = o.start_ns + static_cast<int64_t>(k) * o.interval_ns;

  // Move the counters from the previous nominal time to this one with the previous rates.
  poll.rebooted = false;
  if (k > 0) {
    if (o.reset_prob > 0 && reboot_.uniform(k, device, 0) < o.reset_prob) {
      // After the previous poll's latest possible instant and before this poll.
      const int64_t earliest = nominal - o.interval_ns + o.jitter_ns;
      const int64_t reboot_ns =
          earliest + scaled(reboot_.uniform(k, device, 1), nominal - earliest);
      const double since_s = static_cast<double>(nominal - reboot_ns) / 1e9;
      for (size_t s = first; s < last; ++s) {
        counter_in_[s] = bytes(rate_in_[s], since_s);
        counter_out_[s] = bytes(rate_out_[s], since_s);
      }
      dev.boot_ns = reboot_ns;
      poll.rebooted = true;
    } else {
      const double step_s = static_cast<double>(o.interval_ns) / 1e9;
      for (size_t s = first; s < last; ++s) {
        counter_in_[s] += bytes(rate_in_[s], step_s);
        counter_out_[s] += bytes(rate_out_[s], step_s);
      }
    }
  }

  const int64_t jitter = o.jitter_ns > 0 ? scaled(jitter_.uniform(k, device), o.jitter_ns) : 0;
  const double jitter_s = static_cast<double>(jitter) / 1e9;
  const double shape = daily_shape(dev, nominal);
  for (size_t s = first; s < last; ++s) {
    const double n_in = 1 + kNoiseAmplitude * (2 * noise_.uniform(k, s, 0) - 1);
    const double n_out = 1 + kNoiseAmplitude * (2 * noise_.uniform(k, s, 1) - 1);
    rate_in_[s] = std::min(base_in_[s] * shape * n_in, kMaxRate);
    rate_out_[s] = std::min(base_out_[s] * shape * n_out, kMaxRate);
    read_in_[s] = counter_in_[s] + bytes(rate_in_[s], jitter_s);
    read_out_[s] = counter_out_[s] + bytes(rate_out_[s], jitter_s);
  }

  poll.time_ns = nominal + jitter;
  poll.written_ns = floor_div(poll.time_ns, o.precision_ns) * o.precision_ns;
  poll.delivery_ns =
      poll.time_ns +
      (o.shuffle_window_ns > 0 ? scaled(shuffle_.uniform(k, device), o.shuffle_window_ns) : 0);
  poll.missed = missed(k, device);
  poll.uptime_ticks = static_cast<uint32_t>(static_cast<uint64_t>(
      floor_div(poll.time_ns - dev.boot_ns, 10'000'000)));  // mod 2^32, as TimeTicks wraps
  poll.in = read_in_.data() + first;
  poll.out = read_out_.data() + first;
}

bool SnmpModel::missed(uint64_t k, uint32_t device) const {
  return options_.gap_prob > 0 && gap_.uniform(k, device) < options_.gap_prob;
}

std::string agent_host(uint32_t device) {
  const uint32_t subnet = device / 254, host = device % 254 + 1;
  return "10." + std::to_string(subnet >> 8) + "." + std::to_string(subnet & 255) + "." +
         std::to_string(host);
}

std::string host_name(uint32_t device) {
  std::string digits = std::to_string(device + 1);
  return "r" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

std::string if_name(uint32_t iface) {
  return "Gi" + std::to_string(iface / 48) + "/" + std::to_string(iface % 48 + 1);
}

}  // namespace farad::datagen
