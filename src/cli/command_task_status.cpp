// farad enable / disable / reload: set the status of every task whose id matches one of the
// patterns, as Kapacitor's CLI does (a pattern that matches nothing is not an error).
#include <nlohmann/json.hpp>

#include "cli/api_listing.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"

namespace farad::cli {
namespace {

void set_status(ClientConnection& connection, const std::vector<std::string>& patterns,
                bool enabled) {
  for (const auto& pattern : patterns) {
    for (const auto& task : list_items(connection, "tasks", pattern)) {
      try {
        connection.patch(item_link("tasks", task), {{"status", enabled ? "enabled" : "disabled"}});
      } catch (const std::exception& e) {
        throw std::runtime_error(std::string(enabled ? "enabling" : "disabling") + " task " +
                                 text_of(task, "id") + ": " + e.what());
      }
    }
  }
}

int change_status(const Args& argv, bool disable, bool enable) {
  const Arguments args = client_arguments(argv, {}, {});
  if (args.positional().empty()) throw UsageError("must pass at least one task ID");
  ClientConnection connection(args);
  if (disable) set_status(connection, args.positional(), false);
  if (enable) set_status(connection, args.positional(), true);
  return 0;
}

}  // namespace

int run_enable(const Args& argv) {
  return change_status(argv, false, true);
}
int run_disable(const Args& argv) {
  return change_status(argv, true, false);
}
int run_reload(const Args& argv) {
  return change_status(argv, true, true);
}

}  // namespace farad::cli
