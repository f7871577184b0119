// farad list tasks|templates|recordings|replays [PATTERN...]: Kapacitor's tables, column for
// column, so that scripts written against `kapacitor list` read them unchanged.
#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/api_listing.hpp"
#include "cli/api_text.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"

namespace farad::cli {
namespace {

using Items = std::vector<nlohmann::json>;

Items gather(ClientConnection& connection, const std::string& kind,
             const std::vector<std::string>& patterns) {
  Items all;
  for (const auto& pattern : patterns) {
    Items page = list_items(connection, kind, pattern);
    all.insert(all.end(), page.begin(), page.end());
  }
  return all;
}

// The widest value of `key`, at least `minimum`: Kapacitor sizes these columns to fit.
size_t widest(const Items& items, const char* key, size_t minimum) {
  size_t width = minimum;
  for (const auto& item : items) width = std::max(width, text_of(item, key).size());
  return width;
}

void sort_by_id(Items& items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return text_of(a, "id") < text_of(b, "id");
  });
}

std::string bool_text(const nlohmann::json& item, const char* key) {
  return item.value(key, false) ? "true" : "false";
}

void print_tasks(Items tasks) {
  const size_t id_width = widest(tasks, "id", 2) + 1;
  std::cout << pad_right("ID", id_width) << pad_right("Type", 10) << pad_right("Status", 10)
            << pad_right("Executing", 10) << "Databases and Retention Policies\n";
  sort_by_id(tasks);
  for (const auto& task : tasks) {
    std::cout << pad_right(text_of(task, "id"), id_width) << pad_right(text_of(task, "type"), 10)
              << pad_right(text_of(task, "status"), 10)
              << pad_right(bool_text(task, "executing"), 10)
              << dbrps_text(task.value("dbrps", nlohmann::json::array())) << '\n';
  }
}

void print_templates(Items templates) {
  const size_t id_width = widest(templates, "id", 2) + 1;
  std::cout << pad_right("ID", id_width) << pad_right("Type", 10) << pad_right("Vars", 40) << '\n';
  sort_by_id(templates);
  for (const auto& item : templates) {
    std::string names;  // a JSON object's keys come sorted, as Kapacitor sorts them
    if (item.contains("vars") && item["vars"].is_object()) {
      for (const auto& [name, var] : item["vars"].items()) {
        names += (names.empty() ? "" : ",") + name;
      }
    }
    std::cout << pad_right(text_of(item, "id"), id_width) << pad_right(text_of(item, "type"), 10)
              << pad_right(names, 40) << '\n';
  }
}

// Recordings and replays come in the server's order (newest first in Kapacitor).
void print_recordings(const Items& recordings) {
  const size_t id_width = widest(recordings, "id", 2) + 1;
  std::cout << pad_right("ID", id_width) << pad_right("Type", 8) << pad_right("Status", 10)
            << pad_right("Size", 10) << pad_right("Date", 23) << '\n';
  for (const auto& item : recordings) {
    const uint64_t size = item.contains("size") && item["size"].is_number_unsigned()
                              ? item["size"].get<uint64_t>()
                              : 0;
    std::cout << pad_right(text_of(item, "id"), id_width) << pad_right(text_of(item, "type"), 8)
              << pad_right(text_of(item, "status"), 10) << pad_right(bytes_text(size), 10)
              << pad_right(rfc822_text(text_of(item, "date"), true), 23) << '\n';
  }
}

void print_replays(const Items& replays) {
  const size_t id_width = widest(replays, "id", 2) + 1;
  const size_t task_width = widest(replays, "task", 4) + 1;
  const size_t recording_width = widest(replays, "recording", 9) + 1;
  std::cout << pad_right("ID", id_width) << pad_right("Task", task_width)
            << pad_right("Recording", recording_width) << pad_right("Status", 9)
            << pad_right("Clock", 8) << pad_right("Date", 23) << '\n';
  for (const auto& item : replays) {
    std::cout << pad_right(text_of(item, "id"), id_width)
              << pad_right(text_of(item, "task"), task_width)
              << pad_right(text_of(item, "recording"), recording_width)
              << pad_right(text_of(item, "status"), 9) << pad_right(text_of(item, "clock"), 8)
              << pad_right(rfc822_text(text_of(item, "date"), true), 23) << '\n';
  }
}

}  // namespace

int run_list(const Args& argv) {
  const Arguments args = client_arguments(argv, {}, {});
  const auto& positional = args.positional();
  if (positional.empty()) {
    throw UsageError("must specify 'tasks', 'templates', 'recordings' or 'replays'");
  }
  const std::string& kind = positional[0];
  if (kind != "tasks" && kind != "templates" && kind != "recordings" && kind != "replays") {
    throw std::runtime_error("cannot list '" + kind +
                             "' did you mean 'tasks', 'templates', 'recordings' or 'replays'?");
  }
  std::vector<std::string> patterns(positional.begin() + 1, positional.end());
  if (patterns.empty()) patterns.push_back("");
  ClientConnection connection(args);
  const Items items = gather(connection, kind, patterns);
  if (kind == "tasks") print_tasks(items);
  if (kind == "templates") print_templates(items);
  if (kind == "recordings") print_recordings(items);
  if (kind == "replays") print_replays(items);
  return 0;
}

}  // namespace farad::cli
