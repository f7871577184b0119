#pragma once
// The TICKscript syntax tree. It mirrors Kapacitor's tick/ast node kinds so that behaviour can be
// compared node for node. Every node carries its source span and the comment lines that precede
// it (comments are meaningful: the comment before a `var` is that var's description).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lang/source.hpp"

namespace farad::lang {

enum class NodeKind : uint8_t {
  Number,           ///< text = literal as written; is_float; int_value / float_value
  Duration,         ///< text = literal as written (`10s`, `5µ`); duration_ns
  String,           ///< text = value with escapes removed; triple_quoted
  Bool,             ///< bool_value (TRUE / FALSE)
  Regex,            ///< text = pattern with `\/` turned into `/`
  Star,             ///< `*`
  Reference,        ///< text = name inside double quotes, `\"` unescaped
  Identifier,       ///< text = name
  List,             ///< children = items
  Unary,            ///< text = "-" or "!"; children = {operand}
  Binary,           ///< text = operator ("+", "AND", "=~", ...); children = {left, right}
  Function,         ///< text = name; func_type; children = arguments
  Lambda,           ///< children = {expression}
  Chain,            ///< text = "|", "." or "@"; children = {left, right (Function or Identifier)}
  Declaration,      ///< text = var name; children = {value}
  TypeDeclaration,  ///< text = var name; text2 = type name (`var x duration`)
  Dbrp,             ///< text = database; text2 = retention policy
};

/// How a function is reached: `f()` global, `|f()` chain, `.f()` property, `@f()` UDF.
enum class FuncType : uint8_t { Global, Chain, Property, Dynamic };

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Node {
  NodeKind kind = NodeKind::Identifier;
  Span span;               ///< the whole construct, with its parentheses if `parens`
  uint32_t op_offset = 0;  ///< Chain/Binary/Unary: offset of the operator token;
                           ///< Declaration/TypeDeclaration: offset of the var name;
                           ///< Dbrp: offset of the database reference
  /// The `//` lines right before the node, each the text after `//` as written; an entry "\n"
  /// stands for a blank line between two comment blocks. A comment belongs to the node of the
  /// token that follows it: a Chain's or Binary's operator (`// c` before `|from()`), otherwise
  /// the node's first token (the outermost node starting there, Chains and unparenthesised
  /// Binaries excepted, so a comment before `stream|from()` is on `stream`).
  std::vector<std::string> comment;

  std::string text;
  std::string text2;
  int64_t int_value = 0;
  double float_value = 0;
  int64_t duration_ns = 0;
  bool is_float = false;
  bool bool_value = false;
  bool triple_quoted = false;
  bool parens = false;      ///< Binary/Unary/...: written inside parentheses
  bool multi_line = false;  ///< Binary: a newline between the operands (Kapacitor's rule:
                            ///< from the left operand's operator or first token to the right
                            ///< one's); Function: a newline between name and last argument
  FuncType func_type = FuncType::Global;
  std::vector<NodePtr> children;
};

/// A parsed script: top-level statements in order, and comments after the last statement.
struct Program {
  std::vector<NodePtr> statements;
  std::vector<std::string> trailing_comment;
};

/// Deep copy (the compiler inlines var values into lambdas).
NodePtr clone(const Node& node);

/// Name of a node kind for messages ("duration", "string", "lambda", ...), as Kapacitor's
/// value types are named where possible.
const char* kind_name(NodeKind kind);

}  // namespace farad::lang
