#pragma once
// Kapacitor's "ingress" statistics: the points received per database, retention policy and
// measurement since the daemon started. The worker counts each point of a body while it parses
// it for the tasks: one lookup per body for the (db, rp), then one per point for the
// measurement, without allocating once the measurement has been seen.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace farad::daemon {

struct IngressCount {
  std::string database;
  std::string retention_policy;
  std::string measurement;
  uint64_t points_received = 0;
};

class IngressStats {
 public:
  /// The counters of one (database, retention policy).
  class Counters {
   public:
    void count(std::string_view measurement);

   private:
    friend class IngressStats;
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using Map = std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>>;
    Map by_measurement_;
    Map::value_type* last_ = nullptr;  // bodies usually repeat one measurement line after line
  };

  /// The counters of (db, rp), created on first use; the reference stays valid.
  Counters& counters(std::string_view database, std::string_view retention_policy);

  /// Every counter, by database, retention policy and measurement.
  std::vector<IngressCount> snapshot() const;

 private:
  std::map<std::string, std::map<std::string, Counters, std::less<>>, std::less<>> by_dbrp_;
};

}  // namespace farad::daemon
