#include "domain/Products.h"

#include "domain/NodeKinds.h"

#include <algorithm>

namespace skyline {
namespace {

using Keys = std::vector<std::pair<std::string, std::string>>;

ProductInfo row(std::string id, NodeKind kind, std::string displayName, std::string provider,
                bool managed, ComplexityCount complexity, PricingRule pricing, Keys keys)
{
    ProductInfo info;
    info.id = std::move(id);
    info.kind = kind;
    info.displayName = std::move(displayName);
    info.provider = std::move(provider);
    info.managed = managed;
    info.complexity = complexity;
    info.pricing = pricing;
    info.keys = std::move(keys);
    return info;
}

ProductInfo function(std::string id, std::string displayName, std::string provider,
                     double timeLimitS, PricingRule pricing, Keys keys)
{
    ProductInfo info = row(std::move(id), NodeKind::Function, std::move(displayName),
                           std::move(provider), true, ComplexityCount::PerNode, pricing,
                           std::move(keys));
    info.timeLimitS = timeLimitS;
    return info;
}

ProductInfo instanceHours(ProductInfo info, std::string lineItem)
{
    info.lineItem = std::move(lineItem);
    return info;
}

std::vector<ProductInfo> makeProducts()
{
    using C = ComplexityCount;
    using P = PricingRule;
    const auto G = NodeKind::Gateway;
    const auto S = NodeKind::Service;
    const auto Q = NodeKind::Queue;
    const auto D = NodeKind::Datastore;
    return {
        // Gateways: managed endpoints (nothing to deploy), except the load balancer, which the
        // team sizes and operates.
        row("aws-http-api", G, "Amazon API Gateway HTTP API", "aws", true, C::None,
            P::TieredCalls,
            {{"tier1Limit", "aws.apigw.http.tier1LimitRequests"},
             {"tier1", "aws.apigw.http.tier1PerMillionUsd"},
             {"tier2", "aws.apigw.http.tier2PerMillionUsd"},
             {"free", "aws.apigw.http.freeRequestsPerMonth"}}),
        row("aws-rest-api", G, "Amazon API Gateway REST API", "aws", true, C::None,
            P::TieredCalls,
            {{"tier1Limit", "aws.apigw.rest.tier1LimitRequests"},
             {"tier1", "aws.apigw.rest.tier1PerMillionUsd"},
             {"tier2Limit", "aws.apigw.rest.tier2LimitRequests"},
             {"tier2", "aws.apigw.rest.tier2PerMillionUsd"},
             {"tier3Limit", "aws.apigw.rest.tier3LimitRequests"},
             {"tier3", "aws.apigw.rest.tier3PerMillionUsd"},
             {"tier4", "aws.apigw.rest.tier4PerMillionUsd"},
             {"free", "aws.apigw.rest.freeRequestsPerMonth"}}),
        row("aws-alb", G, "Elastic Load Balancing ALB", "aws", false, C::PerNode,
            P::LoadBalancer,
            {{"hour", "aws.alb.hourUsd"},
             {"lcuHour", "aws.alb.lcuHourUsd"},
             {"connectionsPerLcu", "aws.alb.newConnectionsPerSecondPerLcu"}}),

        // Functions: managed by the platform, one managed component each.
        function("aws-lambda", "AWS Lambda", "aws", 900.0, P::LambdaFunction,
                 {{"requests", "aws.lambda.requestsPerMillionUsd"},
                  {"freeRequests", "aws.lambda.freeRequestsPerMonth"},
                  {"freeGbSeconds", "aws.lambda.freeGbSecondsPerMonth"},
                  {"granularityMs", "aws.lambda.billingGranularityMs"},
                  {"tier1Limit", "aws.lambda.{arch}.tier1LimitGbSeconds"},
                  {"tier1", "aws.lambda.{arch}.gbSecondTier1Usd"},
                  {"tier2Limit", "aws.lambda.{arch}.tier2LimitGbSeconds"},
                  {"tier2", "aws.lambda.{arch}.gbSecondTier2Usd"},
                  {"tier3", "aws.lambda.{arch}.gbSecondTier3Usd"},
                  {"provisioned", "aws.lambda.{arch}.provisionedGbSecondUsd"},
                  {"provisionedDuration", "aws.lambda.{arch}.provisionedDurationGbSecondUsd"}}),
        function("gcp-cloud-run", "Google Cloud Run", "gcp", 3600.0, P::CloudRunFunction,
                 {{"granularityMs", "gcp.run.billingGranularityMs"},
                  {"vcpuPerInstance", "gcp.run.vcpuPerInstance"},
                  {"requests", "gcp.run.requestsPerMillionUsd"},
                  {"freeRequests", "gcp.run.freeRequestsPerMonth"},
                  {"vcpuSecond", "gcp.run.vcpuSecondUsd"},
                  {"freeVcpuSeconds", "gcp.run.freeVcpuSecondsPerMonth"},
                  {"gibSecond", "gcp.run.gibSecondUsd"},
                  {"freeGibSeconds", "gcp.run.freeGibSecondsPerMonth"}}),
        // 600 s: the consumption plan's maximum.
        function("azure-functions", "Azure Functions", "azure", 600.0, P::AzureFunction,
                 {{"minExecutionMs", "azure.functions.minExecutionMs"},
                  {"memoryStepMb", "azure.functions.memoryStepMb"},
                  {"maxBilledMemoryMb", "azure.functions.maxBilledMemoryMb"},
                  {"executions", "azure.functions.executionsPerMillionUsd"},
                  {"freeExecutions", "azure.functions.freeExecutionsPerMonth"},
                  {"gbSecond", "azure.functions.gbSecondUsd"},
                  {"freeGbSeconds", "azure.functions.freeGbSecondsPerMonth"}}),

        // Service hostings.
        row("aws-fargate", S, "AWS Fargate", "aws", true, C::PerNode, P::ReplicaHours,
            {{"vcpuHour", "aws.fargate.{arch}.vcpuHourUsd"},
             {"gbHour", "aws.fargate.{arch}.gbHourUsd"}}),
        row("aws-ec2", S, "Amazon EC2", "aws", false, C::PerNode, P::InstanceEquivalent,
            {{"instanceHour", "aws.ec2.{arch}.instanceHourUsd"},
             {"instanceVcpu", "aws.ec2.{arch}.instanceVcpu"},
             {"instanceMemoryGb", "aws.ec2.{arch}.instanceMemoryGb"},
             {"vcpuWeight", "aws.fargate.{arch}.vcpuHourUsd"},
             {"gbWeight", "aws.fargate.{arch}.gbHourUsd"}}),
        // Vendor-neutral, but priced as EKS on EC2 in the AWS catalog: one cluster fee and one
        // self-run cluster per candidate.
        row("kubernetes", S, "Kubernetes", "", false, C::OncePerCandidate,
            P::InstanceEquivalent,
            {{"instanceHour", "aws.ec2.{arch}.instanceHourUsd"},
             {"instanceVcpu", "aws.ec2.{arch}.instanceVcpu"},
             {"instanceMemoryGb", "aws.ec2.{arch}.instanceMemoryGb"},
             {"vcpuWeight", "aws.fargate.{arch}.vcpuHourUsd"},
             {"gbWeight", "aws.fargate.{arch}.gbHourUsd"},
             {"clusterHour", "aws.eks.clusterHourUsd"}}),

        // AWS App Runner: replica hours are priced as active instances (vCPU-hour + GB-hour),
        // which overstates idle replicas: the cheaper provisioned-idle rate (memory only, while
        // an instance serves no request) is not modelled. One price for x86 and arm.
        row("aws-app-runner", S, "AWS App Runner", "aws", true, C::PerNode, P::ReplicaHours,
            {{"vcpuHour", "aws.apprunner.activeVcpuHourUsd"},
             {"gbHour", "aws.apprunner.activeGbHourUsd"}}),

        // Queues, topics, event buses. Kafka is priced as Amazon MSK brokers, run by the team.
        row("aws-sqs", Q, "Amazon SQS", "aws", true, C::None, P::QueueRequests,
            {{"chunkKb", "aws.sqs.chunkKb"},
             {"requests", "aws.sqs.requestsPerMillionUsd"},
             {"free", "aws.sqs.freeRequestsPerMonth"}}),
        row("aws-sns", Q, "Amazon SNS", "aws", true, C::None, P::PooledPublishes,
            {{"chunkKb", "aws.sqs.chunkKb"},
             {"publishes", "aws.sns.publishesPerMillionUsd"},
             {"free", "aws.sns.freePublishesPerMonth"}}),
        row("aws-eventbridge", Q, "Amazon EventBridge", "aws", true, C::None, P::ChunkedEvents,
            {{"chunkKb", "aws.sqs.chunkKb"},
             {"events", "aws.eventbridge.eventsPerMillionUsd"}}),
        instanceHours(row("kafka", Q, "Apache Kafka", "", false, C::PerNode, P::InstanceHours,
                          {{"instanceHour", "aws.msk.brokerHourUsd"},
                           {"defaultCount", "aws.msk.defaultBrokers"}}),
                      "brokers"),

        // Datastores. Redis is priced as ElastiCache nodes, run by the team.
        row("aws-dynamodb-on-demand", D, "Amazon DynamoDB on-demand", "aws", true, C::None,
            P::ReadWriteUnits,
            {{"readShare", "aws.dynamodb.readShare"},
             {"read", "aws.dynamodb.readPerMillionUsd"},
             {"write", "aws.dynamodb.writePerMillionUsd"}}),
        instanceHours(row("aws-rds", D, "Amazon RDS", "aws", true, C::None, P::InstanceHours,
                          {{"instanceHour", "aws.rds.instanceHourUsd"},
                           {"defaultCount", "aws.rds.defaultInstances"}}),
                      "hours"),
        instanceHours(row("redis", D, "Redis", "", false, C::PerNode, P::InstanceHours,
                          {{"instanceHour", "aws.elasticache.nodeHourUsd"},
                           {"defaultCount", "aws.elasticache.defaultNodes"}}),
                      "hours"),
    };
}

} // namespace

std::string ProductInfo::key(std::string_view role, std::string_view arch) const
{
    for (const auto &[name, pattern] : keys) {
        if (name != role)
            continue;
        std::string out = pattern;
        const std::string marker = "{arch}";
        const std::size_t at = out.find(marker);
        if (at != std::string::npos)
            out.replace(at, marker.size(), arch);
        return out;
    }
    return {};
}

const std::vector<ProductInfo> &products()
{
    static const std::vector<ProductInfo> table = makeProducts();
    return table;
}

const ProductInfo *findProduct(std::string_view id)
{
    const auto &table = products();
    auto found = std::find_if(table.begin(), table.end(),
                              [&](const ProductInfo &p) { return p.id == id; });
    return found == table.end() ? nullptr : &*found;
}

std::vector<std::string> productIds(NodeKind kind)
{
    std::vector<std::string> ids;
    for (const ProductInfo &p : products())
        if (p.kind == kind)
            ids.push_back(p.id);
    return ids;
}

std::string productParamKey(NodeKind kind)
{
    return nodeKindTraits(kind).productParam;
}

std::string productOf(const Node &node)
{
    const std::string key = productParamKey(node.kind);
    return key.empty() ? std::string() : node.text(key);
}

} // namespace skyline
