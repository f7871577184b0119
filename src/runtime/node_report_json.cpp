#include "runtime/node_report_json.hpp"

#include <nlohmann/json.hpp>

namespace farad::runtime {

std::string node_reports_json(const std::vector<NodeReport>& reports, bool exec_time) {
  std::string out;
  for (const NodeReport& report : reports) {
    // ordered_json: the keys stay in the documented order instead of being sorted.
    nlohmann::ordered_json line = {
        {"name", report.name},
        {"processed", report.stats.processed},
        {"emitted", report.stats.emitted},
        {"errors", report.stats.errors},
        {"working_cardinality", report.working_cardinality},
    };
    if (exec_time) line["avg_exec_time_ns"] = report.avg_exec_time_ns;
    for (const auto& [name, value] : report.stats.counters) line[name] = value;
    out += line.dump();
    out += '\n';
  }
  return out;
}

}  // namespace farad::runtime
