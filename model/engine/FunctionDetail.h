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

} // namespace skyline::functiondetail
