#include "engine/Warnings.h"

#include "domain/FunctionMemory.h"
#include "domain/Products.h"
#include "domain/Routes.h"
#include "engine/RunTimeDistribution.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

namespace skyline {
namespace {

using Unit = MessageArg::Unit;

/// A node as the texts name it: its name, or its id when it has none.
MessageArg nodeArg(const Node &node)
{
    return nameArg(node.name.empty() ? node.id : node.name);
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
        const FunctionRunTimesMs times = functionRunTimesMs(n); // at its configured memory
        const double meanMs = times.run;
        const double over = shareOverTimeLimit(meanMs, n.number("durationCv"), limitS);
        if (over > 0.001)
            out.push_back(makeDiagnostic(
                "function-timeout", n.id,
                {nodeArg(n), numberArg(meanMs / 1000.0, Unit::Seconds), numberArg(over, Unit::Share),
                 nameArg(provider), numberArg(limitS, Unit::Seconds)}));
        if (r.throttledFraction > 1e-6)
            out.push_back(makeDiagnostic("throttling", n.id,
                                         {nodeArg(n), numberArg(r.throttledFraction, Unit::Share),
                                          numberArg(n.number("concurrencyLimit"), Unit::Count)}));
        if (r.simulation.sampled && r.simulation.days > 0)
            out.push_back(makeDiagnostic("sampled-simulation", n.id,
                                         {nodeArg(n), numberArg(r.avgRps, Unit::RequestsPerSecond)}));
        if (n.flag("needsState")) {
            const std::vector<char> reach = g.syncReachable(int(i));
            bool datastore = false;
            for (std::size_t v = 0; v < reach.size(); ++v)
                datastore = datastore || (reach[v] && c.nodes[v].kind == NodeKind::Datastore);
            if (!datastore)
                out.push_back(makeDiagnostic("stateful-function", n.id, {nodeArg(n)}));
        }
        const double p99 = r.latencyMs.p99;
        const double coldMs = times.coldStart;
        if (r.coldStartProbability >= 0.01 && coldMs > 0 && coldMs >= 0.5 * p99)
            out.push_back(makeDiagnostic("cold-start-p99", n.id,
                                         {nodeArg(n), numberArg(r.coldStartProbability, Unit::Share),
                                          numberArg(coldMs, Unit::Milliseconds),
                                          numberArg(p99, Unit::Milliseconds)}));
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
            out.push_back(makeDiagnostic("overload", n.id,
                                         {nodeArg(n), numberArg(std::min(peak, 99.99), Unit::Share),
                                          numberArg(n.number("maxReplicas"), Unit::Count),
                                          numberArg(nodes[i].droppedFraction, Unit::Share)}));
    }
}

/// Busy workers of a replica that its vCPUs cannot all run: at peak, utilisation x workers,
/// each on the CPU for cpuBoundShare of its time (cpu-oversubscribed, issue 10.4).
void cpuWarnings(const Candidate &c, const WarningInputs &inputs, std::vector<Warning> &out)
{
    auto rounded = [](double v) { return std::round(v * 100.0) / 100.0; };
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        if (n.kind != NodeKind::Service || i >= inputs.servicePeakUtilization.size())
            continue;
        const double busy =
            std::min(inputs.servicePeakUtilization[i], 1.0) * n.number("concurrencyPerReplica");
        const double share = n.number("cpuBoundShare");
        const double vcpu = n.number("vcpu");
        if (busy * share <= vcpu * (1.0 + 1e-9))
            continue;
        out.push_back(makeDiagnostic("cpu-oversubscribed", n.id,
                                     {nodeArg(n), numberArg(rounded(busy), Unit::Factor),
                                      numberArg(share, Unit::Share),
                                      numberArg(rounded(busy * share), Unit::Factor),
                                      numberArg(vcpu, Unit::Factor)}));
    }
}

/// A gateway's routes are shares of its requests that add up to one (gateway-routes, 10.5).
void routeWarnings(const Candidate &c, std::vector<Warning> &out)
{
    for (const Node &n : c.nodes)
        if (n.kind == NodeKind::Gateway && routeSharesIncomplete(c, n.id))
            out.push_back(makeDiagnostic("gateway-routes", n.id,
                                         {nodeArg(n), numberArg(routeShareSum(c, n.id),
                                                                Unit::Share)}));
}

/// Nodes no client reaches over any edge, and clients that call nothing (unused-node).
void reachWarnings(const Candidate &c, const Graph &g, std::vector<Warning> &out)
{
    std::vector<std::vector<int>> anyOut(c.nodes.size());
    for (std::size_t to = 0; to < g.anyIn.size(); ++to)
        for (int from : g.anyIn[to])
            anyOut[std::size_t(from)].push_back(int(to));
    std::vector<char> reached(c.nodes.size(), 0);
    std::vector<int> stack;
    for (std::size_t i = 0; i < c.nodes.size(); ++i)
        if (c.nodes[i].kind == NodeKind::Client) {
            reached[i] = 1;
            stack.push_back(int(i));
        }
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int w : anyOut[std::size_t(v)])
            if (!reached[std::size_t(w)]) {
                reached[std::size_t(w)] = 1;
                stack.push_back(w);
            }
    }
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        const Node &n = c.nodes[i];
        if (n.kind == NodeKind::Client && anyOut[i].empty())
            out.push_back(makeDiagnostic("unused-node", n.id, {nodeArg(n)}, "unused-node/client"));
        else if (!reached[i])
            out.push_back(makeDiagnostic("unused-node", n.id, {nodeArg(n)}));
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
            out.push_back(makeDiagnostic("shared-datastore", store.id,
                                         {nodeArg(store), numberArg(double(contexts.size()), Unit::Count),
                                          nameArg(names)}));
        }
        const double maxConnections = store.number("maxConnections");
        if (maxConnections <= 0)
            continue;
        double peakInstances = 0;
        for (std::size_t f = 0; f < c.nodes.size(); ++f)
            if (c.nodes[f].kind == NodeKind::Function && g.syncReachable(int(f))[d])
                peakInstances += nodes[f].instances.peak;
        if (peakInstances > maxConnections)
            out.push_back(makeDiagnostic("connection-exhaustion", store.id,
                                         {numberArg(peakInstances, Unit::Count), nodeArg(store),
                                          numberArg(maxConnections, Unit::Count)}));
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
            out.push_back(makeDiagnostic("deep-chain", n.id,
                                         {nodeArg(n), numberArg(depth[i], Unit::Count),
                                          numberArg(maxSyncChainHops, Unit::Count)}));
        const double share = i < inputs.entryColdShareOfSlowest.size()
                                 ? inputs.entryColdShareOfSlowest[i]
                                 : 0.0;
        if (share >= 0.5)
            out.push_back(makeDiagnostic("cold-start-p99", n.id,
                                         {nodeArg(n), numberArg(share, Unit::Share)},
                                         "cold-start-p99/entry"));
    }
}

void queueWarnings(const Candidate &c, const WarningInputs &inputs, std::vector<Warning> &out)
{
    for (std::size_t i = 0; i < c.nodes.size() && i < inputs.backlogNeverDrains.size(); ++i)
        if (c.nodes[i].kind == NodeKind::Queue && inputs.backlogNeverDrains[i])
            out.push_back(makeDiagnostic("backlog-growth", c.nodes[i].id, {nodeArg(c.nodes[i])}));
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
    cpuWarnings(candidate, inputs, out);
    datastoreWarnings(candidate, g, nodes, out);
    queueWarnings(candidate, inputs, out);
    entryWarnings(candidate, inputs, out);
    routeWarnings(candidate, out);
    reachWarnings(candidate, g, out);
    return out;
}

} // namespace skyline
