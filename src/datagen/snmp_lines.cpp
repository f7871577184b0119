#include "datagen/snmp_lines.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string_view>

namespace farad::datagen {

namespace {

// The longest text of each variable part: a uint64 has 20 digits, an int64 timestamp 20 with
// its sign, and the fixed field keys are short.
constexpr size_t kMaxNumber = 20;
constexpr size_t kMaxFieldsText = 5 * (kMaxNumber + 16) + 2 * kMaxNumber + 8;

char* put(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

char* put_number(char* out, uint64_t value) {
  return std::to_chars(out, out + kMaxNumber, value).ptr;
}

}  // namespace

SnmpLineWriter::SnmpLineWriter(const SnmpOptions& options) : options_(options) {
  size_t longest = 0;
  for (uint32_t d = 0; d < options.devices; ++d) {
    const std::string host = agent_host(d);
    const std::string hostname = host_name(d);
    for (uint32_t i = 0; i < options.ifaces; ++i) {
      const size_t before = prefixes_.size();
      prefixes_ += "interface,agent_host=" + host + ",hostname=" + hostname +
                   ",ifIndex=" + std::to_string(i + 1) + ",ifName=" + if_name(i) + " ifHCInOctets=";
      prefix_end_.push_back(prefixes_.size());
      longest = std::max(longest, prefixes_.size() - before);
    }
  }
  max_block_bytes_ = size_t{options.ifaces} * (longest + kMaxFieldsText);
}

char* SnmpLineWriter::write_block(char* out, uint32_t device, const DevicePoll& poll) const {
  const char suffix = options_.unsigned_ints ? 'u' : 'i';
  // The timestamp and sysUpTime are the same on every line of the block: format them once.
  char stamp[kMaxNumber + 2];
  stamp[0] = ' ';
  char* stamp_end =
      std::to_chars(stamp + 1, stamp + sizeof stamp - 1, poll.written_ns / options_.precision_ns)
          .ptr;
  *stamp_end++ = '\n';
  const std::string_view stamp_text(stamp, static_cast<size_t>(stamp_end - stamp));
  char uptime[kMaxNumber + 16];
  char* uptime_end = put(uptime, ",sysUpTime=");
  uptime_end = put_number(uptime_end, poll.uptime_ticks);
  *uptime_end++ = suffix;
  const std::string_view uptime_text(uptime, static_cast<size_t>(uptime_end - uptime));

  const size_t first = size_t{device} * options_.ifaces;
  for (uint32_t i = 0; i < options_.ifaces; ++i) {
    const size_t s = first + i;
    const size_t begin = s == 0 ? 0 : prefix_end_[s - 1];
    out = put(out, std::string_view(prefixes_).substr(begin, prefix_end_[s] - begin));
    out = put_number(out, poll.in[i]);
    *out++ = suffix;
    out = put(out, ",ifHCOutOctets=");
    out = put_number(out, poll.out[i]);
    *out++ = suffix;
    if (options_.wrap32) {
      out = put(out, ",ifInOctets=");
      out = put_number(out, poll.in[i] & 0xffffffffu);
      *out++ = suffix;
      out = put(out, ",ifOutOctets=");
      out = put_number(out, poll.out[i] & 0xffffffffu);
      *out++ = suffix;
    }
    if (options_.uptime) out = put(out, uptime_text);
    out = put(out, stamp_text);
  }
  return out;
}

}  // namespace farad::datagen
