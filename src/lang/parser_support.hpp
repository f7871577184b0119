#pragma once
// The parts of the parser that do not need PEGTL: the node stack its actions build on, literal
// conversion, syntax error messages and comment attachment. Used only by parser.cpp.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.hpp"
#include "lang/diagnostic.hpp"
#include "lang/source.hpp"

namespace farad::lang::parser_support {

/// How much the builder held when a grammar rule started (restored if the rule fails), and
/// where in the input the rule started (where a failed must point is reported).
struct Mark {
  std::size_t nodes = 0;
  std::size_t comments = 0;
  uint32_t offset = 0;
};

/// The state the grammar actions work on: a stack of finished nodes, the comments met so far,
/// and one mark per grammar rule being matched.
struct Builder {
  explicit Builder(const Source& source_in) : source(source_in) {}

  const Source& source;
  std::vector<NodePtr> nodes;
  std::vector<Span> comments;
  std::vector<Mark> marks;

  uint32_t offset(const char* position) const {
    return static_cast<uint32_t>(position - source.text().data());
  }

  Node* push(NodeKind kind, Span span);
  NodePtr pop();
  /// The nodes pushed since the innermost rule started, removed from the stack.
  std::vector<NodePtr> take_since_mark();
  /// Replaces `operand (operator operand)*` pushed since the innermost rule started by one tree,
  /// by precedence, left associative.
  void fold_binary();
  /// A function from {name identifier, argument pack}.
  NodePtr make_function(FuncType type, std::vector<NodePtr> parts) const;
  /// Converts the number or duration literal at `span` and pushes it; throws DiagnosticError
  /// for what Kapacitor rejects and for an identifier glued to the literal.
  void push_number(Span span);
  void push_duration(Span span);

  [[noreturn]] void fail(uint32_t at, std::string message, std::string hint = {}) const;
};

/// The text between the delimiters of a quoted token, with `\<quote>` turned into `<quote>`
/// (the only escape TICKscript has).
std::string unescape(std::string_view token, char quote);

/// The diagnostic for a PEGTL parse error: messages of the form "expected ..." are completed with
/// the token found at (or after) `offset`, which the diagnostic then points at.
Diagnostic syntax_error(const Source& source, uint32_t offset, std::string_view message);

/// Gives every comment to the node it precedes (see ast.hpp) and returns the comment lines that
/// precede no node (the end of the input).
std::vector<std::string> attach_comments(const Source& source, const std::vector<Span>& comments,
                                         std::vector<NodePtr>& roots);

}  // namespace farad::lang::parser_support
