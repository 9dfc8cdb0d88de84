#include "io/Utf8.h"

#include <algorithm>

namespace skyline {
namespace {

/// Length of the well-formed UTF-8 sequence at text[i], or 0 when the byte starts none.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF; // range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0)
            lo = 0xA0; // no overlong forms
        else if (b0 == 0xED)
            hi = 0x9F; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F; // nothing beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    return length;
}

void appendEscapedByte(std::string &out, unsigned char b)
{
    static const char hex[] = "0123456789ABCDEF";
    out += "\\x";
    out += hex[b >> 4];
    out += hex[b & 0xF];
}

} // namespace

std::size_t firstInvalidUtf8Byte(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return std::string_view::npos;
}

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) {
            appendEscapedByte(out, static_cast<unsigned char>(text[i]));
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string utf8Excerpt(std::string_view text, std::size_t maxCharacters)
{
    std::size_t end = 0, characters = 0;
    while (end < text.size() && characters < maxCharacters) {
        end += std::max<std::size_t>(1, sequenceLength(text, end));
        ++characters;
    }
    std::string out = validUtf8(text.substr(0, end));
    if (end < text.size())
        out += "\u2026";
    return out;
}

std::size_t utf8Characters(std::string_view text, std::size_t bytes)
{
    bytes = std::min(bytes, text.size());
    std::size_t characters = 0;
    for (std::size_t i = 0; i < bytes; ++characters)
        i += std::max<std::size_t>(1, sequenceLength(text, i));
    return characters;
}

} // namespace skyline
