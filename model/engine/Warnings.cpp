#include "engine/Warnings.h"

#include "domain/Products.h"
#include "engine/RunTimeDistribution.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace skyline {
namespace {

std::string formatFigure(double value, int decimals = 1)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string percent(double share)
{
    return formatFigure(100.0 * share, share < 0.01 ? 2 : 1) + "%";
}

std::string label(const Node &node)
{
    return node.name.empty() ? node.id : "'" + node.name + "' (" + node.id + ")";
}

struct Graph
{
    std::map<std::string, int> indexOf;
    std::vector<std::vector<int>> syncOut; ///< api edges
    std::vector<std::vector<int>> anyIn;   ///< every edge, reversed

    explicit Graph(const Candidate &c)
        : syncOut(c.nodes.size()), anyIn(c.nodes.size())
    {
        for (std::size_t i = 0; i < c.nodes.size(); ++i)
            indexOf.emplace(c.nodes[i].id, int(i));
        for (const Edge &e : c.edges) {
            auto from = indexOf.find(e.from);
            auto to = indexOf.find(e.to);
            if (from == indexOf.end() || to == indexOf.end())
                continue;
            if (e.kind == EdgeKind::Api)
                syncOut[std::size_t(from->second)].push_back(to->second);
            anyIn[std::size_t(to->second)].push_back(from->second);
        }
    }

    /// Nodes reachable from `start` through api edges (start excluded unless on a cycle).
    std::vector<char> syncReachable(int start) const
    {
        std::vector<char> seen(syncOut.size(), 0);
        std::vector<int> stack(syncOut[std::size_t(start)]);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (seen[std::size_t(v)])
                continue;
            seen[std::size_t(v)] = 1;
            for (int w : syncOut[std::size_t(v)])
                stack.push_back(w);
        }
        return seen;
    }
};

void functionWarnings(const Candidate &c, const Graph &g, const std::vector<NodeResult> &nodes,
                      std::vector<Warning> &out)
{
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        if (n.kind != NodeKind::Function)
            continue;
        const NodeResult &r = nodes[i];
        const std::string provider = n.text("provider");
        const double limitS = functionTimeLimitS(provider);
        const double meanMs = n.number("durationMs");
        const double over = shareOverTimeLimit(meanMs, n.number("durationCv"), limitS);
        if (over > 0.001)
            out.push_back({"function-timeout", n.id,
                           "Function " + label(n) + " runs " + formatFigure(meanMs / 1000.0) +
                               " s on average; " + percent(over) +
                               " of its invocations would exceed the " + provider + " limit of " +
                               formatFigure(limitS, 0) + " s."});
        if (r.throttledFraction > 1e-6)
            out.push_back({"throttling", n.id,
                           "Function " + label(n) + " throttles " + percent(r.throttledFraction) +
                               " of its requests at its concurrency limit of " +
                               formatFigure(n.number("concurrencyLimit"), 0) + " instances."});
        if (n.flag("needsState")) {
            const std::vector<char> reach = g.syncReachable(int(i));
            bool datastore = false;
            for (std::size_t v = 0; v < reach.size(); ++v)
                datastore = datastore || (reach[v] && c.nodes[v].kind == NodeKind::Datastore);
            if (!datastore)
                out.push_back({"stateful-function", n.id,
                               "Function " + label(n) +
                                   " needs state but calls no datastore: functions keep nothing "
                                   "between invocations."});
        }
        const double p99 = r.latencyMs.p99;
        const double coldMs = n.number("coldStartMs");
        if (r.coldStartProbability >= 0.01 && coldMs > 0 && coldMs >= 0.5 * p99)
            out.push_back({"cold-start-p99", n.id,
                           "Cold starts dominate the p99 of " + label(n) + ": " +
                               percent(r.coldStartProbability) + " of invocations start cold and " +
                               "pay " + formatFigure(coldMs, 0) + " ms of init (p99 " +
                               formatFigure(p99, 0) + " ms)."});
    }
}

void serviceWarnings(const Candidate &c, const std::vector<NodeResult> &nodes,
                     const WarningInputs &inputs, std::vector<Warning> &out)
{
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        if (n.kind != NodeKind::Service)
            continue;
        const double peak = i < inputs.servicePeakUtilization.size()
                                ? inputs.servicePeakUtilization[i]
                                : 0.0;
        if (peak >= 1.0 || nodes[i].droppedFraction > 0)
            out.push_back({"overload", n.id,
                           "Service " + label(n) + " is overloaded at peak (utilisation " +
                               percent(std::min(peak, 99.99)) + " with " +
                               formatFigure(n.number("maxReplicas"), 0) + " replicas at most): " +
                               percent(nodes[i].droppedFraction) +
                               " of the day's requests exceed its capacity."});
    }
}

void datastoreWarnings(const Candidate &c, const Graph &g, const std::vector<NodeResult> &nodes,
                       std::vector<Warning> &out)
{
    for (std::size_t d = 0; d < c.nodes.size(); ++d) {
        const Node &store = c.nodes[d];
        if (store.kind != NodeKind::Datastore)
            continue;
        std::set<std::string> contexts;
        for (int u : g.anyIn[d])
            if (!c.nodes[std::size_t(u)].context.empty())
                contexts.insert(c.nodes[std::size_t(u)].context);
        if (contexts.size() > 1) {
            std::string names;
            for (const std::string &x : contexts) {
                const Context *context = c.findContext(x);
                names += (names.empty() ? "" : ", ") +
                         (context && !context->name.empty() ? context->name : x);
            }
            out.push_back({"shared-datastore", store.id,
                           "Datastore " + label(store) + " is used from " +
                               std::to_string(contexts.size()) + " bounded contexts (" + names +
                               "): they are coupled through its schema."});
        }
        const double maxConnections = store.number("maxConnections");
        if (maxConnections <= 0)
            continue;
        double peakInstances = 0;
        for (std::size_t f = 0; f < c.nodes.size(); ++f)
            if (c.nodes[f].kind == NodeKind::Function && g.syncReachable(int(f))[d])
                peakInstances += nodes[f].instances.peak;
        if (peakInstances > maxConnections)
            out.push_back({"connection-exhaustion", store.id,
                           "Up to " + formatFigure(peakInstances, 0) +
                               " function instances connect to " + label(store) +
                               ", beyond its limit of " + formatFigure(maxConnections, 0) +
                               " connections."});
    }
}

void entryWarnings(const Candidate &c, const WarningInputs &inputs, std::vector<Warning> &out)
{
    const std::vector<int> depth = longestSyncChainHops(c);
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        if (n.kind != NodeKind::Client)
            continue;
        if (depth[i] > maxSyncChainHops)
            out.push_back({"deep-chain", n.id,
                           "Requests of " + label(n) + " pass through a synchronous chain of " +
                               std::to_string(depth[i]) + " hops (more than " +
                               std::to_string(maxSyncChainHops) +
                               "): every hop adds latency and a failure path."});
        const double share = i < inputs.entryColdShareOfSlowest.size()
                                 ? inputs.entryColdShareOfSlowest[i]
                                 : 0.0;
        if (share >= 0.5)
            out.push_back({"cold-start-p99", n.id,
                           "Cold starts dominate the end-to-end p99 of " + label(n) + ": " +
                               percent(share) +
                               " of its slowest 1% of requests at the busiest hour hit one."});
    }
}

void queueWarnings(const Candidate &c, const WarningInputs &inputs, std::vector<Warning> &out)
{
    for (std::size_t i = 0; i < c.nodes.size() && i < inputs.backlogNeverDrains.size(); ++i)
        if (c.nodes[i].kind == NodeKind::Queue && inputs.backlogNeverDrains[i])
            out.push_back({"backlog-growth", c.nodes[i].id,
                           "The backlog of " + label(c.nodes[i]) +
                               " never drains: its consumers handle fewer messages per day "
                               "than arrive, so it grows every day."});
}

} // namespace

double functionTimeLimitS(const std::string &provider)
{
    // The product table's limit; a provider without one is held to Lambda's 900 s.
    const ProductInfo *row = findProduct(provider);
    return row && row->timeLimitS > 0 ? row->timeLimitS : 900.0;
}

double shareOverTimeLimit(double meanMs, double cv, double limitS)
{
    return RunTimeDistribution(meanMs, cv).shareAbove(limitS * 1000.0);
}

std::vector<int> longestSyncChainHops(const Candidate &candidate)
{
    const Graph g(candidate);
    const std::size_t n = candidate.nodes.size();
    std::vector<int> depth(n, -1);
    std::vector<char> onStack(n, 0);
    std::function<int(int)> visit = [&](int u) -> int {
        if (depth[std::size_t(u)] >= 0)
            return depth[std::size_t(u)];
        if (onStack[std::size_t(u)])
            return 0; // a cycle: evaluate reports it as an error
        onStack[std::size_t(u)] = 1;
        int best = 0;
        for (int v : g.syncOut[std::size_t(u)])
            best = std::max(best, 1 + visit(v));
        onStack[std::size_t(u)] = 0;
        depth[std::size_t(u)] = best;
        return best;
    };
    for (std::size_t i = 0; i < n; ++i)
        visit(int(i));
    return depth;
}

std::vector<Warning> computeWarnings(const Candidate &candidate,
                                     const std::vector<NodeResult> &nodes,
                                     const WarningInputs &inputs)
{
    std::vector<Warning> out;
    if (nodes.size() != candidate.nodes.size())
        return out;
    const Graph g(candidate);
    functionWarnings(candidate, g, nodes, out);
    serviceWarnings(candidate, nodes, inputs, out);
    datastoreWarnings(candidate, g, nodes, out);
    queueWarnings(candidate, inputs, out);
    entryWarnings(candidate, inputs, out);
    return out;
}

} // namespace skyline
