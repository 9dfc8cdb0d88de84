#pragma once
// Services (DESIGN.md §3 "Services"): autoscaled replicas with scale-up and scale-down delays,
// M/M/k queueing per minute, response-time percentiles and overload.

#include "domain/Project.h"
#include "engine/Evaluation.h"
#include "engine/SeededRandom.h"

#include <vector>

namespace skyline {

struct ServiceConfig
{
    double serviceTimeMs = 20;
    double serviceTimeCv = 1.0;
    int concurrencyPerReplica = 8;
    int minReplicas = 2;
    int maxReplicas = 20;
    double targetUtilization = 0.6;
    double scaleUpDelayS = 90;
    double scaleDownDelayS = 300;

    static ServiceConfig fromNode(const Node &node);
};

/// The queue one minute of a service sees. The response time is S + W with S ~ Exp(mean
/// serviceTimeMs) and W = 0 with probability 1 - waitProbability, else Exp(mean 1/waitRatePerS).
struct ServiceMinute
{
    int replicas = 0;
    double waitProbability = 0; ///< Erlang C with k = replicas x workers
    double waitRatePerS = 0;    ///< (k mu - lambda) x 2 / (1 + cv^2)  (Allen-Cunneen)
    double utilization = 0;     ///< offered load / workers (may exceed 1)
    double droppedRps = 0;      ///< arrivals beyond the capacity of the minute
};

struct ServiceDayResult
{
    std::vector<ServiceMinute> minutes;        ///< 1,440
    std::vector<double> busyWorkersPerMinute;  ///< served rate x service time
    InstanceStats instances;                   ///< avgBusy: workers busy; avgAlive/peak: replicas
    double utilization = 0;                    ///< average busy / average capacity
    double peakUtilization = 0;                ///< highest minute (>= 1: overloaded)
    double droppedFraction = 0;                ///< share of the day's requests beyond capacity
    int overloadedMinutes = 0;
    /// Over the day's requests, the dropped ones and the answers slower than the caller's
    /// timeout counting as failed (+infinity where a percentile falls among them).
    Percentiles latencyMs;
    FailedShare failedShare;                   ///< dropped or too slow: all timedOut
};

/// Replicas per minute in steady state (the day repeats): the autoscaler wants
/// ceil(rate x serviceTime / (workers x targetUtilization)) clamped to [min, max]; it scales up
/// once the demand has stayed higher for scaleUpDelayS and down once it has stayed lower for
/// scaleDownDelayS (stabilisation windows at minute resolution, as Kubernetes' HPA does).
std::vector<int> autoscaleReplicas(const ServiceConfig &config, const std::vector<double> &rps);

/// The service's day: replicas, per-minute queueing, utilisation, overload and percentiles.
/// Queueing is M/M/k (Erlang C) with k = replicas x workers; serviceTimeCv scales the wait by
/// (1 + cv^2) / 2 (Allen-Cunneen approximation for M/G/k), the service time itself stays
/// exponential. Minutes at or above capacity drop the excess and are timed at 99% load. The
/// dropped requests, and those answered later than `timeoutMs` (the callers' timeout), fail.
ServiceDayResult analyzeServiceDay(const ServiceConfig &config, const std::vector<double> &rps,
                                   double timeoutMs = defaultTimeoutMs);

/// One response time (ms) drawn from minute `minute`'s distribution (mean service time
/// `serviceTimeMs`, exponential, plus the queueing wait). Inline: the latency Monte Carlo calls
/// it for every service visit.
inline double sampleServiceResponseMs(double serviceTimeMs, const ServiceMinute &minute,
                                      SeededRandom &random)
{
    double ms = random.exponential(serviceTimeMs);
    if (minute.waitProbability > 0 && random.uniform() < minute.waitProbability)
        ms += random.exponential(1000.0 / minute.waitRatePerS);
    return ms;
}

/// P(response time > t) for one minute, t in seconds.
double serviceResponseSurvival(const ServiceConfig &config, const ServiceMinute &minute,
                               double timeS);

/// Erlang C that stays fast for huge server counts (Halfin-Whitt beyond 20,000 servers).
double waitProbabilityFast(double offeredLoadErlangs, double servers);

} // namespace skyline
