#include "engine/FunctionDayCache.h"

#include <bit>
#include <cstring>

namespace skyline {

std::uint64_t FunctionDayCache::hashOf(const Key &key)
{
    // Four independent multiply-xor lanes over the minutes' bit patterns (one lane would be a
    // chain of 1,440 dependent multiplications), then the settings.
    constexpr std::uint64_t prime = 0x100000001B3ull;
    std::uint64_t lane[4] = {0xCBF29CE484222325ull, 0x9E3779B97F4A7C15ull,
                             0xBF58476D1CE4E5B9ull, 0x94D049BB133111EBull};
    const std::vector<double> &rps = *key.ratePerMinuteRps;
    std::size_t i = 0;
    for (; i + 4 <= rps.size(); i += 4)
        for (int k = 0; k < 4; ++k)
            lane[k] = (lane[k] ^ std::bit_cast<std::uint64_t>(rps[i + std::size_t(k)])) * prime;
    for (; i < rps.size(); ++i)
        lane[0] = (lane[0] ^ std::bit_cast<std::uint64_t>(rps[i])) * prime;
    std::uint64_t h = lane[0] ^ (lane[1] << 1) ^ (lane[2] << 2) ^ (lane[3] << 3) ^ rps.size();
    auto mix = [&h, prime](std::uint64_t bits) { h = (h ^ bits) * prime; };
    const FunctionConfig &c = key.config;
    for (double x : {c.durationMs, c.durationCv, c.coldStartMs, c.keepAliveS})
        mix(std::bit_cast<std::uint64_t>(x));
    mix(std::uint64_t(c.concurrencyLimit));
    mix(std::uint64_t(c.provisionedConcurrency));
    mix(std::uint64_t(key.method));
    mix(key.seed);
    return h;
}

FunctionDayCache::Key FunctionDayCache::keyFor(const FunctionConfig &config, EvalMethod method,
                                               std::uint64_t seed,
                                               const std::vector<double> &ratePerMinuteRps)
{
    Key key{config, method, seed, &ratePerMinuteRps, 0};
    key.hash = hashOf(key);
    return key;
}

const FunctionDayResult *FunctionDayCache::find(const Key &key) const
{
    if (m_entries.empty())
        return nullptr;
    const auto [first, last] = m_entries.equal_range(key.hash);
    const std::vector<double> &rps = *key.ratePerMinuteRps;
    for (auto it = first; it != last; ++it) {
        const Entry &e = it->second;
        const std::vector<double> &known = *e.ratePerMinuteRps;
        // Bitwise equal minutes (0.0 and -0.0 differ, NaN equals itself): the same day.
        if (e.config == key.config && e.method == key.method && e.seed == key.seed
            && known.size() == rps.size()
            && std::memcmp(known.data(), rps.data(), rps.size() * sizeof(double)) == 0)
            return e.day;
    }
    return nullptr;
}

void FunctionDayCache::add(const Key &key, const FunctionDayResult &day)
{
    m_entries.emplace(key.hash, Entry{key.config, key.method, key.seed, key.ratePerMinuteRps,
                                      &day, {}, nullptr});
}

void FunctionDayCache::keepCopies()
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        Entry &e = it->second;
        if (e.ownDay) {
            ++it;
            continue;
        }
        const std::size_t bytes = sizeof(double)
            * (e.ratePerMinuteRps->size() + e.day->alivePerMinute.size()
               + e.day->busyPerMinute.size() + e.day->coldStartsPerMinute.size());
        if (m_copiedBytes + bytes > maxBytes) {
            it = m_entries.erase(it);
            continue;
        }
        m_copiedBytes += bytes;
        e.ownRates = *e.ratePerMinuteRps;
        e.ratePerMinuteRps = &e.ownRates;
        e.ownDay = std::make_unique<const FunctionDayResult>(*e.day);
        e.day = e.ownDay.get();
        ++it;
    }
}

void FunctionDayCache::clear()
{
    m_entries.clear();
    m_copiedBytes = 0;
}

} // namespace skyline
