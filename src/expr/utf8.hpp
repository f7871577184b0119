#pragma once
// UTF-8 as Go's strings and unicode packages see it: an invalid byte decodes as U+FFFD with
// width 1, case mapping is the simple one-rune Unicode mapping, IsSpace and IsPrint follow Go.

#include <cstddef>
#include <string>
#include <string_view>

namespace farad::expr {

/// Go's utf8.RuneError.
inline constexpr char32_t kRuneError = 0xFFFD;

/// A decoded rune and the number of bytes it took.
struct Rune {
  char32_t value = kRuneError;
  size_t size = 0;
};

/// Go's utf8.DecodeRuneInString(text[at:]): (RuneError, 1) for an invalid byte, (RuneError, 0)
/// at the end.
Rune decode_rune(std::string_view text, size_t at);

/// Go's utf8.DecodeLastRuneInString(text[:end]).
Rune decode_last_rune(std::string_view text, size_t end);

/// Appends the UTF-8 encoding of `rune` (RuneError for an invalid code point).
void append_rune(std::string& out, char32_t rune);

/// Go's utf8.RuneCountInString: invalid bytes count one each.
size_t rune_count(std::string_view text);

/// Go's unicode.IsSpace.
bool is_space(char32_t rune);

/// Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols and ' '), as far as
/// the C library's Unicode tables allow.
bool is_print(char32_t rune);

/// Go's unicode.IsLetter and unicode.IsDigit, for regexp template names.
bool is_letter_or_digit(char32_t rune);

/// Go's unicode.ToLower / unicode.ToUpper of one rune.
char32_t to_lower(char32_t rune);
char32_t to_upper(char32_t rune);

}  // namespace farad::expr
