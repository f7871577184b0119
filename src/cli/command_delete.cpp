// farad delete tasks|templates|recordings|replays PATTERN...: delete every item whose id
// matches, as Kapacitor's CLI does (the server stops an enabled task before deleting it).
#include <nlohmann/json.hpp>

#include "cli/api_listing.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"

namespace farad::cli {

int run_delete(const Args& argv) {
  const Arguments args = client_arguments(argv, {}, {});
  const auto& positional = args.positional();
  if (positional.size() < 2) throw UsageError("must pass a kind and at least one ID");
  const std::string& kind = positional[0];
  if (kind != "tasks" && kind != "templates" && kind != "recordings" && kind != "replays") {
    throw std::runtime_error("cannot delete '" + kind +
                             "' did you mean 'tasks', 'templates', 'recordings' or 'replays'?");
  }
  ClientConnection connection(args);
  for (size_t i = 1; i < positional.size(); ++i) {
    for (const auto& item : list_items(connection, kind, positional[i])) {
      connection.remove(item_link(kind, item));
    }
  }
  return 0;
}

}  // namespace farad::cli
