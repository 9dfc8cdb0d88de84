#pragma once
// Function days already worked out during one evaluation, found again by everything a day
// depends on: the function's settings, the method, the seed (simulation only) and the rate of
// every minute. Candidates that are variants of one another, and chains of functions that pass
// the same traffic on with the same settings, then cost one computation.

#include "engine/Evaluation.h"
#include "engine/FunctionModel.h"

#include <cstddef>
#include <cstdint>
#include <memory>
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

    /// Remembers `day` for `key` by reference: the key's rates and `day` must stay alive and
    /// unchanged until keepCopies() or clear(). A candidate's own days need no copies.
    void add(const Key &key, const FunctionDayResult &day);

    /// Copies what add() remembered by reference, so that later candidates can share it after
    /// the caller's data are gone (up to maxBytes; beyond, days are forgotten).
    void keepCopies();

    /// Forgets everything.
    void clear();

    /// A bound on the memory an evaluation spends on copies (a day is about 46 KB).
    static constexpr std::size_t maxBytes = std::size_t(64) << 20;

private:
    struct Entry
    {
        FunctionConfig config;
        EvalMethod method;
        std::uint64_t seed;
        const std::vector<double> *ratePerMinuteRps; ///< the caller's, or ownRates
        const FunctionDayResult *day;                ///< the caller's, or ownDay
        std::vector<double> ownRates;
        std::unique_ptr<const FunctionDayResult> ownDay;
    };
    static std::uint64_t hashOf(const Key &key); ///< of every field but `hash`

    std::unordered_multimap<std::uint64_t, Entry> m_entries;
    std::size_t m_copiedBytes = 0;
};

} // namespace skyline
