#pragma once
// The monthly cost of a candidate (DESIGN.md §3 "Cost"): usage per node in, priced line items
// out. Every line names the catalog entry it used and that entry's source, so a user can see
// where each number comes from. Plain C++, no Qt.
//
// Modelling choices (each price itself is a catalog entry the project can override):
// - Free tiers (Pricing::freeTier) and tiered prices apply to the candidate's monthly total per
//   product, as an account's bill does; the saving is shared among nodes in proportion to use.
// - Lambda bills each invocation rounded up to 1 ms: ceil(mean) for a constant run time, and
//   E[ceil X] = 1 / (1 - e^(-1/mean_ms)) for a spread-out one (exact for exponential run
//   times, about mean + 0.5 ms for long runs). Init time is billed per cold start.
// - Provisioned concurrency: configured GB-s all month, plus the cheaper duration price for the
//   work the provisioned instances can absorb (at most their capacity); the rest is on demand.
// - SQS: per message a send, a receive per batch and a delete per batch, sends and receives
//   counted in 64 KB chunks of their payload. SNS and EventBridge count 64 KB chunks too.
// - EC2 and kubernetes replicas pay vCPU/GB-hour equivalents of the catalog's named instance
//   type (its price split in Fargate's vCPU:GB price ratio); one cluster fee per candidate
//   with kubernetes services. ALB LCUs assume one new connection per request.
// - DynamoDB on-demand: a call is one read or one write request unit, split by the catalog's
//   aws.dynamodb.readShare. Kafka (MSK), RDS and redis pay instance-hours all month.

#include "domain/Project.h"
#include "engine/Evaluation.h"

#include <string>
#include <vector>

namespace skyline {

class Catalog;

/// What one node consumed in a month; the engine fills it from the load and the results.
/// requestsPerMonth counts every request that reached the node, throttled ones included;
/// the cost model bills requestsPerMonth - throttledPerMonth. peakInstances: brokers (kafka)
/// or instances (aws-rds, redis) billed all month; 0 means the catalog's default count.
struct NodeUsage
{
    const Node *node = nullptr;     ///< kind + params (memoryMb, arch, provider, product, ...)
    double requestsPerMonth = 0;    ///< invocations / calls / messages reaching the node
    double coldStartsPerMonth = 0;  ///< functions: init phases billed (since 2025-08-01)
    double meanDurationMs = 0;      ///< functions: mean warm run time per invocation
    double coldStartMs = 0;         ///< functions: init duration of one cold start
    double throttledPerMonth = 0;   ///< functions: not billed
    double replicaHoursPerMonth = 0; ///< services: average replicas x hours per month
    double peakInstances = 0;       ///< datastores billed per instance etc.
};

struct CostBreakdown
{
    std::vector<CostLine> lines;
    double totalUsd = 0;
    std::vector<std::string> problems; ///< e.g. "no price for gcp.run... in catalog aws-us-east-1"
};

/// Prices the usage with the built-in catalog named by pricing.catalog and its overrides.
/// An unknown catalog or a missing price is reported in problems, never thrown.
CostBreakdown costCandidate(const std::vector<NodeUsage> &usage, const Pricing &pricing);

/// Same, with an explicit catalog (tests, user-supplied catalogs).
CostBreakdown costCandidate(const std::vector<NodeUsage> &usage, const Pricing &pricing,
                            const Catalog &catalog);

} // namespace skyline
