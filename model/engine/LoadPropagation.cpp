#include "engine/LoadPropagation.h"

#include "engine/Evaluation.h"
#include "engine/Workloads.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <unordered_map>

namespace skyline {
namespace {

/// A node as its messages name it: its name, or its id when it has none.
std::string nodeName(const Node &node)
{
    return node.name.empty() ? node.id : node.name;
}

/// One cycle among the nodes Kahn's algorithm could not order, as "cycle: A → B → A".
Diagnostic describeCycle(const Candidate &candidate, const std::vector<std::vector<int>> &out,
                         const std::vector<int> &remainingInDegree)
{
    const int n = int(candidate.nodes.size());
    // Every remaining node has a remaining predecessor; walk predecessors until one repeats.
    std::vector<std::vector<int>> in(n);
    for (int u = 0; u < n; ++u)
        for (int v : out[u])
            if (remainingInDegree[u] > 0 && remainingInDegree[v] > 0)
                in[v].push_back(u);
    int start = -1;
    for (int v = 0; v < n; ++v)
        if (remainingInDegree[v] > 0 && !in[v].empty()) {
            start = v;
            break;
        }
    if (start < 0)
        return makeDiagnostic("cycle", {}, {}, "cycle/edges");
    std::vector<int> seenAt(n, -1);
    std::vector<int> walk;
    int v = start;
    while (seenAt[v] < 0) {
        seenAt[v] = int(walk.size());
        walk.push_back(v);
        v = in[v].front();
    }
    // walk[seenAt[v]..] followed backwards is the cycle; print it forwards.
    std::vector<int> cycle(walk.begin() + seenAt[v], walk.end());
    std::reverse(cycle.begin(), cycle.end());
    // Start with the node listed first in the candidate, so the message is stable.
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::string path;
    for (int i : cycle)
        path += nodeName(candidate.nodes[i]) + " \u2192 ";
    path += nodeName(candidate.nodes[cycle.front()]);
    return makeDiagnostic("cycle", candidate.nodes[cycle.front()].id, {nameArg(path)});
}

/// Every minute at most maxNodeRps (a NaN fails it too). One pass without branches, which
/// the compiler vectorises: it runs for every node of every evaluation.
bool withinRange(const std::vector<double> &rate)
{
    bool within = true;
    for (double r : rate)
        within &= r <= maxNodeRps;
    return within;
}

/// The minute of the highest rate (the first NaN, if any: it counts as out of range).
std::size_t busiestMinute(const std::vector<double> &rate)
{
    std::size_t busiest = 0;
    for (std::size_t m = 0; m < rate.size(); ++m) {
        if (std::isnan(rate[m]))
            return m;
        if (rate[m] > rate[busiest])
            busiest = m;
    }
    return busiest;
}

/// Saturates a rate at maxNodeRps, minute by minute (NaN too), so nothing downstream overflows.
void saturate(std::vector<double> &rate)
{
    for (double &r : rate)
        r = std::isnan(r) ? maxNodeRps : std::min(r, maxNodeRps);
}

} // namespace

double edgeRateFactor(const Edge &edge, const Node &from, const Node &to)
{
    double factor = std::max(0.0, edge.perRequest);
    if (from.kind == NodeKind::Queue && to.kind == NodeKind::Function)
        factor /= std::max(1.0, from.number("batchSize"));
    return factor;
}

LoadResult propagateLoad(const Project &project, const Candidate &candidate, double multiplier)
{
    LoadResult result;
    const int n = int(candidate.nodes.size());
    std::map<std::string, int> indexOf;
    for (int i = 0; i < n; ++i)
        if (!indexOf.emplace(candidate.nodes[i].id, i).second)
            result.errors.push_back(makeDiagnostic("duplicate-node-id", candidate.nodes[i].id,
                                                   {nameArg(candidate.nodes[i].id)}));

    std::vector<std::vector<int>> out(n);
    struct Incoming
    {
        int source;
        double factor;
        const Edge *edge;
    };
    std::vector<std::vector<Incoming>> in(n);
    std::vector<int> inDegree(n, 0);
    for (const Edge &e : candidate.edges) {
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end()) {
            // The known end names the connection; the unknown one only has its id.
            const bool fromKnown = from != indexOf.end();
            const std::string known =
                fromKnown ? nodeName(candidate.nodes[from->second])
                          : (to != indexOf.end() ? nodeName(candidate.nodes[to->second]) : e.from);
            result.errors.push_back(makeDiagnostic(
                "unknown-node", {}, {nameArg(known), nameArg(fromKnown ? e.to : e.from)}));
            continue;
        }
        out[from->second].push_back(to->second);
        in[to->second].push_back(
            {from->second,
             edgeRateFactor(e, candidate.nodes[from->second], candidate.nodes[to->second]), &e});
        ++inDegree[to->second];
    }

    // Kahn's algorithm, keeping the candidate's node order among ready nodes.
    std::vector<int> remaining = inDegree;
    std::vector<int> ready;
    for (int i = n - 1; i >= 0; --i)
        if (remaining[i] == 0)
            ready.push_back(i);
    while (!ready.empty()) {
        const int u = ready.back();
        ready.pop_back();
        result.topologicalOrder.push_back(u);
        for (int v : out[u])
            if (--remaining[v] == 0)
                ready.push_back(v);
    }
    if (int(result.topologicalOrder.size()) < n)
        result.errors.push_back(describeCycle(candidate, out, remaining));

    std::unordered_map<std::string, const Workload *> workloads; // a lookup per client
    for (const Workload &w : project.workloads)
        workloads.emplace(w.id, &w);
    auto findWorkload = [&](const std::string &id) -> const Workload * {
        const auto it = workloads.find(id);
        return it == workloads.end() ? nullptr : it->second;
    };
    for (int i = 0; i < n; ++i) {
        const Node &node = candidate.nodes[i];
        if (node.kind == NodeKind::Client && !node.workload.empty() && !findWorkload(node.workload))
            result.errors.push_back(makeDiagnostic("unknown-workload", node.id,
                                                   {nameArg(nodeName(node)), nameArg(node.workload)}));
    }
    if (!result.errors.empty())
        return result;

    result.ratePerMinute.assign(n, std::vector<double>(minutesPerDay, 0.0));
    std::vector<char> saturated(n, 0); // the node's rate, or a source's, exceeded maxNodeRps
    for (int u : result.topologicalOrder) {
        const Node &node = candidate.nodes[u];
        std::vector<double> &rate = result.ratePerMinute[u];
        if (node.kind == NodeKind::Client) {
            if (const Workload *w = findWorkload(node.workload))
                rate = workloadRatePerMinute(*w, multiplier);
        } else {
            for (const Incoming &edge : in[u]) {
                const std::vector<double> &src = result.ratePerMinute[edge.source];
                for (int m = 0; m < minutesPerDay; ++m)
                    rate[m] += src[m] * edge.factor;
                saturated[u] = saturated[u] || saturated[edge.source];
            }
        }
        if (withinRange(rate))
            continue;
        const std::size_t busiest = busiestMinute(rate);
        const double peak = rate.empty() ? 0.0 : rate[busiest];
        if (saturated[u]) { // a source is out of range already: that one names the amplification
            saturate(rate);
            continue;
        }
        saturated[u] = 1;
        LoadOutOfRange problem;
        problem.node = u;
        problem.peakRps = std::isnan(peak) ? std::numeric_limits<double>::infinity() : peak;
        using Unit = MessageArg::Unit;
        std::vector<MessageArg> args{nameArg(nodeName(node)),
                                     numberArg(problem.peakRps, Unit::RequestsPerSecond),
                                     numberArg(maxNodeRps, Unit::RequestsPerSecond)};
        std::string textKey = "load-out-of-range";
        if (node.kind != NodeKind::Client) {
            // The incoming edge that carries the most at the busiest minute amplifies it.
            auto carried = [&](const Incoming &edge) {
                return result.ratePerMinute[edge.source][busiest] * edge.factor;
            };
            const Incoming *most = &in[u].front();
            for (const Incoming &edge : in[u])
                if (carried(edge) > carried(*most))
                    most = &edge;
            problem.edge = most->edge->id;
            textKey = "load-out-of-range/edge";
            args.push_back(nameArg(nodeName(candidate.nodes[most->source])));
            args.push_back(numberArg(result.ratePerMinute[most->source][busiest],
                                     Unit::RequestsPerSecond));
            args.push_back(numberArg(most->factor, Unit::Factor));
        }
        saturate(rate);
        problem.warning = makeDiagnostic("load-out-of-range", node.id, args, textKey);
        result.errors.push_back(
            makeDiagnostic("load-out-of-range", node.id, std::move(args), textKey + "/error"));
        result.outOfRange.push_back(std::move(problem));
    }
    return result;
}

bool repropagateLoad(const Project &project, const Candidate &candidate, double multiplier,
                     const LoadResult &base, const std::vector<char> &recompute,
                     LoadResult &variant)
{
    const std::size_t n = candidate.nodes.size();
    variant = {};
    variant.topologicalOrder = base.topologicalOrder;
    variant.ratePerMinute.resize(n);
    std::unordered_map<std::string, int> indexOf;
    for (std::size_t i = 0; i < n; ++i)
        indexOf.emplace(candidate.nodes[i].id, int(i));
    struct Incoming
    {
        int source;
        double factor;
    };
    std::vector<std::vector<Incoming>> in(n);
    for (const Edge &e : candidate.edges) { // the ends are known: they are base's
        const int from = indexOf.at(e.from);
        const int to = indexOf.at(e.to);
        if (recompute[std::size_t(to)])
            in[std::size_t(to)].push_back(
                {from, edgeRateFactor(e, candidate.nodes[std::size_t(from)],
                                      candidate.nodes[std::size_t(to)])});
    }
    auto rateOf = [&](int i) -> const std::vector<double> & {
        return recompute[std::size_t(i)] ? variant.ratePerMinute[std::size_t(i)]
                                         : base.ratePerMinute[std::size_t(i)];
    };
    for (int u : base.topologicalOrder) {
        if (!recompute[std::size_t(u)])
            continue;
        const Node &node = candidate.nodes[std::size_t(u)];
        std::vector<double> &rate = variant.ratePerMinute[std::size_t(u)];
        rate.assign(minutesPerDay, 0.0);
        if (node.kind == NodeKind::Client) {
            if (node.workload.empty())
                continue;
            const auto w = std::find_if(project.workloads.begin(), project.workloads.end(),
                                        [&](const Workload &x) { return x.id == node.workload; });
            if (w == project.workloads.end())
                return false;
            rate = workloadRatePerMinute(*w, multiplier);
        } else {
            for (const Incoming &edge : in[std::size_t(u)]) {
                const std::vector<double> &src = rateOf(edge.source);
                for (int m = 0; m < minutesPerDay; ++m)
                    rate[m] += src[m] * edge.factor;
            }
        }
        if (!withinRange(rate))
            return false;
    }
    return true;
}

} // namespace skyline
