#pragma once
// A small seeded random generator for the engine. Its own algorithms (SplitMix64, Box-Muller,
// Marsaglia-Tsang), not <random>'s distributions, so a seed gives the same figures with every
// standard library.

#include <cmath>
#include <cstdint>

namespace skyline {

class SeededRandom
{
public:
    /// The seed is scrambled first: neighbouring seeds must not give shifted copies of one
    /// stream (SplitMix64 walks its state in steps of a constant).
    explicit SeededRandom(std::uint64_t seed) : m_state(mix(mix(seed) ^ 0x1234567ull)) {}

    std::uint64_t next() { return mix(m_state += 0x9E3779B97F4A7C15ull); }

    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /// Uniform in (0, 1], safe for log().
    double uniformPositive() { return 1.0 - uniform(); }
    /// Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }

    double exponential(double mean) { return -mean * std::log(uniformPositive()); }

    double normal()
    {
        const double u1 = uniformPositive();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
    }

private:
    static std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state;
};

} // namespace skyline
