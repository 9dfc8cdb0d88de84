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

    result.entryAvailability.assign(n, 1.0);
    result.reach.assign(clients.size(), std::vector<double>(n, 0.0));
    for (std::size_t c = 0; c < clients.size(); ++c) {
        std::vector<double> &reach = result.reach[c];
        reach[std::size_t(clients[c])] = 1.0;
        for (int v : topologicalOrder) {
            if (v == clients[c])
                continue;
            double untouched = 1.0;
            for (const Link &link : syncIn[std::size_t(v)])
                untouched *= 1.0 - reach[std::size_t(link.from)] * link.probability;
            reach[std::size_t(v)] = 1.0 - untouched;
        }
        double availability = 1.0;
        for (std::size_t v = 0; v < n; ++v) {
            if (reach[v] <= 0 || candidate.nodes[v].kind == NodeKind::Client)
                continue;
            const double a = std::clamp(candidate.nodes[v].number("availability"), 0.0, 1.0);
            availability *= 1.0 - reach[v] * (1.0 - a);
        }
        result.entryAvailability[std::size_t(clients[c])] = availability;
    }

    for (std::size_t v = 0; v < n; ++v) {
        FaultResult fault;
        fault.node = candidate.nodes[v].id;
        double failedRps = 0;
        for (std::size_t c = 0; c < clients.size(); ++c) {
            const double share = result.reach[c][v];
            if (share <= 0)
                continue;
            const auto client = std::size_t(clients[c]);
            failedRps += share * (client < avgRps.size() ? avgRps[client] : 0.0);
            fault.entriesHit.push_back(candidate.nodes[client].id);
        }
        fault.blastRadius = totalClientRps > 0 ? std::min(1.0, failedRps / totalClientRps)
                                               : (fault.entriesHit.empty() ? 0.0 : 1.0);
        fault.backlogPerOutageMinute = backlogPerMinute[v];
        result.nodes.push_back(std::move(fault));
    }
    return result;
}

} // namespace skyline
