#pragma once
// The TICKscript grammar as PEGTL rules, one struct per rule of grammar/tick.peg, and the table
// of messages for its must points. Only src/lang/parser.cpp includes this header: PEGTL is
// expensive to compile and stays in one translation unit.

#include "lang/tick_grammar_tokens.hpp"

namespace farad::lang::grammar {

// Every rule, one per line, in the order of grammar/tick.peg. The list declares the structs,
// names them for grammar_rule_names(), and lets a test check that it matches the rules reachable
// from the roots, so the grammar, its text and this list cannot drift apart.
#define FARAD_TICK_RULES(X)    \
  X(program)                   \
  X(lambda_text)               \
  X(statement_list)            \
  X(statement_gap)             \
  X(statement)                 \
  X(end_of_script)             \
  X(lambda_text_expression)    \
  X(end_of_lambda_text)        \
  X(declaration)               \
  X(variable_name)             \
  X(assignment)                \
  X(variable_value)            \
  X(variable_type)             \
  X(dbrp_statement)            \
  X(database_name)             \
  X(dbrp_dot)                  \
  X(retention_policy_name)     \
  X(expression)                \
  X(lambda_expression)         \
  X(lambda_body)               \
  X(list_expression)           \
  X(list_more)                 \
  X(list_element)              \
  X(list_end)                  \
  X(call_expression)           \
  X(function_call)             \
  X(identifier_chain)          \
  X(chain_link)                \
  X(chain_step)                \
  X(chain_function_name)       \
  X(chain_arguments)           \
  X(property_step)             \
  X(property_name)             \
  X(dynamic_step)              \
  X(dynamic_name)              \
  X(call_arguments)            \
  X(argument_list)             \
  X(argument_more)             \
  X(argument)                  \
  X(argument_list_end)         \
  X(binary_expression)         \
  X(binary_tail)               \
  X(right_operand)             \
  X(binary_operator)           \
  X(full_operator)             \
  X(restricted_operator)       \
  X(regex_match_operator)      \
  X(regex_match_symbol)        \
  X(logical_operator)          \
  X(logical_symbol)            \
  X(logical_operand_gap)       \
  X(symbol_operator)           \
  X(operator_symbol)           \
  X(minus_operator)            \
  X(minus_symbol)              \
  X(operand)                   \
  X(unary_expression)          \
  X(unary_symbol)              \
  X(unary_operand)             \
  X(primary)                   \
  X(parenthesized)             \
  X(parenthesized_expression)  \
  X(close_parenthesis)         \
  X(primary_call)              \
  X(lambda_call_arguments)     \
  X(lambda_argument_more)      \
  X(lambda_argument)           \
  X(skip)                      \
  X(operand_gap)               \
  X(regex_gap)                 \
  X(after_operand_state_token) \
  X(space)                     \
  X(line_space)                \
  X(comment)                   \
  X(comment_text)              \
  X(comment_continuation)      \
  X(letter)                    \
  X(unicode_digit)             \
  X(ident_char)                \
  X(keyword)                   \
  X(identifier)                \
  X(underscore_identifier)     \
  X(var_keyword)               \
  X(dbrp_keyword)              \
  X(lambda_keyword)            \
  X(dot)                       \
  X(duration_literal)          \
  X(duration_unit)             \
  X(number_literal)            \
  X(string_literal)            \
  X(triple_string)             \
  X(triple_close)              \
  X(single_string)             \
  X(unterminated_string)       \
  X(reference_literal)         \
  X(quoted_reference)          \
  X(unterminated_reference)    \
  X(regex_literal)             \
  X(slashed_regex)             \
  X(unterminated_regex)        \
  X(bool_literal)              \
  X(star_literal)

#define FARAD_DECLARE_RULE(name) struct name;
FARAD_TICK_RULES(FARAD_DECLARE_RULE)
#undef FARAD_DECLARE_RULE

// ---- programs and statements

struct program : pg::seq<statement_list, skip, pg::must<end_of_script>> {};
struct lambda_text
    : pg::seq<skip, pg::must<lambda_text_expression>, skip, pg::must<end_of_lambda_text>> {};
struct statement_list : pg::star<statement_gap, statement> {};
struct statement_gap : pg::sor<pg::seq<after_operand_state_token, skip>, operand_gap> {};
struct statement : pg::sor<declaration, dbrp_statement, expression> {};
struct end_of_script : pg::eof {};
struct lambda_text_expression : pg::seq<binary_expression> {};
struct end_of_lambda_text : pg::eof {};

struct declaration : pg::seq<var_keyword, skip, pg::must<variable_name>,
                             pg::sor<assignment, pg::must<variable_type>>> {};
struct variable_name : pg::seq<identifier> {};
// No comment may sit between the name and '=' (the lexer would take '=' for an error).
struct assignment : pg::seq<pg::star<space>, pg::one<'='>, pg::not_at<pg::one<'=', '~'>>, regex_gap,
                            pg::must<variable_value>> {};
struct variable_value : pg::seq<expression> {};
struct variable_type : pg::seq<skip, identifier> {};

struct dbrp_statement : pg::seq<dbrp_keyword, skip, pg::must<database_name>, skip,
                                pg::must<dbrp_dot>, skip, pg::must<retention_policy_name>> {};
struct database_name : pg::seq<reference_literal> {};
struct dbrp_dot : pg::seq<dot> {};
struct retention_policy_name : pg::seq<reference_literal> {};

// ---- expressions

struct expression : pg::sor<lambda_expression, list_expression, call_expression, identifier_chain,
                            binary_expression> {};
struct lambda_expression : pg::seq<lambda_keyword, pg::must<lambda_body>> {};
struct lambda_body : pg::seq<operand_gap, binary_expression> {};
struct list_expression
    : pg::seq<pg::one<'['>, skip,
              pg::sor<pg::one<']'>, pg::seq<pg::must<list_element>, pg::star<list_more>, skip,
                                            pg::must<list_end>>>> {};
struct list_more
    : pg::seq<skip, pg::one<','>, skip, pg::sor<pg::at<pg::one<']'>>, pg::must<list_element>>> {};
struct list_element : pg::sor<identifier, string_literal, star_literal> {};
struct list_end : pg::one<']'> {};
struct call_expression
    : pg::seq<function_call, pg::sor<pg::plus<chain_link>, pg::star<binary_tail>>> {};
struct function_call : pg::seq<identifier, skip, call_arguments> {};
struct identifier_chain : pg::seq<identifier, pg::plus<chain_link>> {};

struct chain_link : pg::seq<skip, pg::sor<chain_step, property_step, dynamic_step>> {};
struct chain_step
    : pg::seq<pg::one<'|'>, skip, pg::must<chain_function_name>, skip, pg::must<chain_arguments>> {
};
struct chain_function_name : pg::seq<identifier> {};
struct chain_arguments : pg::seq<pg::one<'('>, argument_list> {};
struct property_step : pg::seq<dot, skip, pg::must<property_name>, pg::opt<skip, call_arguments>> {
};
struct property_name : pg::seq<identifier> {};
struct dynamic_step
    : pg::seq<pg::one<'@'>, skip, pg::must<dynamic_name>, pg::opt<skip, call_arguments>> {};
struct dynamic_name : pg::seq<identifier> {};

struct call_arguments : pg::seq<pg::one<'('>, argument_list> {};
struct argument_list
    : pg::seq<skip, pg::sor<pg::one<')'>, pg::seq<pg::must<argument>, pg::star<argument_more>, skip,
                                                  pg::must<argument_list_end>>>> {};
struct argument_more
    : pg::seq<skip, pg::one<','>, skip, pg::sor<pg::at<pg::one<')'>>, pg::must<argument>>> {};
struct argument : pg::seq<expression> {};
struct argument_list_end : pg::one<')'> {};

// ---- binary expressions: a flat list, folded by precedence in the parser's actions

struct binary_expression : pg::seq<operand, pg::star<binary_tail>> {};
struct binary_tail : pg::seq<binary_operator, pg::must<right_operand>> {};
struct right_operand : pg::seq<operand> {};
struct binary_operator
    : pg::sor<pg::seq<pg::not_at<after_operand_state_token>, pg::star<space>, full_operator>,
              pg::seq<skip, restricted_operator>> {};
struct full_operator : pg::sor<regex_match_operator, logical_operator, symbol_operator> {};
struct restricted_operator : pg::sor<logical_operator, minus_operator> {};
struct regex_match_operator : pg::seq<regex_match_symbol, regex_gap> {};
struct regex_match_symbol : pg::sor<TAO_PEGTL_STRING("=~"), TAO_PEGTL_STRING("!~")> {};
struct logical_operator : pg::seq<logical_symbol, pg::must<logical_operand_gap>> {};
struct logical_symbol
    : pg::seq<pg::sor<TAO_PEGTL_STRING("AND"), TAO_PEGTL_STRING("OR")>, pg::not_at<ident_char>> {};
struct logical_operand_gap : pg::seq<operand_gap> {};
struct symbol_operator : pg::seq<operator_symbol, skip> {};
struct operator_symbol
    : pg::sor<TAO_PEGTL_STRING("=="), TAO_PEGTL_STRING("!="), TAO_PEGTL_STRING("<="),
              TAO_PEGTL_STRING(">="), pg::one<'<', '>', '+', '-', '*'>,
              pg::seq<pg::one<'/'>, pg::not_at<pg::one<'/'>>>, pg::one<'%'>> {};
struct minus_operator : pg::seq<minus_symbol, skip> {};
struct minus_symbol : pg::one<'-'> {};

struct operand : pg::sor<unary_expression, primary> {};
struct unary_expression : pg::seq<unary_symbol, skip, pg::must<unary_operand>> {};
struct unary_symbol : pg::one<'-', '!'> {};
struct unary_operand : pg::seq<operand> {};
struct primary
    : pg::sor<parenthesized, duration_literal, number_literal, string_literal, bool_literal,
              regex_literal, star_literal, reference_literal, primary_call, identifier> {};
struct parenthesized : pg::seq<pg::one<'('>, skip, pg::must<parenthesized_expression>, skip,
                               pg::must<close_parenthesis>> {};
struct parenthesized_expression : pg::seq<binary_expression> {};
struct close_parenthesis : pg::one<')'> {};
struct primary_call : pg::seq<identifier, skip, lambda_call_arguments> {};
struct lambda_call_arguments
    : pg::seq<
          pg::one<'('>, skip,
          pg::sor<pg::one<')'>, pg::seq<pg::must<lambda_argument>, pg::star<lambda_argument_more>,
                                        skip, pg::must<argument_list_end>>>> {};
struct lambda_argument_more
    : pg::seq<skip, pg::one<','>, skip, pg::sor<pg::at<pg::one<')'>>, pg::must<lambda_argument>>> {
};
struct lambda_argument : pg::seq<binary_expression> {};

// ---- gaps

// In operator state '*', '/', '!=' and '!~' are operators, so they cannot start an operand.
struct operand_gap
    : pg::seq<pg::star<space>, pg::sor<pg::seq<pg::at<TAO_PEGTL_STRING("//")>, skip>,
                                       pg::not_at<pg::sor<pg::one<'*', '/'>, TAO_PEGTL_STRING("!="),
                                                          TAO_PEGTL_STRING("!~")>>>> {};
struct regex_gap : pg::sor<pg::seq<pg::star<space>, pg::at<pg::one<'/'>>>, skip> {};

// ---- messages of the must points and raises
//
// A rule with a message raises whenever it fails (must_if), so these rules appear only behind
// must<> or as raise<>. Messages that start with "expected" are completed by the parser with
// what was found: "unexpected ')', expected an expression after '='".

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define FARAD_ERROR_MESSAGE(rule, text) \
  template <>                           \
  inline constexpr const char* error_message<rule> = text;

FARAD_ERROR_MESSAGE(end_of_script, "expected a statement")
FARAD_ERROR_MESSAGE(lambda_text_expression, "expected a lambda expression")
FARAD_ERROR_MESSAGE(end_of_lambda_text, "expected the end of the lambda expression")
FARAD_ERROR_MESSAGE(variable_name, "expected a variable name after 'var'")
FARAD_ERROR_MESSAGE(variable_value, "expected an expression after '='")
FARAD_ERROR_MESSAGE(variable_type, "expected '=' or a type name after the variable name")
FARAD_ERROR_MESSAGE(database_name, "expected a double-quoted database name after 'dbrp'")
FARAD_ERROR_MESSAGE(dbrp_dot, "expected '.' between the database and the retention policy")
FARAD_ERROR_MESSAGE(retention_policy_name, "expected a double-quoted retention policy name")
FARAD_ERROR_MESSAGE(lambda_body, "expected an expression after 'lambda:'")
FARAD_ERROR_MESSAGE(list_element, "expected an identifier, a string or '*' in the list")
FARAD_ERROR_MESSAGE(list_end, "expected ',' or ']' to close the list")
FARAD_ERROR_MESSAGE(chain_function_name, "expected a node name after '|'")
FARAD_ERROR_MESSAGE(chain_arguments, "expected '(' after the node name")
FARAD_ERROR_MESSAGE(property_name, "expected a property name after '.'")
FARAD_ERROR_MESSAGE(dynamic_name, "expected a function name after '@'")
FARAD_ERROR_MESSAGE(argument, "expected an argument or ')'")
FARAD_ERROR_MESSAGE(argument_list_end, "expected ',' or ')' to close the argument list")
FARAD_ERROR_MESSAGE(lambda_argument, "expected an argument or ')'")
FARAD_ERROR_MESSAGE(right_operand, "expected an expression after the operator")
FARAD_ERROR_MESSAGE(logical_operand_gap, "expected an expression after the operator")
FARAD_ERROR_MESSAGE(unary_operand, "expected an expression after the unary operator")
FARAD_ERROR_MESSAGE(parenthesized_expression, "expected an expression after '('")
FARAD_ERROR_MESSAGE(close_parenthesis, "expected ')' to close the parenthesis")
FARAD_ERROR_MESSAGE(underscore_identifier, "identifiers cannot start with '_'")
FARAD_ERROR_MESSAGE(unterminated_string, "unterminated string")
FARAD_ERROR_MESSAGE(unterminated_reference, "unterminated reference")
FARAD_ERROR_MESSAGE(unterminated_regex, "unterminated regex")

#undef FARAD_ERROR_MESSAGE

struct error_table {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};

}  // namespace farad::lang::grammar
