#pragma once
// Line protocol for the SNMP model: each series' fixed text (measurement, tags, first field
// key) is built once, so a line costs a few memcpy and integer conversions.

#include <cstddef>
#include <string>
#include <vector>

#include "datagen/snmp_generator.hpp"
#include "datagen/snmp_model.hpp"

namespace farad::datagen {

/// Formats device polls as line protocol, tags and fields in sorted key order as Telegraf does.
class SnmpLineWriter {
 public:
  /// `options` must be valid.
  explicit SnmpLineWriter(const SnmpOptions& options);

  /// The most bytes write_block can produce for one device poll.
  size_t max_block_bytes() const { return max_block_bytes_; }

  /// Writes the lines of `device`'s poll at `out`, which has max_block_bytes() free; returns the
  /// end of what it wrote.
  char* write_block(char* out, uint32_t device, const DevicePoll& poll) const;

 private:
  SnmpOptions options_;
  std::string prefixes_;            // every series' "interface,...,ifName=Gi0/1 ifHCInOctets="
  std::vector<size_t> prefix_end_;  // series s's prefix is [prefix_end_[s-1], prefix_end_[s])
  size_t max_block_bytes_ = 0;
};

}  // namespace farad::datagen
