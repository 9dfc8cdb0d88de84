#pragma once
// Internals of the latency Monte Carlo (Latency.h), declared for their direct tests. Not part
// of the engine's public API.

#include "engine/Evaluation.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace skyline::latencydetail {

/// The values at `ranks` (0 = smallest; ranks ascending) of non-empty `values`, which it leaves
/// in their order: what std::nth_element would put at each rank. `keys` is working memory.
std::vector<double> valuesAtRanks(const std::vector<double> &values,
                                  const std::vector<std::size_t> &ranks,
                                  std::vector<std::uint64_t> &keys);

/// Index of quantile q among n samples (the convention of every percentile here).
std::size_t quantileRank(double q, std::size_t n);

/// The percentiles of `values` (p50, p95, p99 at quantileRank) and, with `tail` > 0, in
/// *tailEdge the value at rank n - tail. `keys` is working memory.
Percentiles percentilesOf(const std::vector<double> &values, std::vector<std::uint64_t> &keys,
                          std::size_t tail = 0, double *tailEdge = nullptr);

/// The same, with the order-statistic 95 % interval of each percentile in `ci95`
/// (quantileCi95Ranks).
Percentiles percentilesOf(const std::vector<double> &values, std::vector<std::uint64_t> &keys,
                          PercentileIntervals &ci95, std::size_t tail = 0,
                          double *tailEdge = nullptr);

/// Shares of the requests that failed (latency +infinity), by the cause their flags name
/// (bit 2 throttled, else timed out).
FailedShare failedShareOf(const std::vector<double> &latencyMs, const std::vector<char> &flags);

} // namespace skyline::latencydetail
