#pragma once
// Warnings with the stable codes of DESIGN.md §3: function-timeout, throttling, overload,
// stateful-function, connection-exhaustion, cold-start-p99, deep-chain, shared-datastore,
// backlog-growth, cpu-oversubscribed, gateway-routes, unused-node. (A cycle is an error, not a warning.) Evaluate adds load-out-of-range, with
// the candidate's error, for a node whose rate exceeds maxNodeRps (LoadPropagation.h).

#include "domain/Project.h"
#include "engine/Evaluation.h"

#include <vector>

namespace skyline {

/// Figures the warnings need besides NodeResult, indexed like candidate.nodes.
struct WarningInputs
{
    std::vector<double> entryColdShareOfSlowest; ///< clients: share of the slowest 1% that start cold
    std::vector<double> servicePeakUtilization;  ///< services: busiest minute's utilisation
    std::vector<char> backlogNeverDrains;        ///< queues
};

/// Execution time limit of a function provider in seconds (aws-lambda 900, gcp-cloud-run
/// 3600, azure-functions 600 on the consumption plan).
double functionTimeLimitS(const std::string &provider);

/// Share of invocations whose warm run time exceeds limitS (FunctionModel's distributions).
double shareOverTimeLimit(double meanMs, double cv, double limitS);

/// Longest chain of synchronous (api) hops starting at each node; the candidate must be
/// acyclic. Indexed like candidate.nodes.
std::vector<int> longestSyncChainHops(const Candidate &candidate);

/// Synchronous chains deeper than this many hops are flagged (deep-chain).
inline constexpr int maxSyncChainHops = 5;

/// Every warning of the candidate; `nodes` holds the NodeResult of each node, indexed like
/// candidate.nodes. The candidate must be acyclic (evaluate checks that first).
std::vector<Warning> computeWarnings(const Candidate &candidate,
                                     const std::vector<NodeResult> &nodes,
                                     const WarningInputs &inputs);

} // namespace skyline
