#pragma once
// Internals shared by the analytic and the simulated function lifecycle (FunctionModel.h).
// Not part of the engine's public API.

#include "engine/Evaluation.h"

#include <bit>
#include <cstdint>
#include <vector>

namespace skyline::functiondetail {

/// The parameters of a run-time distribution in seconds (RunTimeDistribution: cv 0 constant,
/// 1 exponential, otherwise lognormal with that mean and cv).
struct RunTime
{
    double meanS = 0;
    double cv = 1;
};

/// Everything the lifecycle needs, in seconds.
struct Lifecycle
{
    RunTime warm;
    RunTime coldRun;      ///< run time of a cold request, after its init
    double coldInitS = 0; ///< constant init time of a cold request
    double keepAliveS = 600;
    int concurrencyLimit = 1000;
    int provisioned = 0;

    double coldMeanS() const { return coldInitS + coldRun.meanS; }
};

/// exp(-x) for 0 <= x <= 700 without a library call, so that loops of it vectorise:
/// -x = n ln2 + r with |r| <= ln2 / 2, e^r by its Taylor series to r^13 (relative error below
/// 2e-16), and 2^n written into the exponent bits.
inline double expOfMinus(double x)
{
    constexpr double log2e = 1.4426950408889634;
    constexpr double ln2High = 0.693147180369123816490; // ln 2 split for an exact n ln2
    constexpr double ln2Low = 1.90821492927058770002e-10;
    constexpr double shifter = 0x1.8p52; // adding it rounds to an integer in the low bits
    const double shifted = -x * log2e + shifter;
    const double n = shifted - shifter;
    const double r = (-x - n * ln2High) - n * ln2Low;
    // Estrin's scheme: the same polynomial in four dependent steps instead of thirteen.
    const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    const double p01 = 1.0 + r, p23 = 1.0 / 2 + r * (1.0 / 6);
    const double p45 = 1.0 / 24 + r * (1.0 / 120), p67 = 1.0 / 720 + r * (1.0 / 5040);
    const double p89 = 1.0 / 40320 + r * (1.0 / 362880);
    const double p1011 = 1.0 / 3628800 + r * (1.0 / 39916800);
    const double p1213 = 1.0 / 479001600 + r * (1.0 / 6227020800.0);
    const double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67)
        + r8 * ((p89 + r2 * p1011) + r4 * p1213);
    const auto exponent = static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(shifted)
                                                    - std::bit_cast<std::uint64_t>(shifter));
    return p * std::bit_cast<double>(static_cast<std::uint64_t>(exponent + 1023) << 52);
}

/// Probability that a served request (a share coldProbability of them cold) takes at most timeS.
double mixtureCdf(const Lifecycle &lifecycle, double coldProbability, double timeS);

/// The latency quantile q (ms) of served requests: a share coldProbability of them is cold.
double mixtureQuantileMs(const Lifecycle &lifecycle, double coldProbability, double q);

/// Latency percentiles (ms) of served requests: a share coldProbability of them is cold.
Percentiles mixtureLatencyMs(const Lifecycle &lifecycle, double coldProbability);

/// Upper bound on events one simulated day may process (about 20 million).
inline constexpr double maxSimulatedArrivals = 9.0e6;

/// One request of a scripted arrival trace: when it arrives and how long it runs (a cold one
/// runs coldInitS longer).
struct ScriptedRequest
{
    double arrivalS = 0;
    double runS = 0;
};

/// Which instance served a scripted request: instances are numbered 1, 2, 3 … in the order
/// they were created (provisioned ones first); 0 for a throttled request.
struct ScriptedService
{
    int instance = 0;
    bool cold = false;

    bool operator==(const ScriptedService &) const = default;
};

/// Runs the simulation's instance pool over a scripted trace (arrivals in time order): the
/// reuse rule, expiry and throttling without randomness.
std::vector<ScriptedService> replayScriptedRequests(const Lifecycle &lifecycle,
                                                    const std::vector<ScriptedRequest> &requests);

/// The control variate of the simulation's P(cold) (FUNCTIONS.md "Precision"), for checks: the
/// count of requests in service (each for its run time, a cold one without its init) is an
/// M/G/∞ count with a known Poisson distribution. Per level k from levelLow on:
/// E[∫ λ(t) 1{count(t) >= k} dt] over a day, exact and as simulated over `days` whole days
/// (mean and its standard error).
struct ServiceCountCheck
{
    int levelLow = 0;
    std::vector<double> exactPerDay;
    std::vector<double> simulatedPerDay;
    std::vector<double> standardError;
};
ServiceCountCheck checkServiceCount(const Lifecycle &lifecycle,
                                    const std::vector<double> &ratePerMinuteRps,
                                    std::uint64_t seed, int days);

/// Whether simulated whole days correct P(cold) with the control variate (unless a day
/// throttles a request): hour strata apply, warm and cold run times share their distribution,
/// and the concurrency limit lies beyond every level the count reaches with any probability.
bool controlVariateApplies(const Lifecycle &lifecycle, const std::vector<double> &ratePerMinuteRps);

} // namespace skyline::functiondetail
