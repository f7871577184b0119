#include "sinks/go_template_lexer.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "expr/go_format.hpp"
#include "expr/utf8.hpp"

namespace farad::sinks::go_template {

namespace {

constexpr std::string_view kLeft = "{{";
constexpr std::string_view kRight = "}}";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  std::vector<Token> run() {
    bool trim_next_text = false;
    while (pos_ < src_.size()) {
      size_t open = src_.find(kLeft, pos_);
      const size_t text_end = open == std::string_view::npos ? src_.size() : open;
      size_t text_begin = pos_;
      if (trim_next_text) {
        while (text_begin < text_end && is_space(src_[text_begin])) ++text_begin;
      }
      size_t kept_end = text_end;
      const bool left_trim = open != std::string_view::npos && open + 3 < src_.size() &&
                             src_[open + 2] == '-' && is_space(src_[open + 3]);
      if (left_trim) {
        while (kept_end > text_begin && is_space(src_[kept_end - 1])) --kept_end;
      }
      if (kept_end > text_begin) {
        emit(Token::Kind::Text, text_begin,
             std::string(src_.substr(text_begin, kept_end - text_begin)));
      }
      if (open == std::string_view::npos) {
        pos_ = src_.size();
        break;
      }
      pos_ = open + 2 + (left_trim ? 2 : 0);
      trim_next_text = action(open);
    }
    emit(Token::Kind::Eof, src_.size(), "");
    return std::move(tokens_);
  }

 private:
  [[noreturn]] void fail(size_t at, std::string message) {
    throw ParseProblem{at, std::move(message)};
  }

  void emit(Token::Kind kind, size_t at, std::string text) {
    Token token;
    token.kind = kind;
    token.pos = at;
    token.text = std::move(text);
    tokens_.push_back(std::move(token));
  }

  void emit_constant(size_t at, GoValue value) {
    emit(Token::Kind::Constant, at, std::string(src_.substr(at, pos_ - at)));
    tokens_.back().value = std::move(value);
  }

  /// At the right delimiter (possibly trimming): its length, else 0; `trim` set.
  size_t at_right(bool& trim) const {
    trim = pos_ + 2 < src_.size() && is_space(src_[pos_]) && src_[pos_ + 1] == '-' &&
           src_.substr(pos_ + 2, 2) == kRight;
    if (trim) return 4;
    return src_.substr(pos_, 2) == kRight ? 2 : 0;
  }

  /// Lexes one action from after its `{{`; true when it ends with `-}}`.
  bool action(size_t open) {
    if (src_.substr(pos_, 2) == "/*") return comment(open);
    emit(Token::Kind::LeftDelim, open, "{{");
    int parens = 0;
    for (;;) {
      bool trim = false;
      if (const size_t length = at_right(trim); length > 0) {
        if (parens > 0) fail(pos_, "unclosed left paren");
        emit(Token::Kind::RightDelim, pos_, "}}");
        pos_ += length;
        return trim;
      }
      if (pos_ >= src_.size()) fail(open, "unclosed action");
      const size_t start = pos_;
      const char c = src_[pos_];
      if (is_space(c)) {
        while (pos_ < src_.size() && is_space(src_[pos_])) {
          if (at_right(trim) > 0 && trim) break;
          ++pos_;
        }
        emit(Token::Kind::Space, start, " ");
      } else if (c == '|' || c == ',' || c == '=') {
        ++pos_;
        emit(c == '|'   ? Token::Kind::Pipe
             : c == ',' ? Token::Kind::Comma
                        : Token::Kind::Assign,
             start, std::string(1, c));
      } else if (c == ':') {
        if (src_.substr(pos_, 2) != ":=") fail(start, "expected :=");
        pos_ += 2;
        emit(Token::Kind::Declare, start, ":=");
      } else if (c == '(') {
        ++pos_;
        ++parens;
        emit(Token::Kind::LeftParen, start, "(");
      } else if (c == ')') {
        ++pos_;
        --parens;
        emit(Token::Kind::RightParen, start, ")");
      } else if (c == '"') {
        emit_constant(start, GoValue::of_string(quoted()));
      } else if (c == '`') {
        const size_t close = src_.find('`', pos_ + 1);
        if (close == std::string_view::npos) fail(start, "unterminated raw quoted string");
        pos_ = close + 1;
        emit_constant(start,
                      GoValue::of_string(std::string(src_.substr(start + 1, close - start - 1))));
      } else if (c == '\'') {
        emit_constant(start, GoValue::of_int(character(), "int"));
      } else if (c == '$') {
        ++pos_;
        while (pos_ < src_.size() && is_word(src_[pos_])) ++pos_;
        emit(Token::Kind::Variable, start, std::string(src_.substr(start, pos_ - start)));
      } else if (c == '.' && pos_ + 1 < src_.size() &&
                 std::isdigit(static_cast<unsigned char>(src_[pos_ + 1]))) {
        number();
      } else if (c == '.') {
        ++pos_;
        while (pos_ < src_.size() && is_word(src_[pos_])) ++pos_;
        if (pos_ == start + 1) {
          emit(Token::Kind::Dot, start, ".");
        } else {
          emit(Token::Kind::Field, start, std::string(src_.substr(start + 1, pos_ - start - 1)));
        }
      } else if (c == '+' || c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
        number();
      } else if (is_word(c)) {
        while (pos_ < src_.size() && is_word(src_[pos_])) ++pos_;
        const std::string word(src_.substr(start, pos_ - start));
        if (word == "true" || word == "false") {
          emit_constant(start, GoValue::of_bool(word == "true"));
        } else {
          emit(word == "nil" ? Token::Kind::Nil : Token::Kind::Identifier, start, word);
        }
      } else {
        fail(start, "unrecognized character in action: " + expr::go::quote(std::string(1, c)));
      }
    }
  }

  bool comment(size_t open) {
    const size_t close = src_.find("*/", pos_ + 2);
    if (close == std::string_view::npos) fail(open, "unclosed comment");
    pos_ = close + 2;
    bool trim = false;
    const size_t length = at_right(trim);
    if (length == 0) fail(open, "comment ends before closing delimiter");
    pos_ += length;
    return trim;
  }

  /// One escape after a backslash, appended to `out`.
  void escape(std::string& out, char quote) {
    const size_t at = pos_;
    if (pos_ >= src_.size()) fail(at, "unterminated quoted string");
    const char c = src_[pos_++];
    switch (c) {
      case 'a':
        out += '\a';
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'v':
        out += '\v';
        return;
      case '\\':
        out += '\\';
        return;
      default:
        break;
    }
    if (c == quote) {
      out += c;
      return;
    }
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (digits > 0) {
      uint32_t code = 0;
      for (int i = 0; i < digits; ++i) {
        const int d = pos_ < src_.size() ? hex_digit(src_[pos_]) : -1;
        if (d < 0) fail(at, "invalid syntax");
        code = code * 16 + static_cast<uint32_t>(d);
        ++pos_;
      }
      if (c == 'x') {
        out += static_cast<char>(code);
      } else {
        expr::append_rune(out, code);
      }
      return;
    }
    if (c >= '0' && c <= '7') {
      uint32_t code = static_cast<uint32_t>(c - '0');
      for (int i = 0; i < 2; ++i) {
        if (pos_ >= src_.size() || src_[pos_] < '0' || src_[pos_] > '7') fail(at, "invalid syntax");
        code = code * 8 + static_cast<uint32_t>(src_[pos_++] - '0');
      }
      if (code > 255) fail(at, "invalid syntax");
      out += static_cast<char>(code);
      return;
    }
    fail(at, "invalid syntax");
  }

  std::string quoted() {
    const size_t start = pos_++;
    std::string out;
    for (;;) {
      if (pos_ >= src_.size() || src_[pos_] == '\n') fail(start, "unterminated quoted string");
      const char c = src_[pos_++];
      if (c == '"') return out;
      if (c == '\\') {
        escape(out, '"');
      } else {
        out += c;
      }
    }
  }

  int64_t character() {
    const size_t start = pos_++;
    std::string out;
    if (pos_ < src_.size() && src_[pos_] == '\\') {
      ++pos_;
      escape(out, '\'');
    } else if (pos_ < src_.size() && src_[pos_] != '\'' && src_[pos_] != '\n') {
      const expr::Rune rune = expr::decode_rune(src_, pos_);
      out = std::string(src_.substr(pos_, rune.size));
      pos_ += rune.size;
    }
    if (pos_ >= src_.size() || src_[pos_] != '\'' || out.empty()) {
      fail(start, "unterminated character constant");
    }
    ++pos_;
    return static_cast<int64_t>(expr::decode_rune(out, 0).value);
  }

  void number() {
    const size_t start = pos_;
    if (src_[pos_] == '+' || src_[pos_] == '-') ++pos_;
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      const bool sign_after_exponent = (c == '+' || c == '-') && pos_ > start &&
                                       (src_[pos_ - 1] == 'e' || src_[pos_ - 1] == 'E' ||
                                        src_[pos_ - 1] == 'p' || src_[pos_ - 1] == 'P');
      if (!is_word(c) && c != '.' && !sign_after_exponent) break;
      ++pos_;
    }
    const std::string text(src_.substr(start, pos_ - start));
    std::string digits;
    for (const char c : text) {
      if (c != '_') digits += c;
    }
    const bool negative = !digits.empty() && digits[0] == '-';
    std::string_view body(digits);
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) body.remove_prefix(1);
    int base = 10;
    if (body.size() > 1 && body[0] == '0') {
      const char p = static_cast<char>(std::tolower(static_cast<unsigned char>(body[1])));
      base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
      body.remove_prefix(p == 'x' || p == 'o' || p == 'b' ? 2 : 1);
    }
    uint64_t magnitude = 0;
    const auto [end, error] =
        std::from_chars(body.data(), body.data() + body.size(), magnitude, base);
    if (error == std::errc{} && end == body.data() + body.size() && !body.empty()) {
      if (negative && magnitude <= (1ULL << 63)) {
        emit_constant(start, GoValue::of_int(static_cast<int64_t>(0 - magnitude), "int"));
        return;
      }
      if (!negative && magnitude < (1ULL << 63)) {
        emit_constant(start, GoValue::of_int(static_cast<int64_t>(magnitude), "int"));
        return;
      }
    }
    char* parsed_end = nullptr;
    const double value = std::strtod(digits.c_str(), &parsed_end);
    if (digits.empty() || parsed_end != digits.c_str() + digits.size() ||
        digits.find_first_of("xXnN") != std::string::npos) {
      fail(start, "bad number syntax: " + expr::go::quote(text));
    }
    emit_constant(start, GoValue::of_float(value));
  }

  std::string_view src_;
  size_t pos_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> lex(std::string_view source) {
  return Lexer(source).run();
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case Token::Kind::Eof:
      return "EOF";
    case Token::Kind::LeftDelim:
    case Token::Kind::RightDelim:
      return expr::go::quote(token.text);
    case Token::Kind::Space:
      return "space";
    case Token::Kind::Identifier:
      if (token.text == "if" || token.text == "else" || token.text == "end" ||
          token.text == "range" || token.text == "with" || token.text == "break" ||
          token.text == "continue" || token.text == "define" || token.text == "template" ||
          token.text == "block") {
        return "<" + token.text + ">";
      }
      break;
    case Token::Kind::Field:
      return expr::go::quote("." + token.text);
    default:
      break;
  }
  if (token.text.size() > 10) return expr::go::quote(token.text.substr(0, 10)) + "...";
  return expr::go::quote(token.text);
}

}  // namespace farad::sinks::go_template
