#pragma once
// The part of Go's text/template that alert ids and messages use in practice: text and actions
// `{{ .Name }}`, `.TaskName`, `.Group`, `.ID`, `.Level`, `.Time`, `.Duration`, `.Tags.key`,
// `.Fields.key`, `index .Tags "key"`, `index .Fields "key"`, with `{{-`/`-}}` trimming. Any
// other action is written out as it stands (farad does not run Go templates).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/point.hpp"

namespace farad::nodes {

/// What an alert template can read (Kapacitor's idInfo and messageInfo).
struct AlertTemplateData {
  std::string_view name;
  std::string_view task_name;
  std::string_view group;  ///< the group id, "nil" for the nil group
  const model::Tags* tags = nullptr;
  // messageInfo only:
  std::string_view id;
  const model::Fields* fields = nullptr;
  std::string_view level;
  int64_t time = 0;
  int64_t duration = 0;
};

class AlertTemplate {
 public:
  explicit AlertTemplate(std::string_view text);
  std::string render(const AlertTemplateData& data) const;

 private:
  struct Part {
    bool action = false;
    std::string text;  // literal text, or the action's pipeline (trimmed)
    std::string raw;   // the action as written, for unsupported ones
  };
  std::vector<Part> parts_;
};

}  // namespace farad::nodes
