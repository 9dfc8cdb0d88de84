#pragma once
// Load propagation (DESIGN.md §3 "Load"): the per-minute rate of every node of a candidate.

#include "domain/Project.h"

#include <string>
#include <vector>

namespace skyline {

struct LoadResult
{
    /// Requests (or messages, for queues) per second reaching each node, per minute; indexed
    /// like candidate.nodes. A function fed by a queue counts invocations (messages / batch).
    std::vector<std::vector<double>> ratePerMinute;
    std::vector<int> topologicalOrder;   ///< node indices, every edge's source before its target
    std::vector<std::string> errors;     ///< cycles ("cycle: n1 → n2 → n1"), dangling references
    bool ok() const { return errors.empty(); }
};

/// Indices of a candidate's nodes in topological order, or the cycles / dangling references
/// that prevent one (in `errors`).
LoadResult propagateLoad(const Project &project, const Candidate &candidate, double multiplier);

/// Rate factor of an edge: perRequest, divided by the queue's batch size when a queue feeds a
/// function. `from`/`to` are the edge's nodes.
double edgeRateFactor(const Edge &edge, const Node &from, const Node &to);

} // namespace skyline
