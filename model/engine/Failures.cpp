#include "engine/Failures.h"

#include <bit>
#include <cstring>

namespace skyline {

Percentiles withTimeout(Percentiles answeredMs, double timeoutMs)
{
    constexpr double failedMs = std::numeric_limits<double>::infinity();
    for (double *p : {&answeredMs.p50, &answeredMs.p95, &answeredMs.p99})
        if (*p > timeoutMs)
            *p = failedMs;
    return answeredMs;
}

ContentHash &ContentHash::add(std::uint64_t value)
{
    // A multiply-xorshift step per 64-bit word: a day's tables are thousands of words.
    m_hash ^= value;
    m_hash *= 0x9E3779B97F4A7C15ull;
    m_hash ^= m_hash >> 29;
    return *this;
}

ContentHash &ContentHash::add(double value)
{
    return add(std::bit_cast<std::uint64_t>(value + 0.0)); // -0 hashes as +0
}

ContentHash &ContentHash::add(const std::vector<double> &values)
{
    add(std::uint64_t(values.size()));
    for (double v : values)
        add(std::bit_cast<std::uint64_t>(v + 0.0));
    return *this;
}

ContentHash &ContentHash::add(const std::string &text)
{
    add(std::uint64_t(text.size()));
    for (unsigned char ch : text)
        add(std::uint64_t(ch));
    return *this;
}

std::uint64_t ContentHash::value() const
{
    std::uint64_t z = m_hash + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace skyline
