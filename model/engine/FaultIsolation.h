#pragma once
// Fault isolation (DESIGN.md §3): blast radius of every node, entry points hit, backlog that
// builds behind queues during an outage, and availability per entry point.

#include "domain/Project.h"
#include "engine/Evaluation.h"

#include <vector>

namespace skyline {

struct FaultIsolationResult
{
    std::vector<FaultResult> nodes;          ///< one per node, in candidate order
    std::vector<double> entryAvailability;   ///< indexed like candidate.nodes (1 for non-clients)
};

/// `topologicalOrder` from propagateLoad; `avgRps` per node over the day (indexed like
/// candidate.nodes). A node's outage fails every client request that reaches it through api
/// edges without `fallback`; event edges stop the spread, and messages bound for the node pile
/// up instead (backlogPerOutageMinute). Availability of an entry point: the product over the
/// nodes it touches of (1 - reach x (1 - availability)).
FaultIsolationResult analyzeFaultIsolation(const Candidate &candidate,
                                           const std::vector<int> &topologicalOrder,
                                           const std::vector<double> &avgRps);

} // namespace skyline
