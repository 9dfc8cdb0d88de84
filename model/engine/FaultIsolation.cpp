#include "engine/FaultIsolation.h"

#include <algorithm>
#include <map>

namespace skyline {

FaultIsolationResult analyzeFaultIsolation(const Candidate &candidate,
                                           const std::vector<int> &topologicalOrder,
                                           const std::vector<double> &avgRps)
{
    FaultIsolationResult result;
    const std::size_t n = candidate.nodes.size();
    std::map<std::string, int> indexOf;
    for (std::size_t i = 0; i < n; ++i)
        indexOf.emplace(candidate.nodes[i].id, int(i));

    struct Link
    {
        int from;
        double probability;
    };
    std::vector<std::vector<Link>> syncIn(n);
    std::vector<double> backlogPerMinute(n, 0.0);
    for (const Edge &e : candidate.edges) {
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end())
            continue;
        const auto u = std::size_t(from->second), v = std::size_t(to->second);
        if (e.kind == EdgeKind::Api && !e.fallback)
            syncIn[v].push_back({int(u), std::clamp(e.perRequest, 0.0, 1.0)});
        if (e.kind == EdgeKind::Event && u < avgRps.size())
            backlogPerMinute[v] += avgRps[u] * std::max(0.0, e.perRequest) * 60.0;
    }

    std::vector<int> clients;
    double totalClientRps = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (candidate.nodes[i].kind == NodeKind::Client) {
            clients.push_back(int(i));
            totalClientRps += i < avgRps.size() ? avgRps[i] : 0.0;
        }

    // Per client, only the nodes its requests can reach synchronously: a table of every client
    // by every node took clients x nodes doubles (320 MB at 20,000 nodes, 8 GB at 100,000).
    std::vector<std::vector<int>> syncOut(n);
    for (std::size_t v = 0; v < n; ++v)
        for (const Link &link : syncIn[v])
            syncOut[std::size_t(link.from)].push_back(int(v));
    std::vector<int> topologicalPosition(n, 0);
    for (std::size_t k = 0; k < topologicalOrder.size(); ++k)
        topologicalPosition[std::size_t(topologicalOrder[k])] = int(k);
    std::vector<double> reach(n, 0.0);      // of the current client; 0 off its reached nodes
    std::vector<char> reached(n, 0);
    std::vector<double> failedRps(n, 0.0);  // summed over clients in their order
    std::vector<std::vector<std::string>> entriesHit(n);
    std::vector<int> nodes, stack;
    result.entryAvailability.assign(n, 1.0);
    for (const int client : clients) {
        nodes.assign(1, client);
        stack.assign(1, client);
        reached[std::size_t(client)] = 1;
        while (!stack.empty()) {
            const int u = stack.back();
            stack.pop_back();
            for (int v : syncOut[std::size_t(u)])
                if (!reached[std::size_t(v)]) {
                    reached[std::size_t(v)] = 1;
                    nodes.push_back(v);
                    stack.push_back(v);
                }
        }
        // Reach in topological order (what is not reached contributes a factor of exactly 1).
        std::sort(nodes.begin(), nodes.end(), [&](int a, int b) {
            return topologicalPosition[std::size_t(a)] < topologicalPosition[std::size_t(b)];
        });
        reach[std::size_t(client)] = 1.0;
        for (int v : nodes) {
            if (v == client)
                continue;
            double untouched = 1.0;
            for (const Link &link : syncIn[std::size_t(v)])
                untouched *= 1.0 - reach[std::size_t(link.from)] * link.probability;
            reach[std::size_t(v)] = 1.0 - untouched;
        }
        // Availability and blast radius in node order, as the products and sums always were.
        std::sort(nodes.begin(), nodes.end());
        double availability = 1.0;
        const double clientRps =
            std::size_t(client) < avgRps.size() ? avgRps[std::size_t(client)] : 0.0;
        for (int vi : nodes) {
            const auto v = std::size_t(vi);
            if (reach[v] > 0) {
                failedRps[v] += reach[v] * clientRps;
                entriesHit[v].push_back(candidate.nodes[std::size_t(client)].id);
                if (candidate.nodes[v].kind != NodeKind::Client) {
                    const double a = std::clamp(candidate.nodes[v].number("availability"), 0.0, 1.0);
                    availability *= 1.0 - reach[v] * (1.0 - a);
                }
            }
            reach[v] = 0.0;
            reached[v] = 0;
        }
        result.entryAvailability[std::size_t(client)] = availability;
    }

    for (std::size_t v = 0; v < n; ++v) {
        FaultResult fault;
        fault.node = candidate.nodes[v].id;
        fault.entriesHit = std::move(entriesHit[v]);
        fault.blastRadius = totalClientRps > 0 ? std::min(1.0, failedRps[v] / totalClientRps)
                                               : (fault.entriesHit.empty() ? 0.0 : 1.0);
        fault.backlogPerOutageMinute = backlogPerMinute[v];
        result.nodes.push_back(std::move(fault));
    }
    return result;
}

} // namespace skyline
