#pragma once
// Sensitivity (DESIGN.md §7, issue 11 point 5): every numeric parameter that can move a
// candidate's figures (its nodes' and edges' parameters and its workloads') is set to its low
// and then to its high (its range, or ±20 % without one) with everything else at its value;
// the candidate's monthly cost and worst p99 at both ends, ranked by cost swing, and whether
// another candidate becomes the cheapest at either end. Analytic method. Plain C++, no Qt.

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace skyline {

struct SensitivityOptions
{
    std::string candidateId; ///< empty: every candidate
    std::uint64_t seed = 1;  ///< of the latency Monte Carlo
    /// Every workload scaled by it, as EvalOptions::trafficMultiplier (the studio's what-if
    /// slider): the tornado describes the traffic the other charts show.
    double trafficMultiplier = 1.0;
    int threads = 0;         ///< 0: one per core
    /// Called after each evaluation from a worker thread (never two at once) with (done,
    /// total); returning false cancels.
    std::function<bool(std::size_t, std::size_t)> progress;
    const std::atomic<bool> *cancel = nullptr; ///< set from any thread to cancel; optional
};

struct SensitivityParameter
{
    std::string pointer; ///< JSON pointer of the parameter in the file
    std::string name;    ///< "Place order: Run time"
    double low = 0;
    double high = 0;
    double costAtLow = 0;  ///< the candidate's monthly cost (USD) with the parameter at low
    double costAtHigh = 0;
    double p99AtLow = 0;   ///< its worst entry point's p99 (ms) at the busiest hour
    double p99AtHigh = 0;
    bool flipsCheapest = false; ///< at low or high another candidate is the cheapest
    double costSwingUsd() const;  ///< |costAtHigh - costAtLow| (NaN when an end failed)
};

struct CandidateSensitivity
{
    std::string id;
    std::string name;
    double monthlyCostUsd = 0; ///< with every parameter at its value
    double p99Ms = 0;
    std::vector<SensitivityParameter> parameters; ///< widest cost swing first
    std::string error;         ///< non-empty: the candidate cannot be evaluated
};

struct SensitivityResult
{
    std::string cheapestId; ///< the cheapest candidate with every parameter at its value
    double trafficMultiplier = 1.0; ///< SensitivityOptions::trafficMultiplier it was made at
    bool cancelled = false;
    std::vector<CandidateSensitivity> candidates;
};

SensitivityResult analyzeSensitivity(const Project &project,
                                     const SensitivityOptions &options = {});

/// {"trafficMultiplier", "candidates": [{"id", "name", "monthlyCostUsd", "p99Ms",
/// "parameters": [{"pointer", "name", "low", "high", "costAtLow", "costAtHigh", "p99AtLow",
/// "p99AtHigh", "flipsCheapest"}]}]} (+ "error" on a candidate that cannot be evaluated).
OrderedJson sensitivityToJson(const SensitivityResult &result);
std::string sensitivityToJsonText(const SensitivityResult &result);
/// One row per candidate and parameter, in rank order.
std::string sensitivityCsv(const SensitivityResult &result);

} // namespace skyline
