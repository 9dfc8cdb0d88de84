#include "engine/Complexity.h"

#include "domain/NodeKinds.h"
#include "domain/Products.h"

#include <algorithm>
#include <map>
#include <set>

namespace skyline {
namespace {

bool isDeployable(const Node &n)
{
    return nodeKindTraits(n.kind).deployable;
}

/// The product row of a node whose product belongs to its kind, else nullptr.
const ProductInfo *productRow(const Node &n)
{
    const ProductInfo *row = findProduct(productOf(n));
    return row && row->kind == n.kind ? row : nullptr;
}

/// Run by the team (the product table's managed = false): one per node, plus one per platform
/// shared by the candidate (a Kubernetes cluster).
int selfRunInfrastructure(const Candidate &candidate)
{
    int count = 0;
    std::set<std::string> sharedPlatforms;
    for (const Node &n : candidate.nodes) {
        const ProductInfo *row = productRow(n);
        if (!row || row->managed)
            continue;
        if (row->complexity == ComplexityCount::PerNode)
            ++count;
        else if (row->complexity == ComplexityCount::OncePerCandidate)
            sharedPlatforms.insert(row->id);
    }
    return count + int(sharedPlatforms.size());
}

/// Deployed on a managed platform (functions, Fargate): one per node.
int managedComponents(const Candidate &candidate)
{
    int count = 0;
    for (const Node &n : candidate.nodes) {
        const ProductInfo *row = productRow(n);
        count += row && row->managed && row->complexity == ComplexityCount::PerNode;
    }
    return count;
}

std::string providerOf(const Node &n)
{
    const ProductInfo *row = productRow(n);
    return row ? row->provider : std::string();
}

} // namespace

Complexity computeComplexity(const Candidate &candidate, const ComplexityWeights &weights)
{
    Complexity result;
    std::map<std::string, int> indexOf;
    for (std::size_t i = 0; i < candidate.nodes.size(); ++i)
        indexOf.emplace(candidate.nodes[i].id, int(i));

    int deployables = 0, brokers = 0, datastores = 0;
    std::set<std::string> runtimes;
    for (const Node &n : candidate.nodes) {
        if (isDeployable(n)) {
            ++deployables;
            runtimes.insert(n.text("runtime"));
        }
        brokers += n.kind == NodeKind::Queue;
        datastores += n.kind == NodeKind::Datastore;
    }
    int syncEdges = 0, asyncEdges = 0, crossContext = 0;
    std::vector<std::vector<int>> out(candidate.nodes.size());
    for (const Edge &e : candidate.edges) {
        (e.kind == EdgeKind::Api ? syncEdges : asyncEdges) += 1;
        auto from = indexOf.find(e.from);
        auto to = indexOf.find(e.to);
        if (from == indexOf.end() || to == indexOf.end())
            continue;
        out[std::size_t(from->second)].push_back(to->second);
        const Node &a = candidate.nodes[std::size_t(from->second)];
        const Node &b = candidate.nodes[std::size_t(to->second)];
        if (!a.context.empty() && !b.context.empty() && a.context != b.context)
            ++crossContext;
    }

    auto add = [&](const char *key, double count, double weight) {
        result.breakdown.push_back({key, count, weight, count * weight});
        result.score += count * weight;
    };
    add("deployables", deployables, weights.deployables);
    add("runtimes", double(runtimes.size()), weights.runtimes);
    add("syncEdges", syncEdges, weights.syncEdges);
    add("asyncEdges", asyncEdges, weights.asyncEdges);
    add("crossContextEdges", crossContext, weights.crossContextEdges);
    add("brokers", brokers, weights.brokers);
    add("datastores", datastores, weights.datastores);
    add("selfRunInfrastructure", selfRunInfrastructure(candidate), weights.selfRunInfrastructure);
    add("managedComponents", managedComponents(candidate), weights.managedComponents);

    // Coupling: the deployables each deployable reaches through non-deployable hops
    // (gateways, brokers), stopping at the first deployable on each path.
    const std::size_t n = candidate.nodes.size();
    std::vector<std::set<int>> dependsOn(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!isDeployable(candidate.nodes[i]))
            continue;
        std::vector<int> stack(out[i].begin(), out[i].end());
        std::vector<char> seen(n, 0);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (seen[std::size_t(v)])
                continue;
            seen[std::size_t(v)] = 1;
            const Node &node = candidate.nodes[std::size_t(v)];
            if (isDeployable(node)) {
                if (std::size_t(v) != i)
                    dependsOn[i].insert(v);
            } else if (node.kind == NodeKind::Gateway || node.kind == NodeKind::Queue) {
                for (int w : out[std::size_t(v)])
                    stack.push_back(w);
            }
        }
    }
    std::vector<int> dependedOnBy(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (int v : dependsOn[i])
            ++dependedOnBy[std::size_t(v)];
    for (std::size_t i = 0; i < n; ++i) {
        if (!isDeployable(candidate.nodes[i]))
            continue;
        CouplingMetrics m;
        m.node = candidate.nodes[i].id;
        m.ads = int(dependsOn[i].size());
        m.ais = dependedOnBy[i];
        m.acs = m.ads * m.ais;
        result.coupling.push_back(m);
    }

    std::map<std::string, int> perProvider;
    int counted = 0;
    for (const Node &node : candidate.nodes) {
        if (node.kind == NodeKind::Client)
            continue;
        ++counted;
        const std::string provider = providerOf(node);
        if (!provider.empty())
            ++perProvider[provider];
    }
    int most = 0;
    for (const auto &[provider, count] : perProvider)
        most = std::max(most, count);
    result.lockInShare = counted > 0 ? double(most) / counted : 0.0;
    return result;
}

} // namespace skyline
