#include "engine/LoadPropagation.h"

#include "engine/Evaluation.h"
#include "engine/Workloads.h"

#include <algorithm>
#include <map>

namespace skyline {
namespace {

/// One cycle among the nodes Kahn's algorithm could not order, as "cycle: a → b → a".
std::string describeCycle(const Candidate &candidate, const std::vector<std::vector<int>> &out,
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
        return "cycle among the edges";
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
    std::string text = "cycle: ";
    for (int i : cycle)
        text += candidate.nodes[i].id + " \u2192 ";
    return text + candidate.nodes[cycle.front()].id;
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
            result.errors.push_back("duplicate node id '" + candidate.nodes[i].id + "'");

    std::vector<std::vector<int>> out(n);
    std::vector<std::vector<std::pair<int, double>>> in(n); // (source, factor)
    std::vector<int> inDegree(n, 0);
    for (const Edge &e : candidate.edges) {
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end()) {
            result.errors.push_back("edge " + e.id + ": unknown node '" +
                                    (from == indexOf.end() ? e.from : e.to) + "'");
            continue;
        }
        out[from->second].push_back(to->second);
        in[to->second].push_back(
            {from->second, edgeRateFactor(e, candidate.nodes[from->second],
                                          candidate.nodes[to->second])});
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

    for (int i = 0; i < n; ++i) {
        const Node &node = candidate.nodes[i];
        if (node.kind == NodeKind::Client && !node.workload.empty() &&
            !project.findWorkload(node.workload))
            result.errors.push_back("client " + node.id + ": unknown workload '" +
                                    node.workload + "'");
    }
    if (!result.errors.empty())
        return result;

    result.ratePerMinute.assign(n, std::vector<double>(minutesPerDay, 0.0));
    for (int u : result.topologicalOrder) {
        const Node &node = candidate.nodes[u];
        std::vector<double> &rate = result.ratePerMinute[u];
        if (node.kind == NodeKind::Client) {
            if (const Workload *w = project.findWorkload(node.workload))
                rate = workloadRatePerMinute(*w, multiplier);
            continue; // a client's rate is its workload alone
        }
        for (const auto &[source, factor] : in[u]) {
            const std::vector<double> &src = result.ratePerMinute[source];
            for (int m = 0; m < minutesPerDay; ++m)
                rate[m] += src[m] * factor;
        }
    }
    return result;
}

} // namespace skyline
