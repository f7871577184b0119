#pragma once
// The tokens of TICKscript as PEGTL rules: white space, comments, identifiers and literals.
// grammar/tick.peg is the normative text; every struct here is a rule of the same name there.
// Only src/lang/parser.cpp includes this (through tick_grammar.hpp).

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "lang/tick_grammar_unicode.hpp"

namespace farad::lang::grammar {

namespace pg = tao::pegtl;

// One character of a Unicode class, decoded from UTF-8 (Kapacitor's lexer works on runes).
template <bool (*Class)(char32_t)>
struct unicode_class {
  using rule_t = unicode_class;
  using subs_t = pg::empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const auto decoded = unicode::decode_utf8({in.current(), in.size(4)});
    if (decoded.size == 0 || !Class(decoded.code_point)) return false;
    in.bump(decoded.size);
    return true;
  }
};

inline constexpr bool is_line_space(char32_t c) {
  return c != U'\n' && unicode::is_space(c);
}

// ---- white space and comments

struct space : unicode_class<&unicode::is_space> {};
struct line_space : unicode_class<&is_line_space> {};
struct comment_text : pg::star<pg::not_one<'\n'>> {};
// Kapacitor's lexer keeps reading a comment while the next line's first non-blank character is
// '/', so consecutive comment lines form one comment, and so does a line like `/ 2`.
struct comment_continuation
    : pg::seq<pg::one<'\n'>, pg::star<line_space>, pg::one<'/'>, comment_text> {};
struct comment : pg::seq<TAO_PEGTL_STRING("//"), comment_text, pg::star<comment_continuation>> {};
struct skip : pg::star<pg::sor<space, comment>> {};

// ---- identifiers and keywords

struct letter : unicode_class<&unicode::is_letter> {};
struct unicode_digit : unicode_class<&unicode::is_digit> {};
struct ident_char : pg::sor<letter, unicode_digit, pg::one<'_'>> {};

struct keyword : pg::sor<pg::seq<pg::sor<TAO_PEGTL_STRING("var"), TAO_PEGTL_STRING("dbrp"),
                                         TAO_PEGTL_STRING("TRUE"), TAO_PEGTL_STRING("FALSE"),
                                         TAO_PEGTL_STRING("AND"), TAO_PEGTL_STRING("OR")>,
                                 pg::not_at<ident_char>>,
                         TAO_PEGTL_STRING("lambda:")> {};
// Raises "identifiers cannot start with '_'" (Kapacitor: "unknown state").
struct underscore_identifier : pg::raise<underscore_identifier> {};
struct identifier : pg::sor<pg::seq<pg::not_at<keyword>, letter, pg::star<ident_char>>,
                            pg::seq<pg::at<pg::one<'_'>>, underscore_identifier>> {};
struct var_keyword : pg::seq<TAO_PEGTL_STRING("var"), pg::not_at<ident_char>> {};
struct dbrp_keyword : pg::seq<TAO_PEGTL_STRING("dbrp"), pg::not_at<ident_char>> {};
struct lambda_keyword : TAO_PEGTL_STRING("lambda:") {};
// A '.' followed by a digit starts a number (`.5`), never a chain step.
struct dot : pg::seq<pg::one<'.'>, pg::not_at<unicode_digit>> {};

// ---- numbers and durations (the parser checks what follows them)

struct duration_unit : pg::sor<TAO_PEGTL_STRING("ms"), pg::one<'u'>, pg::utf8::one<0xB5>,
                               pg::one<'s', 'm', 'h', 'd', 'w'>> {};
struct duration_literal : pg::seq<pg::plus<pg::digit>, duration_unit> {};
struct number_literal
    : pg::sor<pg::seq<pg::plus<pg::digit>, pg::opt<pg::one<'.'>, pg::star<pg::digit>>>,
              pg::seq<pg::one<'.'>, pg::plus<pg::digit>>> {};

// ---- strings, references, regexes

// Kapacitor ends a triple-quoted string at the first ''' but, once it has seen two quotes, lets
// a backslash (and a quote right after it) pass without resetting its quote count.
struct triple_close : pg::seq<TAO_PEGTL_STRING("''"),
                              pg::star<pg::one<'\\'>, pg::opt<pg::one<'\''>>>, pg::one<'\''>> {};
struct triple_string
    : pg::seq<TAO_PEGTL_STRING("'''"), pg::star<pg::not_at<triple_close>, pg::any>, triple_close> {
};
struct single_string
    : pg::seq<pg::one<'\''>, pg::star<pg::sor<TAO_PEGTL_STRING("\\'"), pg::not_one<'\''>>>,
              pg::one<'\''>> {};
struct unterminated_string : pg::raise<unterminated_string> {};
struct string_literal
    : pg::sor<triple_string, pg::seq<pg::not_at<TAO_PEGTL_STRING("'''")>, single_string>,
              pg::seq<pg::at<pg::one<'\''>>, unterminated_string>> {};

struct quoted_reference
    : pg::seq<pg::one<'"'>, pg::star<pg::sor<TAO_PEGTL_STRING("\\\""), pg::not_one<'"'>>>,
              pg::one<'"'>> {};
struct unterminated_reference : pg::raise<unterminated_reference> {};
struct reference_literal
    : pg::sor<quoted_reference, pg::seq<pg::at<pg::one<'"'>>, unterminated_reference>> {};

struct slashed_regex
    : pg::seq<pg::one<'/'>, pg::star<pg::sor<TAO_PEGTL_STRING("\\/"), pg::not_one<'/'>>>,
              pg::one<'/'>> {};
struct unterminated_regex : pg::raise<unterminated_regex> {};
struct regex_literal : pg::sor<slashed_regex, pg::seq<pg::at<pg::one<'/'>>, unterminated_regex>> {};

struct bool_literal : pg::seq<pg::sor<TAO_PEGTL_STRING("TRUE"), TAO_PEGTL_STRING("FALSE")>,
                              pg::not_at<ident_char>> {};
struct star_literal : pg::one<'*'> {};

// ---- the lexer state that PEG cannot see

// True at the start of the input or right after a regex's closing '/', a star '*' or a list's
// ']': after those Kapacitor's lexer is in operand state ('*' is a star, '/' starts a regex).
// Every other token that can end an operand leaves it in operator state.
struct after_operand_state_token {
  using rule_t = after_operand_state_token;
  using subs_t = pg::empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    if (in.current() == in.begin()) return true;
    const char previous = in.current()[-1];
    return previous == '/' || previous == '*' || previous == ']';
  }
};

}  // namespace farad::lang::grammar

namespace tao::pegtl {

// The custom rules above for analyze<>(): a character class always consumes on success, the
// look-behind never does.
template <typename Name, bool (*Class)(char32_t)>
struct analyze_traits<Name, farad::lang::grammar::unicode_class<Class>> : analyze_any_traits<> {};

template <typename Name>
struct analyze_traits<Name, farad::lang::grammar::after_operand_state_token>
    : analyze_opt_traits<> {};

}  // namespace tao::pegtl
