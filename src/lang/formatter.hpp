#pragma once
// Canonical TICKscript formatting in the style of Kapacitor's tickfmt: one chain step per line,
// nodes indented one step under their chain, properties two steps; comments preserved.

#include <string>

#include "lang/ast.hpp"

namespace farad::lang {

/// The canonical text of a program. Idempotent: formatting the result again gives the same text.
std::string format_program(const Program& program);

}  // namespace farad::lang
