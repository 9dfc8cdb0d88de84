#pragma once
// Function days already worked out during one evaluation, found again by everything a day
// depends on: the function's settings, the method, the seed (simulation only) and the rate of
// every minute. Candidates that are variants of one another, and chains of functions that pass
// the same traffic on with the same settings, then cost one computation.

#include "engine/Evaluation.h"
#include "engine/FunctionModel.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace skyline {

class FunctionDayCache
{
public:
    /// What a function day depends on (made by keyFor). `ratePerMinuteRps` must outlive it.
    struct Key
    {
        FunctionConfig config;
        EvalMethod method = EvalMethod::Analytic;
        std::uint64_t seed = 0; ///< simulation: the node's seed; analytic: 0
        const std::vector<double> *ratePerMinuteRps = nullptr;
        std::uint64_t hash = 0;
    };

    static Key keyFor(const FunctionConfig &config, EvalMethod method, std::uint64_t seed,
                      const std::vector<double> &ratePerMinuteRps);

    /// The day computed before for exactly this key (every field and every minute equal: the
    /// hash only narrows the search), or nullptr.
    const FunctionDayResult *find(const Key &key) const;

    /// Keeps a copy of `day` for `key`, unless the cache already holds maxBytes.
    void add(const Key &key, const FunctionDayResult &day);

    /// A bound on the memory an evaluation spends on copies (a day is about 46 KB).
    static constexpr std::size_t maxBytes = std::size_t(64) << 20;

private:
    struct Entry
    {
        FunctionConfig config;
        EvalMethod method;
        std::uint64_t seed;
        std::vector<double> ratePerMinuteRps;
        FunctionDayResult day;
    };
    static std::uint64_t hashOf(const Key &key); ///< of every field but `hash`

    std::unordered_multimap<std::uint64_t, Entry> m_entries;
    std::size_t m_bytes = 0;
};

} // namespace skyline
