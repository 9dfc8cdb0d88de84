#pragma once
// Uncertainty (DESIGN.md §7, issue 11 point 4): the parameters that carry a range are sampled
// (Latin hypercube, triangular with the value as the mode, seeded), every sample is evaluated
// with the analytic method, and each candidate gets P10/P50/P90 of its monthly cost, of its
// worst entry point's p99 and of its peak instances, and how often it is the cheapest and the
// fastest. Plain C++, no Qt.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace skyline {

inline constexpr int maxUncertaintySamples = 100000;

struct UncertaintyOptions
{
    int samples = 1000;
    std::uint64_t seed = 1;   ///< the sampling and the latency Monte Carlo follow it
    /// Every workload scaled by it, as EvalOptions::trafficMultiplier (the studio's what-if
    /// slider): the bands describe the traffic the charts show.
    double trafficMultiplier = 1.0;
    int threads = 0;          ///< 0: one per core
    /// Called after each sample from a worker thread (never two at once) with (done, total);
    /// returning false cancels.
    std::function<bool(std::size_t, std::size_t)> progress;
    const std::atomic<bool> *cancel = nullptr; ///< set from any thread to cancel; optional
};

struct Spread
{
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
};

struct CandidateUncertainty
{
    std::string id;
    std::string name;
    Spread monthlyCostUsd;
    Spread p99Ms;               ///< the worst entry point's p99 at the busiest hour
    Spread peakInstances;       ///< peakInstances() of the candidate (Evaluation.h)
    double probabilityCheapest = 0; ///< share of samples in which it costs least (ties share)
    double probabilityFastest = 0;  ///< share of samples in which its worst p99 is lowest
    std::string error;          ///< non-empty: some sample could not be evaluated
};

struct UncertaintyResult
{
    int samples = 0;
    std::uint64_t seed = 1;
    double trafficMultiplier = 1.0; ///< UncertaintyOptions::trafficMultiplier it was made at
    std::size_t rangedParameters = 0;
    bool cancelled = false;
    std::vector<CandidateUncertainty> candidates;
};

/// Draws `samples` values in [0, 1) for one parameter: one in each of the `samples` equal
/// strata, in an order shuffled by `seed` (one column of a Latin hypercube).
std::vector<double> latinHypercubeColumn(int samples, std::uint64_t seed);

/// The value with cumulative probability u of the triangular distribution low … high with
/// mode `mode` (low <= mode <= high).
double triangularQuantile(double low, double mode, double high, double u);

/// The p-quantile (0 … 1) of `values` with linear interpolation between order statistics
/// (R type 7); sorts `values`. NaN when empty.
double quantile(std::vector<double> &values, double p);

/// Samples the project's ranges and evaluates every sample (see the file comment). Without a
/// range every sample is the evaluation: P10 = P50 = P90.
UncertaintyResult analyzeUncertainty(const Project &project, const UncertaintyOptions &options);

/// {"samples", "seed", "trafficMultiplier", "candidates": [{"id", "name",
/// "monthlyCostUsd": {"p10", "p50", "p90"},
/// "p99Ms": {…}, "peakInstances": {…}, "probabilityCheapest", "probabilityFastest"}]}
/// (+ "error" on a candidate that could not be evaluated).
OrderedJson uncertaintyToJson(const UncertaintyResult &result);
std::string uncertaintyToJsonText(const UncertaintyResult &result);
/// One row per candidate: candidate,name,monthlyCostUsdP10,…P50,…P90,p99MsP10,…,
/// peakInstancesP10,…,probabilityCheapest,probabilityFastest.
std::string uncertaintyCsv(const UncertaintyResult &result);

} // namespace skyline
