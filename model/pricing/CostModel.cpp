#include "pricing/CostModel.h"

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

    void priceLambda(const NodeUsage &usage, const Node &node);
    void priceCloudRun(const NodeUsage &usage, const Node &node);
    void priceAzureFunction(const NodeUsage &usage, const Node &node);
    void priceFunction(const NodeUsage &usage, const Node &node);
    void priceGateway(const NodeUsage &usage, const Node &node);
    void priceService(const NodeUsage &usage, const Node &node);
    void priceQueue(const NodeUsage &usage, const Node &node);
    void priceDatastore(const NodeUsage &usage, const Node &node);
    void priceInstances(const NodeUsage &usage, const Node &node, const std::string &item,
                        const std::string &priceKey, const std::string &defaultCountKey);

    const Catalog &m_catalog;
    const Pricing &m_pricing;
    CostBreakdown &m_out;
    std::map<std::string, Pool> m_pools;
    std::map<std::string, double> m_freeAllowance; ///< group -> quantity
    std::vector<PendingLine> m_pending;
    bool m_needsCluster = false;
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
    if (m_needsCluster) {
        auto fee = price("aws.eks.clusterHourUsd");
        if (fee)
            addLine({}, "platform", fee->value * m_pricing.hoursPerMonth,
                    "aws.eks.clusterHourUsd", fee->source);
    }
    m_out.totalUsd = 0;
    for (const CostLine &line : m_out.lines)
        m_out.totalUsd += line.usd;
}

double billedRequests(const NodeUsage &usage)
{
    return std::max(0.0, usage.requestsPerMonth - usage.throttledPerMonth);
}

void Pricer::priceLambda(const NodeUsage &usage, const Node &node)
{
    const std::string arch = node.text("arch") == "arm" ? "arm" : "x86";
    const std::string prefix = "aws.lambda." + arch + ".";
    const double memoryGb = node.number("memoryMb") / 1024.0;
    const double invocations = billedRequests(usage);
    const double granularityMs = number("aws.lambda.billingGranularityMs", 1);
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

    if (definePool("lambda.requests", "lambda.requests",
                   {{"", "aws.lambda.requestsPerMillionUsd"}}, 1e6)) {
        defineFreeAllowance("lambda.requests", "aws.lambda.freeRequestsPerMonth");
        addPooled(node, "requests", "lambda.requests", invocations);
    }
    const std::string durationPool = "lambda.gbs." + arch;
    if (definePool(durationPool, "lambda.gbs",
                   {{prefix + "tier1LimitGbSeconds", prefix + "gbSecondTier1Usd"},
                    {prefix + "tier2LimitGbSeconds", prefix + "gbSecondTier2Usd"},
                    {"", prefix + "gbSecondTier3Usd"}},
                   1)) {
        defineFreeAllowance("lambda.gbs", "aws.lambda.freeGbSecondsPerMonth");
        addPooled(node, "compute", durationPool, onDemand * runMs / 1000 * memoryGb);
        // Init phases are billed as on-demand duration since 2025-08-01.
        if (usage.coldStartsPerMonth > 0)
            addPooled(node, "init", durationPool,
                      usage.coldStartsPerMonth * initMs / 1000 * memoryGb);
    }
    if (provisioned > 0) {
        // Provisioned concurrency has no free tier and no duration tiers.
        const std::string configuredKey = prefix + "provisionedGbSecondUsd";
        const std::string workKey = prefix + "provisionedDurationGbSecondUsd";
        if (auto configured = price(configuredKey))
            addLine(node.id, "provisioned", provisionedSeconds * memoryGb * configured->value,
                    configuredKey, configured->source);
        if (auto work = price(workKey))
            addLine(node.id, "provisioned-compute",
                    servedByProvisioned * runMs / 1000 * memoryGb * work->value, workKey,
                    work->source);
    }
}

void Pricer::priceCloudRun(const NodeUsage &usage, const Node &node)
{
    const double requests = billedRequests(usage);
    const double granularityMs = number("gcp.run.billingGranularityMs", 100);
    const double runMs = billedMeanMs(usage.meanDurationMs, node.number("durationCv"),
                                      granularityMs);
    const double startMs = roundUpTo(usage.coldStartMs, granularityMs);
    // One request per instance at a time (Skyline's lifecycle), container start-up billed.
    const double instanceSeconds = (requests * runMs + usage.coldStartsPerMonth * startMs) / 1000;
    const double vcpu = number("gcp.run.vcpuPerInstance", 1);
    const double memoryGib = node.number("memoryMb") / 1024.0;

    if (definePool("run.requests", "run.requests", {{"", "gcp.run.requestsPerMillionUsd"}}, 1e6)) {
        defineFreeAllowance("run.requests", "gcp.run.freeRequestsPerMonth");
        addPooled(node, "requests", "run.requests", requests);
    }
    if (definePool("run.vcpu", "run.vcpu", {{"", "gcp.run.vcpuSecondUsd"}}, 1)) {
        defineFreeAllowance("run.vcpu", "gcp.run.freeVcpuSecondsPerMonth");
        addPooled(node, "vcpu", "run.vcpu", instanceSeconds * vcpu);
    }
    if (definePool("run.memory", "run.memory", {{"", "gcp.run.gibSecondUsd"}}, 1)) {
        defineFreeAllowance("run.memory", "gcp.run.freeGibSecondsPerMonth");
        addPooled(node, "memory", "run.memory", instanceSeconds * memoryGib);
    }
}

void Pricer::priceAzureFunction(const NodeUsage &usage, const Node &node)
{
    const double executions = billedRequests(usage);
    const double runMs = std::max(number("azure.functions.minExecutionMs", 100),
                                  billedMeanMs(usage.meanDurationMs, node.number("durationCv"), 1));
    const double stepMb = std::max(1.0, number("azure.functions.memoryStepMb", 128));
    const double maxMb = number("azure.functions.maxBilledMemoryMb", 1536);
    const double memoryGb =
        std::min(maxMb, std::ceil(node.number("memoryMb") / stepMb - 1e-9) * stepMb) / 1024.0;

    if (definePool("azure.executions", "azure.executions",
                   {{"", "azure.functions.executionsPerMillionUsd"}}, 1e6)) {
        defineFreeAllowance("azure.executions", "azure.functions.freeExecutionsPerMonth");
        addPooled(node, "requests", "azure.executions", executions);
    }
    if (definePool("azure.gbs", "azure.gbs", {{"", "azure.functions.gbSecondUsd"}}, 1)) {
        defineFreeAllowance("azure.gbs", "azure.functions.freeGbSecondsPerMonth");
        addPooled(node, "compute", "azure.gbs", executions * runMs / 1000 * memoryGb);
    }
}

void Pricer::priceFunction(const NodeUsage &usage, const Node &node)
{
    const std::string provider = node.text("provider");
    if (provider == "aws-lambda")
        priceLambda(usage, node);
    else if (provider == "gcp-cloud-run")
        priceCloudRun(usage, node);
    else if (provider == "azure-functions")
        priceAzureFunction(usage, node);
    else
        problem("node " + node.id + ": no price rule for function provider \"" + provider + "\"");
}

void Pricer::priceGateway(const NodeUsage &usage, const Node &node)
{
    const std::string product = node.text("product");
    if (product == "aws-http-api") {
        if (definePool("apigw.http", "apigw.http",
                       {{"aws.apigw.http.tier1LimitRequests", "aws.apigw.http.tier1PerMillionUsd"},
                        {"", "aws.apigw.http.tier2PerMillionUsd"}},
                       1e6)) {
            defineFreeAllowance("apigw.http", "aws.apigw.http.freeRequestsPerMonth");
            addPooled(node, "calls", "apigw.http", usage.requestsPerMonth);
        }
    } else if (product == "aws-rest-api") {
        if (definePool("apigw.rest", "apigw.rest",
                       {{"aws.apigw.rest.tier1LimitRequests", "aws.apigw.rest.tier1PerMillionUsd"},
                        {"aws.apigw.rest.tier2LimitRequests", "aws.apigw.rest.tier2PerMillionUsd"},
                        {"aws.apigw.rest.tier3LimitRequests", "aws.apigw.rest.tier3PerMillionUsd"},
                        {"", "aws.apigw.rest.tier4PerMillionUsd"}},
                       1e6)) {
            defineFreeAllowance("apigw.rest", "aws.apigw.rest.freeRequestsPerMonth");
            addPooled(node, "calls", "apigw.rest", usage.requestsPerMonth);
        }
    } else if (product == "aws-alb") {
        addLine(node, "hours", number("aws.alb.hourUsd", 0) * m_pricing.hoursPerMonth,
                "aws.alb.hourUsd");
        // LCUs estimated from the new-connections dimension, one connection per request.
        const double connectionsPerLcu =
            std::max(1e-9, number("aws.alb.newConnectionsPerSecondPerLcu", 25));
        const double lcuHours = usage.requestsPerMonth / secondsPerHour / connectionsPerLcu;
        addLine(node, "lcu", lcuHours * number("aws.alb.lcuHourUsd", 0), "aws.alb.lcuHourUsd");
    } else {
        problem("node " + node.id + ": no price rule for gateway product \"" + product + "\"");
    }
}

void Pricer::priceService(const NodeUsage &usage, const Node &node)
{
    const std::string hosting = node.text("hosting");
    const std::string arch = node.text("arch") == "arm" ? "arm" : "x86";
    const double vcpuHours = usage.replicaHoursPerMonth * node.number("vcpu");
    const double gbHours = usage.replicaHoursPerMonth * node.number("memoryGb");
    const std::string fargate = "aws.fargate." + arch + ".";
    if (hosting == "aws-fargate") {
        addLine(node, "vcpu", vcpuHours * number(fargate + "vcpuHourUsd", 0),
                fargate + "vcpuHourUsd");
        addLine(node, "memory", gbHours * number(fargate + "gbHourUsd", 0),
                fargate + "gbHourUsd");
        return;
    }
    if (hosting != "aws-ec2" && hosting != "kubernetes") {
        problem("node " + node.id + ": no price rule for service hosting \"" + hosting + "\"");
        return;
    }
    // vCPU- and GB-hour equivalents of the named instance type: its hourly price split between
    // its vCPUs and its memory in the ratio of Fargate's vCPU and GB prices.
    const std::string ec2 = "aws.ec2." + arch + ".";
    auto instance = price(ec2 + "instanceHourUsd");
    const double instanceVcpu = number(ec2 + "instanceVcpu", 0);
    const double instanceGb = number(ec2 + "instanceMemoryGb", 0);
    const double vcpuWeight = number(fargate + "vcpuHourUsd", 0);
    const double gbWeight = number(fargate + "gbHourUsd", 0);
    const double instanceWeight = instanceVcpu * vcpuWeight + instanceGb * gbWeight;
    if (!instance || instanceWeight <= 0) {
        problem("node " + node.id + ": cannot derive vCPU and GB prices from " + ec2
                + "instance* in catalog " + m_catalog.name());
        return;
    }
    const double perWeight = instance->value / instanceWeight;
    addLine(node.id, "vcpu", vcpuHours * vcpuWeight * perWeight, ec2 + "instanceHourUsd",
            instance->source);
    addLine(node.id, "memory", gbHours * gbWeight * perWeight, ec2 + "instanceHourUsd",
            instance->source);
    if (hosting == "kubernetes")
        m_needsCluster = true;
}

void Pricer::priceQueue(const NodeUsage &usage, const Node &node)
{
    const std::string product = node.text("product");
    const double messages = usage.requestsPerMonth;
    const double messageKb = node.number("messageKb");
    const double chunkKb = std::max(1e-9, number("aws.sqs.chunkKb", 64));
    const double chunks = std::max(1.0, std::ceil(messageKb / chunkKb - 1e-9));
    if (product == "aws-sqs") {
        // A send per message; a receive per batch, billed per 64 KB chunk of the batch's
        // payload; a delete per batch (it carries receipt handles, not the payload).
        const double batch = std::max(1.0, node.number("batchSize"));
        const double receiveChunks = std::max(1.0, std::ceil(batch * messageKb / chunkKb - 1e-9));
        const double perMessage = chunks + receiveChunks / batch + 1.0 / batch;
        if (definePool("sqs", "sqs", {{"", "aws.sqs.requestsPerMillionUsd"}}, 1e6)) {
            defineFreeAllowance("sqs", "aws.sqs.freeRequestsPerMonth");
            addPooled(node, "requests", "sqs", messages * perMessage);
        }
    } else if (product == "aws-sns") {
        if (definePool("sns", "sns", {{"", "aws.sns.publishesPerMillionUsd"}}, 1e6)) {
            defineFreeAllowance("sns", "aws.sns.freePublishesPerMonth");
            addPooled(node, "publishes", "sns", messages * chunks);
        }
    } else if (product == "aws-eventbridge") {
        addLine(node, "events",
                messages * chunks / 1e6 * number("aws.eventbridge.eventsPerMillionUsd", 0),
                "aws.eventbridge.eventsPerMillionUsd");
    } else if (product == "kafka") {
        priceInstances(usage, node, "brokers", "aws.msk.brokerHourUsd", "aws.msk.defaultBrokers");
    } else {
        problem("node " + node.id + ": no price rule for queue product \"" + product + "\"");
    }
}

void Pricer::priceInstances(const NodeUsage &usage, const Node &node, const std::string &item,
                            const std::string &priceKey, const std::string &defaultCountKey)
{
    const double count =
        usage.peakInstances > 0 ? usage.peakInstances : number(defaultCountKey, 1);
    addLine(node, item, count * m_pricing.hoursPerMonth * number(priceKey, 0), priceKey);
}

void Pricer::priceDatastore(const NodeUsage &usage, const Node &node)
{
    const std::string product = node.text("product");
    if (product == "aws-dynamodb-on-demand") {
        const double readShare = std::clamp(number("aws.dynamodb.readShare", 0.8), 0.0, 1.0);
        const double reads = usage.requestsPerMonth * readShare;
        const double writes = usage.requestsPerMonth - reads;
        addLine(node, "reads", reads / 1e6 * number("aws.dynamodb.readPerMillionUsd", 0),
                "aws.dynamodb.readPerMillionUsd");
        addLine(node, "writes", writes / 1e6 * number("aws.dynamodb.writePerMillionUsd", 0),
                "aws.dynamodb.writePerMillionUsd");
    } else if (product == "aws-rds") {
        priceInstances(usage, node, "hours", "aws.rds.instanceHourUsd", "aws.rds.defaultInstances");
    } else if (product == "redis") {
        priceInstances(usage, node, "hours", "aws.elasticache.nodeHourUsd",
                       "aws.elasticache.defaultNodes");
    } else {
        problem("node " + node.id + ": no price rule for datastore product \"" + product + "\"");
    }
}

void Pricer::priceNode(const NodeUsage &usage)
{
    if (!usage.node) {
        problem("usage without a node");
        return;
    }
    const Node &node = *usage.node;
    switch (node.kind) {
    case NodeKind::Client: return;
    case NodeKind::Gateway: priceGateway(usage, node); return;
    case NodeKind::Function: priceFunction(usage, node); return;
    case NodeKind::Service: priceService(usage, node); return;
    case NodeKind::Queue: priceQueue(usage, node); return;
    case NodeKind::Datastore: priceDatastore(usage, node); return;
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
