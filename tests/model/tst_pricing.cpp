// Price catalogs and the cost model (model/pricing): every price rule against hand-computed
// figures from the aws-us-east-1 catalog's published prices.
#include "domain/Products.h"
#include "domain/Project.h"
#include "pricing/Catalog.h"
#include "pricing/CostModel.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace skyline;

namespace {

Node makeNode(NodeKind kind, const std::string &id, const ParamMap &params)
{
    Node node = makeDefaultNode(kind, id, id, {});
    for (const auto &[key, value] : params)
        node.params[key] = value;
    return node;
}

Node lambda(const std::string &id, double memoryMb, const std::string &arch = "x86",
            double durationCv = 0, double provisioned = 0)
{
    return makeNode(NodeKind::Function, id,
                    {{"provider", std::string("aws-lambda")}, {"arch", arch},
                     {"memoryMb", memoryMb}, {"durationCv", durationCv},
                     {"provisionedConcurrency", provisioned}});
}

NodeUsage functionUsage(const Node &node, double requests, double meanMs,
                        double coldStarts = 0, double coldStartMs = 0, double throttled = 0)
{
    NodeUsage usage;
    usage.node = &node;
    usage.requestsPerMonth = requests;
    usage.meanDurationMs = meanMs;
    usage.coldStartsPerMonth = coldStarts;
    usage.coldStartMs = coldStartMs;
    usage.throttledPerMonth = throttled;
    return usage;
}

NodeUsage callsUsage(const Node &node, double requests)
{
    NodeUsage usage;
    usage.node = &node;
    usage.requestsPerMonth = requests;
    return usage;
}

Pricing pricing(bool freeTier = false)
{
    Pricing result;
    result.catalog = "aws-us-east-1";
    result.freeTier = freeTier;
    return result;
}

/// Sum of the lines of a node with that item (0 when there is none).
double usdOf(const CostBreakdown &cost, const std::string &node, const std::string &item)
{
    double usd = 0;
    for (const CostLine &line : cost.lines)
        if (line.node == node && line.item == item)
            usd += line.usd;
    return usd;
}

const CostLine *findLine(const CostBreakdown &cost, const std::string &node,
                         const std::string &item)
{
    for (const CostLine &line : cost.lines)
        if (line.node == node && line.item == item)
            return &line;
    return nullptr;
}

double nodeTotal(const CostBreakdown &cost, const std::string &node)
{
    double usd = 0;
    for (const CostLine &line : cost.lines)
        if (line.node == node)
            usd += line.usd;
    return usd;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 + 1e-7 * std::abs(expected);
}

QString describe(double actual, double expected)
{
    return QStringLiteral("actual %1, expected %2")
        .arg(actual, 0, 'g', 12)
        .arg(expected, 0, 'g', 12);
}

#define EXPECT_USD(actual, expected)                                                            \
    do {                                                                                        \
        const double a_ = (actual);                                                             \
        const double e_ = (expected);                                                           \
        QVERIFY2(near(a_, e_), qPrintable(describe(a_, e_)));                                   \
    } while (false)

std::string joined(const std::vector<std::string> &problems)
{
    std::string text;
    for (const std::string &problem : problems)
        text += problem + "; ";
    return text;
}

} // namespace

class TestPricing : public QObject
{
    Q_OBJECT

private slots:
    void publishedLambdaExample();
    void lambdaRules_data();
    void lambdaRules();
    void lambdaTiersCrossing_data();
    void lambdaTiersCrossing();
    void tiersApplyToTheCandidateTotal();
    void freeTierIsSharedAcrossNodes();
    void provisionedConcurrency_data();
    void provisionedConcurrency();
    void otherFunctionProviders_data();
    void otherFunctionProviders();
    void gateways_data();
    void gateways();
    void brokers_data();
    void brokers();
    void services_data();
    void services();
    void clusterFeeOncePerCandidate();
    void appRunnerIsPricedFromItsCatalogEntries_data();
    void appRunnerIsPricedFromItsCatalogEntries();
    void datastores_data();
    void datastores();
    void overridesReplacePrices();
    void unknownCatalogIsAProblem();
    void missingPriceIsAProblem();
    void unknownProductIsAProblem();
    void brokenCatalogs_data();
    void brokenCatalogs();
    void builtInCatalogsParseWithSources();
    void everyProductIsPricedWithItsSource();
};

// AWS's own example: 512 MB, 3 million invocations of 1 s, free tier counted.
void TestPricing::publishedLambdaExample()
{
    const Node fn = lambda("f", 512);
    const CostBreakdown cost = costCandidate({functionUsage(fn, 3e6, 1000)}, pricing(true));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    QVERIFY(findLine(cost, "f", "requests") && findLine(cost, "f", "compute"));
    // 3e6 x 1 s x 0.5 GB = 1.5e6 GB-s, minus 400,000 free = 1.1e6 GB-s.
    EXPECT_USD(usdOf(cost, "f", "compute"), 1.1e6 * 0.0000166667);
    QCOMPARE(std::round(usdOf(cost, "f", "compute") * 100) / 100, 18.33);
    EXPECT_USD(usdOf(cost, "f", "requests"), 0.40);
    QCOMPARE(std::round(cost.totalUsd * 100) / 100, 18.73);
    QCOMPARE(findLine(cost, "f", "requests")->catalogKey,
             std::string("aws.lambda.requestsPerMillionUsd"));
    QVERIFY(findLine(cost, "f", "compute")->source.find("aws.amazon.com") != std::string::npos);
}

void TestPricing::lambdaRules_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("durationCv");
    QTest::addColumn<double>("requests");
    QTest::addColumn<double>("meanMs");
    QTest::addColumn<double>("coldStarts");
    QTest::addColumn<double>("coldStartMs");
    QTest::addColumn<double>("throttled");
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<double>("requestsUsd");
    QTest::addColumn<double>("computeUsd");
    QTest::addColumn<double>("initUsd");

    const double x86 = 0.0000166667;
    QTest::newRow("free tier off") << 512.0 << "x86" << 0.0 << 3e6 << 1000.0 << 0.0 << 0.0
                                   << 0.0 << false << 0.6 << 1.5e6 * x86 << 0.0;
    // 100.2 ms constant -> 101 ms billed; 1e6 x 0.101 s x 0.125 GB = 12,625 GB-s.
    QTest::newRow("1 ms rounding, constant run time")
        << 128.0 << "x86" << 0.0 << 1e6 << 100.2 << 0.0 << 0.0 << 0.0 << false << 0.2
        << 12625 * x86 << 0.0;
    // Exponential run time of mean 0.5 ms: E[ceil X] = 1 / (1 - e^-2) = 1.1565176 ms.
    QTest::newRow("1 ms rounding, exponential run time")
        << 1024.0 << "x86" << 1.0 << 1e6 << 0.5 << 0.0 << 0.0 << 0.0 << false << 0.2
        << 1e6 * 0.001 / (1 - std::exp(-2.0)) * x86 << 0.0;
    QTest::newRow("arm duration price") << 1024.0 << "arm" << 0.0 << 1e6 << 100.0 << 0.0 << 0.0
                                        << 0.0 << false << 0.2 << 1e5 * 0.0000133334 << 0.0;
    // 10,000 cold starts of 400.4 ms -> 401 ms billed each: 4,010 GB-s at 1 GB.
    QTest::newRow("init phase billed") << 1024.0 << "x86" << 0.0 << 1e6 << 100.0 << 1e4 << 400.4
                                       << 0.0 << false << 0.2 << 1e5 * x86 << 4010 * x86;
    QTest::newRow("throttled requests not billed")
        << 1024.0 << "x86" << 0.0 << 1e6 << 100.0 << 0.0 << 0.0 << 2e5 << false << 0.16
        << 8e4 * x86 << 0.0;
    QTest::newRow("free tier covers small use")
        << 1024.0 << "x86" << 0.0 << 2e6 << 100.0 << 1e5 << 1000.0 << 0.0 << true << 0.2 << 0.0
        << 0.0;
    // 400,000 GB-s compute + 200,000 GB-s init; the 400,000 free GB-s leave a third of each.
    QTest::newRow("free tier shared by compute and init")
        << 1024.0 << "x86" << 0.0 << 4e6 << 100.0 << 2e5 << 1000.0 << 0.0 << true << 0.6
        << 4e5 / 3 * x86 << 2e5 / 3 * x86;
}

void TestPricing::lambdaRules()
{
    QFETCH(double, memoryMb);
    QFETCH(QString, arch);
    QFETCH(double, durationCv);
    QFETCH(double, requests);
    QFETCH(double, meanMs);
    QFETCH(double, coldStarts);
    QFETCH(double, coldStartMs);
    QFETCH(double, throttled);
    QFETCH(bool, freeTier);
    QFETCH(double, requestsUsd);
    QFETCH(double, computeUsd);
    QFETCH(double, initUsd);

    const Node fn = lambda("f", memoryMb, arch.toStdString(), durationCv);
    const CostBreakdown cost = costCandidate(
        {functionUsage(fn, requests, meanMs, coldStarts, coldStartMs, throttled)},
        pricing(freeTier));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "f", "requests"), requestsUsd);
    EXPECT_USD(usdOf(cost, "f", "compute"), computeUsd);
    EXPECT_USD(usdOf(cost, "f", "init"), initUsd);
    EXPECT_USD(cost.totalUsd, requestsUsd + computeUsd + initUsd);
}

void TestPricing::lambdaTiersCrossing_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("gbSeconds");
    QTest::addColumn<double>("computeUsd");
    QTest::addColumn<QString>("marginalKey");

    QTest::newRow("x86 tier 1 only") << "x86" << 5e9 << 5e9 * 0.0000166667
                                     << "aws.lambda.x86.gbSecondTier1Usd";
    QTest::newRow("x86 into tier 2") << "x86" << 10e9 << 6e9 * 0.0000166667 + 4e9 * 0.000015
                                     << "aws.lambda.x86.gbSecondTier2Usd";
    QTest::newRow("x86 into tier 3")
        << "x86" << 20e9 << 6e9 * 0.0000166667 + 9e9 * 0.000015 + 5e9 * 0.0000133334
        << "aws.lambda.x86.gbSecondTier3Usd";
    QTest::newRow("arm into tier 3")
        << "arm" << 20e9 << 7.5e9 * 0.0000133334 + 11.25e9 * 0.0000120001 + 1.25e9 * 0.0000106667
        << "aws.lambda.arm.gbSecondTier3Usd";
}

void TestPricing::lambdaTiersCrossing()
{
    QFETCH(QString, arch);
    QFETCH(double, gbSeconds);
    QFETCH(double, computeUsd);
    QFETCH(QString, marginalKey);

    // 1 GB, 10 s per invocation: gbSeconds / 10 invocations.
    const Node fn = lambda("f", 1024, arch.toStdString());
    const CostBreakdown cost =
        costCandidate({functionUsage(fn, gbSeconds / 10, 10000)}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    QVERIFY(findLine(cost, "f", "compute"));
    EXPECT_USD(usdOf(cost, "f", "compute"), computeUsd);
    QCOMPARE(QString::fromStdString(findLine(cost, "f", "compute")->catalogKey), marginalKey);
}

void TestPricing::tiersApplyToTheCandidateTotal()
{
    // Two functions of 5e9 GB-s each: together they cross into tier 2, and share it equally.
    const Node a = lambda("a", 1024);
    const Node b = lambda("b", 1024);
    const CostBreakdown cost = costCandidate(
        {functionUsage(a, 5e8, 10000), functionUsage(b, 5e8, 10000)}, pricing(false));
    const double total = 6e9 * 0.0000166667 + 4e9 * 0.000015;
    EXPECT_USD(usdOf(cost, "a", "compute"), total / 2);
    EXPECT_USD(usdOf(cost, "b", "compute"), total / 2);
}

void TestPricing::freeTierIsSharedAcrossNodes()
{
    // Per account: 1M free requests and 400,000 free GB-s for the whole candidate, x86 and arm
    // together; each node gets a share in proportion to its use.
    const Node a = lambda("a", 1024, "x86");
    const Node b = lambda("b", 1024, "arm");
    const CostBreakdown cost = costCandidate(
        {functionUsage(a, 1e6, 300), functionUsage(b, 1e6, 300)}, pricing(true));
    EXPECT_USD(usdOf(cost, "a", "requests"), 0.1);
    EXPECT_USD(usdOf(cost, "b", "requests"), 0.1);
    // 300,000 GB-s each, 600,000 together; 200,000 billable, 100,000 each.
    EXPECT_USD(usdOf(cost, "a", "compute"), 1e5 * 0.0000166667);
    EXPECT_USD(usdOf(cost, "b", "compute"), 1e5 * 0.0000133334);

    const CostBreakdown without = costCandidate(
        {functionUsage(a, 1e6, 300), functionUsage(b, 1e6, 300)}, pricing(false));
    QVERIFY(without.totalUsd > cost.totalUsd);
    EXPECT_USD(without.totalUsd - cost.totalUsd,
               0.2 + 2e5 * 0.0000166667 + 2e5 * 0.0000133334);
}

void TestPricing::provisionedConcurrency_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("provisioned");
    QTest::addColumn<double>("requests");
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<double>("configuredUsd");
    QTest::addColumn<double>("workUsd");
    QTest::addColumn<double>("computeUsd");

    const double monthSeconds = 730 * 3600.0;
    // 10 instances of 1 GB all month; 1e6 x 100 ms of work fits in them.
    QTest::newRow("all work on provisioned instances")
        << 1024.0 << 10.0 << 1e6 << false << 10 * monthSeconds * 0.0000041667
        << 1e5 * 0.0000097222 << 0.0;
    QTest::newRow("no free tier for provisioned")
        << 1024.0 << 10.0 << 1e6 << true << 10 * monthSeconds * 0.0000041667
        << 1e5 * 0.0000097222 << 0.0;
    // One 128 MB instance serves 2,628,000 s = 26.28e6 invocations of 100 ms; the other
    // 3.72e6 spill over on demand.
    QTest::newRow("spill-over runs on demand")
        << 128.0 << 1.0 << 30e6 << false << monthSeconds * 0.125 * 0.0000041667
        << 26.28e6 * 0.1 * 0.125 * 0.0000097222 << 3.72e6 * 0.1 * 0.125 * 0.0000166667;
}

void TestPricing::provisionedConcurrency()
{
    QFETCH(double, memoryMb);
    QFETCH(double, provisioned);
    QFETCH(double, requests);
    QFETCH(bool, freeTier);
    QFETCH(double, configuredUsd);
    QFETCH(double, workUsd);
    QFETCH(double, computeUsd);

    const Node fn = lambda("f", memoryMb, "x86", 0, provisioned);
    const CostBreakdown cost = costCandidate({functionUsage(fn, requests, 100)}, pricing(freeTier));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "f", "provisioned"), configuredUsd);
    EXPECT_USD(usdOf(cost, "f", "provisioned-compute"), workUsd);
    EXPECT_USD(usdOf(cost, "f", "compute"), computeUsd);
    QVERIFY(findLine(cost, "f", "provisioned"));
    QCOMPARE(findLine(cost, "f", "provisioned")->catalogKey,
             std::string("aws.lambda.x86.provisionedGbSecondUsd"));
}

void TestPricing::otherFunctionProviders_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("meanMs");
    QTest::addColumn<double>("coldStarts");
    QTest::addColumn<double>("coldStartMs");
    QTest::addColumn<QString>("item");
    QTest::addColumn<double>("usd");

    // Cloud Run: 120 ms -> 200 ms, 450 ms start-up -> 500 ms (100 ms steps), 1 vCPU, 0.5 GiB:
    // 1e6 x 0.2 s + 1,000 x 0.5 s = 200,500 instance-seconds.
    QTest::newRow("cloud run requests") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                        << "requests" << 0.4;
    QTest::newRow("cloud run vcpu") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                    << "vcpu" << 200500 * 0.000024;
    QTest::newRow("cloud run memory") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                      << "memory" << 200500 * 0.5 * 0.0000025;
    // Azure: 200 MB billed as 256 MB, 50 ms billed as the 100 ms minimum.
    QTest::newRow("azure minimum time, memory step")
        << "azure-functions" << 200.0 << 50.0 << 0.0 << 0.0 << "compute" << 1e6 * 0.1 * 0.25 * 0.000016;
    QTest::newRow("azure memory cap") << "azure-functions" << 2048.0 << 1000.0 << 0.0 << 0.0
                                      << "compute" << 1e6 * 1.0 * 1.5 * 0.000016;
    QTest::newRow("azure executions") << "azure-functions" << 2048.0 << 1000.0 << 0.0 << 0.0
                                      << "requests" << 0.2;
}

void TestPricing::otherFunctionProviders()
{
    QFETCH(QString, provider);
    QFETCH(double, memoryMb);
    QFETCH(double, meanMs);
    QFETCH(double, coldStarts);
    QFETCH(double, coldStartMs);
    QFETCH(QString, item);
    QFETCH(double, usd);

    const Node fn = makeNode(NodeKind::Function, "f",
                             {{"provider", provider.toStdString()}, {"memoryMb", memoryMb},
                              {"durationCv", 0.0}});
    const CostBreakdown cost =
        costCandidate({functionUsage(fn, 1e6, meanMs, coldStarts, coldStartMs)}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "f", item.toStdString()), usd);
}

void TestPricing::gateways_data()
{
    QTest::addColumn<QString>("product");
    QTest::addColumn<double>("calls");
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<QString>("item");
    QTest::addColumn<double>("usd");

    QTest::newRow("http tier 1") << "aws-http-api" << 3e6 << false << "calls" << 3.0;
    QTest::newRow("http free tier") << "aws-http-api" << 3e6 << true << "calls" << 2.0;
    QTest::newRow("http tiers crossing") << "aws-http-api" << 400e6 << false << "calls"
                                         << 300 * 1.0 + 100 * 0.9;
    QTest::newRow("rest tier 1") << "aws-rest-api" << 100e6 << false << "calls" << 350.0;
    QTest::newRow("rest tiers crossing") << "aws-rest-api" << 1.5e9 << false << "calls"
                                         << 333 * 3.5 + 667 * 2.8 + 500 * 2.38;
    QTest::newRow("alb hours") << "aws-alb" << 9e6 << false << "hours" << 730 * 0.0225;
    // LCU-hours = requests / (3,600 s per hour x 25 new connections per second) = 100.
    QTest::newRow("alb lcu") << "aws-alb" << 9e6 << false << "lcu" << 100 * 0.008;
}

void TestPricing::gateways()
{
    QFETCH(QString, product);
    QFETCH(double, calls);
    QFETCH(bool, freeTier);
    QFETCH(QString, item);
    QFETCH(double, usd);

    const Node gw = makeNode(NodeKind::Gateway, "g", {{"product", product.toStdString()}});
    const CostBreakdown cost = costCandidate({callsUsage(gw, calls)}, pricing(freeTier));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "g", item.toStdString()), usd);
}

void TestPricing::brokers_data()
{
    QTest::addColumn<QString>("product");
    QTest::addColumn<double>("messageKb");
    QTest::addColumn<double>("batchSize");
    QTest::addColumn<double>("peakInstances");
    QTest::addColumn<bool>("freeTier");
    QTest::addColumn<double>("usd");

    // 1e6 messages each row. SQS: send + receive + delete.
    QTest::newRow("sqs unbatched") << "aws-sqs" << 2.0 << 1.0 << 0.0 << false << 3 * 0.4;
    QTest::newRow("sqs 100 KB = two chunks") << "aws-sqs" << 100.0 << 1.0 << 0.0 << false
                                             << (2 + 2 + 1) * 0.4;
    QTest::newRow("sqs batched by 10") << "aws-sqs" << 2.0 << 10.0 << 0.0 << false
                                       << (1 + 0.1 + 0.1) * 0.4;
    // A batch of ten 100 KB messages is 1,000 KB = 16 chunks to receive.
    QTest::newRow("sqs batched, large messages") << "aws-sqs" << 100.0 << 10.0 << 0.0 << false
                                                 << (2 + 1.6 + 0.1) * 0.4;
    QTest::newRow("sqs free tier") << "aws-sqs" << 2.0 << 1.0 << 0.0 << true << 2 * 0.4;
    QTest::newRow("sns publishes in chunks") << "aws-sns" << 100.0 << 1.0 << 0.0 << false
                                             << 2 * 0.5;
    QTest::newRow("eventbridge events") << "aws-eventbridge" << 2.0 << 1.0 << 0.0 << false << 1.0;
    QTest::newRow("kafka default brokers") << "kafka" << 2.0 << 1.0 << 0.0 << false
                                           << 3 * 730 * 0.21;
    QTest::newRow("kafka given brokers") << "kafka" << 2.0 << 1.0 << 2.0 << false
                                         << 2 * 730 * 0.21;
}

void TestPricing::brokers()
{
    QFETCH(QString, product);
    QFETCH(double, messageKb);
    QFETCH(double, batchSize);
    QFETCH(double, peakInstances);
    QFETCH(bool, freeTier);
    QFETCH(double, usd);

    const Node queue = makeNode(NodeKind::Queue, "q",
                                {{"product", product.toStdString()}, {"messageKb", messageKb},
                                 {"batchSize", batchSize}});
    NodeUsage usage = callsUsage(queue, 1e6);
    usage.peakInstances = peakInstances;
    const CostBreakdown cost = costCandidate({usage}, pricing(freeTier));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(cost.totalUsd, usd);
}

void TestPricing::services_data()
{
    QTest::addColumn<QString>("hosting");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("replicaHours");
    QTest::addColumn<double>("vcpuUsd");
    QTest::addColumn<double>("memoryUsd");

    QTest::newRow("fargate x86") << "aws-fargate" << "x86" << 0.5 << 1.0 << 1460.0
                                 << 1460 * 0.5 * 0.04048 << 1460 * 0.004445;
    QTest::newRow("fargate arm") << "aws-fargate" << "arm" << 0.5 << 1.0 << 1460.0
                                 << 1460 * 0.5 * 0.03238 << 1460 * 0.00356;
    // A replica the size of m5.large (2 vCPU, 8 GB) costs exactly the instance's price,
    // split in Fargate's vCPU:GB price ratio.
    const double weight = 2 * 0.04048 + 8 * 0.004445;
    QTest::newRow("ec2 equivalent of m5.large")
        << "aws-ec2" << "x86" << 2.0 << 8.0 << 730.0 << 730 * 0.096 * 2 * 0.04048 / weight
        << 730 * 0.096 * 8 * 0.004445 / weight;
    QTest::newRow("ec2 half an instance")
        << "aws-ec2" << "x86" << 1.0 << 4.0 << 730.0 << 730 * 0.096 * 0.04048 / weight
        << 730 * 0.096 * 4 * 0.004445 / weight;
}

void TestPricing::services()
{
    QFETCH(QString, hosting);
    QFETCH(QString, arch);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, replicaHours);
    QFETCH(double, vcpuUsd);
    QFETCH(double, memoryUsd);

    const Node service = makeNode(NodeKind::Service, "s",
                                  {{"hosting", hosting.toStdString()}, {"arch", arch.toStdString()},
                                   {"vcpu", vcpu}, {"memoryGb", memoryGb}});
    NodeUsage usage;
    usage.node = &service;
    usage.replicaHoursPerMonth = replicaHours;
    const CostBreakdown cost = costCandidate({usage}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "s", "vcpu"), vcpuUsd);
    EXPECT_USD(usdOf(cost, "s", "memory"), memoryUsd);
    EXPECT_USD(cost.totalUsd, vcpuUsd + memoryUsd);
}

void TestPricing::clusterFeeOncePerCandidate()
{
    const Node a = makeNode(NodeKind::Service, "a",
                            {{"hosting", std::string("kubernetes")}, {"vcpu", 2.0},
                             {"memoryGb", 8.0}, {"arch", std::string("x86")}});
    const Node b = makeNode(NodeKind::Service, "b",
                            {{"hosting", std::string("kubernetes")}, {"vcpu", 2.0},
                             {"memoryGb", 8.0}, {"arch", std::string("x86")}});
    NodeUsage ua;
    ua.node = &a;
    ua.replicaHoursPerMonth = 730;
    NodeUsage ub = ua;
    ub.node = &b;
    const CostBreakdown cost = costCandidate({ua, ub}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "", "platform"), 730 * 0.1);
    int platformLines = 0;
    for (const CostLine &line : cost.lines)
        platformLines += line.item == "platform" ? 1 : 0;
    QCOMPARE(platformLines, 1);
    EXPECT_USD(cost.totalUsd, 2 * 730 * 0.096 + 730 * 0.1);

    // Fargate services need no cluster.
    const Node f = makeNode(NodeKind::Service, "f", {{"hosting", std::string("aws-fargate")}});
    NodeUsage uf;
    uf.node = &f;
    uf.replicaHoursPerMonth = 730;
    QCOMPARE(findLine(costCandidate({uf}, pricing(false)), "", "platform"), nullptr);
}

void TestPricing::appRunnerIsPricedFromItsCatalogEntries_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("replicaHours");
    QTest::newRow("1 vCPU 2 GB, two replicas all month") << "x86" << 1.0 << 2.0 << 1460.0;
    QTest::newRow("0.25 vCPU 0.5 GB on arm (same price)") << "arm" << 0.25 << 0.5 << 730.0;
}

void TestPricing::appRunnerIsPricedFromItsCatalogEntries()
{
    // App Runner's replica hours are priced as active instances from its two catalog entries.
    QFETCH(QString, arch);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, replicaHours);
    const Catalog *catalog = builtInCatalog("aws-us-east-1");
    QVERIFY(catalog);
    const CatalogEntry *vcpuPrice = catalog->find("aws.apprunner.activeVcpuHourUsd");
    const CatalogEntry *gbPrice = catalog->find("aws.apprunner.activeGbHourUsd");
    QVERIFY(vcpuPrice && gbPrice);
    QVERIFY(vcpuPrice->value > 0 && gbPrice->value > 0);

    const Node service = makeNode(NodeKind::Service, "s",
                                  {{"hosting", std::string("aws-app-runner")},
                                   {"arch", arch.toStdString()}, {"vcpu", vcpu},
                                   {"memoryGb", memoryGb}});
    NodeUsage usage;
    usage.node = &service;
    usage.replicaHoursPerMonth = replicaHours;
    const CostBreakdown cost = costCandidate({usage}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(cost.totalUsd,
               replicaHours * (vcpu * vcpuPrice->value + memoryGb * gbPrice->value));
    const CostLine *vcpuLine = findLine(cost, "s", "vcpu");
    QVERIFY(vcpuLine);
    QCOMPARE(vcpuLine->catalogKey, vcpuPrice->key);
    QCOMPARE(vcpuLine->source, vcpuPrice->sourceText());
    QCOMPARE(findLine(cost, "", "platform"), nullptr); // no cluster fee
}

void TestPricing::datastores_data()
{
    QTest::addColumn<QString>("product");
    QTest::addColumn<double>("requests");
    QTest::addColumn<double>("peakInstances");
    QTest::addColumn<double>("usd");

    // DynamoDB: 80% reads at $0.125/M, 20% writes at $0.625/M.
    QTest::newRow("dynamodb on-demand") << "aws-dynamodb-on-demand" << 10e6 << 0.0
                                        << 8 * 0.125 + 2 * 0.625;
    QTest::newRow("rds one instance") << "aws-rds" << 10e6 << 0.0 << 730 * 0.068;
    QTest::newRow("rds two instances") << "aws-rds" << 10e6 << 2.0 << 2 * 730 * 0.068;
    QTest::newRow("redis one node") << "redis" << 10e6 << 0.0 << 730 * 0.068;
}

void TestPricing::datastores()
{
    QFETCH(QString, product);
    QFETCH(double, requests);
    QFETCH(double, peakInstances);
    QFETCH(double, usd);

    const Node store = makeNode(NodeKind::Datastore, "d", {{"product", product.toStdString()}});
    NodeUsage usage = callsUsage(store, requests);
    usage.peakInstances = peakInstances;
    const CostBreakdown cost = costCandidate({usage}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(nodeTotal(cost, "d"), usd);
}

void TestPricing::overridesReplacePrices()
{
    const Node fn = lambda("f", 1024);
    const Node store = makeNode(NodeKind::Datastore, "d",
                                {{"product", std::string("aws-dynamodb-on-demand")}});
    Pricing custom = pricing(false);
    custom.overrides["aws.lambda.requestsPerMillionUsd"] = 0.3;
    custom.overrides["aws.dynamodb.readShare"] = 0.5;
    custom.hoursPerMonth = 720;
    const CostBreakdown cost =
        costCandidate({functionUsage(fn, 1e6, 100), callsUsage(store, 10e6)}, custom);
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "f", "requests"), 0.3);
    QVERIFY(findLine(cost, "f", "requests") && findLine(cost, "f", "compute"));
    QVERIFY(findLine(cost, "f", "requests")->source.find("override") != std::string::npos);
    QVERIFY(findLine(cost, "f", "compute")->source.find("override") == std::string::npos);
    EXPECT_USD(usdOf(cost, "d", "reads"), 5 * 0.125);
    EXPECT_USD(usdOf(cost, "d", "writes"), 5 * 0.625);

    // Hours per month drive every always-on price.
    const Node rds = makeNode(NodeKind::Datastore, "r", {{"product", std::string("aws-rds")}});
    EXPECT_USD(costCandidate({callsUsage(rds, 0)}, custom).totalUsd, 720 * 0.068);

    const Catalog *catalog = builtInCatalog("aws-us-east-1");
    QVERIFY(catalog);
    const auto lookup = catalog->lookup("aws.lambda.requestsPerMillionUsd", custom.overrides);
    QVERIFY(lookup && lookup->overridden);
    QCOMPARE(lookup->value, 0.3);
    QCOMPARE(catalog->lookup("aws.lambda.requestsPerMillionUsd")->value, 0.2);
}

void TestPricing::unknownCatalogIsAProblem()
{
    const Node fn = lambda("f", 1024);
    Pricing custom = pricing(false);
    custom.catalog = "mars-north-1";
    const CostBreakdown cost = costCandidate({functionUsage(fn, 1e6, 100)}, custom);
    QCOMPARE(cost.problems.size(), std::size_t(1));
    QVERIFY(cost.problems.front().find("mars-north-1") != std::string::npos);
    QVERIFY(cost.lines.empty());
    QCOMPARE(cost.totalUsd, 0.0);
    QCOMPARE(builtInCatalog("mars-north-1"), nullptr);
}

void TestPricing::missingPriceIsAProblem()
{
    // A catalog that prices Lambda requests only: the rest is reported, not invented.
    const std::string text = R"({"entries": [
        {"key": "aws.lambda.requestsPerMillionUsd", "value": 0.2, "unit": "USD per 1M",
         "source": {"title": "t", "url": "https://example.com"}, "date": "2026-01-01"}]})";
    std::string error;
    const auto catalog = Catalog::parse("tiny", text, &error);
    QVERIFY2(catalog, error.c_str());
    const Node fn = lambda("f", 1024);
    const Node queue = makeNode(NodeKind::Queue, "q", {{"product", std::string("aws-sqs")}});
    const CostBreakdown cost = costCandidate(
        {functionUsage(fn, 1e6, 100), callsUsage(queue, 1e6)}, pricing(false), *catalog);
    EXPECT_USD(usdOf(cost, "f", "requests"), 0.2);
    EXPECT_USD(cost.totalUsd, 0.2);
    const std::string problems = joined(cost.problems);
    QVERIFY2(problems.find("no price for aws.lambda.x86.gbSecondTier1Usd in catalog tiny")
                 != std::string::npos,
             problems.c_str());
    QVERIFY2(problems.find("aws.sqs.requestsPerMillionUsd") != std::string::npos,
             problems.c_str());
}

void TestPricing::unknownProductIsAProblem()
{
    const Node queue = makeNode(NodeKind::Queue, "q", {{"product", std::string("pigeon-post")}});
    const CostBreakdown cost = costCandidate({callsUsage(queue, 1e6)}, pricing(false));
    QCOMPARE(cost.problems.size(), std::size_t(1));
    QVERIFY(cost.problems.front().find("pigeon-post") != std::string::npos);
    QVERIFY(cost.problems.front().find("q") != std::string::npos);

    const CostBreakdown none = costCandidate({NodeUsage{}}, pricing(false));
    QCOMPARE(none.problems.size(), std::size_t(1));
}

void TestPricing::brokenCatalogs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("place");

    const QString good =
        R"("key": "k", "value": 1, "unit": "u", "source": {"title": "t", "url": "https://x"})";
    QTest::newRow("not json") << "{ entries: " << "not valid JSON";
    QTest::newRow("not an object") << "[1, 2]" << "expected a JSON object";
    QTest::newRow("no entries") << "{}" << "entries: expected an array";
    QTest::newRow("entry not an object") << R"({"entries": [3]})" << "entries/0";
    QTest::newRow("value not a number")
        << R"({"entries": [{"key": "k", "value": "1", "unit": "u", "date": "d",
              "source": {"title": "t", "url": "https://x"}}]})"
        << "entries/0/value";
    QTest::newRow("missing date") << QStringLiteral(R"({"entries": [{%1}]})").arg(good)
                                  << "entries/0/date";
    QTest::newRow("missing source url")
        << R"({"entries": [{"key": "k", "value": 1, "unit": "u", "date": "d",
              "source": {"title": "t"}}]})"
        << "entries/0/source/url";
    QTest::newRow("duplicate key")
        << QStringLiteral(R"({"entries": [{%1, "date": "d"}, {%1, "date": "d"}]})").arg(good)
        << "entries/1/key: duplicate key k";
}

void TestPricing::brokenCatalogs()
{
    QFETCH(QString, text);
    QFETCH(QString, place);

    std::string error;
    const auto catalog = Catalog::parse("broken", text.toStdString(), &error);
    QVERIFY(!catalog);
    QVERIFY2(error.find(place.toStdString()) != std::string::npos, error.c_str());
    QVERIFY2(error.find("broken") != std::string::npos, error.c_str());
}

void TestPricing::builtInCatalogsParseWithSources()
{
    const std::vector<std::string> names = builtInCatalogNames();
    QVERIFY(std::find(names.begin(), names.end(), "aws-us-east-1") != names.end());
    for (const std::string &name : names) {
        QVERIFY2(builtInCatalogError(name).empty(), builtInCatalogError(name).c_str());
        const Catalog *catalog = builtInCatalog(name);
        QVERIFY(catalog);
        QVERIFY(!catalog->date().empty());
        QVERIFY(catalog->entries().size() > 10);
        for (const CatalogEntry &entry : catalog->entries()) {
            const std::string what = name + ": " + entry.key;
            QVERIFY2(!entry.sourceTitle.empty(), what.c_str());
            QVERIFY2(entry.sourceUrl.rfind("http", 0) == 0, what.c_str());
            QVERIFY2(!entry.date.empty(), what.c_str());
            QVERIFY2(!entry.unit.empty(), what.c_str());
            QVERIFY2(entry.value >= 0, what.c_str());
        }
    }
}

void TestPricing::everyProductIsPricedWithItsSource()
{
    // One node of every product of the product table (x86 and arm where a node has an
    // architecture): all priced, none missing a price or source.
    std::vector<Node> nodes;
    for (const ProductInfo &product : products()) {
        const std::string param = productParamKey(product.kind);
        if (product.kind == NodeKind::Function || product.kind == NodeKind::Service) {
            for (const char *arch : {"x86", "arm"})
                nodes.push_back(makeNode(product.kind, product.id + "-" + arch,
                                         {{param, product.id}, {"arch", std::string(arch)}}));
        } else {
            nodes.push_back(makeNode(product.kind, product.id, {{param, product.id}}));
        }
    }
    for (const char *arch : {"x86", "arm"})
        nodes.push_back(lambda(std::string("pc-") + arch, 512, arch, 1.0, 2));
    nodes.push_back(makeNode(NodeKind::Client, "client", {}));

    std::vector<NodeUsage> usage;
    for (const Node &node : nodes) {
        NodeUsage u = functionUsage(node, 5e6, 120, 1e4, 400);
        u.replicaHoursPerMonth = 1460;
        usage.push_back(u);
    }
    for (bool freeTier : {false, true}) {
        const CostBreakdown cost = costCandidate(usage, pricing(freeTier));
        QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
        double sum = 0;
        for (const CostLine &line : cost.lines) {
            const std::string what = line.node + "/" + line.item;
            QVERIFY2(!line.catalogKey.empty(), what.c_str());
            QVERIFY2(!line.source.empty(), what.c_str());
            QVERIFY2(std::isfinite(line.usd) && line.usd >= 0, what.c_str());
            sum += line.usd;
        }
        EXPECT_USD(cost.totalUsd, sum);
        for (const Node &node : nodes)
            if (node.kind != NodeKind::Client)
                QVERIFY2(nodeTotal(cost, node.id) > 0, node.id.c_str());
        QVERIFY(findLine(cost, "", "platform"));
    }
}

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
