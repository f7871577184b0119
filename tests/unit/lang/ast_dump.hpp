#pragma once
// A one-line dump of parsed TICKscript for table tests, and helpers that parse or return the
// first error as "LINE:COL message".
//
//   literals      8  1.5f  10s  'str'  '''raw'''  "ref"  /regex/  TRUE  *  name
//   expressions   (- x)  (+ a b)  p(...) when parenthesised, (+ml a b) when multi-line
//   calls         f(a, b)  |f()  .f()  @f()    chains (left |f())  (left .name)
//   statements    var x = ...   var x int   dbrp "db"."rp"   joined by "; "
//   comments      {line|line}node, a blank line between blocks as ~; trailing ones last

#include <cstdio>
#include <string>

#include "lang/ast.hpp"
#include "lang/diagnostic.hpp"
#include "lang/parser.hpp"

namespace farad::lang::test {

inline std::string dump_number(const Node& node) {
  if (!node.is_float) return std::to_string(node.int_value);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%gf", node.float_value);
  return buffer;
}

inline std::string dump_comment(const std::vector<std::string>& lines) {
  if (lines.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '|';
    out += lines[i] == "\n" ? "~" : lines[i];
  }
  return out + "}";
}

inline std::string dump(const Node& node);

inline std::string dump_children(const Node& node, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < node.children.size(); ++i) {
    if (i > from) out += ", ";
    out += dump(*node.children[i]);
  }
  return out;
}

inline std::string dump_bare(const Node& node) {
  switch (node.kind) {
    case NodeKind::Number:
      return dump_number(node);
    case NodeKind::Duration:
      return node.text;
    case NodeKind::String:
      return node.triple_quoted ? "'''" + node.text + "'''" : "'" + node.text + "'";
    case NodeKind::Bool:
      return node.bool_value ? "TRUE" : "FALSE";
    case NodeKind::Regex:
      return "/" + node.text + "/";
    case NodeKind::Star:
      return "*";
    case NodeKind::Reference:
      return "\"" + node.text + "\"";
    case NodeKind::Identifier:
      return node.text;
    case NodeKind::List:
      return "[" + dump_children(node) + "]";
    case NodeKind::Unary:
      return "(" + node.text + " " + dump(*node.children[0]) + ")";
    case NodeKind::Binary:
      return "(" + node.text + (node.multi_line ? "ml " : " ") + dump(*node.children[0]) + " " +
             dump(*node.children[1]) + ")";
    case NodeKind::Function: {
      static const char* const prefixes[] = {"", "|", ".", "@"};
      return prefixes[static_cast<int>(node.func_type)] + node.text + "(" + dump_children(node) +
             ")";
    }
    case NodeKind::Lambda:
      return "lambda:" + dump(*node.children[0]);
    case NodeKind::Chain: {
      const Node& right = *node.children[1];
      const std::string step =
          right.kind == NodeKind::Identifier ? node.text + dump(right) : dump(right);
      return "(" + dump(*node.children[0]) + " " + step + ")";
    }
    case NodeKind::Declaration:
      return "var " + node.text + " = " + dump(*node.children[0]);
    case NodeKind::TypeDeclaration:
      return "var " + node.text + " " + node.text2;
    case NodeKind::Dbrp:
      return "dbrp \"" + node.text + "\".\"" + node.text2 + "\"";
  }
  return "?";
}

inline std::string dump(const Node& node) {
  return dump_comment(node.comment) + (node.parens ? "p" : "") + dump_bare(node);
}

inline std::string dump(const Program& program) {
  std::string out;
  for (const auto& statement : program.statements) {
    if (!out.empty()) out += "; ";
    out += dump(*statement);
  }
  if (!program.trailing_comment.empty()) {
    out += (out.empty() ? "" : " ") + dump_comment(program.trailing_comment);
  }
  return out;
}

/// The dump of a script, or its first error as "LINE:COL message".
inline std::string parse_dump(const std::string& text) {
  try {
    return dump(parse_program(Source("test.tick", text)));
  } catch (const DiagnosticError& error) {
    const auto& d = error.diagnostic;
    return std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " +
           d.message;
  }
}

/// The first error of a script as "LINE:COL message", or "no error: <dump>".
inline std::string parse_error(const std::string& text) {
  try {
    return "no error: " + dump(parse_program(Source("test.tick", text)));
  } catch (const DiagnosticError& error) {
    const auto& d = error.diagnostic;
    return std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " +
           d.message;
  }
}

}  // namespace farad::lang::test
