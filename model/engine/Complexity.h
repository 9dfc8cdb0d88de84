#pragma once
// Operational complexity (DESIGN.md §3): a transparent breakdown with visible weights,
// Bogner et al.'s coupling metrics per deployable, and the vendor lock-in share.

#include "domain/Project.h"
#include "engine/Evaluation.h"

namespace skyline {

/// Points per counted item; shown next to the breakdown and editable.
struct ComplexityWeights
{
    double deployables = 1.0;           ///< functions and services
    double runtimes = 2.0;              ///< distinct language runtimes
    double syncEdges = 0.5;
    double asyncEdges = 0.5;
    double crossContextEdges = 1.0;     ///< edges between nodes of different contexts
    double brokers = 1.0;               ///< queues, topics, event buses
    double datastores = 1.0;
    double selfRunInfrastructure = 3.0; ///< clusters, VMs, load balancers, self-run kafka/redis
    double managedComponents = 0.25;    ///< managed functions and containers: count less
};

/// Bogner's ADS (deployables a deployable calls, through gateways and brokers), AIS (those
/// calling it) and ACS = ADS x AIS; the breakdown in the order of ComplexityWeights; the
/// lock-in share: the largest share of non-client nodes on one provider's proprietary
/// products (the product table's provider; kafka, redis and kubernetes are portable).
Complexity computeComplexity(const Candidate &candidate, const ComplexityWeights &weights = {});

} // namespace skyline
