#include "domain/NumberText.h"

#include <charconv>
#include <cmath>

namespace skyline {

namespace {

/// "1234567" → "1,234,567"; a leading '-' stays in front.
std::string groupThousands(const std::string &digits)
{
    const std::size_t first = digits.front() == '-' ? 1 : 0;
    std::string out = digits.substr(0, first);
    const std::size_t count = digits.size() - first;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 && (count - i) % 3 == 0)
            out += ',';
        out += digits[first + i];
    }
    return out;
}

} // namespace

std::string numberText(double value)
{
    if (std::isnan(value))
        return "not a number";
    if (std::isinf(value))
        return value > 0 ? "infinity" : "-infinity";
    if (value == 0)
        return "0"; // also -0
    char buffer[400]; // fixed notation of the largest double has 309 digits
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (error != std::errc())
        return "?";
    const std::string text(buffer, end);
    const std::size_t point = text.find('.');
    if (point == std::string::npos)
        return groupThousands(text);
    return groupThousands(text.substr(0, point)) + text.substr(point);
}

} // namespace skyline
