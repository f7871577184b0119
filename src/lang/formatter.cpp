// Canonical formatting in the layout of Kapacitor's tickfmt (the Format methods of its AST).
//
// Where a construct is laid out on several lines (a binary expression, a call's arguments), the
// decision is derived from the tree so that parsing the output sets the same multi-line flags
// again: that is what makes formatting idempotent.

#include "lang/formatter.hpp"

#include <string_view>

#include "lang/token_text.hpp"

namespace farad::lang {
namespace {

constexpr std::string_view indent_step = "    ";

bool has_comment(const Node& node) {
  return !node.comment.empty();
}

bool is_statement(const Node& node) {
  return node.kind == NodeKind::Declaration || node.kind == NodeKind::TypeDeclaration ||
         node.kind == NodeKind::Dbrp;
}

/// Where a node's comment is printed: before the node, except for chains and binary expressions
/// without parentheses. The parser gives those the comment written before their operator, so it
/// is printed there (a chain step) or right after it (a binary operator, which must end its
/// line), and comments keep their order.
bool comment_first(const Node& node) {
  if (node.kind == NodeKind::Chain) return false;
  return node.kind != NodeKind::Binary || node.parens;
}

const Node& child(const Node& node, std::size_t index) {
  return *node.children.at(index);
}

// The parser marks a binary expression multi-line when the source has a newline between the
// "positions" of its two operands, and a call when it has one between the call's name and the
// position of its last argument (Kapacitor's rule). A node's position is its operator for
// binary expressions and chains, and its first token otherwise. The predicates below say where
// the printed text of a node has line breaks relative to that position, so that the layout can
// choose exactly the flags the parser will read back.

bool breaks(const Node& node);

/// Whether a line break is printed before the node's position.
bool head_breaks(const Node& node) {
  if (has_comment(node) && comment_first(node)) return true;
  switch (node.kind) {
    case NodeKind::Binary:
      return breaks(child(node, 0));
    case NodeKind::Chain:
      return true;  // every step is on a line of its own
    default:
      return false;
  }
}

bool binary_multi_line(const Node& node);

/// Whether a line break is printed after the node's position.
bool tail_breaks(const Node& node) {
  if (node.kind == NodeKind::Binary) return binary_multi_line(node) || breaks(child(node, 1));
  if (node.kind == NodeKind::Chain) return true;
  if (node.kind == NodeKind::Function && node.multi_line && !node.children.empty()) return true;
  for (const auto& item : node.children) {
    if (breaks(*item)) return true;
  }
  return false;
}

/// Whether the printed text of `node` spans lines: head_breaks(node) || tail_breaks(node),
/// computed in one pass.
bool breaks(const Node& node) {
  if (has_comment(node) || node.kind == NodeKind::Chain) return true;
  if (node.multi_line && (node.kind == NodeKind::Binary ||
                          (node.kind == NodeKind::Function && !node.children.empty()))) {
    return true;
  }
  for (const auto& item : node.children) {
    if (breaks(*item)) return true;
  }
  return false;
}

/// A binary expression keeps the newline after its operator when the source had one, and gains
/// it when the text between its operands' positions breaks anyway.
bool binary_multi_line(const Node& node) {
  return node.multi_line || tail_breaks(child(node, 0)) || head_breaks(child(node, 1)) ||
         (has_comment(node) && !comment_first(node));
}

/// A call puts each argument on a line of its own when the source did, or when printing it on
/// one line would still put a line break before its last argument.
bool function_multi_line(const Node& node) {
  const auto& args = node.children;
  if (args.empty()) return false;
  if (node.multi_line) return true;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (breaks(*args[i])) return true;
  }
  return head_breaks(*args.back());
}

/// The node whose comment the text of `node` starts with, if it starts with a comment.
const Node* first_comment_owner(const Node& node) {
  if (has_comment(node) && comment_first(node)) return &node;
  if (node.kind == NodeKind::Chain || (node.kind == NodeKind::Binary && !node.parens)) {
    return first_comment_owner(child(node, 0));
  }
  return nullptr;
}

/// Operator precedence as in Kapacitor's parser, higher binds tighter.
int precedence(std::string_view op) {
  if (op == "OR") return 0;
  if (op == "AND") return 1;
  if (op == "==" || op == "!=" || op == "=~" || op == "!~") return 2;
  if (op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
  if (op == "+" || op == "-") return 4;
  return 5;  // * / %
}

const char* chain_operator(const Node& chain) {
  if (chain.text == ".") return ".";
  if (chain.text == "@") return "@";
  return "|";
}

class Printer {
 public:
  void program(const Program& program) {
    for (std::size_t i = 0; i < program.statements.size(); ++i) {
      if (i != 0) out_ += '\n';  // statements are separated by one blank line
      statement(*program.statements[i]);
      newline();
    }
    if (!program.trailing_comment.empty()) {
      if (!out_.empty()) out_ += '\n';
      comments(program.trailing_comment, "");
    }
  }

  std::string take() { return std::move(out_); }

 private:
  /// Whether nothing but indentation has been printed on the current line.
  bool at_line_start() const {
    const std::size_t line_start = out_.rfind('\n') + 1;  // npos + 1 == 0
    return out_.find_first_not_of(' ', line_start) == std::string::npos;
  }

  /// Drops the indentation of the current line, if that is all it has.
  void clear_indent() {
    if (!at_line_start()) return;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  }

  /// Ends the line. Spaces the layout put before a break (`lambda: ` followed by a comment) are
  /// dropped; literals never end in a space, so only layout spaces can be there.
  void newline() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
  }

  /// Starts a construct: indents when on a fresh line.
  void start(const std::string& indent) {
    if (!at_line_start()) return;
    clear_indent();
    out_ += indent;
  }

  /// Comment lines go on lines of their own, at the indentation of what they describe. A "\n"
  /// entry is the blank line that separated two comment blocks in the source.
  void comments(const std::vector<std::string>& lines, const std::string& indent) {
    if (lines.empty()) return;
    if (at_line_start()) {
      clear_indent();
    } else {
      newline();
    }
    for (const auto& line : lines) {
      if (line == "\n") {
        out_ += '\n';
        continue;
      }
      out_ += indent;
      out_ += comment_line_text(line);
      out_ += '\n';
    }
    comment_end_ = out_.size();
  }

  /// The lexer continues a comment onto the next line when that line starts with '/', which
  /// would swallow a regex printed right under a comment; a blank line ends the comment.
  void separate_from_comment() {
    const std::size_t line_start = out_.rfind('\n') + 1;  // npos + 1 == 0
    if (line_start == comment_end_ && at_line_start()) out_.insert(line_start, "\n");
  }

  void statement(const Node& node) {
    switch (node.kind) {
      case NodeKind::Declaration: {
        // The lexer reads `//` right after `=` as a regex, so a comment the value would start
        // with goes above the declaration, after the declaration's own.
        const Node& value = child(node, 0);
        hoisted_ = first_comment_owner(value);
        comments(node.comment, "");
        if (hoisted_ != nullptr) comments(hoisted_->comment, "");
        out_ += "var " + node.text + " = ";
        expression(value, "");
        hoisted_ = nullptr;
        return;
      }
      case NodeKind::TypeDeclaration:
        comments(node.comment, "");
        out_ += "var " + node.text + " " + node.text2;
        return;
      case NodeKind::Dbrp:
        comments(node.comment, "");
        out_ += "dbrp " + reference_text(node.text) + "." + reference_text(node.text2);
        return;
      default:
        expression(node, "");
        return;
    }
  }

  /// Prints `node` at `indent` (used when it starts a line). `own_comment` is false when the
  /// caller has already printed the node's comment elsewhere.
  void expression(const Node& node, const std::string& indent, bool own_comment = true) {
    if (node.kind == NodeKind::Chain) return chain(node, indent);
    if (is_statement(node)) return statement(node);  // only at top level; printed alike if nested
    if (own_comment && comment_first(node) && &node != hoisted_) comments(node.comment, indent);
    start(indent);
    switch (node.kind) {
      case NodeKind::List:
        return list(node, indent);
      case NodeKind::Unary:
        return unary(node, indent);
      case NodeKind::Binary:
        return binary(node, indent);
      case NodeKind::Function:
        return function(node, indent);
      case NodeKind::Lambda:
        out_ += "lambda: ";
        return expression(child(node, 0), indent);
      case NodeKind::Regex:
      case NodeKind::Star:
        // After a regex or a star the lexer knows only AND, OR and - as operators; other
        // operators need the parentheses the source had.
        if (node.parens) {
          out_ += "(" + token_text(node) + ")";
          return;
        }
        if (node.kind == NodeKind::Regex) separate_from_comment();
        break;
      default:
        break;
    }
    out_ += token_text(node);
  }

  /// Each chain step on its own line: `|node()` and `@udf()` one step deeper than the chain's
  /// start, `.property()` two steps. Comments written between the operator and the name are
  /// moved above the operator, where tickfmt prints the step's comment.
  void chain(const Node& node, const std::string& indent) {
    expression(child(node, 0), indent);
    newline();
    const char* op = chain_operator(node);
    std::string step_indent = indent + std::string(indent_step);
    if (*op == '.') step_indent += indent_step;
    const Node& right = child(node, 1);
    comments(node.comment, step_indent);
    comments(right.comment, step_indent);
    start(step_indent);
    out_ += op;
    expression(right, step_indent, false);
  }

  void list(const Node& node, const std::string& indent) {
    out_ += '[';
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i != 0) out_ += ", ";
      expression(child(node, i), indent);
    }
    out_ += ']';
  }

  void unary(const Node& node, const std::string& indent) {
    const Node& operand = child(node, 0);
    // A binary operand needs parentheses to stay the operand; the parser marks them, a tree
    // built by hand may not.
    const bool operand_parens = operand.kind == NodeKind::Binary && !operand.parens;
    if (node.parens) out_ += '(';
    out_ += node.text;
    if (operand_parens) out_ += '(';
    expression(operand, indent);
    if (operand_parens) out_ += ')';
    if (node.parens) out_ += ')';
  }

  void binary(const Node& node, const std::string& indent) {
    const Node& left = child(node, 0);
    const Node& right = child(node, 1);
    const int level = precedence(node.text);
    // Operators are left associative: a right operand of the same level needs parentheses.
    const bool left_parens =
        left.kind == NodeKind::Binary && !left.parens && precedence(left.text) < level;
    // After `=~` and `!~` the lexer reads `//` as a regex: a right operand that starts with a
    // comment is put in parentheses, after which a comment may follow.
    const bool regex_operator = node.text == "=~" || node.text == "!~";
    const bool right_parens =
        (right.kind == NodeKind::Binary && !right.parens && precedence(right.text) <= level) ||
        (regex_operator && first_comment_owner(right) != nullptr);
    const bool multi_line = binary_multi_line(node);
    // Inside parentheses continuation lines go one step deeper, as tickfmt does.
    const std::string inner = node.parens ? indent + std::string(indent_step) : indent;
    if (node.parens) out_ += '(';
    operand(left, inner, left_parens);
    out_ += ' ';
    out_ += node.text;
    if (multi_line) {
      newline();
    } else {
      out_ += ' ';
    }
    if (!comment_first(node)) comments(node.comment, inner);
    operand(right, inner, right_parens);
    if (node.parens) out_ += ')';
  }

  void operand(const Node& node, const std::string& indent, bool add_parens) {
    if (!add_parens) {
      expression(node, indent);
      return;
    }
    start(indent);
    out_ += '(';
    expression(node, indent + std::string(indent_step));
    out_ += ')';
  }

  void function(const Node& node, const std::string& indent) {
    out_ += node.text;
    out_ += '(';
    const std::string arg_indent = indent + std::string(indent_step);
    const bool multi_line = function_multi_line(node);
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i != 0) out_ += multi_line ? "," : ", ";
      if (multi_line) newline();
      expression(child(node, i), arg_indent);
    }
    if (multi_line) {
      newline();
      out_ += indent;
    }
    out_ += ')';
  }

  std::string out_;
  std::size_t comment_end_ = std::string::npos;  ///< where the last comment block ended
  const Node* hoisted_ = nullptr;  ///< a node whose comment was printed above its statement
};

}  // namespace

std::string format_program(const Program& program) {
  Printer printer;
  printer.program(program);
  return printer.take();
}

}  // namespace farad::lang
