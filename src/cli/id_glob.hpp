#pragma once
// Glob patterns over ids, as Kapacitor's API filters them (Go's filepath.Match): `*` any run
// of characters, `?` one character, `[a-z]`/`[^0-9]` a class, `\` quotes the next character.
// Ids never hold '/', the one character Go's wildcards do not match.

#include <string_view>

namespace farad::cli {

/// Whether `id` matches `pattern`; an empty pattern matches everything (as the API's absent
/// pattern). Throws std::runtime_error for a malformed pattern (an unclosed `[`, a trailing `\`).
bool glob_match(std::string_view pattern, std::string_view id);

}  // namespace farad::cli
