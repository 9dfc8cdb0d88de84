#pragma once
// Load propagation (DESIGN.md §3 "Load"): the per-minute rate of every node of a candidate.

#include "domain/Project.h"
#include "engine/Diagnostic.h"

#include <string>
#include <vector>

namespace skyline {

/// The largest rate, in requests per second, the model represents at one node: a thousand
/// times the busiest systems known (~1e6 req/s), and small enough that every figure derived
/// from it (instances, replicas, requests per month, costs) stays finite and every integer
/// conversion in the engine in range. A node whose rate would exceed it is not computed: its
/// candidate fails with a `load-out-of-range` warning (DESIGN.md §3 "Load").
inline constexpr double maxNodeRps = 1e9;

/// A node whose rate exceeds maxNodeRps, found where the amplification first crosses it: its
/// sources are all in range, `edge` is the incoming edge that carries the most (empty for a
/// client whose workload alone, times the traffic multiplier, exceeds it).
struct LoadOutOfRange
{
    int node = -1;
    std::string edge;
    double peakRps = 0; ///< the busiest minute's rate (may be infinite)
    Diagnostic warning; ///< the load-out-of-range warning naming the node (and the edge)
};

struct LoadResult
{
    /// Requests (or messages, for queues) per second reaching each node, per minute; indexed
    /// like candidate.nodes. A function fed by a queue counts invocations (messages / batch).
    std::vector<std::vector<double>> ratePerMinute;
    std::vector<int> topologicalOrder;   ///< node indices, every edge's source before its target
    std::vector<Diagnostic> errors;      ///< cycles ("cycle: A → B → A"), dangling references,
                                         ///< loads out of range (one per outOfRange entry)
    std::vector<LoadOutOfRange> outOfRange; ///< where the load first exceeds maxNodeRps; rates
                                            ///< downstream are saturated at maxNodeRps
    bool ok() const { return errors.empty(); }
};

/// Indices of a candidate's nodes in topological order, or the cycles / dangling references
/// that prevent one (in `errors`).
LoadResult propagateLoad(const Project &project, const Candidate &candidate, double multiplier);

/// The rates of a variant of `base`'s candidate (the same node ids and kinds, the same edge
/// ends, `base` without errors) recomputed only for the nodes marked in `recompute` (every node
/// whose rate may differ from base's must be marked): the others are left empty in
/// `variant`'s ratePerMinute and are `base`'s, bit for bit. Recomputes with the same arithmetic in the
/// same order as propagateLoad, so a recomputed rate is the one propagateLoad gives. Returns
/// false, leaving `variant` unusable, when a recomputed rate exceeds maxNodeRps or a client's
/// workload is missing: then only propagateLoad gives the messages.
bool repropagateLoad(const Project &project, const Candidate &candidate, double multiplier,
                     const LoadResult &base, const std::vector<char> &recompute,
                     LoadResult &variant);

/// Rate factor of an edge: perRequest, divided by the queue's batch size when a queue feeds a
/// function. `from`/`to` are the edge's nodes.
double edgeRateFactor(const Edge &edge, const Node &from, const Node &to);

} // namespace skyline
