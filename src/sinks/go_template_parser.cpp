// The parser of go_template_tree.hpp, after Go's text/template/parse: the same grammar, the
// same checks at parse time (functions and variables must exist) and the same messages.

#include <algorithm>
#include <optional>

#include "sinks/go_template_lexer.hpp"
#include "sinks/go_template_tree.hpp"

namespace farad::sinks::go_template {

namespace {

/// What ended a list of nodes.
enum class Stop { Eof, End, Else, ElseIf, ElseWith };

bool is_keyword(const Token& token, std::string_view word) {
  return token.kind == Token::Kind::Identifier && token.text == word;
}

class Parser {
 public:
  Parser(Tree& tree, std::vector<Token> tokens) : tree_(tree), tokens_(std::move(tokens)) {
    tree_.has_actions = std::any_of(tokens_.begin(), tokens_.end(), [](const Token& token) {
      return token.kind != Token::Kind::Text && token.kind != Token::Kind::Eof;
    });
    // A comment or trimming also makes the output differ from the text.
    if (!tree_.has_actions) {
      tree_.has_actions = tree_.source.find("{{") != std::string::npos;
    }
  }

  void run() {
    scopes_.push_back({"$"});
    Stop stop = Stop::Eof;
    tree_.root = list(stop);
    if (stop == Stop::End) fail(stop_pos_, "unexpected {{end}}");
    if (stop != Stop::Eof) fail(stop_pos_, "unexpected {{else}}");
  }

 private:
  [[noreturn]] void fail(size_t pos, std::string message) {
    throw ParseProblem{pos, std::move(message)};
  }
  [[noreturn]] void unexpected(const Token& token, std::string_view context) {
    fail(token.pos, "unexpected " + describe(token) + " in " + std::string(context));
  }

  const Token& peek() const { return tokens_[std::min(at_, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& token = peek();
    ++at_;
    return token;
  }
  const Token& peek_non_space() {
    while (peek().kind == Token::Kind::Space) ++at_;
    return peek();
  }
  const Token& next_non_space() {
    peek_non_space();
    return next();
  }
  void expect_right(std::string_view context) {
    const Token& token = next_non_space();
    if (token.kind != Token::Kind::RightDelim) unexpected(token, context);
  }

  bool variable_defined(const std::string& name) const {
    for (const auto& scope : scopes_) {
      if (std::find(scope.begin(), scope.end(), name) != scope.end()) return true;
    }
    return false;
  }

  std::vector<Node> list(Stop& stop) {
    std::vector<Node> nodes;
    for (;;) {
      const Token& token = next();
      if (token.kind == Token::Kind::Eof) {
        stop = Stop::Eof;
        stop_pos_ = token.pos;
        return nodes;
      }
      if (token.kind == Token::Kind::Text) {
        Node node;
        node.kind = Node::Kind::Text;
        node.pos = token.pos;
        node.text = token.text;
        nodes.push_back(std::move(node));
        continue;
      }
      if (token.kind != Token::Kind::LeftDelim) unexpected(token, "input");
      if (action(nodes, stop)) return nodes;
    }
  }

  /// After `{{`: appends the action's node, or returns true at {{end}} / {{else}}.
  bool action(std::vector<Node>& nodes, Stop& stop) {
    const Token& word = peek_non_space();
    stop_pos_ = word.pos;
    if (is_keyword(word, "end")) {
      next();
      expect_right("end");
      stop = Stop::End;
      return true;
    }
    if (is_keyword(word, "else")) {
      next();
      const Token& after = peek_non_space();
      if (is_keyword(after, "if") || is_keyword(after, "with")) {
        stop = is_keyword(after, "if") ? Stop::ElseIf : Stop::ElseWith;
        return true;
      }
      expect_right("else");
      stop = Stop::Else;
      return true;
    }
    if (is_keyword(word, "if") || is_keyword(word, "range") || is_keyword(word, "with")) {
      nodes.push_back(control(next()));
      return false;
    }
    if (is_keyword(word, "break") || is_keyword(word, "continue")) {
      const Token& keyword = next();
      if (range_depth_ == 0) fail(keyword.pos, "{{" + keyword.text + "}} outside {{range}}");
      expect_right(keyword.text);
      Node node;
      node.kind = keyword.text == "break" ? Node::Kind::Break : Node::Kind::Continue;
      node.pos = keyword.pos;
      nodes.push_back(std::move(node));
      return false;
    }
    if (is_keyword(word, "define") || is_keyword(word, "template") || is_keyword(word, "block")) {
      fail(word.pos, "{{" + word.text + "}} is not supported");
    }
    Node node;
    node.kind = Node::Kind::Action;
    node.pos = word.pos;
    node.pipe = pipeline("command", Token::Kind::RightDelim);
    nodes.push_back(std::move(node));
    return false;
  }

  /// if, range or with, from after its keyword to its {{end}}.
  Node control(const Token& keyword) {
    Node node;
    node.kind = keyword.text == "if"      ? Node::Kind::If
                : keyword.text == "range" ? Node::Kind::Range
                                          : Node::Kind::With;
    node.pos = keyword.pos;
    scopes_.emplace_back();
    node.pipe = pipeline(keyword.text, Token::Kind::RightDelim);
    if (node.kind == Node::Kind::Range) ++range_depth_;
    Stop stop = Stop::Eof;
    node.body = list(stop);
    if (node.kind == Node::Kind::Range) --range_depth_;
    const bool chained = (stop == Stop::ElseIf && node.kind == Node::Kind::If) ||
                         (stop == Stop::ElseWith && node.kind == Node::Kind::With);
    if (chained) {
      // {{else if b}} is {{else}}{{if b}}...{{end}} sharing the outer {{end}}.
      node.else_body.push_back(control(next()));
      stop = Stop::End;
    } else if (stop == Stop::Else) {
      node.else_body = list(stop);
      if (stop != Stop::End && stop != Stop::Eof) fail(stop_pos_, "expected end; found {{else}}");
    }
    if (stop == Stop::Eof) fail(stop_pos_, "unexpected EOF");
    if (stop == Stop::ElseIf || stop == Stop::ElseWith) {
      fail(stop_pos_, "expected end; found {{else " +
                          std::string(stop == Stop::ElseIf ? "if" : "with") + "}}");
    }
    scopes_.pop_back();
    return node;
  }

  Pipeline pipeline(const std::string& context, Token::Kind end) {
    Pipeline pipe;
    pipe.pos = peek_non_space().pos;
    declarations(pipe, context);
    for (;;) {
      const Token& token = next_non_space();
      if (token.kind == end) break;
      switch (token.kind) {
        case Token::Kind::Constant:
        case Token::Kind::Dot:
        case Token::Kind::Field:
        case Token::Kind::Identifier:
        case Token::Kind::Nil:
        case Token::Kind::Variable:
        case Token::Kind::LeftParen:
          --at_;
          pipe.commands.push_back(command());
          break;
        default:
          unexpected(token, context);
      }
    }
    pipe.text = tree_.source.substr(pipe.pos, tokens_[at_ - 1].pos - pipe.pos);
    while (!pipe.text.empty() && pipe.text.back() == ' ') pipe.text.pop_back();
    if (pipe.commands.empty()) fail(pipe.pos, "missing value for " + context);
    for (size_t i = 1; i < pipe.commands.size(); ++i) {
      const Operand::Kind first = pipe.commands[i].operands.front().kind;
      if (first == Operand::Kind::Constant || first == Operand::Kind::Dot ||
          first == Operand::Kind::Nil) {
        fail(pipe.commands[i].pos,
             "non executable command in pipeline stage " + std::to_string(i + 1));
      }
    }
    return pipe;
  }

  /// `$x :=`, `$x =`, or in range `$i, $v :=`.
  void declarations(Pipeline& pipe, const std::string& context) {
    const size_t start = at_;
    while (peek_non_space().kind == Token::Kind::Variable) {
      const Token variable = next();
      const Token& op = next_non_space();
      if (op.kind == Token::Kind::Comma && context == "range" && pipe.variables.empty()) {
        pipe.variables.push_back(variable.text);
        continue;
      }
      if (op.kind == Token::Kind::Declare || op.kind == Token::Kind::Assign) {
        pipe.variables.push_back(variable.text);
        pipe.declare = op.kind == Token::Kind::Declare;
        for (const auto& name : pipe.variables) {
          if (pipe.declare) {
            scopes_.back().push_back(name);
          } else if (!variable_defined(name)) {
            fail(variable.pos, "undefined variable \"" + name + "\"");
          }
        }
        return;
      }
      if (op.kind == Token::Kind::Comma) fail(op.pos, "too many declarations in " + context);
      break;
    }
    if (!pipe.variables.empty()) fail(peek().pos, "missing := after variables in " + context);
    at_ = start;
  }

  Command command() {
    Command command;
    command.pos = peek_non_space().pos;
    for (;;) {
      peek_non_space();
      if (auto operand_value = operand()) command.operands.push_back(std::move(*operand_value));
      const Token& token = next();
      if (token.kind == Token::Kind::Space) continue;
      if (token.kind == Token::Kind::RightDelim || token.kind == Token::Kind::RightParen) {
        --at_;
      } else if (token.kind != Token::Kind::Pipe) {
        unexpected(token, "operand");
      }
      break;
    }
    if (command.operands.empty()) fail(command.pos, "empty command");
    command.text = tree_.source.substr(command.pos, tokens_[at_].pos - command.pos);
    while (!command.text.empty() && (command.text.back() == ' ' || command.text.back() == '|')) {
      command.text.pop_back();
    }
    return command;
  }

  std::optional<Operand> operand() {
    std::optional<Operand> term_value = term();
    if (!term_value) return term_value;
    Operand& result = *term_value;
    const size_t start = result.pos;
    // Go reports errors of a chain at its first chained field: `.Name.Foo` at `.Foo`.
    if (peek().kind == Token::Kind::Field) result.pos = peek().pos;
    while (peek().kind == Token::Kind::Field) {
      if (result.kind == Operand::Kind::Constant || result.kind == Operand::Kind::Nil ||
          result.kind == Operand::Kind::Dot || result.kind == Operand::Kind::Function) {
        fail(peek().pos, "unexpected . after term \"" + result.text + "\"");
      }
      result.fields.push_back(next().text);
    }
    result.text = tree_.source.substr(start, peek().pos - start);
    return term_value;
  }

  std::optional<Operand> term() {
    const Token& token = next_non_space();
    Operand result;
    result.pos = token.pos;
    result.text = token.text;
    switch (token.kind) {
      case Token::Kind::Identifier:
        if (describe(token).front() == '<') unexpected(token, "operand");
        if (!find_builtin(token.text) && !tree_.functions.contains(token.text)) {
          fail(token.pos, "function \"" + token.text + "\" not defined");
        }
        result.kind = Operand::Kind::Function;
        result.name = token.text;
        return result;
      case Token::Kind::Dot:
        result.kind = Operand::Kind::Dot;
        return result;
      case Token::Kind::Nil:
        result.kind = Operand::Kind::Nil;
        return result;
      case Token::Kind::Variable:
        if (!variable_defined(token.text)) {
          fail(token.pos, "undefined variable \"" + token.text + "\"");
        }
        result.kind = Operand::Kind::Variable;
        result.name = token.text;
        return result;
      case Token::Kind::Field:
        result.kind = Operand::Kind::Field;
        result.fields.push_back(token.text);
        return result;
      case Token::Kind::Constant:
        result.kind = Operand::Kind::Constant;
        result.constant = token.value;
        return result;
      case Token::Kind::LeftParen: {
        result.kind = Operand::Kind::Pipe;
        result.pipe = std::make_shared<const Pipeline>(
            pipeline("parenthesized pipeline", Token::Kind::RightParen));
        return result;
      }
      default:
        --at_;
        return std::nullopt;
    }
  }

  Tree& tree_;
  std::vector<Token> tokens_;
  size_t at_ = 0;
  size_t stop_pos_ = 0;
  std::vector<std::vector<std::string>> scopes_;
  int range_depth_ = 0;
};

}  // namespace

void parse(Tree& tree) {
  try {
    Parser(tree, lex(tree.source)).run();
  } catch (const ParseProblem& problem) {
    throw GoTemplateError("template: " + tree.location(problem.pos) + ": " + problem.message);
  }
}

}  // namespace farad::sinks::go_template
