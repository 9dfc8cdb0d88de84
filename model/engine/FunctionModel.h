#pragma once
// The serverless function lifecycle of DESIGN.md §3 "Functions" (scale-per-request, as AWS
// Lambda and the SimFaaS simulator): one request per instance, warm reuse of the idle instance
// created most recently, a cold start otherwise, reclaim after keepAliveS idle, throttling at the
// concurrency limit. Two paths that agree (see FUNCTIONS.md): an instant analytic model and a
// seeded discrete-event simulation. Both describe the representative day in steady state.

#include "engine/Evaluation.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace skyline {

struct FunctionConfig
{
    double durationMs = 120;        ///< mean warm run time
    double durationCv = 1.0;        ///< 1 = exponential, 0 = deterministic, else lognormal
    double coldStartMs = 400;       ///< init time added to a cold request
    double keepAliveS = 600;
    int concurrencyLimit = 1000;    ///< instances at most (provisioned ones included)
    int provisionedConcurrency = 0; ///< always-warm instances (never reclaimed, count as alive)

    bool operator==(const FunctionConfig &) const = default;
};

struct FunctionDayResult
{
    double invocationsPerDay = 0;     ///< requests that reached the function (throttled included)
    double coldStartsPerDay = 0;
    double throttledPerDay = 0;
    double coldStartProbability = 0;  ///< cold starts / requests served (not throttled)
    double throttledFraction = 0;     ///< throttled / invocations
    InstanceStats instances;
    Percentiles latencyMs;            ///< run time, plus init for cold ones (served requests)
    std::vector<double> alivePerMinute;       ///< 1,440 averages
    std::vector<double> busyPerMinute;        ///< 1,440 averages
    std::vector<double> coldStartsPerMinute;  ///< cold starts per second, averaged per minute
    SimulationStats simulation;       ///< simulation: days, counts and 95% CIs
    /// Share of each minute's invocations throttled (analytic; the simulation leaves it empty)
    std::vector<double> throttledSharePerMinute;
    double simulatedEvents = 0;       ///< simulation: arrivals, departures and expiries processed
    std::string note;                 ///< simulation: why it was bounded, and how
};

/// When the simulation stops adding independent days (DESIGN.md §7).
struct SimulationBudget
{
    double maxSeconds = 10;          ///< wall clock; the first wave of days always runs
    double relativePrecision = 0.05; ///< target 95% CI half-width of P(cold) and instances
    int maxDays = 1000;
};

/// The working memory of analyzeFunctionDay: its per-minute, per-level tables (a few MB for a
/// function of thousands of instances), kept from one call to the next by the owner so that
/// they are allocated and faulted in once, not per function. One per thread (EngineWorkspace).
class FunctionDayWorkspace
{
public:
    FunctionDayWorkspace();
    ~FunctionDayWorkspace();
    FunctionDayWorkspace(const FunctionDayWorkspace &) = delete;
    FunctionDayWorkspace &operator=(const FunctionDayWorkspace &) = delete;

    struct Tables; ///< defined where it is used (FunctionAnalytic.cpp)
    Tables &tables() { return *m_tables; }

private:
    std::unique_ptr<Tables> m_tables;
};

/// Instant analytic estimate of the representative day; ratePerMinuteRps has 1,440 entries.
/// The result does not depend on what `workspace` held before.
FunctionDayResult analyzeFunctionDay(const FunctionConfig &config,
                                     const std::vector<double> &ratePerMinuteRps,
                                     FunctionDayWorkspace &workspace);

/// The same with working memory of its own for this one call.
FunctionDayResult analyzeFunctionDay(const FunctionConfig &config,
                                     const std::vector<double> &ratePerMinuteRps);

/// Discrete-event simulation of the representative day: independent days (each after an
/// uncounted warm-up that ends at midnight) until the 95% CIs of P(cold), average alive and
/// average busy instances are within budget.relativePrecision, or budget.maxDays, or the
/// budget's time ends. Figures are the means over the days. Same seed, same result, unless the
/// time budget (not the precision) ends the run. A day is bounded to about 20 million events.
FunctionDayResult simulateFunctionDay(const FunctionConfig &config,
                                      const std::vector<double> &ratePerMinuteRps,
                                      std::uint64_t seed, const SimulationBudget &budget);

struct StationaryResult
{
    double coldStartProbability = 0; ///< cold starts / requests served
    double throttledFraction = 0;
    double avgAlive = 0;
    double avgBusy = 0;
    double confidence = 0;           ///< simulation: 95% CI half-width of coldStartProbability
};

/// Poisson arrivals at a constant rate, exponential warm and cold run times (SimFaaS's case).
StationaryResult analyzeFunctionStationary(double rateRps, double warmMeanS, double coldMeanS,
                                           double keepAliveS, int concurrencyLimit);

/// The same, simulated for simulatedS seconds after an uncounted warm-up.
StationaryResult simulateFunctionStationary(double rateRps, double warmMeanS, double coldMeanS,
                                            double keepAliveS, int concurrencyLimit,
                                            double simulatedS, std::uint64_t seed);

} // namespace skyline
