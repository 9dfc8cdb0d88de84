#pragma once
// What the engine computes for a project (DESIGN.md §3, §5). Evaluation is a pure function of
// the project and the options; the GUI runs it off the GUI thread, the CLI prints it.

#include "domain/Project.h"
#include "engine/Diagnostic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace skyline {

inline constexpr int minutesPerDay = 1440;

enum class EvalMethod { Analytic, Simulation };
const char *toString(EvalMethod method);

struct EvalOptions
{
    EvalMethod method = EvalMethod::Analytic;
    double trafficMultiplier = 1.0;   ///< scales every workload (what-if slider, sweeps)
    std::uint64_t seed = 1;           ///< every random draw of the engine follows it
    double simulationMaxSeconds = 10; ///< simulation: wall-clock budget of one evaluate() call
    int simulationMaxDays = 1000;     ///< simulation: days per function at most (a budget that
                                      ///< does not depend on the machine's speed)
    std::string candidateId;          ///< empty: every candidate
    bool computeSeries = true;        ///< per-minute series (sweeps turn them off for speed)
    /// Only what cost and latency need: no warnings, complexity or fault isolation (entry
    /// availability stays 1); sensitivity's variants read nothing else.
    bool costAndLatencyOnly = false;
};

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

/// Requests that fail instead of answering (DESIGN.md §7): throttled at a concurrency limit, or
/// answered later than the caller's timeout (or never: an overloaded service's excess).
/// Shares of all requests; total = throttled + timedOut.
struct FailedShare
{
    double total = 0;
    double throttled = 0;
    double timedOut = 0;
};

/// Timeouts of a caller (DESIGN.md §7): an API gateway gives up after 29 s, every other caller
/// after 30 s (the project has no timeout parameters).
inline constexpr double gatewayTimeoutMs = 29000;
inline constexpr double defaultTimeoutMs = 30000;

/// 95 % confidence intervals of Monte Carlo percentiles: low and high bound of each.
struct PercentileIntervals
{
    Percentiles low;
    Percentiles high;
};

struct InstanceStats
{
    double avgBusy = 0;  ///< average instances (functions) or busy workers (services)
    double avgAlive = 0; ///< average instances alive (functions) or replicas (services)
    double peak = 0;     ///< most instances/replicas alive at once in the day (functions: the
                         ///< expected highest count of a day, under both methods)
};

/// A 95% confidence interval.
struct Interval
{
    double lo = 0;
    double hi = 0;

    bool operator==(const Interval &) const = default;
};

/// What the simulation of a function did, and how precise its figures are (DESIGN.md §7).
struct SimulationStats
{
    int days = 0;            ///< independent days simulated (0: none, the figures are analytic)
    double requests = 0;     ///< requests simulated over all days (warm-ups not counted)
    double coldStarts = 0;   ///< cold starts simulated over all days
    bool sampled = false;    ///< days were simulated in blocks of minutes (huge rates), or not at all
    bool precise = false;    ///< the ±5% target was reached (else the time budget ended the run)
    bool hasIntervals = false; ///< the intervals below are known (two days or more)
    Interval coldStartProbability; ///< 95% CIs of the figures below, from the spread between days
    Interval avgAlive;
    Interval avgBusy;
    Interval peak;           ///< of the expected highest count of instances alive in a day

    bool operator==(const SimulationStats &) const = default;
};

struct NodeResult
{
    std::string id;
    NodeKind kind = NodeKind::Function;
    double avgRps = 0;                ///< over the day, after the traffic multiplier
    double peakRps = 0;               ///< busiest minute
    double coldStartProbability = 0;  ///< functions: share of invocations that start cold
    double throttledFraction = 0;     ///< functions: share throttled at the concurrency limit
    double droppedFraction = 0;       ///< services: share not served at overload
    InstanceStats instances;
    double utilization = 0;           ///< average busy / average alive capacity
    Percentiles latencyMs;            ///< the node's own response time over the day, over all
                                      ///< requests: +infinity where failures reach the rank
    FailedShare failedShare;          ///< over the day
    double monthlyCostUsd = 0;
    double backlogMaxMessages = 0;    ///< queues: largest backlog over the day
    double backlogMaxAgeS = 0;        ///< queues: age of the oldest message at worst
    SimulationStats simulation;       ///< simulation method, functions: days, counts, 95% CIs
    std::vector<double> rpsPerMinute;          ///< 1,440 values (when computeSeries)
    std::vector<double> aliveInstancesPerMinute;
    std::vector<double> busyInstancesPerMinute;
    std::vector<double> coldStartsPerMinute;   ///< cold starts per second, averaged per minute
};

struct CostLine
{
    std::string node;        ///< node id, or empty for a platform fee of the candidate
    std::string item;        ///< "requests", "compute", "init", "provisioned", "vcpu", "memory", "calls", "hours", "platform" ...
    double usd = 0;          ///< per month
    std::string catalogKey;  ///< the price entry used, e.g. "aws.lambda.requestsPerMillionUsd"
    std::string source;      ///< where that price comes from, with its date
};

struct EntryResult
{
    std::string id;                 ///< client node id
    Percentiles latencyMs;          ///< end-to-end at the busiest hour (+infinity: fails)
    Percentiles latencyDayMs;       ///< end-to-end over the whole day (+infinity: fails)
    PercentileIntervals latencyCi95Ms;    ///< 95 % CI of latencyMs (equal bounds: exact)
    PercentileIntervals latencyDayCi95Ms; ///< 95 % CI of latencyDayMs
    FailedShare failedShare;        ///< of the busiest hour's requests (as latencyMs)
    FailedShare failedShareDay;     ///< of the day's requests (as latencyDayMs)
    double availability = 1;
    double asyncCompletionLagMs = 0; ///< p99 lag of the asynchronous work the entry triggers
};

struct CouplingMetrics
{
    std::string node;
    int ads = 0; ///< services it depends on
    int ais = 0; ///< services depending on it
    int acs = 0; ///< ads * ais
};

struct ComplexityItem
{
    std::string key;   ///< "deployables", "runtimes", "syncEdges", ...
    double count = 0;
    double weight = 0;
    double points = 0; ///< count * weight
};

struct Complexity
{
    double score = 0;
    std::vector<ComplexityItem> breakdown;
    std::vector<CouplingMetrics> coupling;
    double lockInShare = 0; ///< share of the design on one provider's proprietary products
};

struct FaultResult
{
    std::string node;
    double blastRadius = 0;               ///< share of client traffic that fails when it is down
    std::vector<std::string> entriesHit;  ///< client ids whose requests fail
    double backlogPerOutageMinute = 0;    ///< messages that pile up per minute of outage behind queues
};

/// A warning: a stable code (function-timeout, throttling, overload, ...), its node and the
/// arguments of its text (engine/Diagnostic.h).
using Warning = Diagnostic;

struct CandidateEvaluation
{
    std::string id;
    std::string name;
    double monthlyCostUsd = 0;
    double monthlyRequests = 0; ///< client requests per month (for cost per million)
    std::vector<CostLine> cost;
    std::vector<NodeResult> nodes;
    std::vector<EntryResult> entries;
    Complexity complexity;
    std::vector<FaultResult> faultIsolation;
    std::vector<Warning> warnings;
    std::vector<Diagnostic> errors; ///< e.g. code "cycle", "cycle: A → B → A"; no figures then
    std::vector<std::string> costProblems; ///< prices the catalog lacks ("no price for ...")
};

/// Peak instances of a candidate: the sum over its functions and services of each one's peak
/// (function instances, service replicas), as the comparison and uncertainty report it.
double peakInstances(const CandidateEvaluation &candidate);

struct Evaluation
{
    EvalMethod method = EvalMethod::Analytic;
    std::uint64_t seed = 1;
    double trafficMultiplier = 1.0;
    std::string engineVersion;
    bool hasSeries = true; ///< the per-minute series were computed (EvalOptions::computeSeries)
    std::vector<CandidateEvaluation> candidates;

    const CandidateEvaluation *findCandidate(const std::string &candidateId) const;
};

struct EngineWorkspace;

/// Evaluates every candidate (or options.candidateId) of the project, in the caller's working
/// memory (EngineWorkspace.h: one per thread; reusing it spares allocations, figures do not
/// depend on it).
Evaluation evaluate(const Project &project, const EvalOptions &options,
                    EngineWorkspace &workspace);

/// The same with working memory of its own for this one call.
Evaluation evaluate(const Project &project, const EvalOptions &options = {});

/// The same as evaluate(project, options, workspace), but a candidate whose evaluation cannot
/// have changed since `previous` (made from `previousProject` with the same method, seed,
/// multiplier and series setting; the candidate, the workloads and the pricing all equal) is
/// copied from it instead of computed again: an edit to one candidate re-evaluates that
/// candidate only.
Evaluation evaluateReusing(const Project &project, const EvalOptions &options,
                           const Project &previousProject, const Evaluation &previous,
                           EngineWorkspace &workspace);

/// The same with working memory of its own for this one call.
Evaluation evaluateReusing(const Project &project, const EvalOptions &options,
                           const Project &previousProject, const Evaluation &previous);

} // namespace skyline
