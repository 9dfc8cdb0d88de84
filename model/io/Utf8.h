#pragma once
// Messages quote what the user wrote; the bytes they quote may not be valid UTF-8 (a parser
// stops in the middle of a character, a trace file in Latin-1). Every message Skyline makes is
// valid UTF-8: these functions make quoted text so.

#include <cstddef>
#include <string>
#include <string_view>

namespace skyline {

/// `text` with every byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
/// overlong forms, no surrogates, nothing beyond U+10FFFF) written as "\xNN".
std::string validUtf8(std::string_view text);

/// The offset of the first byte of `text` that is not part of a well-formed UTF-8 sequence,
/// or std::string_view::npos when the whole text is valid UTF-8.
std::size_t firstInvalidUtf8Byte(std::string_view text);

/// validUtf8 of at most `maxCharacters` characters of `text`, cut at a character boundary and
/// ending in "…" when cut: a quotation for a message.
std::string utf8Excerpt(std::string_view text, std::size_t maxCharacters = 40);

/// Characters (code points; an invalid byte counts as one) in the first `bytes` bytes of
/// `text`: the column of a byte offset within a line, counted as a user counts.
std::size_t utf8Characters(std::string_view text, std::size_t bytes);

} // namespace skyline
