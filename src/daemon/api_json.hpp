#pragma once
// The JSON shapes of Kapacitor's task and template API (client.Task, client.Template,
// CreateTaskOptions / UpdateTaskOptions) and the list parameters both share.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/daemon.hpp"
#include "server/http_types.hpp"

namespace farad::daemon {

/// A task as Kapacitor's GET /tasks/<id> shows it; `raw_script` false formats the script.
nlohmann::json task_json(const TaskView& view, bool raw_script);
/// A template as Kapacitor's GET /templates/<id> shows it.
nlohmann::json template_json(const TemplateView& view, bool raw_script);

/// Parses a POST or PATCH body. Throws std::runtime_error with the message to answer.
TaskOptions parse_task_options(std::string_view body);

/// The `script-format` parameter: true for "raw", false for "formatted" or none; nullopt when
/// it is something else.
std::optional<bool> raw_script_param(const server::Request& request);

/// `pattern` (a glob), `offset` and `limit` (default 100) of a list; `fields` keeps only the
/// members named (plus id and link). Throws std::runtime_error with the message to answer.
struct ListParams {
  std::string pattern;
  size_t offset = 0;
  size_t limit = 100;
  std::vector<std::string> fields;  ///< empty: every member
  bool matches(const std::string& id) const;
  nlohmann::json select(const nlohmann::json& entry) const;
};
ListParams list_params(const server::Request& request);

/// `body` compact with Content-Type application/json.
server::Response json_answer(unsigned status, const nlohmann::json& body);

/// 405 with the Allow header.
server::Response method_not_allowed(std::string allow);

}  // namespace farad::daemon
