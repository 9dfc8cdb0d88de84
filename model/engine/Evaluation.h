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
    std::string candidateId;          ///< empty: every candidate
    bool computeSeries = true;        ///< per-minute series (sweeps turn them off for speed)
};

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
};

struct InstanceStats
{
    double avgBusy = 0;  ///< average instances (functions) or busy workers (services)
    double avgAlive = 0; ///< average instances alive (functions) or replicas (services)
    double peak = 0;     ///< most instances/replicas at once
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
    Percentiles latencyMs;            ///< the node's own response time over the day
    double monthlyCostUsd = 0;
    double backlogMaxMessages = 0;    ///< queues: largest backlog over the day
    double backlogMaxAgeS = 0;        ///< queues: age of the oldest message at worst
    double simulationConfidence = 0;  ///< simulation: half-width of the 95% CI of coldStartProbability
    bool sampled = false;             ///< simulation was bounded by sampling (huge rates)
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
    Percentiles latencyMs;          ///< end-to-end at the busiest hour
    Percentiles latencyDayMs;       ///< end-to-end over the whole day
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

/// Evaluates every candidate (or options.candidateId) of the project.
Evaluation evaluate(const Project &project, const EvalOptions &options = {});

/// The same as evaluate(project, options), but a candidate whose evaluation cannot have changed
/// since `previous` (made from `previousProject` with the same method, seed, multiplier and
/// series setting; the candidate, the workloads and the pricing all equal) is copied from it
/// instead of computed again: an edit to one candidate re-evaluates that candidate only.
Evaluation evaluateReusing(const Project &project, const EvalOptions &options,
                           const Project &previousProject, const Evaluation &previous);

} // namespace skyline
