#include "engine/Latency.h"

#include "engine/LatencyDetail.h"
#include "engine/RunTimeDistribution.h"
#include "engine/SeededRandom.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <deque>
#include <limits>
#include <map>

namespace skyline {
namespace {

constexpr int tableSize = 256;            ///< quantile table entries over u in [0, tableTopU)
constexpr double tableTopU = 0.99;        ///< above it, quantiles are computed exactly
constexpr int maxCallsSampledPerEdge = 8; ///< more calls are represented by 8, scaled
/// Node draws per request beyond which every node is drawn once per request and all calls to
/// it reuse that draw (a call graph whose paths multiply, such as layers that all call each
/// other, would otherwise unfold into billions of visits).
constexpr double maxVisitsPerSample = 4000;

/// What happened to a request on its way, as bits of its flag byte (they travel up the tree).
constexpr char metColdStart = 1;
constexpr char wasThrottled = 2;
constexpr char timedOut = 4;
constexpr char failed = wasThrottled | timedOut;
constexpr double failedMs = std::numeric_limits<double>::infinity();

/// Two independent uniforms in [0, 1) from one 64-bit draw, 32 bits each: enough for a table
/// lookup (the exact tail then reaches 22 means) and for any chance above 2e-10.
struct UniformPair
{
    double first, second;
};

inline UniformPair uniformPair(SeededRandom &random)
{
    const std::uint64_t bits = random.next();
    return {double(bits >> 32) * 0x1.0p-32, double(bits & 0xffffffffull) * 0x1.0p-32};
}

inline double uniform32(SeededRandom &random) { return double(random.next() >> 32) * 0x1.0p-32; }

/// Run-time quantiles of mean 1 at u = tableTopU * i / (tableSize - 1): every distribution here
/// scales with its mean, so one table per variability serves every node.
/// The tables made before are kept in `cache` (the 16 latest).
std::vector<double> unitQuantileTable(double cv, std::vector<LatencyWorkspace::UnitTable> &cache)
{
    using UnitTable = LatencyWorkspace::UnitTable;
    auto unit = std::find_if(cache.begin(), cache.end(),
                             [cv](const UnitTable &t) { return t.cv == cv; });
    if (unit == cache.end()) {
        if (cache.size() >= 16)
            cache.erase(cache.begin());
        UnitTable made{cv, std::vector<double>(tableSize)};
        const RunTimeDistribution ofMeanOne(1.0, cv);
        for (int i = 0; i < tableSize; ++i)
            made.quantiles[std::size_t(i)] = ofMeanOne.quantile(tableTopU * i / (tableSize - 1));
        cache.push_back(std::move(made));
        unit = cache.end() - 1;
    }
    return unit->quantiles;
}

/// A draw by inversion: through the unit quantile table, exact beyond its top.
inline double drawByInversion(const double *unitTable, double meanMs, double cv, double u)
{
    if (u >= tableTopU) [[unlikely]]
        return RunTimeDistribution(meanMs, cv).quantile(u);
    const double x = u * ((tableSize - 1) / tableTopU);
    const int i = std::min(int(x), tableSize - 2);
    const double f = x - i;
    return meanMs * (unitTable[i] + (unitTable[i + 1] - unitTable[i]) * f);
}

/// One node as the Monte Carlo reads it: flat, with its per-minute tables as plain pointers
/// and its outgoing calls as a range of RequestSampler::calls.
struct SampledNode
{
    NodeKind kind = NodeKind::Client;
    double fixedMs = 0;                   ///< gateways, datastores
    double meanMs = 0;                    ///< functions: warm run time; services: service time
    double cv = 1;                        ///< functions: run-time variability; services: 1
    double coldStartMs = 0;               ///< functions
    const double *unitTable = nullptr;    ///< functions, services: unitQuantileTable(cv)
    const double *coldProbabilityPerMinute = nullptr; ///< functions: nullptr = never cold
    const ServiceWait *serviceWaitPerMinute = nullptr; ///< services: nullptr = no queueing
    const double *failProbabilityPerMinute = nullptr;  ///< nullptr: never fails by itself
    char failure = 0;                     ///< the flag a failure here sets
    std::uint32_t firstCall = 0, endCall = 0;
    bool hasParallelCalls = false;
};

struct SampledCall
{
    int target = 0;
    double latencyMs = 0;
    double extraCallChance = 0;
    int wholeCalls = 1;
    bool parallel = false;
    double timeoutMs = defaultTimeoutMs;
    /// The target's latency when it is a leaf that always answers in the same time (a gateway
    /// or datastore that calls nothing), else NaN: such calls need no draws.
    double fixedLeafMs = std::numeric_limits<double>::quiet_NaN();

    bool toFixedLeaf() const { return !std::isnan(fixedLeafMs); }
    int mostSampledCalls() const
    {
        return int(std::min<double>(maxCallsSampledPerEdge,
                                    double(wholeCalls) + (extraCallChance > 0 ? 1 : 0)));
    }
};

} // namespace

/// The candidate's nodes and calls as the Monte Carlo reads them (LatencySampling's content).
struct LatencySampling::Layout
{
    std::vector<SampledNode> nodes;
    std::vector<SampledCall> calls;
    std::vector<std::pair<double, std::vector<double>>> unitTables; ///< per cv used
    /// Per node, the most node draws a request entering there can take (calls capped at
    /// maxCallsSampledPerEdge per edge), saturating at 1e18; 1e18 too when its calls loop.
    std::vector<double> visitsPerRequest;

    Layout(const SyncCallGraph &graph, const std::vector<const NodeLatencyModel *> &models,
           LatencyWorkspace &workspace);
    void countVisits();
};

namespace {

/// Draws whole batches of requests through a client's call tree, node by node: each node's
/// draws for every request of the batch in one loop (the requests' minutes are in the order of
/// the day, so the per-minute tables are read in order), then the calls it makes.
class RequestSampler
{
public:
    RequestSampler(const LatencySampling::Layout &layout, SeededRandom &random)
        : m_random(random), m_nodes(layout.nodes), m_calls(layout.calls),
          m_visitsPerRequest(layout.visitsPerRequest)
    {
    }

    /// Latency of `minutes.size()` requests entering at `entry`, each at its minute; cold[i]
    /// is set when request i met a cold start anywhere in its tree.
    void sample(int entry, const std::vector<int> &minutes, std::vector<double> &latencyMs,
                std::vector<char> &cold);

private:
    void drawOwn(const SampledNode &node, const int *minutes, std::size_t count, double *out,
                 char *cold);
    void markOwnFailures(const SampledNode &node, const int *minutes, std::size_t count,
                         double *out, char *flags);
    int callCount(const SampledCall &call)
    {
        if (!(call.extraCallChance > 0))
            return call.wholeCalls;
        return call.wholeCalls + int(uniform32(m_random) < call.extraCallChance);
    }
    /// Calls to a fixed leaf: the same time for every call, no draws but the call count.
    void addFixedLeafCalls(const SampledCall &call, std::size_t count, double *out,
                           double *parallelMax, char *flags);
    /// Every call draws its own subtree (the call tree unfolded).
    void sampleTree(int u, const int *minutes, std::size_t count, double *out, char *cold,
                    std::size_t depth = 0);
    /// Every node drawn once per request, in an order where callees come first; calls reuse it.
    void sampleShared(int entry, const std::vector<int> &minutes, std::vector<double> &latencyMs,
                      std::vector<char> &cold);

    SeededRandom &m_random;
    const std::vector<SampledNode> &m_nodes;
    const std::vector<SampledCall> &m_calls;
    const std::vector<double> &m_visitsPerRequest;
    /// Working arrays of sampleTree per depth of the call tree, kept between batches.
    struct Scratch
    {
        std::vector<int> childMinutes;
        std::vector<std::uint32_t> parent;
        std::vector<double> scale, childMs, parallelMax;
        std::vector<char> childCold;
    };
    std::deque<Scratch> m_scratch; // a deque: growing it keeps the deeper levels' references
};

} // namespace

LatencySampling::Layout::Layout(const SyncCallGraph &graph,
                                const std::vector<const NodeLatencyModel *> &models,
                                LatencyWorkspace &workspace)
{
    auto tableFor = [this, &workspace](double cv) -> const double * {
        for (const auto &[tableCv, table] : unitTables)
            if (tableCv == cv)
                return table.data();
        unitTables.emplace_back(cv, unitQuantileTable(cv, workspace.unitTables));
        return unitTables.back().second.data();
    };
    unitTables.reserve(models.size() + 1); // pointers into it must stay valid
    nodes.resize(models.size());
    for (std::size_t u = 0; u < models.size(); ++u) {
        const NodeLatencyModel &m = *models[u];
        SampledNode &node = nodes[u];
        node.kind = m.kind;
        node.fixedMs = m.fixedMs;
        if (m.kind == NodeKind::Function) {
            node.meanMs = std::max(0.0, m.durationMs);
            node.cv = std::max(0.0, m.durationCv);
            node.coldStartMs = m.coldStartMs;
            node.unitTable = tableFor(node.cv);
            if (!m.coldProbabilityPerMinute.empty())
                node.coldProbabilityPerMinute = m.coldProbabilityPerMinute.data();
        } else if (m.kind == NodeKind::Service) {
            node.meanMs = std::max(0.0, m.service.serviceTimeMs);
            node.cv = 1.0; // M/M/k: exponential service times
            node.unitTable = tableFor(1.0);
            if (!m.serviceWaitPerMinute.empty())
                node.serviceWaitPerMinute = m.serviceWaitPerMinute.data();
        }
        const auto fails = std::find_if(m.failProbabilityPerMinute.begin(),
                                        m.failProbabilityPerMinute.end(),
                                        [](double p) { return p > 0; });
        if (fails != m.failProbabilityPerMinute.end()) // draws only where failures can happen
            node.failProbabilityPerMinute = m.failProbabilityPerMinute.data();
        node.failure = m.kind == NodeKind::Function ? wasThrottled : timedOut;
        node.firstCall = node.endCall = std::uint32_t(calls.size());
        if (u >= graph.calls.size())
            continue;
        for (const SyncCallGraph::Call &call : graph.calls[u]) {
            SampledCall flat;
            flat.target = call.target;
            flat.latencyMs = call.latencyMs;
            flat.extraCallChance = call.extraCallChance;
            flat.wholeCalls = call.wholeCalls;
            flat.parallel = call.parallel;
            flat.timeoutMs = call.timeoutMs;
            node.hasParallelCalls = node.hasParallelCalls || call.parallel;
            calls.push_back(flat);
        }
        node.endCall = std::uint32_t(calls.size());
    }
    for (SampledCall &call : calls) {
        const SampledNode &to = nodes[std::size_t(call.target)];
        if (to.firstCall != to.endCall)
            continue;
        switch (to.kind) {
        case NodeKind::Gateway:
        case NodeKind::Datastore: call.fixedLeafMs = to.fixedMs; break;
        case NodeKind::Client:
        case NodeKind::Queue: call.fixedLeafMs = 0.0; break;
        case NodeKind::Function:
        case NodeKind::Service: break;
        }
    }
    countVisits();
}

namespace {

/// Requests that fail at the node itself (throttled, or beyond an overloaded service's
/// capacity): infinitely slow, flagged with the node's cause. One draw per request, and only
/// at nodes that can fail.
void RequestSampler::markOwnFailures(const SampledNode &node, const int *minutes,
                                     std::size_t count, double *out, char *flags)
{
    if (!node.failProbabilityPerMinute)
        return;
    for (std::size_t i = 0; i < count; ++i)
        if (uniform32(m_random) < node.failProbabilityPerMinute[minutes[i]]) {
            out[i] = failedMs;
            flags[i] |= node.failure;
        }
}

/// A caller gives up on a call slower than its timeout: the call, and so the request, fails.
inline void applyTimeout(double timeoutMs, double callMs, double &ms, char &flags)
{
    if (callMs > timeoutMs) {
        if (!(flags & failed))
            flags |= timedOut;
        ms = failedMs;
    }
}

void RequestSampler::drawOwn(const SampledNode &node, const int *minutes, std::size_t count,
                             double *out, char *cold)
{
    switch (node.kind) {
    case NodeKind::Gateway:
    case NodeKind::Datastore: std::fill_n(out, count, node.fixedMs); return;
    case NodeKind::Client:
    case NodeKind::Queue: std::fill_n(out, count, 0.0); return;
    case NodeKind::Function:
        for (std::size_t i = 0; i < count; ++i) {
            const auto [u, coldDraw] = uniformPair(m_random);
            double ms = drawByInversion(node.unitTable, node.meanMs, node.cv, u);
            if (node.coldProbabilityPerMinute
                && coldDraw < node.coldProbabilityPerMinute[minutes[i]]) {
                ms += node.coldStartMs;
                cold[i] |= metColdStart;
            }
            out[i] = ms;
        }
        markOwnFailures(node, minutes, count, out, cold);
        return;
    case NodeKind::Service:
        for (std::size_t i = 0; i < count; ++i) {
            const auto [u, waitDraw] = uniformPair(m_random);
            double ms = drawByInversion(node.unitTable, node.meanMs, 1.0, u);
            if (node.serviceWaitPerMinute) { // queueing: Erlang C's chance to wait, then an exponential wait
                const ServiceWait &wait = node.serviceWaitPerMinute[minutes[i]];
                if (waitDraw < wait.probability)
                    ms += drawByInversion(node.unitTable, 1000.0 / wait.ratePerS, 1.0,
                                          uniform32(m_random));
            }
            out[i] = ms;
        }
        markOwnFailures(node, minutes, count, out, cold);
        return;
    }
}

void RequestSampler::addFixedLeafCalls(const SampledCall &call, std::size_t count, double *out,
                                       double *parallelMax, char *flags)
{
    const double one = call.latencyMs + call.fixedLeafMs;
    const bool tooSlow = one > call.timeoutMs;
    for (std::size_t i = 0; i < count; ++i) {
        const int n = callCount(call);
        if (n == 0)
            continue;
        if (tooSlow) [[unlikely]]
            applyTimeout(call.timeoutMs, one, out[i], flags[i]);
        else if (call.parallel)
            parallelMax[i] = std::max(parallelMax[i], one);
        else
            out[i] += one * double(n);
    }
}

void RequestSampler::sampleTree(int u, const int *minutes, std::size_t count, double *out,
                                char *cold, std::size_t depth)
{
    const SampledNode &node = m_nodes[std::size_t(u)];
    drawOwn(node, minutes, count, out, cold);
    if (node.firstCall == node.endCall)
        return;
    if (m_scratch.size() <= depth)
        m_scratch.resize(depth + 1);
    Scratch &scratch = m_scratch[depth];
    scratch.parallelMax.assign(node.hasParallelCalls ? count : 0, 0.0);
    for (std::uint32_t c = node.firstCall; c < node.endCall; ++c) {
        const SampledCall &call = m_calls[c];
        if (call.toFixedLeaf()) {
            addFixedLeafCalls(call, count, out, scratch.parallelMax.data(), cold);
            continue;
        }
        // The calls each request makes, as one batch for the callee: child j belongs to
        // request parent[j] (more than maxCallsSampledPerEdge calls are represented by that
        // many draws, each counting `scale` calls). When every request makes exactly one call,
        // the callee's batch is the requests' own.
        const bool oneCallEach = call.wholeCalls == 1 && !(call.extraCallChance > 0);
        const bool scaled = call.mostSampledCalls() < call.wholeCalls
            + (call.extraCallChance > 0 ? 1 : 0);
        std::size_t children = count;
        const int *childMinutes = minutes;
        if (!oneCallEach) {
            // Every request writes its most calls' slots and moves on by the calls it made:
            // no branch on the random count.
            const int mostCalls = call.mostSampledCalls();
            const std::size_t most = count * std::size_t(mostCalls);
            scratch.childMinutes.resize(most);
            scratch.parent.resize(most);
            scratch.scale.resize(scaled ? most : 0);
            int *childMinute = scratch.childMinutes.data();
            std::uint32_t *parent = scratch.parent.data();
            children = 0;
            for (std::size_t i = 0; i < count; ++i) {
                const int n = callCount(call);
                const int sampled = std::min(n, maxCallsSampledPerEdge);
                for (int k = 0; k < mostCalls && children + std::size_t(k) < most; ++k) {
                    childMinute[children + std::size_t(k)] = minutes[i];
                    parent[children + std::size_t(k)] = std::uint32_t(i);
                }
                if (scaled)
                    std::fill_n(scratch.scale.data() + children, sampled, double(n) / sampled);
                children += std::size_t(sampled);
            }
            childMinutes = scratch.childMinutes.data();
        }
        if (children == 0)
            continue;
        scratch.childMs.resize(children);
        scratch.childCold.assign(children, 0);
        sampleTree(call.target, childMinutes, children, scratch.childMs.data(),
                   scratch.childCold.data(), depth + 1);
        double *childMs = scratch.childMs.data();
        char *childCold = scratch.childCold.data();
        for (std::size_t j = 0; j < children; ++j)
            applyTimeout(call.timeoutMs, call.latencyMs + childMs[j], childMs[j], childCold[j]);
        const std::uint32_t *parent = scratch.parent.data();
        auto parentOf = [&](std::size_t j) { return oneCallEach ? j : std::size_t(parent[j]); };
        for (std::size_t j = 0; j < children; ++j)
            cold[parentOf(j)] |= childCold[j];
        if (call.parallel) {
            for (std::size_t j = 0; j < children; ++j) {
                double &slowest = scratch.parallelMax[parentOf(j)];
                slowest = std::max(slowest, call.latencyMs + childMs[j]);
            }
        } else if (scaled) {
            for (std::size_t j = 0; j < children; ++j)
                out[parent[j]] += (call.latencyMs + childMs[j]) * scratch.scale[j];
        } else {
            for (std::size_t j = 0; j < children; ++j)
                out[parentOf(j)] += call.latencyMs + childMs[j];
        }
    }
    if (node.hasParallelCalls)
        for (std::size_t i = 0; i < count; ++i)
            out[i] += scratch.parallelMax[i];
}

} // namespace

void LatencySampling::Layout::countVisits()
{
    // Post-order over the call graph from every node, without recursion (deep chains are
    // allowed); a node whose calls lead into a loop is saturated, and so are its callers.
    constexpr double saturated = 1e18;
    constexpr double notReached = -1.0, onStack = -2.0;
    visitsPerRequest.assign(nodes.size(), notReached);
    std::vector<std::pair<int, std::uint32_t>> stack;
    for (std::size_t root = 0; root < nodes.size(); ++root) {
        if (visitsPerRequest[root] != notReached)
            continue;
        visitsPerRequest[root] = onStack;
        stack.push_back({int(root), nodes[root].firstCall});
        while (!stack.empty()) {
            auto &[u, next] = stack.back();
            const SampledNode &node = nodes[std::size_t(u)];
            if (next < node.endCall) {
                const SampledCall &call = calls[next++];
                const auto v = std::size_t(call.target);
                if (!call.toFixedLeaf() && visitsPerRequest[v] == notReached) {
                    visitsPerRequest[v] = onStack;
                    stack.push_back({call.target, nodes[v].firstCall});
                }
                continue;
            }
            double total = 1;
            for (std::uint32_t c = node.firstCall; c < node.endCall; ++c) {
                const SampledCall &call = calls[c];
                if (call.toFixedLeaf())
                    continue;
                const double below = visitsPerRequest[std::size_t(call.target)];
                total = below == onStack // a loop of calls: only the shared draws stay bounded
                    ? saturated
                    : std::min(saturated, total + call.mostSampledCalls() * below);
            }
            visitsPerRequest[std::size_t(u)] = total;
            stack.pop_back();
        }
    }
}

namespace {

void RequestSampler::sampleShared(int entry, const std::vector<int> &minutes,
                                  std::vector<double> &latencyMs, std::vector<char> &cold)
{
    const std::size_t count = minutes.size();
    // Callees before callers: a post-order from the entry (cycles are cut where they close).
    std::vector<int> order;
    std::vector<char> seen(m_nodes.size(), 0);
    std::vector<std::pair<int, std::uint32_t>> stack{{entry, m_nodes[std::size_t(entry)].firstCall}};
    seen[std::size_t(entry)] = 1;
    while (!stack.empty()) {
        auto &[u, next] = stack.back();
        if (next < m_nodes[std::size_t(u)].endCall) {
            const int v = m_calls[next++].target;
            if (!seen[std::size_t(v)]) {
                seen[std::size_t(v)] = 1;
                stack.push_back({v, m_nodes[std::size_t(v)].firstCall});
            }
            continue;
        }
        order.push_back(u);
        stack.pop_back();
    }
    std::vector<std::vector<double>> ms(m_nodes.size());
    std::vector<std::vector<char>> nodeCold(m_nodes.size());
    std::vector<double> parallelMax;
    for (int u : order) {
        const SampledNode &node = m_nodes[std::size_t(u)];
        std::vector<double> &out = ms[std::size_t(u)];
        std::vector<char> &outCold = nodeCold[std::size_t(u)];
        out.resize(count);
        outCold.assign(count, 0);
        drawOwn(node, minutes.data(), count, out.data(), outCold.data());
        parallelMax.assign(count, 0.0);
        for (std::uint32_t c = node.firstCall; c < node.endCall; ++c) {
            const SampledCall &call = m_calls[c];
            if (call.toFixedLeaf()) {
                addFixedLeafCalls(call, count, out.data(), parallelMax.data(), outCold.data());
                continue;
            }
            const std::vector<double> &callee = ms[std::size_t(call.target)];
            const std::vector<char> &calleeCold = nodeCold[std::size_t(call.target)];
            if (callee.size() != count) // closes a cycle: not drawn yet
                continue;
            for (std::size_t i = 0; i < count; ++i) {
                const int n = callCount(call);
                if (n == 0)
                    continue;
                double one = call.latencyMs + callee[i];
                char calleeFlags = calleeCold[i];
                applyTimeout(call.timeoutMs, one, one, calleeFlags);
                outCold[i] |= calleeFlags;
                if (call.parallel)
                    parallelMax[i] = std::max(parallelMax[i], one);
                else
                    out[i] += one * double(n);
            }
        }
        for (std::size_t i = 0; i < count; ++i)
            out[i] += parallelMax[i];
    }
    latencyMs = std::move(ms[std::size_t(entry)]);
    cold = std::move(nodeCold[std::size_t(entry)]);
}

void RequestSampler::sample(int entry, const std::vector<int> &minutes,
                            std::vector<double> &latencyMs, std::vector<char> &cold)
{
    if (entry < 0 || std::size_t(entry) >= m_nodes.size()) {
        latencyMs.assign(minutes.size(), 0.0);
        cold.assign(minutes.size(), 0);
        return;
    }
    if (m_visitsPerRequest[std::size_t(entry)] > maxVisitsPerSample) {
        sampleShared(entry, minutes, latencyMs, cold);
        return;
    }
    latencyMs.resize(minutes.size());
    cold.assign(minutes.size(), 0);
    sampleTree(entry, minutes.data(), minutes.size(), latencyMs.data(), cold.data());
}

} // namespace

namespace latencydetail {

/// The values at `ranks` (0 = smallest; ranks ascending) of non-empty `values`, which it leaves
/// in their order. Non-negative doubles order like their bit patterns, so one histogram of
/// the bits (2,048 buckets over the spread) finds the bucket of every rank, and only those few
/// values need a selection: about a third of the time of nth_element on the Monte Carlo's
/// samples. Negative values or NaN (never latencies) take nth_element on a copy.
std::vector<double> valuesAtRanks(const std::vector<double> &values,
                                  const std::vector<std::size_t> &ranks,
                                  std::vector<std::uint64_t> &keys)
{
    constexpr std::size_t buckets = 2048;
    const std::size_t n = values.size();
    std::vector<double> found(ranks.size(), 0.0);
    keys.resize(n);
    std::uint64_t lowest = std::numeric_limits<std::uint64_t>::max(), highest = 0;
    bool ordered = true;
    for (std::size_t i = 0; i < n; ++i) {
        const double value = values[i] + 0.0; // -0 becomes +0
        ordered = ordered && value >= 0;
        keys[i] = std::bit_cast<std::uint64_t>(value);
        lowest = std::min(lowest, keys[i]);
        highest = std::max(highest, keys[i]);
    }
    if (!ordered) {
        std::vector<double> copy = values;
        for (std::size_t q = 0; q < ranks.size(); ++q) {
            std::nth_element(copy.begin(), copy.begin() + std::ptrdiff_t(ranks[q]), copy.end());
            found[q] = copy[ranks[q]];
        }
        return found;
    }
    int shift = 0;
    while (((highest - lowest) >> shift) >= buckets)
        ++shift;
    auto bucketOf = [&](std::uint64_t key) { return std::size_t((key - lowest) >> shift); };
    std::array<std::uint32_t, buckets> histogram{};
    for (std::size_t i = 0; i < n; ++i)
        ++histogram[bucketOf(keys[i])];
    std::vector<std::uint64_t> members;
    std::size_t bucket = 0, belowBucket = 0, gathered = buckets; // gathered: bucket in members
    for (std::size_t q = 0; q < ranks.size(); ++q) {
        while (belowBucket + histogram[bucket] <= ranks[q])
            belowBucket += histogram[bucket++];
        if (gathered != bucket) {
            members.clear();
            for (std::size_t i = 0; i < n; ++i)
                if (bucketOf(keys[i]) == bucket)
                    members.push_back(keys[i]);
            gathered = bucket;
        }
        const std::size_t within = ranks[q] - belowBucket;
        std::nth_element(members.begin(), members.begin() + std::ptrdiff_t(within), members.end());
        found[q] = std::bit_cast<double>(members[within]);
    }
    return found;
}

/// Index of quantile q among n samples (the convention of every percentile here).
std::size_t quantileRank(double q, std::size_t n)
{
    return std::min(n - 1, std::size_t(q * double(n)));
}

/// The percentiles of `values`, their 95 % intervals and, with `tail` > 0, the value at rank
/// n - tail (the fastest of the slowest `tail`; never below the p99).
Percentiles percentilesOf(const std::vector<double> &values, std::vector<std::uint64_t> &keys,
                          PercentileIntervals &ci95, std::size_t tail, double *tailEdge)
{
    if (values.empty())
        return {};
    const std::size_t n = values.size();
    // Ranks in ascending order (valuesAtRanks needs them so): per quantile low, estimate, high.
    std::vector<std::size_t> ranks;
    for (double q : {0.50, 0.95, 0.99}) {
        const auto [low, high] = quantileCi95Ranks(q, n);
        ranks.insert(ranks.end(), {low, quantileRank(q, n), high});
    }
    if (tail > 0)
        ranks.push_back(n - std::min(tail, n));
    std::vector<std::size_t> sorted = ranks;
    std::sort(sorted.begin(), sorted.end());
    const std::vector<double> atSorted = valuesAtRanks(values, sorted, keys);
    auto at = [&](std::size_t k) {
        return atSorted[std::size_t(std::lower_bound(sorted.begin(), sorted.end(), ranks[k])
                                    - sorted.begin())];
    };
    if (tailEdge)
        *tailEdge = at(ranks.size() - 1);
    ci95 = {{at(0), at(3), at(6)}, {at(2), at(5), at(8)}};
    return {at(1), at(4), at(7)};
}

Percentiles percentilesOf(const std::vector<double> &values, std::vector<std::uint64_t> &keys,
                          std::size_t tail, double *tailEdge)
{
    PercentileIntervals unused;
    return percentilesOf(values, keys, unused, tail, tailEdge);
}

/// Shares of the requests that failed, by the cause their flags name (throttling first).
FailedShare failedShareOf(const std::vector<double> &latencyMs, const std::vector<char> &flags)
{
    FailedShare share;
    if (latencyMs.empty())
        return share;
    std::size_t throttled = 0, timedOutCount = 0;
    for (std::size_t i = 0; i < latencyMs.size(); ++i) {
        if (!std::isinf(latencyMs[i]))
            continue;
        if (flags[i] & wasThrottled)
            ++throttled;
        else
            ++timedOutCount;
    }
    const double n = double(latencyMs.size());
    share.throttled = double(throttled) / n;
    share.timedOut = double(timedOutCount) / n;
    share.total = double(throttled + timedOutCount) / n;
    return share;
}

} // namespace latencydetail

namespace {

/// Share of the slowest `tail` of `latencyMs` (the values from `edge` up) whose request met a
/// cold start and still answered (failed requests are not slow because of a cold start); ties
/// at the edge are taken in the order of the samples.
double coldShareOfSlowest(const std::vector<double> &latencyMs, const std::vector<char> &cold,
                          std::size_t tail, double edge)
{
    std::size_t taken = 0, coldInTail = 0;
    for (std::size_t i = 0; i < latencyMs.size(); ++i)
        if (latencyMs[i] > edge) {
            ++taken;
            coldInTail += (cold[i] & metColdStart) && !(cold[i] & failed) ? 1 : 0;
        }
    for (std::size_t i = 0; i < latencyMs.size() && taken < tail; ++i)
        if (latencyMs[i] == edge) {
            ++taken;
            coldInTail += (cold[i] & metColdStart) && !(cold[i] & failed) ? 1 : 0;
        }
    return double(coldInTail) / double(tail);
}

/// The minutes of `samples` requests among `count` minutes from `first` (around the clock), in
/// proportion to the rate (uniformly when it is zero), by systematic sampling: one uniform
/// offset, then every total / samples along the cumulative rate. Each minute gets its share of
/// the requests to within one, and the picks come out in the order of the window.
std::vector<int> pickMinutes(const std::vector<double> &rps, int first, int count, int samples,
                             SeededRandom &random)
{
    const int day = int(rps.size());
    auto minuteAt = [day, first](int offset) {
        const int minute = first + offset;
        return minute >= day ? minute - day : minute;
    };
    double total = 0;
    for (int offset = 0; offset < count; ++offset)
        total += std::max(0.0, rps[std::size_t(minuteAt(offset))]);
    const bool uniform = !(total > 0) || !std::isfinite(total);
    if (uniform)
        total = count;
    std::vector<int> minutes(static_cast<std::size_t>(samples));
    std::size_t picked = 0;
    const double step = total / samples;
    double next = random.uniform() * step; // cumulative rate of the next pick
    double cumulative = 0;
    int lastWeighted = 0;
    for (int offset = 0; offset < count && picked < minutes.size(); ++offset) {
        const int minute = minuteAt(offset);
        const double w = uniform ? 1.0 : std::max(0.0, rps[std::size_t(minute)]);
        if (w > 0)
            lastWeighted = minute;
        cumulative += w;
        for (; next < cumulative && picked < minutes.size(); next += step)
            minutes[picked++] = minute;
    }
    std::fill(minutes.begin() + std::ptrdiff_t(picked), minutes.end(), lastWeighted); // rounding
    return minutes;
}

} // namespace

SyncCallGraph SyncCallGraph::build(const Candidate &candidate)
{
    SyncCallGraph graph;
    graph.calls.resize(candidate.nodes.size());
    std::map<std::string, int> indexOf;
    for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
        indexOf.emplace(candidate.nodes[i].id, int(i));
    for (const Edge &e : candidate.edges) {
        if (e.kind != EdgeKind::Api)
            continue;
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end())
            continue;
        SyncCallGraph::Call call;
        call.target = to->second;
        call.perRequest = std::max(0.0, e.perRequest);
        call.latencyMs = std::max(0.0, e.latencyMs);
        call.parallel = e.parallel;
        const double whole = std::floor(call.perRequest);
        call.wholeCalls = int(std::min(whole, 1e9));
        call.extraCallChance = call.perRequest - whole;
        call.timeoutMs = candidate.nodes[std::size_t(from->second)].kind == NodeKind::Gateway
            ? gatewayTimeoutMs
            : defaultTimeoutMs;
        graph.calls[std::size_t(from->second)].push_back(call);
    }
    return graph;
}

std::pair<std::size_t, std::size_t> quantileCi95Ranks(double q, std::size_t n)
{
    if (n == 0)
        return {0, 0};
    const double z = 1.959963984540054; // two-sided 95 %
    const double nq = q * double(n);
    const double spread = z * std::sqrt(nq * (1.0 - q));
    // 1-based order statistics floor(nq - spread) and ceil(nq + spread), then 0-based.
    const double low = std::floor(nq - spread) - 1.0;
    const double high = std::ceil(nq + spread) - 1.0;
    const double last = double(n - 1);
    return {std::size_t(std::clamp(low, 0.0, last)), std::size_t(std::clamp(high, 0.0, last))};
}

int busiestHourStart(const std::vector<double> &rps)
{
    const int n = int(rps.size());
    if (n == 0)
        return 0;
    const int w = std::min(60, n);
    double window = 0;
    for (int i = 0; i < w; ++i)
        window += rps[std::size_t(i)];
    double best = window;
    int bestStart = 0;
    for (int start = 1; start < n; ++start) {
        window += rps[std::size_t((start + w - 1) % n)] - rps[std::size_t(start - 1)];
        if (window > best + 1e-9 * std::fabs(best)) {
            best = window;
            bestStart = start;
        }
    }
    return bestStart;
}

namespace {

std::vector<const NodeLatencyModel *> addressesOf(const std::vector<NodeLatencyModel> &models)
{
    std::vector<const NodeLatencyModel *> addresses;
    addresses.reserve(models.size());
    for (const NodeLatencyModel &m : models)
        addresses.push_back(&m);
    return addresses;
}

} // namespace

LatencySampling::LatencySampling(const SyncCallGraph &graph,
                                 const std::vector<NodeLatencyModel> &models,
                                 LatencyWorkspace &workspace)
    : LatencySampling(graph, addressesOf(models), workspace)
{
}

LatencySampling::LatencySampling(const SyncCallGraph &graph,
                                 const std::vector<const NodeLatencyModel *> &models,
                                 LatencyWorkspace &workspace)
    : m_layout(std::make_unique<Layout>(graph, models, workspace))
{
}

LatencySampling::~LatencySampling() = default;

EntryLatency entryLatency(const SyncCallGraph &graph, const std::vector<NodeLatencyModel> &models,
                          int clientIndex, const std::vector<double> &clientRps,
                          std::uint64_t seed, int samples)
{
    LatencyWorkspace workspace;
    return entryLatency(LatencySampling(graph, models, workspace), clientIndex, clientRps, seed,
                        workspace, samples);
}

EntryLatency entryLatency(const LatencySampling &sampling, int clientIndex,
                          const std::vector<double> &clientRps, std::uint64_t seed,
                          LatencyWorkspace &workspace, int samples)
{
    EntryLatency result;
    if (clientRps.empty() || samples <= 0)
        return result;
    result.busiestHourStartMinute = busiestHourStart(clientRps);
    SeededRandom random(seed ^ 0xC0FFEEull);
    RequestSampler sampler(sampling.layout(), random);
    std::vector<double> hour, day;
    std::vector<char> coldFlags, dayCold;
    sampler.sample(clientIndex,
                   pickMinutes(clientRps, result.busiestHourStartMinute, 60, samples, random),
                   hour, coldFlags);
    // The share of the slowest 1% of the busiest hour that met a cold start.
    const std::size_t tail = std::max<std::size_t>(1, hour.size() / 100);
    double tailEdge = 0;
    result.busiestHourMs = latencydetail::percentilesOf(
        hour, workspace.percentileKeys, result.busiestHourCi95Ms, tail, &tailEdge);
    result.coldShareOfSlowest = coldShareOfSlowest(hour, coldFlags, tail, tailEdge);
    result.busiestHourFailed = latencydetail::failedShareOf(hour, coldFlags);

    sampler.sample(clientIndex, pickMinutes(clientRps, 0, int(clientRps.size()), samples, random),
                   day, dayCold);
    result.dayMs =
        latencydetail::percentilesOf(day, workspace.percentileKeys, result.dayCi95Ms);
    result.dayFailed = latencydetail::failedShareOf(day, dayCold);
    return result;
}

} // namespace skyline
