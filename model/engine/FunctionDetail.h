#pragma once
// Internals shared by the analytic and the simulated function lifecycle (FunctionModel.h).
// Not part of the engine's public API.

#include "engine/Evaluation.h"

#include <cstdint>
#include <vector>

namespace skyline::functiondetail {

/// A run-time distribution: mean and coefficient of variation (0 = constant, 1 = exponential,
/// otherwise lognormal with that mean and cv).
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

/// Probability that a run time is at most timeS.
double runTimeCdf(const RunTime &runTime, double timeS);

/// Probability that a served request (a share coldProbability of them cold) takes at most timeS.
double mixtureCdf(const Lifecycle &lifecycle, double coldProbability, double timeS);

/// The latency quantile q (ms) of served requests: a share coldProbability of them is cold.
double mixtureQuantileMs(const Lifecycle &lifecycle, double coldProbability, double q);

/// Latency percentiles (ms) of served requests: a share coldProbability of them is cold.
Percentiles mixtureLatencyMs(const Lifecycle &lifecycle, double coldProbability);

/// Upper bound on events one simulation call may process (about 20 million).
inline constexpr double maxSimulatedArrivals = 9.0e6;

} // namespace skyline::functiondetail
