// evaluate(): assembles load, functions, services, queues, latency, complexity, fault
// isolation, cost and warnings into one CandidateEvaluation per candidate (DESIGN.md §3).
// Pure: everything it reads is the project and the options, everything random follows the seed.

#include "engine/Evaluation.h"

#include "domain/FunctionMemory.h"
#include "engine/Backlog.h"
#include "engine/Complexity.h"
#include "engine/EngineWorkspace.h"
#include "engine/Failures.h"
#include "engine/FaultIsolation.h"
#include "engine/FunctionDayCache.h"
#include "engine/KeptFigures.h"
#include "engine/FunctionDetail.h"
#include "engine/FunctionModel.h"
#include "engine/Latency.h"
#include "engine/LoadPropagation.h"
#include "engine/ServiceModel.h"
#include "engine/Warnings.h"
#include "pricing/CostModel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

namespace skyline {

const char *toString(EvalMethod method)
{
    return method == EvalMethod::Simulation ? "simulation" : "analytic";
}

const CandidateEvaluation *Evaluation::findCandidate(const std::string &candidateId) const
{
    for (const CandidateEvaluation &c : candidates)
        if (c.id == candidateId)
            return &c;
    return nullptr;
}

double peakInstances(const CandidateEvaluation &candidate)
{
    double total = 0;
    for (const NodeResult &node : candidate.nodes)
        if (node.kind == NodeKind::Function || node.kind == NodeKind::Service)
            total += node.instances.peak;
    return total;
}

namespace {

constexpr const char *engineVersionText = "skyline-engine 1";

/// A function's simulation seed: from what determines its day (its settings and its rates)
/// and the evaluation's seed, never from its id or position (DESIGN.md §7), so a duplicated
/// candidate or renumbered ids give the same day.
std::uint64_t functionSeed(std::uint64_t seed, const FunctionConfig &config,
                           const std::vector<double> &rps)
{
    return ContentHash(seed)
        .add(config.durationMs)
        .add(config.durationCv)
        .add(config.coldStartMs)
        .add(config.keepAliveS)
        .add(std::uint64_t(config.concurrencyLimit))
        .add(std::uint64_t(config.provisionedConcurrency))
        .add(rps)
        .value();
}

/// The simulation's time budget (EvalOptions::simulationMaxSeconds) for one evaluate() call,
/// shared by the function nodes it simulates: each gets an equal share of what is left, so a
/// node that reaches its precision early leaves its time to the later ones.
class SimulationTimeShare
{
public:
    SimulationTimeShare(double maxSeconds, int maxDays, int functions)
        : m_maxSeconds(maxSeconds), m_maxDays(maxDays), m_functionsLeft(std::max(1, functions))
    {}

    /// The budget of the next simulated function node.
    SimulationBudget next()
    {
        const double elapsedS = std::chrono::duration<double>(Clock::now() - m_started).count();
        SimulationBudget budget;
        budget.maxSeconds = std::max(0.0, m_maxSeconds - elapsedS) / m_functionsLeft;
        budget.maxDays = m_maxDays;
        m_functionsLeft = std::max(1, m_functionsLeft - 1);
        return budget;
    }

private:
    using Clock = std::chrono::steady_clock;
    Clock::time_point m_started = Clock::now();
    double m_maxSeconds;
    int m_maxDays;
    int m_functionsLeft;
};

int functionCount(const Candidate &candidate)
{
    return static_cast<int>(std::count_if(candidate.nodes.begin(), candidate.nodes.end(),
                                          [](const Node &n) { return n.kind == NodeKind::Function; }));
}

/// Folds a day's series in eight independent lanes, then the lanes: a single chain of 1,440
/// dependent steps per node is a visible share of an evaluation (for sums the lanes change
/// only the last bits).
template <typename Combine>
double foldInLanes(const std::vector<double> &v, Combine combine)
{
    const double *x = v.data();
    const std::size_t n = v.size();
    double lane[8] = {};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (std::size_t k = 0; k < 8; ++k)
            lane[k] = combine(lane[k], x[i + k]);
    for (; i < n; ++i)
        lane[0] = combine(lane[0], x[i]);
    return combine(combine(combine(lane[0], lane[1]), combine(lane[2], lane[3])),
                   combine(combine(lane[4], lane[5]), combine(lane[6], lane[7])));
}

double sum(const std::vector<double> &v)
{
    return foldInLanes(v, [](double total, double x) { return total + x; });
}

double maxOf(const std::vector<double> &v) // 0 for an empty or all-negative series
{
    return foldInLanes(v, [](double most, double x) { return x > most ? x : most; });
}

Percentiles constantPercentiles(double ms) { return {ms, ms, ms}; }

/// Frees a vector's memory (assigning {} would keep its capacity).
template <typename T>
void release(std::vector<T> &v)
{
    std::vector<T>().swap(v);
}

/// A function's lifecycle settings, its run time and cold start at its configured memory
/// (FunctionMemory.h): what the analytic model, the simulation and the latency see.
FunctionConfig functionConfig(const Node &node)
{
    FunctionConfig c;
    const FunctionRunTimesMs times = functionRunTimesMs(node);
    c.durationMs = times.run;
    c.durationCv = node.number("durationCv");
    c.coldStartMs = times.coldStart;
    c.keepAliveS = node.number("keepAliveS");
    c.concurrencyLimit = int(std::clamp(node.number("concurrencyLimit"), 1.0, 1e6));
    c.provisionedConcurrency =
        int(std::clamp(node.number("provisionedConcurrency"), 0.0, double(c.concurrencyLimit)));
    return c;
}

/// Messages per second a queue's consumer can take at most.
double consumerCapacityRps(const Node &consumer, const Node &queue)
{
    switch (consumer.kind) {
    case NodeKind::Function: {
        const double runS = std::max(1e-6, functionRunTimesMs(consumer).run / 1000.0);
        return consumer.number("concurrencyLimit") * std::max(1.0, queue.number("batchSize")) /
               runS;
    }
    case NodeKind::Service: {
        const double serviceS = std::max(1e-9, consumer.number("serviceTimeMs") / 1000.0);
        return consumer.number("maxReplicas") * consumer.number("concurrencyPerReplica") /
               serviceS;
    }
    default: return std::numeric_limits<double>::infinity();
    }
}

/// Everything computed for one candidate, kept together while the pieces are assembled.
struct CandidateWork
{
    const Project &project;
    const Candidate &candidate;
    const EvalOptions &options;
    FunctionDayCache &functionDays; ///< shared by the candidates of one evaluation
    SimulationTimeShare &simulationTime; ///< shared by the candidates of one evaluation
    EngineWorkspace &workspace;
    bool laterCandidatesMayShare = false; ///< more candidates follow in this evaluation
    const KeptFigures *reuse = nullptr;   ///< an earlier evaluation's figures (its options)
    KeptFigures *record = nullptr;        ///< where to keep this evaluation's
    /// Per node, its latency model's content hash when a kept day gave the model (0: hash it)
    std::vector<std::uint64_t> knownModelHash;
    LoadResult load;
    std::vector<NodeResult> nodes;
    std::vector<NodeLatencyModel> latencyModels;
    std::vector<ServiceDayResult> services;     ///< indexed like nodes (empty when not a service)
    std::vector<FunctionDayResult> functions;   ///< indexed like nodes
    WarningInputs warningInputs;
    double monthFactor = 730.0 / 24.0;          ///< days per month: hoursPerMonth / 24

    std::unordered_map<std::string, int> index;          ///< node id -> position
    std::vector<std::vector<std::pair<int, const Edge *>>> out; ///< per node: (target, edge)
    /// Per node, the shortest timeout of its synchronous callers (defaultTimeoutMs without
    /// any): answers slower than it fail.
    std::vector<double> timeoutMs;
    /// Per node, its latency model's content hash, when a client needed them (kept with the
    /// candidate for its variants).
    std::vector<std::uint64_t> modelHashes;
    /// The base evaluation's candidate when this one is a variant of it (KeptFigures.h), and
    /// per node whether the variant's change reaches it (nodesReachedByChange): a node it does
    /// not reach keeps the base's rate, figures and latency model.
    const KeptCandidate *base = nullptr;
    std::vector<char> reached;

    bool fromBase(std::size_t i) const { return base && !reached[i]; }
    const std::vector<double> &rps(std::size_t i) const
    {
        return fromBase(i) ? base->load.ratePerMinute[i] : load.ratePerMinute[i];
    }
    const NodeLatencyModel &latencyModel(std::size_t i) const
    {
        return fromBase(i) ? base->latencyModels[i] : latencyModels[i];
    }

    int indexOf(const std::string &id) const
    {
        auto it = index.find(id);
        return it == index.end() ? -1 : it->second;
    }

    void buildIndex()
    {
        for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
            index.emplace(candidate.nodes[i].id, int(i));
        out.assign(candidate.nodes.size(), {});
        timeoutMs.assign(candidate.nodes.size(), defaultTimeoutMs);
        for (const Edge &e : candidate.edges) {
            const int from = indexOf(e.from), to = indexOf(e.to);
            if (from >= 0 && to >= 0) {
                out[std::size_t(from)].push_back({to, &e});
                if (e.kind == EdgeKind::Api
                    && candidate.nodes[std::size_t(from)].kind == NodeKind::Gateway)
                    timeoutMs[std::size_t(to)] =
                        std::min(timeoutMs[std::size_t(to)], gatewayTimeoutMs);
            }
        }
    }
};

/// A function's failures and its percentiles over all its requests (DESIGN.md §7): the
/// throttled ones and the answers slower than its callers' timeout fail. The answered ones
/// follow the day's mixture of warm and cold run times (analytic and simulated alike).
void addFunctionFailures(const FunctionConfig &config, const FunctionDayResult &day,
                         double timeoutMs, NodeResult &r)
{
    functiondetail::Lifecycle lifecycle;
    lifecycle.warm = {std::max(0.0, config.durationMs) / 1000.0, std::max(0.0, config.durationCv)};
    lifecycle.coldRun = lifecycle.warm;
    lifecycle.coldInitS = std::max(0.0, config.coldStartMs) / 1000.0;
    const double throttled = std::clamp(day.throttledFraction, 0.0, 1.0);
    const double cold = day.coldStartProbability;
    const double answered = 1.0 - throttled;
    r.failedShare.throttled = throttled;
    r.failedShare.timedOut =
        answered * (1.0 - functiondetail::mixtureCdf(lifecycle, cold, timeoutMs / 1000.0));
    r.failedShare.total = r.failedShare.throttled + r.failedShare.timedOut;
    if (throttled > 0)
        r.latencyMs = percentilesOverAllMs(
            [&](double q) { return functiondetail::mixtureQuantileMs(lifecycle, cold, q); },
            throttled, timeoutMs);
    else // nothing is missing below the timeout: the day's own percentiles stand
        r.latencyMs = withTimeout(day.latencyMs, timeoutMs);
}

void analyzeFunction(CandidateWork &w, std::size_t i)
{
    const Node &node = w.candidate.nodes[i];
    const FunctionConfig config = functionConfig(node);
    const std::vector<double> &rps = w.rps(i);
    const bool simulate = w.options.method == EvalMethod::Simulation;
    const FunctionDayCache::Key key = FunctionDayCache::keyFor(
        config, w.options.method, simulate ? functionSeed(w.options.seed, config, rps) : 0, rps);
    const FunctionDayResult *known = w.functionDays.find(key);
    if (!known && w.reuse) {
        known = w.reuse->functionDays.find(key);
        if (known)
            w.knownModelHash[i] = w.reuse->modelHashOf(known);
    }
    FunctionDayResult computed;
    if (!known)
        computed = simulate ? simulateFunctionDay(config, rps, key.seed, w.simulationTime.next())
                            : analyzeFunctionDay(config, rps, w.workspace.functionDay);
    const FunctionDayResult &day = known ? *known : computed; // a known day is not copied
    NodeResult &r = w.nodes[i];
    r.coldStartProbability = day.coldStartProbability;
    r.throttledFraction = day.throttledFraction;
    r.instances = day.instances;
    r.utilization = day.instances.avgAlive > 0 ? day.instances.avgBusy / day.instances.avgAlive : 0;
    addFunctionFailures(config, day, w.timeoutMs[i], r);
    r.simulation = day.simulation;

    NodeLatencyModel &m = w.latencyModels[i];
    m.durationMs = config.durationMs;
    m.durationCv = config.durationCv;
    m.coldStartMs = config.coldStartMs;
    m.coldProbabilityPerMinute.assign(rps.size(), r.coldStartProbability);
    if (day.throttledSharePerMinute.size() == rps.size())
        m.failProbabilityPerMinute = day.throttledSharePerMinute;
    else if (day.throttledFraction > 0) // the simulation: the day's share in every minute
        m.failProbabilityPerMinute.assign(rps.size(), day.throttledFraction);
    if (day.coldStartsPerMinute.size() == rps.size()) {
        const double *coldPerS = day.coldStartsPerMinute.data();
        const double *requestsPerS = rps.data();
        double *probability = m.coldProbabilityPerMinute.data();
#pragma omp simd
        for (std::size_t t = 0; t < rps.size(); ++t) {
            const double share = coldPerS[t] / std::max(requestsPerS[t], 1e-300);
            probability[t] = requestsPerS[t] > 0 ? std::min(std::max(share, 0.0), 1.0) : 0.0;
        }
    }
    if (known) {
        if (w.options.computeSeries) {
            w.functions[i] = *known;
        } else { // what pricing reads (the series are not wanted)
            w.functions[i].coldStartsPerDay = known->coldStartsPerDay;
            w.functions[i].throttledPerDay = known->throttledPerDay;
        }
        return;
    }
    if (!w.options.computeSeries) {   // they serve the series only: 23 KB a function
        release(computed.alivePerMinute); // (coldStartsPerMinute stays: a function with the
        release(computed.busyPerMinute);  // same day, later, derives its cold shares from it)
    }
    w.functions[i] = std::move(computed);
    // By reference: w keeps the rates and the day until analyzeNodes is done.
    w.functionDays.add(key, w.functions[i]);
}

void analyzeService(CandidateWork &w, std::size_t i)
{
    const ServiceConfig config = ServiceConfig::fromNode(w.candidate.nodes[i]);
    const std::vector<double> &rps = w.rps(i);
    const ServiceDayResult *known =
        w.reuse ? w.reuse->findService(config, rps, w.timeoutMs[i]) : nullptr;
    if (known)
        w.knownModelHash[i] = w.reuse->modelHashOf(known);
    ServiceDayResult computed;
    if (!known) {
        computed = analyzeServiceDay(config, rps, w.timeoutMs[i]);
        if (w.record)
            w.record->addService(config, rps, w.timeoutMs[i], computed);
    }
    const ServiceDayResult &day = known ? *known : computed; // a known day is not copied
    NodeResult &r = w.nodes[i];
    r.droppedFraction = day.droppedFraction;
    r.instances = day.instances;
    r.utilization = day.utilization;
    r.latencyMs = day.latencyMs;
    r.failedShare = day.failedShare;
    w.warningInputs.servicePeakUtilization[i] = day.peakUtilization;
    NodeLatencyModel &m = w.latencyModels[i];
    m.service = config;
    m.serviceWaitPerMinute.resize(day.minutes.size());
    for (std::size_t t = 0; t < day.minutes.size(); ++t)
        m.serviceWaitPerMinute[t] = {day.minutes[t].waitProbability, day.minutes[t].waitRatePerS};
    if (day.droppedFraction > 0) { // overloaded minutes: their excess times out
        m.failProbabilityPerMinute.assign(day.minutes.size(), 0.0);
        for (std::size_t t = 0; t < day.minutes.size() && t < rps.size(); ++t)
            if (rps[t] > 0)
                m.failProbabilityPerMinute[t] =
                    std::clamp(day.minutes[t].droppedRps / rps[t], 0.0, 1.0);
    }
    if (!w.options.computeSeries) { // the minutes serve the series only: 69 KB a service
        release(computed.minutes);    // (and w.services serves the series only)
        release(computed.busyWorkersPerMinute);
    } else if (known) {
        computed = *known;
    }
    w.services[i] = std::move(computed);
}

void analyzeQueue(CandidateWork &w, std::size_t i)
{
    const Node &queue = w.candidate.nodes[i];
    const std::vector<double> &rps = w.rps(i);
    NodeResult &r = w.nodes[i];
    r.latencyMs = constantPercentiles(queue.number("deliveryLatencyMs"));
    for (const auto &[consumer, edge] : w.out[i]) {
        const Edge &e = *edge;
        const double capacity = consumerCapacityRps(w.candidate.nodes[std::size_t(consumer)], queue);
        if (!std::isfinite(capacity))
            continue;
        std::vector<double> inflow(rps.size());
        for (std::size_t t = 0; t < rps.size(); ++t)
            inflow[t] = rps[t] * std::max(0.0, e.perRequest);
        const QueueBacklog backlog = queueBacklog(inflow, capacity);
        r.backlogMaxMessages = std::max(r.backlogMaxMessages, backlog.maxMessages);
        r.backlogMaxAgeS = std::max(r.backlogMaxAgeS, backlog.maxAgeS);
        if (backlog.neverDrains)
            w.warningInputs.backlogNeverDrains[i] = 1;
    }
}

void fillSeries(CandidateWork &w, std::size_t i)
{
    NodeResult &r = w.nodes[i];
    r.rpsPerMinute = w.rps(i);
    const Node &node = w.candidate.nodes[i];
    if (node.kind == NodeKind::Function) {
        FunctionDayResult &day = w.functions[i];
        r.aliveInstancesPerMinute = std::move(day.alivePerMinute);
        r.busyInstancesPerMinute = std::move(day.busyPerMinute);
        r.coldStartsPerMinute = std::move(day.coldStartsPerMinute);
    } else if (node.kind == NodeKind::Service) {
        const ServiceDayResult &day = w.services[i];
        r.aliveInstancesPerMinute.reserve(day.minutes.size());
        for (const ServiceMinute &m : day.minutes)
            r.aliveInstancesPerMinute.push_back(m.replicas);
        r.busyInstancesPerMinute = day.busyWorkersPerMinute;
    }
}

/// A node the variant's change does not reach: its figures are the base's (its latency model
/// stays there, CandidateWork::latencyModel).
void takeBaseNode(CandidateWork &w, std::size_t i)
{
    const KeptCandidate &base = *w.base;
    w.nodes[i] = base.nodes[i];
    w.functions[i].coldStartsPerDay = base.coldStartsPerDay[i];
    w.functions[i].throttledPerDay = base.throttledPerDay[i];
    w.warningInputs.servicePeakUtilization[i] = base.servicePeakUtilization[i];
    w.warningInputs.backlogNeverDrains[i] = base.backlogNeverDrains[i];
    if (!base.modelHashes.empty())
        w.knownModelHash[i] = base.modelHashes[i];
}

void analyzeNodes(CandidateWork &w)
{
    const std::size_t n = w.candidate.nodes.size();
    w.nodes.resize(n);
    w.latencyModels.resize(n);
    w.services.resize(n);
    w.functions.resize(n);
    w.warningInputs.servicePeakUtilization.assign(n, 0.0);
    w.warningInputs.backlogNeverDrains.assign(n, 0);
    w.warningInputs.entryColdShareOfSlowest.assign(n, 0.0);
    w.knownModelHash.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (w.fromBase(i)) {
            takeBaseNode(w, i);
            continue;
        }
        const Node &node = w.candidate.nodes[i];
        NodeResult &r = w.nodes[i];
        r.id = node.id;
        r.kind = node.kind;
        const std::vector<double> &rps = w.rps(i);
        r.avgRps = rps.empty() ? 0.0 : sum(rps) / double(rps.size());
        r.peakRps = maxOf(rps);
        w.latencyModels[i].kind = node.kind;
        switch (node.kind) {
        case NodeKind::Function: analyzeFunction(w, i); break;
        case NodeKind::Service: analyzeService(w, i); break;
        case NodeKind::Queue: analyzeQueue(w, i); break;
        case NodeKind::Gateway:
        case NodeKind::Datastore:
            w.latencyModels[i].fixedMs = node.number("latencyMs");
            r.latencyMs = withTimeout(constantPercentiles(w.latencyModels[i].fixedMs),
                                      w.timeoutMs[i]);
            if (w.latencyModels[i].fixedMs > w.timeoutMs[i])
                r.failedShare = {1.0, 0.0, 1.0};
            break;
        case NodeKind::Client: break;
        }
    }
    // Before the series take the days' vectors: copies for the candidates still to come (and
    // for the evaluations that reuse a recorded one).
    if (w.laterCandidatesMayShare || w.record)
        w.functionDays.keepCopies();
    else
        w.functionDays.clear();
    if (w.options.computeSeries)
        for (std::size_t i = 0; i < n; ++i)
            fillSeries(w, i);
}

/// p99 of the asynchronous work a client triggers: over every event edge reachable from it,
/// edge latency + (for queues) delivery latency, worst backlog age and the consumer's p99.
double asyncCompletionLagMs(const CandidateWork &w, std::size_t client)
{
    const std::size_t n = w.candidate.nodes.size();
    std::vector<char> reached(n, 0);
    std::vector<std::size_t> stack{client};
    reached[client] = 1;
    double worst = 0;
    auto consumerP99 = [&](std::size_t v) { return w.nodes[v].latencyMs.p99; };
    while (!stack.empty()) {
        const std::size_t u = stack.back();
        stack.pop_back();
        for (const auto &[target, edge] : w.out[u]) {
            const Edge &e = *edge;
            const auto v = std::size_t(target);
            if (e.kind == EdgeKind::Event) {
                double lag = std::max(0.0, e.latencyMs);
                const Node &to = w.candidate.nodes[v];
                if (to.kind == NodeKind::Queue) {
                    double slowestConsumer = 0;
                    for (const auto &[consumer, unused] : w.out[v])
                        slowestConsumer =
                            std::max(slowestConsumer, consumerP99(std::size_t(consumer)));
                    lag += to.number("deliveryLatencyMs") + 1000.0 * w.nodes[v].backlogMaxAgeS +
                           slowestConsumer;
                } else {
                    lag += consumerP99(v);
                }
                worst = std::max(worst, lag);
            }
            if (!reached[v]) {
                reached[v] = 1;
                stack.push_back(v);
            }
        }
    }
    return worst;
}

/// What a node's answer to a call depends on, as the Monte Carlo reads it (its kind, settings
/// and per-minute tables), hashed: equal content, equal hash, whatever the node's id.
std::uint64_t latencyContentHash(const NodeLatencyModel &m)
{
    ContentHash h;
    h.add(std::uint64_t(m.kind)).add(m.fixedMs).add(m.durationMs).add(m.durationCv);
    h.add(m.coldStartMs).add(m.coldProbabilityPerMinute);
    if (m.kind == NodeKind::Service) {
        const ServiceConfig &c = m.service;
        h.add(c.serviceTimeMs).add(c.serviceTimeCv).add(std::uint64_t(c.concurrencyPerReplica));
        h.add(std::uint64_t(c.minReplicas)).add(std::uint64_t(c.maxReplicas));
        h.add(c.targetUtilization).add(c.scaleUpDelayS).add(c.scaleDownDelayS);
        h.add(std::uint64_t(m.serviceWaitPerMinute.size()));
        for (const ServiceWait &wait : m.serviceWaitPerMinute)
            h.add(wait.probability).add(wait.ratePerS);
    }
    h.add(m.failProbabilityPerMinute);
    return h.value();
}

/// The seed of a client's Monte Carlo: the evaluation's seed, the client's rates and the
/// content of its synchronous call tree (every node and call it reaches, in call order; a
/// node reached again is named by the order in which the walk first met it). Nothing off the
/// client's path, no id and no position enters it (DESIGN.md §7).
std::uint64_t entrySeed(std::uint64_t seed, const SyncCallGraph &graph,
                        const std::vector<std::uint64_t> &nodeHashes, int client,
                        const std::vector<double> &clientRps)
{
    ContentHash h(seed);
    h.add(clientRps);
    std::vector<std::int64_t> metAt(graph.calls.size(), -1);
    std::int64_t met = 0;
    std::vector<std::pair<int, std::size_t>> stack{{client, 0}};
    metAt[std::size_t(client)] = met++;
    h.add(nodeHashes[std::size_t(client)]);
    while (!stack.empty()) {
        auto &[u, next] = stack.back();
        const std::vector<SyncCallGraph::Call> &calls = graph.calls[std::size_t(u)];
        if (next >= calls.size()) {
            h.add(std::uint64_t(0xE0D)); // the end of u's calls
            stack.pop_back();
            continue;
        }
        const SyncCallGraph::Call &call = calls[next++];
        h.add(call.perRequest).add(call.latencyMs).add(std::uint64_t(call.parallel));
        h.add(call.timeoutMs);
        const auto v = std::size_t(call.target);
        if (metAt[v] >= 0) {
            h.add(std::uint64_t(0xBAC)).add(std::uint64_t(metAt[v]));
            continue;
        }
        metAt[v] = met++;
        h.add(nodeHashes[v]);
        stack.push_back({call.target, 0});
    }
    return h.value();
}

/// The one node a client's requests reach when its path is a single call (exactly once, to a
/// node that calls nothing further), else -1: the entry then has that node's figures exactly.
int singleNodeOnPath(const SyncCallGraph &graph, std::size_t client)
{
    const std::vector<SyncCallGraph::Call> &calls = graph.calls[client];
    if (calls.size() != 1 || calls[0].perRequest != 1.0)
        return -1;
    const int target = calls[0].target;
    return graph.calls[std::size_t(target)].empty() && std::size_t(target) != client ? target : -1;
}

PercentileIntervals exactly(const Percentiles &p) { return {p, p}; }

Percentiles plusMs(Percentiles p, double ms)
{
    p.p50 += ms;
    p.p95 += ms;
    p.p99 += ms;
    return p;
}

/// Keeps the latency models' hashes with the recorded days that give the models.
void recordModelHashes(CandidateWork &w, const std::vector<std::uint64_t> &nodeHashes)
{
    for (std::size_t i = 0; i < w.candidate.nodes.size(); ++i) {
        const Node &node = w.candidate.nodes[i];
        const std::vector<double> &rps = w.rps(i);
        if (node.kind == NodeKind::Function && w.options.method == EvalMethod::Analytic) {
            const FunctionDayCache::Key key =
                FunctionDayCache::keyFor(functionConfig(node), w.options.method, 0, rps);
            w.record->addModelHash(w.record->functionDays.find(key), nodeHashes[i]);
        } else if (node.kind == NodeKind::Service) {
            w.record->addModelHash(w.record->findService(ServiceConfig::fromNode(node), rps,
                                                         w.timeoutMs[i]),
                                   nodeHashes[i]);
        }
    }
}

void analyzeEntries(CandidateWork &w, CandidateEvaluation &out, const FaultIsolationResult &faults)
{
    const SyncCallGraph graph = SyncCallGraph::build(w.candidate);
    std::optional<LatencySampling> sampling; // laid out for the first entry not kept
    std::vector<std::uint64_t> &nodeHashes = w.modelHashes; // only when there is a client
    for (std::size_t i = 0; i < w.candidate.nodes.size(); ++i) {
        const Node &node = w.candidate.nodes[i];
        if (node.kind != NodeKind::Client)
            continue;
        if (nodeHashes.empty()) {
            for (std::size_t k = 0; k < w.latencyModels.size(); ++k)
                nodeHashes.push_back(w.knownModelHash[k] ? w.knownModelHash[k]
                                                         : latencyContentHash(w.latencyModel(k)));
            if (w.record)
                recordModelHashes(w, nodeHashes);
        }
        const std::vector<double> &rps = w.rps(i);
        const std::uint64_t seed = entrySeed(w.options.seed, graph, nodeHashes, int(i), rps);
        const EntryLatency *known = w.reuse ? w.reuse->findEntry(seed, rps) : nullptr;
        if (!known && !sampling) {
            std::vector<const NodeLatencyModel *> models;
            for (std::size_t k = 0; k < w.latencyModels.size(); ++k)
                models.push_back(&w.latencyModel(k));
            sampling.emplace(graph, models, w.workspace.latency);
        }
        const EntryLatency latency =
            known ? *known : entryLatency(*sampling, int(i), rps, seed, w.workspace.latency);
        if (w.record && !known)
            w.record->addEntry(seed, rps, latency);
        EntryResult entry;
        entry.id = node.id;
        entry.latencyMs = latency.busiestHourMs;
        entry.latencyDayMs = latency.dayMs;
        entry.latencyCi95Ms = latency.busiestHourCi95Ms;
        entry.latencyDayCi95Ms = latency.dayCi95Ms;
        entry.failedShare = latency.busiestHourFailed;
        entry.failedShareDay = latency.dayFailed;
        if (const int only = singleNodeOnPath(graph, i); only >= 0) {
            // No Monte Carlo noise on top of the node's own figures (DESIGN.md §7).
            const NodeResult &callee = w.nodes[std::size_t(only)];
            const Percentiles ms = plusMs(callee.latencyMs, graph.calls[i][0].latencyMs);
            entry.latencyMs = entry.latencyDayMs = ms;
            entry.latencyCi95Ms = entry.latencyDayCi95Ms = exactly(ms);
            entry.failedShare = entry.failedShareDay = callee.failedShare;
        }
        entry.availability = faults.entryAvailability[i];
        entry.asyncCompletionLagMs = asyncCompletionLagMs(w, i);
        w.warningInputs.entryColdShareOfSlowest[i] = latency.coldShareOfSlowest;
        out.entries.push_back(entry);
    }
}

void priceCandidate(CandidateWork &w, CandidateEvaluation &out)
{
    std::vector<NodeUsage> usage;
    for (std::size_t i = 0; i < w.candidate.nodes.size(); ++i) {
        const Node &node = w.candidate.nodes[i];
        if (node.kind == NodeKind::Client)
            continue;
        const NodeResult &r = w.nodes[i];
        NodeUsage u;
        u.node = &node;
        const double requestsPerDay = r.avgRps * 86400.0;
        u.requestsPerMonth = requestsPerDay * w.monthFactor;
        if (node.kind == NodeKind::Function) {
            const FunctionDayResult &day = w.functions[i];
            u.coldStartsPerMonth = day.coldStartsPerDay * w.monthFactor;
            u.throttledPerMonth = day.throttledPerDay * w.monthFactor;
            const FunctionRunTimesMs times = functionRunTimesMs(node); // billed as they run
            u.meanDurationMs = times.run;
            u.coldStartMs = times.coldStart;
            u.peakInstances = r.instances.peak;
        } else if (node.kind == NodeKind::Service) {
            u.replicaHoursPerMonth = r.instances.avgAlive * 24.0 * w.monthFactor;
            u.peakInstances = r.instances.peak;
        }
        usage.push_back(u);
    }
    CostBreakdown cost = costCandidate(usage, w.project.pricing);
    out.cost = std::move(cost.lines);
    out.monthlyCostUsd = cost.totalUsd;
    out.costProblems = std::move(cost.problems);
    std::map<std::string, double> perNode;
    for (const CostLine &line : out.cost)
        perNode[line.node] += line.usd;
    for (NodeResult &r : w.nodes)
        r.monthlyCostUsd = perNode.count(r.id) ? perNode[r.id] : 0.0;
}

/// Kept candidates serve the analytic method without series (sensitivity's variants).
bool keepsCandidates(const EvalOptions &options)
{
    return options.method == EvalMethod::Analytic && !options.computeSeries;
}

/// Per node of a variant of the kept candidate, whether the variant's change reaches its
/// figures: the nodes whose own settings changed; those whose rate may change (a client whose
/// workload changed, and downstream of a changed edge, a changed queue (its batch size divides
/// the rate) or a node whose rate may change); those whose callers or incoming edges changed
/// (the callers' timeout); the queues whose outgoing edges or consumers changed (the backlog).
/// Empty when the candidate is no variant of the kept one (other nodes, kinds or edge ends).
std::vector<char> nodesReachedByChange(const KeptCandidate &base, const CandidateWork &w)
{
    const Candidate &was = base.candidate;
    const Candidate &now = w.candidate;
    const std::size_t n = now.nodes.size();
    if (was.nodes.size() != n || was.edges.size() != now.edges.size())
        return {};
    std::vector<char> nodeChanged(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (was.nodes[i].id != now.nodes[i].id || was.nodes[i].kind != now.nodes[i].kind)
            return {};
        nodeChanged[i] = !(was.nodes[i] == now.nodes[i]);
    }
    struct Link
    {
        std::size_t from, to;
        bool changed;
    };
    std::vector<Link> links;
    for (std::size_t e = 0; e < now.edges.size(); ++e) {
        const Edge &a = was.edges[e];
        const Edge &b = now.edges[e];
        const int from = w.indexOf(b.from), to = w.indexOf(b.to);
        if (a.from != b.from || a.to != b.to || from < 0 || to < 0)
            return {};
        links.push_back({std::size_t(from), std::size_t(to), !(a == b)});
    }
    auto workloadOf = [](const std::vector<Workload> &workloads, const std::string &id) {
        const auto it = std::find_if(workloads.begin(), workloads.end(),
                                     [&](const Workload &x) { return x.id == id; });
        return it == workloads.end() ? nullptr : &*it;
    };
    std::vector<char> rateChanges(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (now.nodes[i].kind != NodeKind::Client)
            continue;
        const Workload *a = workloadOf(base.workloads, now.nodes[i].workload);
        const Workload *b = workloadOf(w.project.workloads, now.nodes[i].workload);
        rateChanges[i] = nodeChanged[i] || !a || !b || !(*a == *b);
    }
    std::vector<std::vector<const Link *>> incoming(n);
    for (const Link &link : links)
        incoming[link.to].push_back(&link);
    for (int u : base.load.topologicalOrder) {
        const auto v = std::size_t(u);
        if (now.nodes[v].kind == NodeKind::Client)
            continue;
        for (const Link *link : incoming[v])
            rateChanges[v] = rateChanges[v] || link->changed || rateChanges[link->from]
                || (nodeChanged[link->from] && now.nodes[link->from].kind == NodeKind::Queue);
    }
    std::vector<char> reached(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        reached[i] = nodeChanged[i] || rateChanges[i];
    for (const Link &link : links) {
        if (link.changed || nodeChanged[link.from])
            reached[link.to] = 1;
        if (link.changed || nodeChanged[link.to])
            reached[link.from] = 1;
    }
    return reached;
}

/// Makes w a variant of the kept candidate with its id where it is one (same seed, traffic
/// multiplier, nodes and edge ends): the load is propagated only where the change reaches.
void takeBaseCandidate(CandidateWork &w)
{
    const KeptCandidate *base = w.reuse->findCandidate(w.candidate.id);
    if (!base || base->seed != w.options.seed
        || base->trafficMultiplier != w.options.trafficMultiplier || base->timeoutMs != w.timeoutMs)
        return;
    std::vector<char> reached = nodesReachedByChange(*base, w);
    if (reached.empty()
        || !repropagateLoad(w.project, w.candidate, w.options.trafficMultiplier, base->load,
                            reached, w.load))
        return;
    w.base = base;
    w.reached = std::move(reached);
}

/// Keeps the candidate's per-node figures for its variants (takeBaseCandidate).
void keepCandidate(CandidateWork &w)
{
    if (!w.load.ok())
        return;
    KeptCandidate kept;
    kept.candidate = w.candidate;
    kept.workloads = w.project.workloads;
    kept.trafficMultiplier = w.options.trafficMultiplier;
    kept.seed = w.options.seed;
    kept.load = w.load;
    kept.timeoutMs = w.timeoutMs;
    kept.nodes = w.nodes;
    kept.latencyModels = std::move(w.latencyModels);
    for (const FunctionDayResult &day : w.functions) {
        kept.coldStartsPerDay.push_back(day.coldStartsPerDay);
        kept.throttledPerDay.push_back(day.throttledPerDay);
    }
    kept.servicePeakUtilization = w.warningInputs.servicePeakUtilization;
    kept.backlogNeverDrains = w.warningInputs.backlogNeverDrains;
    kept.modelHashes = w.modelHashes;
    w.record->addCandidate(std::move(kept));
}

CandidateEvaluation evaluateCandidate(const Project &project, const Candidate &candidate,
                                      const EvalOptions &options, FunctionDayCache &functionDays,
                                      SimulationTimeShare &simulationTime,
                                      EngineWorkspace &workspace, bool laterCandidatesMayShare)
{
    CandidateEvaluation out;
    out.id = candidate.id;
    out.name = candidate.name;
    // Kept figures serve and record evaluations with the same method and series setting.
    const auto matches = [&options](const KeptFigures *kept) {
        return kept && kept->method == options.method
            && kept->computeSeries == options.computeSeries;
    };
    CandidateWork w{project, candidate, options, functionDays, simulationTime, workspace,
                    laterCandidatesMayShare,
                    matches(workspace.reuse) ? workspace.reuse : nullptr,
                    matches(workspace.record) ? workspace.record : nullptr,
                    {}, {}, {}, {}, {}, {}, {}, 730.0 / 24.0, {}, {}, {}, {}, nullptr, {}};
    w.monthFactor = std::max(0.0, project.pricing.hoursPerMonth) / 24.0;
    w.buildIndex();
    if (!w.record && w.reuse && keepsCandidates(options))
        takeBaseCandidate(w);
    if (!w.base)
        w.load = propagateLoad(project, candidate, options.trafficMultiplier);
    if (!w.load.ok()) {
        out.errors = w.load.errors;
        for (const LoadOutOfRange &problem : w.load.outOfRange)
            out.warnings.push_back(problem.warning);
        return out;
    }
    analyzeNodes(w);

    std::vector<double> avgRps(candidate.nodes.size());
    for (std::size_t i = 0; i < avgRps.size(); ++i)
        avgRps[i] = w.nodes[i].avgRps;
    FaultIsolationResult faults;
    if (options.costAndLatencyOnly)
        faults.entryAvailability.assign(candidate.nodes.size(), 1.0);
    else
        faults = analyzeFaultIsolation(candidate, w.load.topologicalOrder, avgRps);
    analyzeEntries(w, out, faults);
    out.faultIsolation = faults.nodes;
    if (!options.costAndLatencyOnly)
        out.complexity = computeComplexity(candidate);

    for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
        if (candidate.nodes[i].kind == NodeKind::Client)
            out.monthlyRequests += w.nodes[i].avgRps * 86400.0 * w.monthFactor;
    priceCandidate(w, out);
    if (!options.costAndLatencyOnly)
        out.warnings = computeWarnings(candidate, w.nodes, w.warningInputs);
    if (w.record && keepsCandidates(options))
        keepCandidate(w);
    out.nodes = std::move(w.nodes);
    return out;
}

} // namespace

namespace {

Evaluation emptyEvaluation(const EvalOptions &options)
{
    Evaluation evaluation;
    evaluation.method = options.method;
    evaluation.seed = options.seed;
    evaluation.trafficMultiplier = options.trafficMultiplier;
    evaluation.engineVersion = engineVersionText;
    evaluation.hasSeries = options.computeSeries;
    return evaluation;
}

bool wanted(const Candidate &candidate, const EvalOptions &options)
{
    return options.candidateId.empty() || candidate.id == options.candidateId;
}

} // namespace

Evaluation evaluateReusing(const Project &project, const EvalOptions &options,
                           const Project &previousProject, const Evaluation &previous,
                           EngineWorkspace &workspace)
{
    // Everything a candidate's figures depend on, besides the candidate itself.
    const bool sameInputs = previous.method == options.method && previous.seed == options.seed
        && previous.trafficMultiplier == options.trafficMultiplier
        && previous.engineVersion == engineVersionText
        && previous.hasSeries == options.computeSeries
        && previousProject.workloads == project.workloads
        && previousProject.pricing == project.pricing;
    Evaluation evaluation = emptyEvaluation(options);
    // The candidates that need computing; the others keep their figures.
    std::vector<const CandidateEvaluation *> reused;
    std::size_t toCompute = 0;
    int functionsToCompute = 0;
    for (const Candidate &candidate : project.candidates) {
        if (!wanted(candidate, options))
            continue;
        const Candidate *before = previousProject.findCandidate(candidate.id);
        const CandidateEvaluation *done = previous.findCandidate(candidate.id);
        const bool unchanged = sameInputs && before && done && *before == candidate;
        reused.push_back(unchanged ? done : nullptr);
        toCompute += unchanged ? 0 : 1;
        functionsToCompute += unchanged ? 0 : functionCount(candidate);
    }
    FunctionDayCache functionDays;
    SimulationTimeShare simulationTime(options.simulationMaxSeconds, options.simulationMaxDays,
                                       functionsToCompute);
    std::size_t next = 0;
    for (const Candidate &candidate : project.candidates) {
        if (!wanted(candidate, options))
            continue;
        if (const CandidateEvaluation *done = reused[next++]) {
            evaluation.candidates.push_back(*done);
            continue;
        }
        --toCompute;
        evaluation.candidates.push_back(
            evaluateCandidate(project, candidate, options, functionDays, simulationTime,
                              workspace, toCompute > 0));
    }
    return evaluation;
}

Evaluation evaluate(const Project &project, const EvalOptions &options,
                    EngineWorkspace &workspace)
{
    Evaluation evaluation = emptyEvaluation(options);
    std::size_t toCompute = 0;
    int functionsToCompute = 0;
    for (const Candidate &candidate : project.candidates) {
        toCompute += wanted(candidate, options) ? 1 : 0;
        functionsToCompute += wanted(candidate, options) ? functionCount(candidate) : 0;
    }
    FunctionDayCache ownFunctionDays;
    KeptFigures *record = workspace.record;
    const bool recording = record && record->method == options.method
        && record->computeSeries == options.computeSeries;
    FunctionDayCache &functionDays = recording ? record->functionDays : ownFunctionDays;
    SimulationTimeShare simulationTime(options.simulationMaxSeconds, options.simulationMaxDays,
                                       functionsToCompute);
    for (const Candidate &candidate : project.candidates) {
        if (!wanted(candidate, options))
            continue;
        --toCompute;
        evaluation.candidates.push_back(
            evaluateCandidate(project, candidate, options, functionDays, simulationTime,
                              workspace, toCompute > 0));
    }
    return evaluation;
}

Evaluation evaluate(const Project &project, const EvalOptions &options)
{
    EngineWorkspace workspace;
    return evaluate(project, options, workspace);
}

Evaluation evaluateReusing(const Project &project, const EvalOptions &options,
                           const Project &previousProject, const Evaluation &previous)
{
    EngineWorkspace workspace;
    return evaluateReusing(project, options, previousProject, previous, workspace);
}

} // namespace skyline
