#include "lang/parser_support.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <utility>

#include "lang/tick_grammar_unicode.hpp"

namespace farad::lang::parser_support {
namespace {

constexpr std::string_view duration_units_hint = "units are u, µ, ms, s, m, h, d and w";

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

unicode::Decoded decode_at(std::string_view text, std::size_t at) {
  return at < text.size() ? unicode::decode_utf8(text.substr(at)) : unicode::Decoded{};
}

// The end of the comment starting at `at`, with Kapacitor's continuation: a next line whose
// first non-blank character is '/' belongs to the same comment.
std::size_t comment_end(std::string_view text, std::size_t at) {
  std::size_t from = at + 2;
  while (true) {
    const std::size_t newline = text.find('\n', from);
    if (newline == std::string_view::npos) return text.size();
    std::size_t next = newline + 1;
    for (auto d = decode_at(text, next);
         d.size > 0 && d.code_point != U'\n' && unicode::is_space(d.code_point);
         d = decode_at(text, next)) {
      next += d.size;
    }
    if (next >= text.size() || text[next] != '/') return newline;
    from = next + 1;
  }
}

// The offset of the first token at or after `at`: white space and comments skipped.
std::size_t skip_gap(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const auto decoded = decode_at(text, at);
    if (decoded.size > 0 && unicode::is_space(decoded.code_point)) {
      at += decoded.size;
    } else if (text.substr(at, 2) == "//") {
      at = comment_end(text, at);
    } else {
      break;
    }
  }
  return at;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  for (auto d = decode_at(text, at); d.size > 0 && unicode::is_space(d.code_point);
       d = decode_at(text, at)) {
    at += d.size;
  }
  return at;
}

bool has_newline(std::string_view text, uint32_t from, uint32_t to) {
  return from < to && text.substr(from, to - from).find('\n') != std::string_view::npos;
}

// Where Kapacitor places a node when it decides whether an expression spans lines: operators
// for binary expressions and chains, otherwise the first token inside any parentheses.
uint32_t kapacitor_position(const Node& node, std::string_view text) {
  if (node.kind == NodeKind::Binary || node.kind == NodeKind::Chain) return node.op_offset;
  std::size_t at = node.span.begin;
  if (!node.parens) return static_cast<uint32_t>(at);
  while (at < text.size() && text[at] == '(') at = skip_gap(text, at + 1);
  return static_cast<uint32_t>(at);
}

int precedence(std::string_view op) {
  if (op == "OR") return 0;
  if (op == "AND") return 1;
  if (op == "==" || op == "!=" || op == "=~" || op == "!~") return 2;
  if (op == "<" || op == "<=" || op == ">" || op == ">=") return 3;
  if (op == "+" || op == "-") return 4;
  return 5;  // * / %
}

bool all_letters(std::string_view text) {
  if (text.empty()) return false;
  for (std::size_t at = 0; at < text.size();) {
    const auto decoded = unicode::decode_utf8(text.substr(at));
    if (decoded.size == 0 || !unicode::is_letter(decoded.code_point)) return false;
    at += decoded.size;
  }
  return true;
}

bool starts_with_unit_then_digit(std::string_view suffix) {
  for (std::string_view unit : {"ms", "u", "µ", "s", "m", "h", "d", "w"}) {
    if (suffix.starts_with(unit) && suffix.size() > unit.size() &&
        is_ascii_digit(suffix[unit.size()])) {
      return true;
    }
  }
  return false;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// ---- what an error message says was found

struct Found {
  std::string description;
  bool lexical_error = false;  // the description is the whole message
};

std::string excerpt(std::string_view token) {
  constexpr std::size_t limit = 24;
  if (token.size() <= limit) return std::string(token);
  return std::string(token.substr(0, limit)) + "...";
}

// The end of the quoted token at `at` (Kapacitor's rules), or npos if it is unterminated.
std::size_t quoted_end(std::string_view text, std::size_t at, char quote) {
  if (quote == '\'' && text.substr(at, 3) == "'''") {
    const std::size_t close = text.find("'''", at + 3);
    return close == std::string_view::npos ? close : close + 3;
  }
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == quote) {
      ++i;
    } else if (text[i] == quote) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

Found describe_token(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {"end of input"};
  const char c = text[at];
  if (c == '\'' || c == '"') {
    const std::size_t end = quoted_end(text, at, c);
    if (end == std::string_view::npos) {
      return {c == '\'' ? "unterminated string" : "unterminated reference", true};
    }
    return {(c == '\'' ? "string " : "reference ") + excerpt(text.substr(at, end - at))};
  }
  if (c == '_') return {"identifiers cannot start with '_'", true};
  const auto decoded = decode_at(text, at);
  if (decoded.size > 0 && unicode::is_letter(decoded.code_point)) {
    std::size_t end = at;
    for (auto d = decoded; d.size > 0 && unicode::is_ident_char(d.code_point);
         d = decode_at(text, end)) {
      end += d.size;
    }
    const std::string_view word = text.substr(at, end - at);
    if (word == "lambda" && end < text.size() && text[end] == ':') return {"'lambda:'"};
    for (std::string_view keyword : {"var", "dbrp", "TRUE", "FALSE", "AND", "OR"}) {
      if (word == keyword) return {"'" + std::string(word) + "'"};
    }
    return {"identifier '" + excerpt(word) + "'"};
  }
  if (is_ascii_digit(c) || (c == '.' && at + 1 < text.size() && is_ascii_digit(text[at + 1]))) {
    std::size_t end = at;
    bool letters = false;
    while (end < text.size()) {
      const auto d = decode_at(text, end);
      if (d.size == 0 || (text[end] != '.' && !unicode::is_ident_char(d.code_point))) break;
      letters = letters || unicode::is_letter(d.code_point);
      end += d.size;
    }
    return {(letters ? "duration '" : "number '") + excerpt(text.substr(at, end - at)) + "'"};
  }
  for (std::string_view op : {"==", "!=", "<=", ">=", "=~", "!~"}) {
    if (text.substr(at, 2) == op) return {"'" + std::string(op) + "'"};
  }
  // Punctuation and operators are quoted as they are; other characters never form a token.
  if (decoded.size == 1 &&
      std::string_view("()[],.|@*/+-%=<>!").find(c) != std::string_view::npos) {
    return {"'" + std::string(1, c) + "'"};
  }
  if (decoded.size == 1 && c > ' ' && c < 0x7F) return {"character '" + std::string(1, c) + "'"};
  // Anything else is named by its code point (it may be invisible, like a byte order mark), and
  // shown too when it is a printable non-ASCII character.
  char code[16];
  if (decoded.size == 0) {
    std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned char>(c));
    return {std::string("byte ") + code + " (not UTF-8)"};
  }
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(decoded.code_point));
  if (decoded.size == 1) return {std::string("character ") + code};
  return {"character '" + std::string(text.substr(at, decoded.size)) + "' (" + code + ")"};
}

// ---- comments

std::vector<std::string> comment_lines(std::string_view block) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= block.size()) {
    std::size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    std::string_view line = block.substr(start, end - start);
    line = line.substr(skip_spaces(line, 0));
    if (line.ends_with('\r')) line.remove_suffix(1);
    // Continuation lines that start with a single '/' (Kapacitor's quirk) are kept whole.
    if (line.starts_with("//")) line.remove_prefix(2);
    lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

using AnchorMap = std::map<uint32_t, Node*>;

// Chains and binary expressions are reached through their operator (a comment before `|from()`
// belongs to that chain step); every other node, and a parenthesised binary expression, through
// its first token. Outer nodes are indexed first and win.
void index_anchors(Node& node, AnchorMap& anchors) {
  const bool operator_anchored = node.kind == NodeKind::Chain || node.kind == NodeKind::Binary;
  if (operator_anchored) anchors.emplace(node.op_offset, &node);
  if (!operator_anchored || node.parens) anchors.emplace(node.span.begin, &node);
  for (auto& child : node.children) index_anchors(*child, anchors);
}

Node* innermost_containing(std::vector<NodePtr>& nodes, uint32_t offset) {
  for (auto& node : nodes) {
    if (node->span.begin <= offset && offset < node->span.end) {
      Node* deeper = innermost_containing(node->children, offset);
      return deeper != nullptr ? deeper : node.get();
    }
  }
  return nullptr;
}

void append_comment(std::vector<std::string>& to, std::vector<std::string> lines) {
  // A blank line between two comment blocks is kept as a "\n" entry, as Kapacitor does.
  if (!to.empty()) to.emplace_back("\n");
  for (auto& line : lines) to.push_back(std::move(line));
}

// What may follow a number or duration: Kapacitor would split `10ns` into a number and an
// identifier, which never means what was written, so it is reported here.
void check_literal_end(const Builder& builder, Span span, bool is_number) {
  const std::string_view text = builder.source.text();
  if (is_number && span.end < text.size() && text[span.end] == '.') {
    builder.fail(span.begin, "multiple decimals in number");
  }
  std::size_t end = span.end;
  for (auto d = decode_at(text, end); d.size > 0 && unicode::is_ident_char(d.code_point);
       d = decode_at(text, end)) {
    end += d.size;
  }
  if (end == span.end) return;
  const std::string_view word = text.substr(span.begin, end - span.begin);
  std::size_t digits = 0;
  while (digits < word.size() && is_ascii_digit(word[digits])) ++digits;
  const bool is_float = digits < word.size() && word[digits] == '.';
  if (is_float) {
    ++digits;
    while (digits < word.size() && is_ascii_digit(word[digits])) ++digits;
  }
  const std::string_view suffix = word.substr(digits);
  if (all_letters(suffix) && is_float) {
    builder.fail(
        span.begin, "invalid duration " + quoted(word),
        "a duration is a whole number followed by one unit; " + std::string(duration_units_hint));
  }
  if (all_letters(suffix)) {
    builder.fail(span.begin, "invalid duration unit " + quoted(suffix),
                 std::string(duration_units_hint));
  }
  if (!is_float && starts_with_unit_then_digit(suffix)) {
    builder.fail(span.begin, "invalid duration " + quoted(word),
                 "a duration has a single unit, e.g. 90m for 1h30m");
  }
  builder.fail(span.begin, "invalid number " + quoted(word));
}

}  // namespace

// ---- Builder

Node* Builder::push(NodeKind kind, Span span) {
  auto node = std::make_unique<Node>();
  node->kind = kind;
  node->span = span;
  nodes.push_back(std::move(node));
  return nodes.back().get();
}

NodePtr Builder::pop() {
  NodePtr node = std::move(nodes.back());
  nodes.pop_back();
  return node;
}

std::vector<NodePtr> Builder::take_since_mark() {
  const auto first = nodes.begin() + static_cast<std::ptrdiff_t>(marks.back().nodes);
  std::vector<NodePtr> taken(std::make_move_iterator(first), std::make_move_iterator(nodes.end()));
  nodes.erase(first, nodes.end());
  return taken;
}

void Builder::fold_binary() {
  auto items = take_since_mark();
  const std::string_view text = source.text();
  std::vector<NodePtr> operands;
  std::vector<NodePtr> operators;
  auto reduce = [&] {
    NodePtr right = std::move(operands.back());
    operands.pop_back();
    NodePtr left = std::move(operands.back());
    operands.pop_back();
    NodePtr op = std::move(operators.back());
    operators.pop_back();
    op->span = {left->span.begin, right->span.end};
    op->multi_line =
        has_newline(text, kapacitor_position(*left, text), kapacitor_position(*right, text));
    op->children.push_back(std::move(left));
    op->children.push_back(std::move(right));
    operands.push_back(std::move(op));
  };
  operands.push_back(std::move(items[0]));
  for (std::size_t i = 1; i + 1 < items.size(); i += 2) {
    // Equal precedence reduces first: every operator is left associative.
    while (!operators.empty() && precedence(operators.back()->text) >= precedence(items[i]->text)) {
      reduce();
    }
    operators.push_back(std::move(items[i]));
    operands.push_back(std::move(items[i + 1]));
  }
  while (!operators.empty()) reduce();
  nodes.push_back(std::move(operands.back()));
}

NodePtr Builder::make_function(FuncType type, std::vector<NodePtr> parts) const {
  const Node& name = *parts[0];
  Node& pack = *parts[1];
  auto node = std::make_unique<Node>();
  node->kind = NodeKind::Function;
  node->func_type = type;
  node->text = name.text;
  node->span = {name.span.begin, pack.span.end};
  node->children = std::move(pack.children);
  if (!node->children.empty()) {
    const std::string_view text = source.text();
    node->multi_line =
        has_newline(text, name.span.begin, kapacitor_position(*node->children.back(), text));
  }
  return node;
}

void Builder::fail(uint32_t at, std::string message, std::string hint) const {
  throw DiagnosticError{
      make_diagnostic(Phase::Parse, source, at, std::move(message), std::move(hint))};
}

void Builder::push_number(Span span) {
  check_literal_end(*this, span, true);
  const std::string_view literal =
      std::string_view(source.text()).substr(span.begin, span.end - span.begin);
  Node* node = push(NodeKind::Number, span);
  node->text = std::string(literal);
  const char* first = literal.data();
  const char* last = literal.data() + literal.size();
  if (literal.find('.') != std::string_view::npos) {
    node->is_float = true;
    const auto [end, error] = std::from_chars(first, last, node->float_value);
    if (error == std::errc::result_out_of_range) fail(span.begin, "number out of range");
    if (error != std::errc{} || end != last) fail(span.begin, "invalid number " + quoted(literal));
    return;
  }
  // A leading zero makes an integer octal, as in Go.
  const int base = literal.size() > 1 && literal[0] == '0' ? 8 : 10;
  const auto [end, error] = std::from_chars(first, last, node->int_value, base);
  if (error == std::errc::result_out_of_range) fail(span.begin, "number out of range");
  if (error != std::errc{} || end != last)
    fail(span.begin, "illegal octal number " + quoted(literal));
}

void Builder::push_duration(Span span) {
  check_literal_end(*this, span, false);
  const std::string_view literal =
      std::string_view(source.text()).substr(span.begin, span.end - span.begin);
  Node* node = push(NodeKind::Duration, span);
  node->text = std::string(literal);
  std::size_t digits = 0;
  while (is_ascii_digit(literal[digits])) ++digits;
  const std::string_view unit = literal.substr(digits);
  constexpr int64_t micro = 1000;
  constexpr int64_t second = 1000 * 1000 * micro;
  const int64_t scale = unit == "ms"  ? 1000 * micro
                        : unit == "s" ? second
                        : unit == "m" ? 60 * second
                        : unit == "h" ? 3600 * second
                        : unit == "d" ? 24 * 3600 * second
                        : unit == "w" ? 7 * 24 * 3600 * second
                                      : micro;  // u and µ
  int64_t count = 0;
  const auto [end, error] = std::from_chars(literal.data(), literal.data() + digits, count);
  if (error != std::errc{} || __builtin_mul_overflow(count, scale, &node->duration_ns)) {
    fail(span.begin, "duration out of range " + quoted(literal));
  }
}

// ---- free functions

std::string unescape(std::string_view token, char quote) {
  const std::string_view inner = token.substr(1, token.size() - 2);
  std::string out;
  out.reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\\' && i + 1 < inner.size() && inner[i + 1] == quote) ++i;
    out += inner[i];
  }
  return out;
}

Diagnostic syntax_error(const Source& source, uint32_t offset, std::string_view message) {
  if (!message.starts_with("expected")) {
    return make_diagnostic(Phase::Parse, source, offset, std::string(message));
  }
  const auto at = static_cast<uint32_t>(skip_gap(source.text(), offset));
  Found found = describe_token(source.text(), at);
  if (found.lexical_error) {
    return make_diagnostic(Phase::Parse, source, at, std::move(found.description));
  }
  return make_diagnostic(Phase::Parse, source, at,
                         "unexpected " + found.description + ", " + std::string(message));
}

std::vector<std::string> attach_comments(const Source& source,
                                         const std::vector<Span>& all_comments,
                                         std::vector<NodePtr>& roots) {
  const std::string_view text = source.text();
  // A comment can be met more than once while the grammar backtracks; keep each once.
  std::vector<Span> comments(all_comments);
  std::sort(comments.begin(), comments.end(), [](Span a, Span b) { return a.begin < b.begin; });
  comments.erase(std::unique(comments.begin(), comments.end(),
                             [](Span a, Span b) { return a.begin == b.begin; }),
                 comments.end());
  // Each comment belongs to the token after it; blocks separated only by blank lines share it.
  std::vector<uint32_t> targets(comments.size());
  for (std::size_t i = comments.size(); i-- > 0;) {
    const auto next = static_cast<uint32_t>(skip_spaces(text, comments[i].end));
    const bool joins_next = i + 1 < comments.size() && next == comments[i + 1].begin;
    targets[i] = joins_next ? targets[i + 1] : next;
  }
  AnchorMap anchors;
  for (auto& root : roots) index_anchors(*root, anchors);
  std::vector<std::string> trailing;
  for (std::size_t i = 0; i < comments.size(); ++i) {
    const Span block = comments[i];
    auto lines = comment_lines(text.substr(block.begin, block.end - block.begin));
    Node* owner = nullptr;
    if (targets[i] < text.size()) {
      const auto anchor = anchors.find(targets[i]);
      owner = anchor != anchors.end() ? anchor->second : innermost_containing(roots, targets[i]);
    }
    append_comment(owner != nullptr ? owner->comment : trailing, std::move(lines));
  }
  return trailing;
}

}  // namespace farad::lang::parser_support
