#pragma once
// TICKscript parser: text -> Program. The PEGTL grammar (grammar/tick.peg) is confined to
// parser.cpp and tick_grammar.hpp.

#include <string_view>
#include <vector>

#include "lang/ast.hpp"
#include "lang/diagnostic.hpp"

namespace farad::lang {

/// Parses a whole script. Throws DiagnosticError at the first syntax error.
Program parse_program(const Source& source);

/// Parses a lambda expression given without `lambda:` (how vars files supply lambdas).
/// Throws DiagnosticError.
NodePtr parse_lambda_text(const Source& source);

/// The rule names of the PEGTL grammar, in declaration order (checked against tick.peg).
std::vector<std::string_view> grammar_rule_names();

/// Number of problems `analyze<grammar>()` finds (must be 0).
std::size_t analyze_grammar();

}  // namespace farad::lang
