#pragma once
// The product table: one row per cloud product a node can name (a function's "provider", a
// service's "hosting", a gateway's, queue's or datastore's "product"). Each row says everything
// the rest of Skyline needs to know about the product: its node kind, display name, cloud
// provider, whether the provider or the team runs it, how it counts in the complexity score,
// a function platform's execution time limit, and which pricing rule prices it with which
// catalog keys. ParamSchema's choice lists, Complexity, Warnings and CostModel read it; no
// product id is compared anywhere else. Adding a product = one row here + its catalog lines in
// resources/pricing/*.json (plus a new pricing rule in CostModel only if no rule fits).
// Plain C++, no Qt.

#include "domain/Project.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skyline {

/// How a product counts in the complexity score (engine/Complexity.cpp).
enum class ComplexityCount {
    None,             ///< configuration only: nothing extra to deploy or operate
    PerNode,          ///< one managed component or one piece of self-run infrastructure per node
    OncePerCandidate, ///< one self-run platform per candidate however many nodes use it (a cluster)
};

/// Which rule of pricing/CostModel.cpp prices a node of the product. Rules that differ only by
/// their catalog keys are one rule; the keys are in the row.
enum class PricingRule {
    None,               ///< not priced (no product row should use it; kept for completeness)
    LambdaFunction,     ///< pooled requests + tiered GB-s with 1 ms rounding, init, provisioned
    CloudRunFunction,   ///< pooled requests + vCPU-s + GiB-s of instance time (100 ms rounding)
    AzureFunction,      ///< pooled executions + GB-s (minimum time, 128 MB memory steps)
    TieredCalls,        ///< pooled per-million calls over tiers with a free allowance
    LoadBalancer,       ///< hourly fee all month + LCU-hours from new connections
    ReplicaHours,       ///< replica hours x (vCPU x vCPU-hour price + GB x GB-hour price)
    InstanceEquivalent, ///< replica vCPU/GB priced as shares of a named instance type (+ cluster)
    QueueRequests,      ///< SQS: send per message, receive and delete per batch, 64 KB chunks
    PooledPublishes,    ///< per-million publishes in 64 KB chunks with a free allowance
    ChunkedEvents,      ///< per-million events in 64 KB chunks, no free tier
    InstanceHours,      ///< instances billed all month (a default count when none is known)
    ReadWriteUnits,     ///< on-demand read and write request units split by a read share
};

struct ProductInfo
{
    std::string id;           ///< file value, e.g. "aws-lambda"
    NodeKind kind = NodeKind::Function;
    std::string displayName;  ///< e.g. "AWS Lambda"
    std::string provider;     ///< "aws", "gcp", "azure"; empty for vendor-neutral products
    bool managed = true;      ///< run by the provider (true) or by the team (false)
    ComplexityCount complexity = ComplexityCount::None;
    double timeLimitS = 0;    ///< functions: execution time limit; 0 = none
    PricingRule pricing = PricingRule::None;
    /// Catalog keys by role ("vcpuHour" -> "aws.fargate.{arch}.vcpuHourUsd"); "{arch}" stands
    /// for the node's architecture ("x86" or "arm").
    std::vector<std::pair<std::string, std::string>> keys;
    std::string lineItem;     ///< InstanceHours: the cost line's item ("brokers", "hours")

    /// The catalog key of that role with {arch} filled in; empty when the row has none.
    std::string key(std::string_view role, std::string_view arch = "x86") const;
};

/// Every product, grouped by kind; within a kind the first row is the default choice.
const std::vector<ProductInfo> &products();
/// The row of that id, or nullptr.
const ProductInfo *findProduct(std::string_view id);
/// Ids of the products of a kind, in table order (the choice list of its product parameter).
std::vector<std::string> productIds(NodeKind kind);
/// The parameter that names a node kind's product ("provider", "hosting", "product"); empty
/// for kinds without one (clients).
std::string productParamKey(NodeKind kind);
/// The product a node names, or empty (clients).
std::string productOf(const Node &node);

} // namespace skyline
