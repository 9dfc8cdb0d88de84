#include "KubernetesQuantity.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace skyline::importing {

namespace {

constexpr std::array<std::pair<const char *, double>, 16> suffixFactors = {{
    {"", 1.0},
    {"n", 1e-9},
    {"u", 1e-6},
    {"m", 1e-3},
    {"k", 1e3},
    {"M", 1e6},
    {"G", 1e9},
    {"T", 1e12},
    {"P", 1e15},
    {"E", 1e18},
    {"Ki", 1024.0},
    {"Mi", 1048576.0},
    {"Gi", 1073741824.0},
    {"Ti", 1099511627776.0},
    {"Pi", 1125899906842624.0},
    {"Ei", 1152921504606846976.0},
}};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Length of the leading "[+-]digits[.digits]" of `text` (0 when there is no digit).
std::size_t numberLength(const std::string &text)
{
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    std::size_t digits = 0;
    while (i < text.size() && isDigit(text[i]))
        ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && isDigit(text[i]))
            ++i, ++digits;
    }
    return digits == 0 ? 0 : i;
}

std::optional<double> suffixFactor(const std::string &suffix)
{
    for (const auto &[name, factor] : suffixFactors)
        if (suffix == name)
            return factor;
    // A decimal exponent: "e" or "E" followed by a signed integer ("E" alone is exa, above).
    if (suffix.size() >= 2 && (suffix[0] == 'e' || suffix[0] == 'E')) {
        std::size_t start = 1;
        if (suffix[start] == '+' || suffix[start] == '-')
            ++start;
        if (start == suffix.size())
            return std::nullopt;
        for (std::size_t i = start; i < suffix.size(); ++i)
            if (!isDigit(suffix[i]))
                return std::nullopt;
        int exponent = 0;
        const char *first = suffix.data() + (suffix[1] == '+' ? 2 : 1);
        const auto [end, error] = std::from_chars(first, suffix.data() + suffix.size(), exponent);
        if (error != std::errc() || end != suffix.data() + suffix.size())
            return std::nullopt;
        return std::pow(10.0, exponent);
    }
    return std::nullopt;
}

} // namespace

std::optional<double> parseKubernetesQuantity(const std::string &text, std::string &problem)
{
    const std::size_t length = numberLength(text);
    if (length == 0) {
        problem = text.empty() ? "it is empty" : "it does not start with a number";
        return std::nullopt;
    }
    const char *first = text.data() + (text[0] == '+' ? 1 : 0);
    double number = 0;
    const auto [end, error] = std::from_chars(first, text.data() + length, number);
    if (error != std::errc() || end != text.data() + length) {
        problem = "its number cannot be read";
        return std::nullopt;
    }
    const std::string suffix = text.substr(length);
    const std::optional<double> factor = suffixFactor(suffix);
    if (!factor) {
        problem = "unknown suffix '" + suffix +
                  "', expected one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei or an exponent "
                  "such as e3";
        return std::nullopt;
    }
    const double value = number * *factor;
    if (!std::isfinite(value)) {
        problem = "it is too large";
        return std::nullopt;
    }
    return value;
}

} // namespace skyline::importing
