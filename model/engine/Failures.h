#pragma once
// Failed requests (DESIGN.md §7 "Failures are not latencies"): percentiles over all requests,
// with the failed ones counted as infinitely slow.

#include "engine/Evaluation.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace skyline {

/// Percentile q over all of a node's requests: a share `unansweredShare` gets no answer at all
/// (throttled, or beyond an overloaded service's capacity), the others answer after times whose
/// quantile function is `answeredQuantileMs`, and an answer slower than `timeoutMs` fails too.
/// +infinity where q falls among the failures.
template <typename AnsweredQuantileMs>
double quantileOverAllMs(AnsweredQuantileMs answeredQuantileMs, double unansweredShare,
                         double timeoutMs, double q)
{
    constexpr double failedMs = std::numeric_limits<double>::infinity();
    const double answered = 1.0 - unansweredShare;
    if (!(answered > 0))
        return failedMs;
    const double within = q / answered;
    if (within >= 1.0)
        return failedMs;
    const double ms = answeredQuantileMs(within);
    return ms > timeoutMs ? failedMs : ms;
}

template <typename AnsweredQuantileMs>
Percentiles percentilesOverAllMs(AnsweredQuantileMs answeredQuantileMs, double unansweredShare,
                                 double timeoutMs)
{
    return {quantileOverAllMs(answeredQuantileMs, unansweredShare, timeoutMs, 0.50),
            quantileOverAllMs(answeredQuantileMs, unansweredShare, timeoutMs, 0.95),
            quantileOverAllMs(answeredQuantileMs, unansweredShare, timeoutMs, 0.99)};
}

/// Percentiles slower than the timeout become +infinity (they are failures).
Percentiles withTimeout(Percentiles answeredMs, double timeoutMs);

/// A 64-bit hash of content (a multiply-xorshift step per word, then a SplitMix64 finish):
/// seeds that follow what determines a figure, never ids or positions (DESIGN.md §7).
class ContentHash
{
public:
    explicit ContentHash(std::uint64_t start = 0x6A09E667F3BCC908ull) : m_hash(start) {}
    ContentHash &add(std::uint64_t value);
    ContentHash &add(double value);
    ContentHash &add(const std::vector<double> &values);
    ContentHash &add(const std::string &text);
    std::uint64_t value() const;

private:
    std::uint64_t m_hash;
};

} // namespace skyline
