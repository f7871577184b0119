#include "daemon/ingress_stats.hpp"

#include <algorithm>
#include <cstddef>

namespace farad::daemon {

void IngressStats::Counters::count(std::string_view measurement) {
  if (last_ == nullptr || last_->first != measurement) {
    auto it = by_measurement_.find(measurement);
    if (it == by_measurement_.end()) it = by_measurement_.emplace(measurement, 0).first;
    last_ = &*it;  // elements of an unordered_map keep their address across rehashing
  }
  ++last_->second;
}

IngressStats::Counters& IngressStats::counters(std::string_view database,
                                               std::string_view retention_policy) {
  auto db = by_dbrp_.find(database);
  if (db == by_dbrp_.end())
    db = by_dbrp_.emplace(std::string(database), decltype(db->second){}).first;
  auto rp = db->second.find(retention_policy);
  if (rp == db->second.end())
    rp = db->second.emplace(std::string(retention_policy), Counters{}).first;
  return rp->second;
}

std::vector<IngressCount> IngressStats::snapshot() const {
  std::vector<IngressCount> rows;
  for (const auto& [database, by_rp] : by_dbrp_) {
    for (const auto& [retention_policy, counters] : by_rp) {
      const size_t first = rows.size();
      for (const auto& [measurement, points] : counters.by_measurement_) {
        rows.push_back({database, retention_policy, measurement, points});
      }
      std::sort(rows.begin() + static_cast<std::ptrdiff_t>(first), rows.end(),
                [](const IngressCount& a, const IngressCount& b) {
                  return a.measurement < b.measurement;
                });
    }
  }
  return rows;
}

}  // namespace farad::daemon
