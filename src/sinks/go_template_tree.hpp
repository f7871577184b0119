#pragma once
// The parse tree of a Go text/template (go_template.hpp), shared by the parser and the
// executor. Positions are byte offsets into the template's text.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sinks/go_template.hpp"

namespace farad::sinks::go_template {

struct Pipeline;

/// One word of a command: `.A.B`, `$x.A`, `(pipe).A`, `.`, a function name or a constant.
struct Operand {
  enum class Kind { Dot, Field, Variable, Function, Pipe, Constant, Nil };
  Kind kind = Kind::Dot;
  size_t pos = 0;
  std::string text;                 ///< as written, for error messages
  std::string name;                 ///< Variable ("$x", "$") or Function name
  std::vector<std::string> fields;  ///< the field chain after the base (all of it for Field)
  GoValue constant;
  std::shared_ptr<const Pipeline> pipe;  ///< Pipe
};

struct Command {
  size_t pos = 0;
  std::string text;
  std::vector<Operand> operands;
};

struct Pipeline {
  size_t pos = 0;
  std::string text;
  std::vector<std::string> variables;  ///< declared or assigned; empty for none
  bool declare = false;                ///< `:=` (else `=`)
  std::vector<Command> commands;
};

struct Node {
  enum class Kind { Text, Action, If, Range, With, Break, Continue };
  Kind kind = Kind::Text;
  size_t pos = 0;
  std::string text;  ///< Text
  Pipeline pipe;     ///< Action, If, Range, With
  std::vector<Node> body;
  std::vector<Node> else_body;
};

struct Tree {
  std::string name;
  std::string source;
  std::vector<Node> root;
  GoFunctions functions;  ///< the caller's; builtins are looked up separately
  bool has_actions = false;

  /// "NAME:LINE:COL" of a position, as Go's ErrorContext writes it.
  std::string location(size_t pos) const;
};

/// Parses `source` into `tree` (name and functions already set); throws GoTemplateError.
void parse(Tree& tree);

/// A builtin's argument of the wrong type: reported at that argument, as Go does.
struct BadArgument : std::invalid_argument {
  BadArgument(size_t argument, const std::string& message)
      : std::invalid_argument(message), index(argument) {}
  size_t index;
};

/// Runs `tree` with `data` as dot, appending to `out`; throws GoTemplateError.
void execute(const Tree& tree, const GoValue& data, std::string& out);

/// The builtin of that name, or null. `and` and `or` are listed but evaluated by the executor.
/// Builtins throw std::invalid_argument for a wrong call (its text is the message) and
/// std::runtime_error for a failure ("error calling NAME: " and its text).
const GoFunction* find_builtin(std::string_view name);

/// fmt.Sprintf with Go's verbs (printf's implementation).
std::string go_sprintf(std::string_view format, const std::vector<GoValue>& args, size_t first);

}  // namespace farad::sinks::go_template
