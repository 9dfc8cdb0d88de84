// The cost model's rules (model/pricing): every rule against figures computed by hand from the
// made-up round prices of tests/model/data/pricing-rules.json, so a price update of the shipped
// catalog does not touch these tests (tst_pricecatalog checks the shipped prices against their
// sources). Also the catalog format: parsing, broken catalogs, missing prices.
#include "domain/Products.h"
#include "domain/Project.h"
#include "pricing/Catalog.h"
#include "pricing/CostModel.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
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

/// The made-up catalog of the rules' tests: round prices, the shipped catalog's keys.
const Catalog &rulesCatalog()
{
    static const std::optional<Catalog> catalog = [] {
        std::ifstream file(std::string(SKYLINE_SOURCE_DIR)
                           + "/tests/model/data/pricing-rules.json");
        std::stringstream text;
        text << file.rdbuf();
        std::string error;
        auto parsed = Catalog::parse("rules-test", text.str(), &error);
        if (!parsed)
            qFatal("pricing-rules.json: %s", error.c_str());
        return parsed;
    }();
    return *catalog;
}

/// The usage priced from the rules' catalog.
CostBreakdown priced(const std::vector<NodeUsage> &usage, const Pricing &pricing)
{
    return costCandidate(usage, pricing, rulesCatalog());
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

    // The rules' catalog: $1 per million requests, x86 $0.00002 and arm $0.00001 per GB-s.
    const double x86 = 0.00002;
    // 3e6 x 1 s x 0.5 GB = 1.5e6 GB-s = $30.
    QTest::newRow("free tier off") << 512.0 << "x86" << 0.0 << 3e6 << 1000.0 << 0.0 << 0.0
                                   << 0.0 << false << 3.0 << 30.0 << 0.0;
    // 100.2 ms constant -> 101 ms billed; 1e6 x 0.101 s x 0.125 GB = 12,625 GB-s = $0.2525.
    QTest::newRow("1 ms rounding, constant run time")
        << 128.0 << "x86" << 0.0 << 1e6 << 100.2 << 0.0 << 0.0 << 0.0 << false << 1.0 << 0.2525
        << 0.0;
    // Exponential run time of mean 0.5 ms: E[ceil X] = 1 / (1 - e^-2) = 1.1565176 ms.
    QTest::newRow("1 ms rounding, exponential run time")
        << 1024.0 << "x86" << 1.0 << 1e6 << 0.5 << 0.0 << 0.0 << 0.0 << false << 1.0
        << 1e6 * 0.001 / (1 - std::exp(-2.0)) * x86 << 0.0;
    // 1e6 x 0.1 s x 1 GB = 1e5 GB-s at $0.00001.
    QTest::newRow("arm duration price") << 1024.0 << "arm" << 0.0 << 1e6 << 100.0 << 0.0 << 0.0
                                        << 0.0 << false << 1.0 << 1.0 << 0.0;
    // 10,000 cold starts of 400.4 ms -> 401 ms billed each: 4,010 GB-s at 1 GB = $0.0802.
    QTest::newRow("init phase billed") << 1024.0 << "x86" << 0.0 << 1e6 << 100.0 << 1e4 << 400.4
                                       << 0.0 << false << 1.0 << 2.0 << 0.0802;
    // 8e5 billed requests, 8e4 GB-s.
    QTest::newRow("throttled requests not billed")
        << 1024.0 << "x86" << 0.0 << 1e6 << 100.0 << 0.0 << 0.0 << 2e5 << false << 0.8 << 1.6
        << 0.0;
    // 2e5 GB-s compute + 1e5 GB-s init < 400,000 free; 2e6 - 1e6 free requests = $1.
    QTest::newRow("free tier covers small use")
        << 1024.0 << "x86" << 0.0 << 2e6 << 100.0 << 1e5 << 1000.0 << 0.0 << true << 1.0 << 0.0
        << 0.0;
    // 400,000 GB-s compute + 200,000 GB-s init; the 400,000 free GB-s leave a third of each:
    // 133,333.3 GB-s ($2.67) and 66,666.7 GB-s ($1.33); 3e6 billed requests.
    QTest::newRow("free tier shared by compute and init")
        << 1024.0 << "x86" << 0.0 << 4e6 << 100.0 << 2e5 << 1000.0 << 0.0 << true << 3.0
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
    const CostBreakdown cost = priced(
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

    // x86: $0.00002 up to 6e9 GB-s, $0.00001 up to 15e9, then $0.000005;
    // arm: $0.00001 up to 7.5e9, $0.000008 up to 18.75e9, then $0.000004.
    QTest::newRow("x86 tier 1 only") << "x86" << 5e9 << 1e5 << "aws.lambda.x86.gbSecondTier1Usd";
    // 6e9 x 0.00002 + 4e9 x 0.00001 = 120,000 + 40,000
    QTest::newRow("x86 into tier 2") << "x86" << 10e9 << 1.6e5
                                     << "aws.lambda.x86.gbSecondTier2Usd";
    // 120,000 + 9e9 x 0.00001 + 5e9 x 0.000005 = 120,000 + 90,000 + 25,000
    QTest::newRow("x86 into tier 3") << "x86" << 20e9 << 2.35e5
                                     << "aws.lambda.x86.gbSecondTier3Usd";
    // 7.5e9 x 0.00001 + 11.25e9 x 0.000008 + 1.25e9 x 0.000004 = 75,000 + 90,000 + 5,000
    QTest::newRow("arm into tier 3") << "arm" << 20e9 << 1.7e5
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
        priced({functionUsage(fn, gbSeconds / 10, 10000)}, pricing(false));
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
    const CostBreakdown cost = priced(
        {functionUsage(a, 5e8, 10000), functionUsage(b, 5e8, 10000)}, pricing(false));
    // 6e9 x 0.00002 + 4e9 x 0.00001 = $160,000, half each.
    EXPECT_USD(usdOf(cost, "a", "compute"), 8e4);
    EXPECT_USD(usdOf(cost, "b", "compute"), 8e4);
}

void TestPricing::freeTierIsSharedAcrossNodes()
{
    // Per account: 1M free requests and 400,000 free GB-s for the whole candidate, x86 and arm
    // together; each node gets a share in proportion to its use.
    const Node a = lambda("a", 1024, "x86");
    const Node b = lambda("b", 1024, "arm");
    const CostBreakdown cost = priced(
        {functionUsage(a, 1e6, 300), functionUsage(b, 1e6, 300)}, pricing(true));
    // 2e6 requests, 1e6 free: $1 billed, half each.
    EXPECT_USD(usdOf(cost, "a", "requests"), 0.5);
    EXPECT_USD(usdOf(cost, "b", "requests"), 0.5);
    // 300,000 GB-s each, 600,000 together; 200,000 billable, 100,000 each at x86's $0.00002
    // and arm's $0.00001.
    EXPECT_USD(usdOf(cost, "a", "compute"), 2.0);
    EXPECT_USD(usdOf(cost, "b", "compute"), 1.0);

    const CostBreakdown without = priced(
        {functionUsage(a, 1e6, 300), functionUsage(b, 1e6, 300)}, pricing(false));
    QVERIFY(without.totalUsd > cost.totalUsd);
    // The free 1e6 requests ($1) and 200,000 GB-s of each architecture ($4 + $2).
    EXPECT_USD(without.totalUsd - cost.totalUsd, 7.0);
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

    // Configured: $0.000004 per GB-s for 730 h = 2,628,000 s; work on them $0.00001 per GB-s.
    // 10 instances of 1 GB all month: 26,280,000 GB-s = $105.12; 1e6 x 100 ms of work fits in
    // them: 1e5 GB-s = $1.
    QTest::newRow("all work on provisioned instances")
        << 1024.0 << 10.0 << 1e6 << false << 105.12 << 1.0 << 0.0;
    QTest::newRow("no free tier for provisioned")
        << 1024.0 << 10.0 << 1e6 << true << 105.12 << 1.0 << 0.0;
    // One 128 MB instance: 328,500 GB-s configured ($1.314); it serves 2,628,000 s =
    // 26.28e6 invocations of 100 ms (328,500 GB-s of work, $3.285); the other 3.72e6 spill
    // over on demand: 46,500 GB-s at $0.00002 = $0.93.
    QTest::newRow("spill-over runs on demand")
        << 128.0 << 1.0 << 30e6 << false << 1.314 << 3.285 << 0.93;
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
    const CostBreakdown cost = priced({functionUsage(fn, requests, 100)}, pricing(freeTier));
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
    // ($0.50 per million requests, $0.00002 per vCPU-s, $0.000002 per GiB-s.)
    QTest::newRow("cloud run requests") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                        << "requests" << 0.5;
    QTest::newRow("cloud run vcpu") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                    << "vcpu" << 4.01;
    // 200,500 s x 0.5 GiB = 100,250 GiB-s
    QTest::newRow("cloud run memory") << "gcp-cloud-run" << 512.0 << 120.0 << 1000.0 << 450.0
                                      << "memory" << 0.2005;
    // Azure ($0.50 per million executions, $0.00001 per GB-s): 200 MB billed as 256 MB, 50 ms
    // billed as the 100 ms minimum: 1e6 x 0.1 s x 0.25 GB = 25,000 GB-s.
    QTest::newRow("azure minimum time, memory step")
        << "azure-functions" << 200.0 << 50.0 << 0.0 << 0.0 << "compute" << 0.25;
    // 2048 MB billed as the 1536 MB cap: 1e6 x 1 s x 1.5 GB = 1.5e6 GB-s.
    QTest::newRow("azure memory cap") << "azure-functions" << 2048.0 << 1000.0 << 0.0 << 0.0
                                      << "compute" << 15.0;
    QTest::newRow("azure executions") << "azure-functions" << 2048.0 << 1000.0 << 0.0 << 0.0
                                      << "requests" << 0.5;
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
        priced({functionUsage(fn, 1e6, meanMs, coldStarts, coldStartMs)}, pricing(false));
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

    // HTTP API: $2 per million up to 300 M, then $1. REST API: $4 up to 300 M, $3 up to 1 G,
    // $2 up to 20 G, then $1.
    QTest::newRow("http tier 1") << "aws-http-api" << 3e6 << false << "calls" << 6.0;
    QTest::newRow("http free tier") << "aws-http-api" << 3e6 << true << "calls" << 4.0;
    // 300 x $2 + 100 x $1
    QTest::newRow("http tiers crossing") << "aws-http-api" << 400e6 << false << "calls"
                                         << 700.0;
    QTest::newRow("rest tier 1") << "aws-rest-api" << 100e6 << false << "calls" << 400.0;
    // 300 x $4 + 700 x $3 + 500 x $2
    QTest::newRow("rest tiers crossing") << "aws-rest-api" << 1.5e9 << false << "calls"
                                         << 4300.0;
    // 730 h x $0.02
    QTest::newRow("alb hours") << "aws-alb" << 9e6 << false << "hours" << 14.6;
    // LCU-hours = requests / (3,600 s per hour x 25 new connections per second) = 100, at $0.01.
    QTest::newRow("alb lcu") << "aws-alb" << 9e6 << false << "lcu" << 1.0;
}

void TestPricing::gateways()
{
    QFETCH(QString, product);
    QFETCH(double, calls);
    QFETCH(bool, freeTier);
    QFETCH(QString, item);
    QFETCH(double, usd);

    const Node gw = makeNode(NodeKind::Gateway, "g", {{"product", product.toStdString()}});
    const CostBreakdown cost = priced({callsUsage(gw, calls)}, pricing(freeTier));
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

    // 1e6 messages each row. SQS ($0.50 per million requests): send + receive + delete.
    QTest::newRow("sqs unbatched") << "aws-sqs" << 2.0 << 1.0 << 0.0 << false << 1.5;
    // 2 M sends + 2 M receives + 1 M deletes
    QTest::newRow("sqs 100 KB = two chunks") << "aws-sqs" << 100.0 << 1.0 << 0.0 << false
                                             << 2.5;
    // 1 M sends + 0.1 M receives + 0.1 M deletes
    QTest::newRow("sqs batched by 10") << "aws-sqs" << 2.0 << 10.0 << 0.0 << false << 0.6;
    // A batch of ten 100 KB messages is 1,000 KB = 16 chunks to receive:
    // 2 M + 1.6 M + 0.1 M requests.
    QTest::newRow("sqs batched, large messages") << "aws-sqs" << 100.0 << 10.0 << 0.0 << false
                                                 << 1.85;
    QTest::newRow("sqs free tier") << "aws-sqs" << 2.0 << 1.0 << 0.0 << true << 1.0;
    // SNS $1 per million publishes, 2 chunks each
    QTest::newRow("sns publishes in chunks") << "aws-sns" << 100.0 << 1.0 << 0.0 << false
                                             << 2.0;
    // EventBridge $2 per million events
    QTest::newRow("eventbridge events") << "aws-eventbridge" << 2.0 << 1.0 << 0.0 << false << 2.0;
    // MSK $0.20 per broker-hour, 730 h, 3 brokers by default
    QTest::newRow("kafka default brokers") << "kafka" << 2.0 << 1.0 << 0.0 << false << 438.0;
    QTest::newRow("kafka given brokers") << "kafka" << 2.0 << 1.0 << 2.0 << false << 292.0;
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
    const CostBreakdown cost = priced({usage}, pricing(freeTier));
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

    // Fargate x86 $0.04 per vCPU-hour and $0.005 per GB-hour, arm $0.03 and $0.004.
    QTest::newRow("fargate x86") << "aws-fargate" << "x86" << 0.5 << 1.0 << 1460.0 << 29.2
                                 << 7.3;
    QTest::newRow("fargate arm") << "aws-fargate" << "arm" << 0.5 << 1.0 << 1460.0 << 21.9
                                 << 5.84;
    // A replica the size of the catalog's x86 instance (2 vCPU, 8 GB, $0.10 an hour) costs
    // exactly the instance's price, split in Fargate's vCPU:GB price ratio: 2 x 0.04 = 0.08
    // against 8 x 0.005 = 0.04, so two thirds for vCPU: $73 = $48.67 + $24.33.
    QTest::newRow("ec2 equivalent of the instance")
        << "aws-ec2" << "x86" << 2.0 << 8.0 << 730.0 << 73.0 * 2 / 3 << 73.0 / 3;
    QTest::newRow("ec2 half an instance")
        << "aws-ec2" << "x86" << 1.0 << 4.0 << 730.0 << 36.5 * 2 / 3 << 36.5 / 3;
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
    const CostBreakdown cost = priced({usage}, pricing(false));
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
    const CostBreakdown cost = priced({ua, ub}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    // One EKS cluster: 730 h x $0.10.
    EXPECT_USD(usdOf(cost, "", "platform"), 73.0);
    int platformLines = 0;
    for (const CostLine &line : cost.lines)
        platformLines += line.item == "platform" ? 1 : 0;
    QCOMPARE(platformLines, 1);
    // Two replicas of the instance's size ($73 each) and the cluster.
    EXPECT_USD(cost.totalUsd, 219.0);

    // Fargate services need no cluster.
    const Node f = makeNode(NodeKind::Service, "f", {{"hosting", std::string("aws-fargate")}});
    NodeUsage uf;
    uf.node = &f;
    uf.replicaHoursPerMonth = 730;
    QCOMPARE(findLine(priced({uf}, pricing(false)), "", "platform"), nullptr);
}

void TestPricing::appRunnerIsPricedFromItsCatalogEntries_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("replicaHours");
    QTest::addColumn<double>("usd");
    // Active instances: $0.06 per vCPU-hour and $0.01 per GB-hour.
    // 1,460 h x (1 x 0.06 + 2 x 0.01)
    QTest::newRow("1 vCPU 2 GB, two replicas all month") << "x86" << 1.0 << 2.0 << 1460.0
                                                         << 116.8;
    // 730 h x (0.25 x 0.06 + 0.5 x 0.01)
    QTest::newRow("0.25 vCPU 0.5 GB on arm (same price)") << "arm" << 0.25 << 0.5 << 730.0
                                                          << 14.6;
}

void TestPricing::appRunnerIsPricedFromItsCatalogEntries()
{
    // App Runner's replica hours are priced as active instances from its two catalog entries.
    QFETCH(QString, arch);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, replicaHours);
    QFETCH(double, usd);

    const Node service = makeNode(NodeKind::Service, "s",
                                  {{"hosting", std::string("aws-app-runner")},
                                   {"arch", arch.toStdString()}, {"vcpu", vcpu},
                                   {"memoryGb", memoryGb}});
    NodeUsage usage;
    usage.node = &service;
    usage.replicaHoursPerMonth = replicaHours;
    const CostBreakdown cost = priced({usage}, pricing(false));
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(cost.totalUsd, usd);
    const CostLine *vcpuLine = findLine(cost, "s", "vcpu");
    QVERIFY(vcpuLine);
    QCOMPARE(vcpuLine->catalogKey, std::string("aws.apprunner.activeVcpuHourUsd"));
    QCOMPARE(vcpuLine->source,
             rulesCatalog().find("aws.apprunner.activeVcpuHourUsd")->sourceText());
    QCOMPARE(findLine(cost, "", "platform"), nullptr); // no cluster fee
}

void TestPricing::datastores_data()
{
    QTest::addColumn<QString>("product");
    QTest::addColumn<double>("requests");
    QTest::addColumn<double>("peakInstances");
    QTest::addColumn<double>("usd");

    // DynamoDB: 80% reads at $0.20/M, 20% writes at $1/M: 8 x 0.2 + 2 x 1.
    QTest::newRow("dynamodb on-demand") << "aws-dynamodb-on-demand" << 10e6 << 0.0 << 3.6;
    // RDS $0.10 per instance-hour, ElastiCache $0.05 per node-hour, 730 h.
    QTest::newRow("rds one instance") << "aws-rds" << 10e6 << 0.0 << 73.0;
    QTest::newRow("rds two instances") << "aws-rds" << 10e6 << 2.0 << 146.0;
    QTest::newRow("redis one node") << "redis" << 10e6 << 0.0 << 36.5;
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
    const CostBreakdown cost = priced({usage}, pricing(false));
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
        priced({functionUsage(fn, 1e6, 100), callsUsage(store, 10e6)}, custom);
    QVERIFY2(cost.problems.empty(), joined(cost.problems).c_str());
    EXPECT_USD(usdOf(cost, "f", "requests"), 0.3);
    QVERIFY(findLine(cost, "f", "requests") && findLine(cost, "f", "compute"));
    QVERIFY(findLine(cost, "f", "requests")->source.find("override") != std::string::npos);
    QVERIFY(findLine(cost, "f", "compute")->source.find("override") == std::string::npos);
    // Half of 10 M calls read ($0.20/M), half write ($1/M).
    EXPECT_USD(usdOf(cost, "d", "reads"), 1.0);
    EXPECT_USD(usdOf(cost, "d", "writes"), 5.0);

    // Hours per month drive every always-on price.
    const Node rds = makeNode(NodeKind::Datastore, "r", {{"product", std::string("aws-rds")}});
    EXPECT_USD(priced({callsUsage(rds, 0)}, custom).totalUsd, 72.0); // 720 h x $0.10

    const Catalog &catalog = rulesCatalog();
    const auto lookup = catalog.lookup("aws.lambda.requestsPerMillionUsd", custom.overrides);
    QVERIFY(lookup && lookup->overridden);
    QCOMPARE(lookup->value, 0.3);
    QCOMPARE(catalog.lookup("aws.lambda.requestsPerMillionUsd")->value, 1.0);
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
