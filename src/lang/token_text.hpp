#pragma once
// How single tokens are spelled in TICKscript source: literals re-quoted with the lexer's only
// escape, comment lines. Each spelling reads back, through the parser, as the same value.

#include <string>
#include <string_view>

#include "lang/ast.hpp"

namespace farad::lang {

/// The source text of a leaf node (number, duration, string, bool, regex, star, reference,
/// identifier). Numbers and durations keep their literal as written (`010` stays octal).
std::string token_text(const Node& node);

/// A field or tag reference, or a dbrp name: `"name"` with `\"` escaped.
std::string reference_text(std::string_view name);

/// One comment line: `//`, a space, then the text after `//` without trailing blanks.
std::string comment_line_text(std::string_view text);

}  // namespace farad::lang
