#include "pricing/CostModel.h"

#include "domain/Products.h"
#include "pricing/Catalog.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

// How the rules of DESIGN.md §3 "Cost" become numbers.
//
// Pooled prices. Free tiers are per account and per month, and tiered prices (Lambda GB-s, API
// Gateway calls) apply to the account's monthly total, so such quantities are pooled across the
// candidate: a pool adds up the raw quantity of every line that draws on it, takes the free
// allowance off the total, prices the rest along the tiers and charges every line the same
// average rate per raw unit. That allocates the free-tier saving and the tier discounts to the
// nodes in proportion to what they use. A line names the catalog key of the highest tier the
// pool reaches (the marginal price).
//
// 1 ms rounding. Lambda rounds each invocation up to the next millisecond. For a constant run
// time (durationCv = 0) the billed time is ceil(mean). For a spread-out run time the billed mean
// is E[ceil(X)]; for an exponential X with mean m (in billing units) that is exactly
// 1 / (1 - e^(-1/m)), which is at least one unit and tends to m + 1/2 for long runs (the
// fractional part is then about uniform). Skyline uses that formula for every durationCv > 0.

namespace skyline {

namespace {

constexpr double secondsPerHour = 3600.0;
constexpr double unlimited = std::numeric_limits<double>::infinity();

/// Mean billed time of one invocation when each is rounded up to granularityMs.
double billedMeanMs(double meanMs, double cv, double granularityMs)
{
    if (meanMs <= 0)
        return 0;
    if (granularityMs <= 0)
        return meanMs;
    const double units = meanMs / granularityMs;
    if (cv <= 0)
        return std::ceil(units - 1e-9) * granularityMs;
    return granularityMs / -std::expm1(-1.0 / units);
}

double roundUpTo(double valueMs, double granularityMs)
{
    if (valueMs <= 0 || granularityMs <= 0)
        return std::max(valueMs, 0.0);
    return std::ceil(valueMs / granularityMs - 1e-9) * granularityMs;
}

struct Tier
{
    double upToQuantity = unlimited; ///< cumulative upper bound of the tier
    double pricePerUnit = 0;
    std::string key;
    std::string source;
};

/// A quantity priced on the candidate's monthly total (see the comment at the top).
struct Pool
{
    bool valid = false;
    std::string freeGroup;          ///< pools of one group share one free allowance
    std::vector<Tier> tiers;
    double quantity = 0;
    double ratePerUnit = 0;         ///< set by finish()
    std::string key;
    std::string source;
};

struct PendingLine
{
    std::size_t lineIndex = 0;
    std::string pool;
    double quantity = 0;
};

double tieredCost(const std::vector<Tier> &tiers, double quantity, std::size_t *highestTier)
{
    double cost = 0;
    double lower = 0;
    *highestTier = 0;
    for (std::size_t i = 0; i < tiers.size() && quantity > lower; ++i) {
        // An override can put a tier's limit below the one before: that tier is then empty
        // (never a negative quantity, so never a negative cost).
        const double inTier = std::max(0.0, std::min(quantity, tiers[i].upToQuantity) - lower);
        cost += inTier * tiers[i].pricePerUnit;
        *highestTier = i;
        lower = std::max(lower, tiers[i].upToQuantity);
    }
    return cost;
}

class Pricer
{
public:
    Pricer(const Catalog &catalog, const Pricing &pricing, CostBreakdown &out)
        : m_catalog(catalog), m_pricing(pricing), m_out(out)
    {
    }

    void priceNode(const NodeUsage &usage);
    void finish();

private:
    std::optional<PriceLookup> price(const std::string &key);
    double number(const std::string &key, double fallback);
    void problem(const std::string &text);
    void addLine(const Node &node, const std::string &item, double usd, const std::string &key);
    void addLine(const std::string &nodeId, const std::string &item, double usd,
                 const std::string &key, const std::string &source);
    void addPooled(const Node &node, const std::string &item, const std::string &poolName,
                   double quantity);
    bool definePool(const std::string &name, const std::string &freeGroup,
                    const std::vector<std::pair<std::string, std::string>> &limitAndPriceKeys,
                    double unitsPerPrice);
    void defineFreeAllowance(const std::string &group, const std::string &key);

    // The pricing rules of the product table (domain/Products.h), one per PricingRule.
    void priceLambda(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceCloudRun(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceAzureFunction(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceTieredCalls(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceLoadBalancer(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceReplicaHours(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceInstanceEquivalent(const NodeUsage &usage, const Node &node,
                                 const ProductInfo &row);
    void priceQueueRequests(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void pricePooledPublishes(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceChunkedEvents(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceInstanceHours(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    void priceReadWriteUnits(const NodeUsage &usage, const Node &node, const ProductInfo &row);
    double chunksPerMessage(const Node &node, const ProductInfo &row);

    const Catalog &m_catalog;
    const Pricing &m_pricing;
    CostBreakdown &m_out;
    std::map<std::string, Pool> m_pools;
    std::map<std::string, double> m_freeAllowance; ///< group -> quantity
    std::vector<PendingLine> m_pending;
    std::string m_clusterKey; ///< the platform fee a candidate pays once (kubernetes)
};

void Pricer::problem(const std::string &text)
{
    if (std::find(m_out.problems.begin(), m_out.problems.end(), text) == m_out.problems.end())
        m_out.problems.push_back(text);
}

std::optional<PriceLookup> Pricer::price(const std::string &key)
{
    auto found = m_catalog.lookup(key, m_pricing.overrides);
    if (!found)
        problem("no price for " + key + " in catalog " + m_catalog.name());
    return found;
}

double Pricer::number(const std::string &key, double fallback)
{
    auto found = price(key);
    return found ? found->value : fallback;
}

void Pricer::addLine(const std::string &nodeId, const std::string &item, double usd,
                     const std::string &key, const std::string &source)
{
    m_out.lines.push_back(CostLine{nodeId, item, usd, key, source});
}

void Pricer::addLine(const Node &node, const std::string &item, double usd,
                     const std::string &key)
{
    auto found = price(key);
    if (found)
        addLine(node.id, item, usd, key, found->source);
}

bool Pricer::definePool(const std::string &name, const std::string &freeGroup,
                        const std::vector<std::pair<std::string, std::string>> &limitAndPriceKeys,
                        double unitsPerPrice)
{
    auto existing = m_pools.find(name);
    if (existing != m_pools.end())
        return existing->second.valid;
    Pool pool;
    pool.freeGroup = freeGroup;
    pool.valid = true;
    for (const auto &[limitKey, priceKey] : limitAndPriceKeys) {
        Tier tier;
        if (!limitKey.empty()) {
            auto limit = price(limitKey);
            pool.valid = pool.valid && limit.has_value();
            tier.upToQuantity = limit ? limit->value : unlimited;
        }
        auto unitPrice = price(priceKey);
        pool.valid = pool.valid && unitPrice.has_value();
        if (unitPrice) {
            tier.pricePerUnit = unitPrice->value / unitsPerPrice;
            tier.key = priceKey;
            tier.source = unitPrice->source;
        }
        pool.tiers.push_back(tier);
    }
    m_pools.emplace(name, pool);
    return pool.valid;
}

void Pricer::defineFreeAllowance(const std::string &group, const std::string &key)
{
    if (!m_pricing.freeTier || m_freeAllowance.count(group))
        return;
    m_freeAllowance[group] = std::max(0.0, number(key, 0));
}

void Pricer::addPooled(const Node &node, const std::string &item, const std::string &poolName,
                       double quantity)
{
    auto pool = m_pools.find(poolName);
    if (pool == m_pools.end() || !pool->second.valid)
        return;
    pool->second.quantity += quantity;
    m_pending.push_back(PendingLine{m_out.lines.size(), poolName, quantity});
    addLine(node.id, item, 0, {}, {});
}

void Pricer::finish()
{
    std::map<std::string, double> groupQuantity;
    for (const auto &[name, pool] : m_pools)
        groupQuantity[pool.freeGroup] += pool.quantity;
    for (auto &[name, pool] : m_pools) {
        if (!pool.valid || pool.quantity <= 0)
            continue;
        const double groupTotal = groupQuantity[pool.freeGroup];
        const double free = std::min(m_freeAllowance[pool.freeGroup], groupTotal);
        const double billable = pool.quantity * (1.0 - free / groupTotal);
        std::size_t highest = 0;
        pool.ratePerUnit = tieredCost(pool.tiers, billable, &highest) / pool.quantity;
        pool.key = pool.tiers[highest].key;
        pool.source = pool.tiers[highest].source;
    }
    for (const PendingLine &pending : m_pending) {
        const Pool &pool = m_pools.at(pending.pool);
        CostLine &line = m_out.lines[pending.lineIndex];
        line.usd = pending.quantity * pool.ratePerUnit;
        line.catalogKey = pool.key.empty() ? pool.tiers.front().key : pool.key;
        line.source = pool.source.empty() ? pool.tiers.front().source : pool.source;
    }
    if (!m_clusterKey.empty()) {
        auto fee = price(m_clusterKey);
        if (fee)
            addLine({}, "platform", fee->value * m_pricing.hoursPerMonth, m_clusterKey,
                    fee->source);
    }
    m_out.totalUsd = 0;
    for (const CostLine &line : m_out.lines)
        m_out.totalUsd += line.usd;
}

double billedRequests(const NodeUsage &usage)
{
    return std::max(0.0, usage.requestsPerMonth - usage.throttledPerMonth);
}

std::string archOf(const Node &node)
{
    return node.text("arch") == "arm" ? "arm" : "x86";
}

void Pricer::priceLambda(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const std::string arch = archOf(node);
    const double memoryGb = node.number("memoryMb") / 1024.0;
    const double invocations = billedRequests(usage);
    const double granularityMs = number(row.key("granularityMs"), 1);
    const double runMs = billedMeanMs(usage.meanDurationMs, node.number("durationCv"),
                                      granularityMs);
    const double initMs = roundUpTo(usage.coldStartMs, granularityMs);

    // Provisioned instances serve what they can of the month's work (at most their capacity);
    // the rest runs on demand.
    const double provisioned = node.number("provisionedConcurrency");
    const double provisionedSeconds = provisioned * m_pricing.hoursPerMonth * secondsPerHour;
    double servedByProvisioned = 0;
    if (provisioned > 0)
        servedByProvisioned = runMs > 0 ? std::min(invocations, provisionedSeconds * 1000 / runMs)
                                        : invocations;
    const double onDemand = invocations - servedByProvisioned;

    const std::string requestPool = row.id + ".requests";
    if (definePool(requestPool, requestPool, {{"", row.key("requests")}}, 1e6)) {
        defineFreeAllowance(requestPool, row.key("freeRequests"));
        addPooled(node, "requests", requestPool, invocations);
    }
    // One free allowance of GB-s for both architectures; tiers per architecture.
    const std::string durationGroup = row.id + ".gbs";
    const std::string durationPool = durationGroup + "." + arch;
    if (definePool(durationPool, durationGroup,
                   {{row.key("tier1Limit", arch), row.key("tier1", arch)},
                    {row.key("tier2Limit", arch), row.key("tier2", arch)},
                    {"", row.key("tier3", arch)}},
                   1)) {
        defineFreeAllowance(durationGroup, row.key("freeGbSeconds"));
        addPooled(node, "compute", durationPool, onDemand * runMs / 1000 * memoryGb);
        // Init phases are billed as on-demand duration since 2025-08-01.
        if (usage.coldStartsPerMonth > 0)
            addPooled(node, "init", durationPool,
                      usage.coldStartsPerMonth * initMs / 1000 * memoryGb);
    }
    if (provisioned > 0) {
        // Provisioned concurrency has no free tier and no duration tiers.
        const std::string configuredKey = row.key("provisioned", arch);
        const std::string workKey = row.key("provisionedDuration", arch);
        if (auto configured = price(configuredKey))
            addLine(node.id, "provisioned", provisionedSeconds * memoryGb * configured->value,
                    configuredKey, configured->source);
        if (auto work = price(workKey))
            addLine(node.id, "provisioned-compute",
                    servedByProvisioned * runMs / 1000 * memoryGb * work->value, workKey,
                    work->source);
    }
}

void Pricer::priceCloudRun(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const double requests = billedRequests(usage);
    const double granularityMs = number(row.key("granularityMs"), 100);
    const double runMs = billedMeanMs(usage.meanDurationMs, node.number("durationCv"),
                                      granularityMs);
    const double startMs = roundUpTo(usage.coldStartMs, granularityMs);
    // One request per instance at a time (Skyline's lifecycle), container start-up billed.
    const double instanceSeconds = (requests * runMs + usage.coldStartsPerMonth * startMs) / 1000;
    const double vcpu = number(row.key("vcpuPerInstance"), 1);
    const double memoryGib = node.number("memoryMb") / 1024.0;

    const std::string requestPool = row.id + ".requests";
    if (definePool(requestPool, requestPool, {{"", row.key("requests")}}, 1e6)) {
        defineFreeAllowance(requestPool, row.key("freeRequests"));
        addPooled(node, "requests", requestPool, requests);
    }
    const std::string vcpuPool = row.id + ".vcpu";
    if (definePool(vcpuPool, vcpuPool, {{"", row.key("vcpuSecond")}}, 1)) {
        defineFreeAllowance(vcpuPool, row.key("freeVcpuSeconds"));
        addPooled(node, "vcpu", vcpuPool, instanceSeconds * vcpu);
    }
    const std::string memoryPool = row.id + ".memory";
    if (definePool(memoryPool, memoryPool, {{"", row.key("gibSecond")}}, 1)) {
        defineFreeAllowance(memoryPool, row.key("freeGibSeconds"));
        addPooled(node, "memory", memoryPool, instanceSeconds * memoryGib);
    }
}

void Pricer::priceAzureFunction(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const double executions = billedRequests(usage);
    const double runMs = std::max(number(row.key("minExecutionMs"), 100),
                                  billedMeanMs(usage.meanDurationMs, node.number("durationCv"), 1));
    const double stepMb = std::max(1.0, number(row.key("memoryStepMb"), 128));
    const double maxMb = number(row.key("maxBilledMemoryMb"), 1536);
    const double memoryGb =
        std::min(maxMb, std::ceil(node.number("memoryMb") / stepMb - 1e-9) * stepMb) / 1024.0;

    const std::string executionPool = row.id + ".executions";
    if (definePool(executionPool, executionPool, {{"", row.key("executions")}}, 1e6)) {
        defineFreeAllowance(executionPool, row.key("freeExecutions"));
        addPooled(node, "requests", executionPool, executions);
    }
    const std::string durationPool = row.id + ".gbs";
    if (definePool(durationPool, durationPool, {{"", row.key("gbSecond")}}, 1)) {
        defineFreeAllowance(durationPool, row.key("freeGbSeconds"));
        addPooled(node, "compute", durationPool, executions * runMs / 1000 * memoryGb);
    }
}

/// Tiers "tier1", "tier2", ... each up to "tierNLimit" (the last without a limit), per million.
void Pricer::priceTieredCalls(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    std::vector<std::pair<std::string, std::string>> tiers;
    for (int i = 1; !row.key("tier" + std::to_string(i)).empty(); ++i) {
        const std::string tier = "tier" + std::to_string(i);
        tiers.emplace_back(row.key(tier + "Limit"), row.key(tier));
    }
    if (definePool(row.id, row.id, tiers, 1e6)) {
        defineFreeAllowance(row.id, row.key("free"));
        addPooled(node, "calls", row.id, usage.requestsPerMonth);
    }
}

void Pricer::priceLoadBalancer(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    addLine(node, "hours", number(row.key("hour"), 0) * m_pricing.hoursPerMonth, row.key("hour"));
    // LCUs estimated from the new-connections dimension, one connection per request.
    const double connectionsPerLcu = std::max(1e-9, number(row.key("connectionsPerLcu"), 25));
    const double lcuHours = usage.requestsPerMonth / secondsPerHour / connectionsPerLcu;
    addLine(node, "lcu", lcuHours * number(row.key("lcuHour"), 0), row.key("lcuHour"));
}

void Pricer::priceReplicaHours(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const std::string arch = archOf(node);
    const double vcpuHours = usage.replicaHoursPerMonth * node.number("vcpu");
    const double gbHours = usage.replicaHoursPerMonth * node.number("memoryGb");
    const std::string vcpuKey = row.key("vcpuHour", arch);
    const std::string gbKey = row.key("gbHour", arch);
    addLine(node, "vcpu", vcpuHours * number(vcpuKey, 0), vcpuKey);
    addLine(node, "memory", gbHours * number(gbKey, 0), gbKey);
}

/// vCPU- and GB-hour equivalents of the named instance type: its hourly price split between
/// its vCPUs and its memory in the ratio of the weight keys (Fargate's vCPU and GB prices).
void Pricer::priceInstanceEquivalent(const NodeUsage &usage, const Node &node,
                                     const ProductInfo &row)
{
    const std::string arch = archOf(node);
    const double vcpuHours = usage.replicaHoursPerMonth * node.number("vcpu");
    const double gbHours = usage.replicaHoursPerMonth * node.number("memoryGb");
    const std::string instanceKey = row.key("instanceHour", arch);
    auto instance = price(instanceKey);
    const double instanceVcpu = number(row.key("instanceVcpu", arch), 0);
    const double instanceGb = number(row.key("instanceMemoryGb", arch), 0);
    const double vcpuWeight = number(row.key("vcpuWeight", arch), 0);
    const double gbWeight = number(row.key("gbWeight", arch), 0);
    const double instanceWeight = instanceVcpu * vcpuWeight + instanceGb * gbWeight;
    if (!instance || instanceWeight <= 0) {
        const std::string prefix = instanceKey.substr(0, instanceKey.rfind('.') + 1);
        problem("node " + node.id + ": cannot derive vCPU and GB prices from " + prefix
                + "instance* in catalog " + m_catalog.name());
        return;
    }
    const double perWeight = instance->value / instanceWeight;
    addLine(node.id, "vcpu", vcpuHours * vcpuWeight * perWeight, instanceKey, instance->source);
    addLine(node.id, "memory", gbHours * gbWeight * perWeight, instanceKey, instance->source);
    if (!row.key("clusterHour").empty())
        m_clusterKey = row.key("clusterHour");
}

double Pricer::chunksPerMessage(const Node &node, const ProductInfo &row)
{
    const double chunkKb = std::max(1e-9, number(row.key("chunkKb"), 64));
    return std::max(1.0, std::ceil(node.number("messageKb") / chunkKb - 1e-9));
}

void Pricer::priceQueueRequests(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    // A send per message; a receive per batch, billed per 64 KB chunk of the batch's payload;
    // a delete per batch (it carries receipt handles, not the payload).
    const double messageKb = node.number("messageKb");
    const double chunkKb = std::max(1e-9, number(row.key("chunkKb"), 64));
    const double chunks = chunksPerMessage(node, row);
    const double batch = std::max(1.0, node.number("batchSize"));
    const double receiveChunks = std::max(1.0, std::ceil(batch * messageKb / chunkKb - 1e-9));
    const double perMessage = chunks + receiveChunks / batch + 1.0 / batch;
    if (definePool(row.id, row.id, {{"", row.key("requests")}}, 1e6)) {
        defineFreeAllowance(row.id, row.key("free"));
        addPooled(node, "requests", row.id, usage.requestsPerMonth * perMessage);
    }
}

void Pricer::pricePooledPublishes(const NodeUsage &usage, const Node &node,
                                  const ProductInfo &row)
{
    const double chunks = chunksPerMessage(node, row);
    if (definePool(row.id, row.id, {{"", row.key("publishes")}}, 1e6)) {
        defineFreeAllowance(row.id, row.key("free"));
        addPooled(node, "publishes", row.id, usage.requestsPerMonth * chunks);
    }
}

void Pricer::priceChunkedEvents(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const double chunks = chunksPerMessage(node, row);
    addLine(node, "events",
            usage.requestsPerMonth * chunks / 1e6 * number(row.key("events"), 0),
            row.key("events"));
}

void Pricer::priceInstanceHours(const NodeUsage &usage, const Node &node, const ProductInfo &row)
{
    const double count =
        usage.peakInstances > 0 ? usage.peakInstances : number(row.key("defaultCount"), 1);
    addLine(node, row.lineItem,
            count * m_pricing.hoursPerMonth * number(row.key("instanceHour"), 0),
            row.key("instanceHour"));
}

void Pricer::priceReadWriteUnits(const NodeUsage &usage, const Node &node,
                                 const ProductInfo &row)
{
    const double readShare = std::clamp(number(row.key("readShare"), 0.8), 0.0, 1.0);
    const double reads = usage.requestsPerMonth * readShare;
    const double writes = usage.requestsPerMonth - reads;
    addLine(node, "reads", reads / 1e6 * number(row.key("read"), 0), row.key("read"));
    addLine(node, "writes", writes / 1e6 * number(row.key("write"), 0), row.key("write"));
}

void Pricer::priceNode(const NodeUsage &usage)
{
    if (!usage.node) {
        problem("usage without a node");
        return;
    }
    const Node &node = *usage.node;
    if (node.kind == NodeKind::Client)
        return;
    const std::string product = productOf(node);
    const ProductInfo *row = findProduct(product);
    if (!row || row->kind != node.kind) {
        problem("node " + node.id + ": no price rule for " + toString(node.kind) + " "
                + productParamKey(node.kind) + " \"" + product + "\"");
        return;
    }
    switch (row->pricing) {
    case PricingRule::None: return;
    case PricingRule::LambdaFunction: priceLambda(usage, node, *row); return;
    case PricingRule::CloudRunFunction: priceCloudRun(usage, node, *row); return;
    case PricingRule::AzureFunction: priceAzureFunction(usage, node, *row); return;
    case PricingRule::TieredCalls: priceTieredCalls(usage, node, *row); return;
    case PricingRule::LoadBalancer: priceLoadBalancer(usage, node, *row); return;
    case PricingRule::ReplicaHours: priceReplicaHours(usage, node, *row); return;
    case PricingRule::InstanceEquivalent: priceInstanceEquivalent(usage, node, *row); return;
    case PricingRule::QueueRequests: priceQueueRequests(usage, node, *row); return;
    case PricingRule::PooledPublishes: pricePooledPublishes(usage, node, *row); return;
    case PricingRule::ChunkedEvents: priceChunkedEvents(usage, node, *row); return;
    case PricingRule::InstanceHours: priceInstanceHours(usage, node, *row); return;
    case PricingRule::ReadWriteUnits: priceReadWriteUnits(usage, node, *row); return;
    }
}

} // namespace

CostBreakdown costCandidate(const std::vector<NodeUsage> &usage, const Pricing &pricing,
                            const Catalog &catalog)
{
    CostBreakdown out;
    Pricer pricer(catalog, pricing, out);
    for (const NodeUsage &node : usage)
        pricer.priceNode(node);
    pricer.finish();
    return out;
}

CostBreakdown costCandidate(const std::vector<NodeUsage> &usage, const Pricing &pricing)
{
    const Catalog *catalog = builtInCatalog(pricing.catalog);
    if (!catalog) {
        CostBreakdown out;
        out.problems.push_back(builtInCatalogError(pricing.catalog));
        return out;
    }
    return costCandidate(usage, pricing, *catalog);
}

} // namespace skyline
