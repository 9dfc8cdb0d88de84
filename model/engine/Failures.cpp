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
    for (int byte = 0; byte < 8; ++byte)
        m_hash = (m_hash ^ ((value >> (8 * byte)) & 0xffu)) * 1099511628211ull;
    return *this;
}

ContentHash &ContentHash::add(double value)
{
    return add(std::bit_cast<std::uint64_t>(value + 0.0)); // -0 hashes as +0
}

ContentHash &ContentHash::add(const std::vector<double> &values)
{
    add(std::uint64_t(values.size()));
    // Word-wise for speed (a day's table is 1,440 values): a multiply-xorshift per value.
    std::uint64_t h = m_hash;
    for (double v : values) {
        h ^= std::bit_cast<std::uint64_t>(v + 0.0);
        h *= 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    m_hash = h;
    return *this;
}

ContentHash &ContentHash::add(const std::string &text)
{
    add(std::uint64_t(text.size()));
    for (unsigned char ch : text)
        m_hash = (m_hash ^ ch) * 1099511628211ull;
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
