// farad show TASK / show-template TEMPLATE: Kapacitor's layout, line for line (ID:, Error:,
// ..., TICKscript:, Vars:, DOT:), with the DOT of an executing task carrying its statistics.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/api_listing.hpp"
#include "cli/api_text.hpp"
#include "cli/client_connection.hpp"
#include "cli/commands.hpp"
#include "cli/stats_dot.hpp"

namespace farad::cli {
namespace {

std::string time_line(const nlohmann::json& item, const char* key) {
  // Go prints an absent time as its zero time.
  const std::string text = text_of(item, key);
  return rfc822_text(text.empty() ? std::string("0001-01-01T00:00:00Z") : text, false);
}

const nlohmann::json& vars_of(const nlohmann::json& item) {
  static const nlohmann::json kNone = nlohmann::json::object();
  return item.contains("vars") && item["vars"].is_object() ? item["vars"] : kNone;
}

std::string single_id(const Arguments& args, const char* what) {
  if (args.positional().size() != 1) throw UsageError(std::string("must specify one ") + what);
  return args.positional()[0];
}

}  // namespace

int run_show(const Args& argv) {
  const Arguments args = client_arguments(argv, {}, {});
  const std::string id = single_id(args, "task ID");
  ClientConnection connection(args);
  const nlohmann::json task = connection.get(item_path("tasks", id));
  std::cout << "ID: " << text_of(task, "id") << '\n'
            << "Error: " << text_of(task, "error") << '\n'
            << "Template: " << text_of(task, "template-id") << '\n'
            << "Type: " << text_of(task, "type") << '\n'
            << "Status: " << text_of(task, "status") << '\n'
            << "Executing: " << (task.value("executing", false) ? "true" : "false") << '\n'
            << "Created: " << time_line(task, "created") << '\n'
            << "Modified: " << time_line(task, "modified") << '\n'
            << "LastEnabled: " << time_line(task, "last-enabled") << '\n'
            << "Databases Retention Policies: "
            << dbrps_text(task.value("dbrps", nlohmann::json::array())) << '\n'
            << "TICKscript:\n"
            << text_of(task, "script") << '\n';
  const nlohmann::json& vars = vars_of(task);
  if (!vars.empty()) {
    std::cout << "Vars:\n"
              << pad_right("Name", 30) << pad_right("Type", 10) << pad_right("Value", 40) << '\n';
    for (const auto& [name, var] : vars.items()) {  // sorted by name, as Kapacitor sorts them
      std::cout << pad_right(name, 30) << pad_right(text_of(var, "type"), 10)
                << pad_right(var_value_text(var), 40) << '\n';
    }
  }
  std::cout << "DOT:\n" << dot_with_stats(task) << '\n';
  return 0;
}

int run_show_template(const Args& argv) {
  const Arguments args = client_arguments(argv, {}, {});
  const std::string id = single_id(args, "template ID");
  ClientConnection connection(args);
  const nlohmann::json item = connection.get(item_path("templates", id));
  std::cout << "ID: " << text_of(item, "id") << '\n'
            << "Error: " << text_of(item, "error") << '\n'
            << "Type: " << text_of(item, "type") << '\n'
            << "Created: " << time_line(item, "created") << '\n'
            << "Modified: " << time_line(item, "modified") << '\n'
            << "TICKscript:\n"
            << text_of(item, "script") << '\n'
            << "Vars:\n"
            << pad_right("Name", 30) << pad_right("Type", 10) << pad_right("Default Value", 40)
            << pad_right("Description", 40) << '\n';
  for (const auto& [name, var] : vars_of(item).items()) {
    const bool required = !var.contains("value") || var["value"].is_null();
    std::cout << pad_right(name, 30) << pad_right(text_of(var, "type"), 10)
              << pad_right(required ? std::string("<required>") : var_value_text(var), 40)
              << pad_right(text_of(var, "description"), 40) << '\n';
  }
  std::cout << "DOT:\n" << text_of(item, "dot") << '\n';
  return 0;
}

}  // namespace farad::cli
