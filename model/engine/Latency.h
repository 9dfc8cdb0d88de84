#pragma once
// End-to-end latency (DESIGN.md §3 "End-to-end latency"): a seeded Monte Carlo over the
// synchronous call tree of each client. The queue backlog is in Backlog.h.

#include "domain/Project.h"
#include "engine/Evaluation.h"
#include "engine/ServiceModel.h"

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace skyline {

class SeededRandom;

/// A service's queueing in one minute, as the Monte Carlo reads it (ServiceMinute's two fields
/// it needs: 16 bytes a minute instead of 40, and the service's day can go).
struct ServiceWait
{
    double probability = 0; ///< Erlang C: the chance to wait
    double ratePerS = 0;    ///< the exponential wait's rate
};

/// How one node answers a call, for the Monte Carlo (indexed like candidate.nodes).
struct NodeLatencyModel
{
    NodeKind kind = NodeKind::Client;
    double fixedMs = 0;                          ///< gateways, datastores: latencyMs per call
    double durationMs = 0;                       ///< functions: mean warm run time
    double durationCv = 1;                       ///< 0 constant, 1 exponential, else lognormal
    double coldStartMs = 0;
    std::vector<double> coldProbabilityPerMinute; ///< functions: 1,440 (empty = never cold)
    ServiceConfig service;                       ///< services
    std::vector<ServiceWait> serviceWaitPerMinute; ///< services: 1,440 (empty = no queueing)
    /// Per minute, the chance that a request fails at the node itself (functions: throttled;
    /// services: beyond the capacity of an overloaded minute, so it times out). Empty: never.
    std::vector<double> failProbabilityPerMinute;
};

/// The synchronous call graph of a candidate: per node, its outgoing api edges.
struct SyncCallGraph
{
    struct Call
    {
        int target = 0;
        double perRequest = 1;
        double latencyMs = 0;
        bool parallel = false;
        int wholeCalls = 1;        ///< floor(perRequest)
        double extraCallChance = 0; ///< perRequest - wholeCalls: the chance of one call more
        /// The caller gives up on an answer slower than this (edge latency + callee's time):
        /// gatewayTimeoutMs when the caller is a gateway, else defaultTimeoutMs.
        double timeoutMs = defaultTimeoutMs;
    };
    std::vector<std::vector<Call>> calls;

    /// Nodes indexed like candidate.nodes; edges with unknown ends are skipped.
    static SyncCallGraph build(const Candidate &candidate);
};

struct EntryLatency
{
    Percentiles busiestHourMs;    ///< end to end, requests of the busiest hour (+inf: failed)
    Percentiles dayMs;            ///< end to end, requests of the whole day (+inf: failed)
    PercentileIntervals busiestHourCi95Ms; ///< order-statistic 95 % intervals of busiestHourMs
    PercentileIntervals dayCi95Ms;         ///< the same for dayMs
    FailedShare busiestHourFailed; ///< share of the sampled requests that failed
    FailedShare dayFailed;
    int busiestHourStartMinute = 0;
    double coldShareOfSlowest = 0; ///< share of the slowest 1% of requests that hit a cold start
};

/// The Monte Carlo's working memory, kept from one call to the next by its owner (the
/// EngineWorkspace of the thread that evaluates; one per thread, never shared between threads).
struct LatencyWorkspace
{
    struct UnitTable
    {
        double cv = 1;
        std::vector<double> quantiles;
    };
    std::vector<UnitTable> unitTables; ///< run-time quantile tables of mean 1 by cv, 16 kept
    std::vector<std::uint64_t> percentileKeys; ///< the samples' bit patterns (percentiles)
};

/// Number of samples per figure (busiest hour, day).
inline constexpr int latencySamples = 2000;

/// Seeded Monte Carlo of one client's requests through the synchronous call tree: calls are
/// sequential unless parallel (then the slowest parallel branch counts); each call adds the
/// edge latency and the callee's sampled latency; perRequest 2.5 means 2 or 3 calls (more than
/// 8 calls on one edge are represented by 8 draws, scaled). The requests' minutes follow the
/// client's rate (systematic sampling). Run times and exponential waits are drawn by inversion
/// (a 256-entry quantile table, exact above u = 0.99). A call graph that would unfold into more
/// than 4,000 node draws per request (paths that multiply, or a loop) draws every node once per
/// request instead, and every call to that node reuses the draw.
/// Failures (DESIGN.md §7): a request fails where a node's failProbabilityPerMinute says so, or
/// where a call's answer takes longer than the call's timeoutMs; a failed request counts as
/// infinitely slow, so a percentile among failures is +infinity. The draws follow `seed` only
/// (and the content of the graph below the client), never the client's position or id.
/// This form lays the candidate out for this one call, with a workspace of its own.
EntryLatency entryLatency(const SyncCallGraph &graph, const std::vector<NodeLatencyModel> &models,
                          int clientIndex, const std::vector<double> &clientRps,
                          std::uint64_t seed, int samples = latencySamples);

/// A candidate's call graph and node models laid out for the Monte Carlo. Laying them out
/// costs time in proportion to the whole candidate, so an evaluation does it once and every
/// client's entryLatency shares it. `models` must outlive it (it points into their tables).
class LatencySampling
{
public:
    LatencySampling(const SyncCallGraph &graph, const std::vector<NodeLatencyModel> &models,
                    LatencyWorkspace &workspace);
    /// The same with each node's model where it is (a variant's own or its base's).
    LatencySampling(const SyncCallGraph &graph,
                    const std::vector<const NodeLatencyModel *> &models,
                    LatencyWorkspace &workspace);
    ~LatencySampling();
    LatencySampling(const LatencySampling &) = delete;
    LatencySampling &operator=(const LatencySampling &) = delete;

    struct Layout;
    const Layout &layout() const { return *m_layout; }

private:
    std::unique_ptr<Layout> m_layout;
};

/// The same as above, on a shared layout.
EntryLatency entryLatency(const LatencySampling &sampling, int clientIndex,
                          const std::vector<double> &clientRps, std::uint64_t seed,
                          LatencyWorkspace &workspace, int samples = latencySamples);

/// The 0-based ranks of the 95 % confidence interval of quantile q among n sorted samples:
/// the order-statistic interval from the binomial distribution of the number of samples below
/// the quantile (normal approximation, rounded outward), clamped to [0, n - 1].
std::pair<std::size_t, std::size_t> quantileCi95Ranks(double q, std::size_t n);

/// Start minute of the busiest 60-minute window (around the clock).
int busiestHourStart(const std::vector<double> &rps);

} // namespace skyline
