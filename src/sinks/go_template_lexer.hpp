#pragma once
// The tokens of a Go text/template, as Go's text/template/parse lexer splits it: text between
// actions (already trimmed by `{{-` and `-}}`), and inside `{{ }}` words, punctuation and
// constants. Comments are dropped.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sinks/go_value.hpp"

namespace farad::sinks::go_template {

struct Token {
  enum class Kind {
    Text,
    LeftDelim,
    RightDelim,
    Space,
    Pipe,
    LeftParen,
    RightParen,
    Declare,  // :=
    Assign,   // =
    Comma,
    Field,     // .Name: text is "Name"
    Dot,       // .
    Variable,  // $ or $name: text as written
    Identifier,
    Constant,  // string, raw string, char, number, true, false: value holds it
    Nil,
    Eof,
  };
  Kind kind = Kind::Eof;
  size_t pos = 0;
  std::string text;  ///< as written (decoded for Text and Field)
  GoValue value;     ///< Constant
};

/// Raised by the lexer and the parser: where, and Go's message.
struct ParseProblem {
  size_t pos;
  std::string message;
};

/// The tokens of `source`, ending with Eof; throws ParseProblem.
std::vector<Token> lex(std::string_view source);

/// How Go's parser names a token in "unexpected X in Y".
std::string describe(const Token& token);

}  // namespace farad::sinks::go_template
