// farad stats general|ingress: the server's /debug/vars as Kapacitor's CLI prints it; farad
// version: this program's version.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <tuple>

#include "cli/api_listing.hpp"
#include "cli/api_text.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"

#ifndef FARAD_VERSION
#define FARAD_VERSION "unknown"
#endif

namespace farad::cli {
namespace {

struct IngressRow {
  std::string database, retention_policy, measurement;
  int64_t points_received = 0;
};

void print_general(const nlohmann::json& vars) {
  auto line = [](const char* label, const std::string& value) {
    std::cout << pad_right(label, 30) << pad_right(value, 30) << '\n';
  };
  auto number = [&](const char* key) {
    return vars.contains(key) && vars[key].is_number() ? scalar_text(vars[key]) : "0";
  };
  line("ClusterID:", text_of(vars, "cluster_id"));
  line("ServerID:", text_of(vars, "server_id"));
  line("Host:", text_of(vars, "host"));
  line("Tasks:", number("num_tasks"));
  line("Enabled Tasks:", number("num_enabled_tasks"));
  line("Subscriptions:", number("num_subscriptions"));
  line("Platform:", text_of(vars, "platform"));
  line("Version:", text_of(vars, "version"));
}

void print_ingress(const nlohmann::json& vars) {
  std::vector<IngressRow> rows;
  if (vars.contains("kapacitor") && vars["kapacitor"].is_object()) {
    for (const auto& [key, stat] : vars["kapacitor"].items()) {
      if (text_of(stat, "name") != "ingress" || !stat.contains("tags")) continue;
      const nlohmann::json& tags = stat["tags"];
      if (text_of(tags, "task_master") != "main") continue;
      IngressRow row{text_of(tags, "database"), text_of(tags, "retention_policy"),
                     text_of(tags, "measurement"), 0};
      if (stat.contains("values") && stat["values"].contains("points_received") &&
          stat["values"]["points_received"].is_number()) {
        row.points_received = static_cast<int64_t>(stat["values"]["points_received"].get<double>());
      }
      rows.push_back(std::move(row));
    }
  }
  size_t db_width = 8, rp_width = 16, measurement_width = 11;  // the headers' lengths
  for (const auto& row : rows) {
    db_width = std::max(db_width, row.database.size());
    rp_width = std::max(rp_width, row.retention_policy.size());
    measurement_width = std::max(measurement_width, row.measurement.size());
  }
  ++db_width, ++rp_width, ++measurement_width;
  std::cout << pad_right("Database", db_width) << pad_right("Retention Policy", rp_width)
            << pad_right("Measurement", measurement_width) << "Points Received\n";
  std::sort(rows.begin(), rows.end(), [](const IngressRow& a, const IngressRow& b) {
    return std::tie(a.database, a.retention_policy, a.measurement) <
           std::tie(b.database, b.retention_policy, b.measurement);
  });
  for (const auto& row : rows) {
    const std::string count = std::to_string(row.points_received);
    std::cout << pad_right(row.database, db_width) << pad_right(row.retention_policy, rp_width)
              << pad_right(row.measurement, measurement_width)
              << std::string(count.size() < 15 ? 15 - count.size() : 0, ' ') << count << '\n';
  }
}

}  // namespace

int run_stats(const Args& argv) {
  const Arguments args = client_arguments(argv, {}, {});
  if (args.positional().size() != 1) throw UsageError("must provide a stats category");
  const std::string& category = args.positional()[0];
  if (category != "general" && category != "ingress") {
    throw UsageError("unknown stats category '" + category + "', expected general or ingress");
  }
  ClientConnection connection(args);
  const nlohmann::json vars = connection.get("/kapacitor/v1/debug/vars");
  if (category == "general") print_general(vars);
  if (category == "ingress") print_ingress(vars);
  return 0;
}

int run_version(const Args& argv) {
  const Arguments args(argv, {}, {});
  if (!args.positional().empty()) throw UsageError("version takes no arguments");
  std::cout << "farad " << FARAD_VERSION << '\n';
  return 0;
}

}  // namespace farad::cli
