#pragma once
// Go's text/template, the part Kapacitor users write in [[httppost]] row templates and URLs:
// text; actions `{{.Field}}`, `{{.A.B}}`, map keys as fields (`{{.Tags.host}}`); `{{- -}}`
// trimming; comments; variables (`$`, `$x := ...`, `$x = ...`); pipelines with `|`; `if`,
// `else if`, `range` (slices, maps, integers; `$i, $v :=`; `break`, `continue`), `with`; the
// builtins and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge, html,
// urlquery; and the functions the caller registers (Kapacitor's json). Not supported:
// define, template, block, call, slice, js. Values print as Go's fmt does. Errors read as Go's,
// `template: body:LINE:COL: ...` with the column in bytes from 0 as Go counts it; parse errors
// carry the column too, where Go gives the line only.

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sinks/go_value.hpp"

namespace farad::sinks {

namespace go_template {
struct Tree;
}

/// A parse or execution error, its text as Go's.
class GoTemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A function a template may call; throws std::runtime_error to fail the call ("error calling
/// NAME: ..." in the message).
using GoFunction = std::function<GoValue(const std::vector<GoValue>& args)>;
using GoFunctions = std::map<std::string, GoFunction, std::less<>>;

class GoTemplate {
 public:
  /// Parses `text`; throws GoTemplateError. `name` is the template's name in messages.
  explicit GoTemplate(std::string_view text, GoFunctions functions = {}, std::string name = "body");
  ~GoTemplate();
  GoTemplate(GoTemplate&&) noexcept;
  GoTemplate& operator=(GoTemplate&&) noexcept;

  /// Runs the template with `data` as dot; throws GoTemplateError.
  std::string execute(const GoValue& data) const;

  /// False when the text has no actions: it executes to itself.
  bool has_actions() const;

 private:
  std::unique_ptr<const go_template::Tree> tree_;
};

/// Kapacitor's template functions: `json` (encoding/json's Encoder: compact, HTML-escaped,
/// newline-terminated; empty for a value it cannot encode) and `jsonCompact` (the same
/// without the newline).
GoFunctions kapacitor_json_functions();

}  // namespace farad::sinks
