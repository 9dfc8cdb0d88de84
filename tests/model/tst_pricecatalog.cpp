// The shipped price catalog (resources/pricing/aws-us-east-1.json) against its sources: each
// price equals the published figure recorded below with the page it comes from and when it was
// read. A price update changes the catalog and its row here together; a catalog price that
// differs from its row fails naming the price and its source. The pricing rules are tested
// apart (tst_pricing, against a made-up catalog), so such an update never touches them.
//
// "read": "2026-12-07: PAGE: FIGURE" was confirmed that day against a stored copy of PAGE
// (the providers' pages or, where no stored copy of the provider's own page had the figure, a
// dated third-party summary of it); otherwise the catalog's own date of the entry.
#include "domain/Project.h"
#include "pricing/Catalog.h"
#include "pricing/CostModel.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <string>

using namespace skyline;

namespace {

struct PublishedPrice
{
    const char *key;
    double value; ///< the published figure, in the catalog entry's unit
    const char *url; ///< the catalog entry's source
    const char *read; ///< when and where the figure was read
};

const PublishedPrice publishedAwsUsEast1[] = {
    {"aws.lambda.requestsPerMillionUsd", 0.2,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html: "
     "$0.20 per 1 million requests"},
    {"aws.lambda.freeRequestsPerMonth", 1000000.0,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html: "
     "1 million requests per month free"},
    {"aws.lambda.freeGbSecondsPerMonth", 400000.0,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html: "
     "400,000 GB-seconds per month free"},
    {"aws.lambda.billingGranularityMs", 1.0,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: aws.amazon.com/lambda/pricing: duration rounded up to the nearest 1 ms"},
    {"aws.lambda.x86.gbSecondTier1Usd", 1.66667e-05,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing (us-east-1): first 6 billion GB-s "
     "$0.0000166667"},
    {"aws.lambda.x86.tier1LimitGbSeconds", 6000000000.0,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: first 6 billion GB-seconds"},
    {"aws.lambda.x86.gbSecondTier2Usd", 1.5e-05,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: next 9 billion GB-s $0.000015"},
    {"aws.lambda.x86.tier2LimitGbSeconds", 15000000000.0,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: next 9 billion (15 billion in all)"},
    {"aws.lambda.x86.gbSecondTier3Usd", 1.33334e-05,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "the catalog's date: 2025-10-28"},
    {"aws.lambda.arm.gbSecondTier1Usd", 1.33334e-05,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: Arm first 7.5 billion GB-s "
     "$0.0000133334"},
    {"aws.lambda.arm.tier1LimitGbSeconds", 7500000000.0,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: Arm first 7.5 billion GB-seconds"},
    {"aws.lambda.arm.gbSecondTier2Usd", 1.20001e-05,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: Arm next 11.25 billion GB-s "
     "$0.0000120001"},
    {"aws.lambda.arm.tier2LimitGbSeconds", 18750000000.0,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "2026-12-07: cloudchipr.com/blog/aws-lambda-pricing: Arm next 11.25 billion (18.75 "
     "billion in all)"},
    {"aws.lambda.arm.gbSecondTier3Usd", 1.06667e-05,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "the catalog's date: 2025-10-28"},
    {"aws.lambda.x86.provisionedGbSecondUsd", 4.1667e-06,
     "https://aws.amazon.com/lambda/pricing/",
     "the catalog's date: undated page snapshot (stored copy read for this catalog, 2026-11)"},
    {"aws.lambda.x86.provisionedDurationGbSecondUsd", 9.7222e-06,
     "https://aws.amazon.com/lambda/pricing/",
     "2026-12-07: a Lambda cost note (git.mcrn.ar lambda_local_runner docs): $0.0000097222 "
     "per GB-s (x86)"},
    {"aws.lambda.arm.provisionedGbSecondUsd", 3.3334e-06,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "the catalog's date: 2025-10-28"},
    {"aws.lambda.arm.provisionedDurationGbSecondUsd", 7.7778e-06,
     "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json",
     "the catalog's date: 2025-10-28"},
    {"aws.lambda.initBilledSince", 20250801.0,
     "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/",
     "the catalog's date: 2025-04 (effective 2025-08-01)"},
    {"gcp.run.requestsPerMillionUsd", 0.4,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: undated stored copy (catalog compiled 2026-11)"},
    {"gcp.run.vcpuSecondUsd", 2.4e-05,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: undated stored copy (catalog compiled 2026-11)"},
    {"gcp.run.gibSecondUsd", 2.5e-06,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: undated stored copy (catalog compiled 2026-11)"},
    {"gcp.run.freeRequestsPerMonth", 2000000.0,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: checked 2026-09-15"},
    {"gcp.run.freeVcpuSecondsPerMonth", 180000.0,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: checked 2026-09-15"},
    {"gcp.run.freeGibSecondsPerMonth", 360000.0,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: checked 2026-09-15"},
    {"gcp.run.billingGranularityMs", 100.0,
     "https://cloud.google.com/run/pricing",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"gcp.run.vcpuPerInstance", 1.0,
     "https://cloud.google.com/run/docs/configuring/services/cpu",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"azure.functions.executionsPerMillionUsd", 0.2,
     "https://modal.com/blog/azure-function-pricing-guide",
     "the catalog's date: 2025-05-22"},
    {"azure.functions.gbSecondUsd", 1.6e-05,
     "https://modal.com/blog/azure-function-pricing-guide",
     "the catalog's date: 2025-05-22"},
    {"azure.functions.freeExecutionsPerMonth", 1000000.0,
     "https://azure.microsoft.com/en-us/pricing/details/functions/",
     "the catalog's date: undated page snapshot (catalog compiled 2026-11)"},
    {"azure.functions.freeGbSecondsPerMonth", 400000.0,
     "https://azure.microsoft.com/en-us/pricing/details/functions/",
     "the catalog's date: undated page snapshot (catalog compiled 2026-11)"},
    {"azure.functions.memoryStepMb", 128.0,
     "https://azure.microsoft.com/en-us/pricing/details/functions/",
     "the catalog's date: undated page snapshot (catalog compiled 2026-11)"},
    {"azure.functions.maxBilledMemoryMb", 1536.0,
     "https://azure.microsoft.com/en-us/pricing/details/functions/",
     "the catalog's date: undated page snapshot (catalog compiled 2026-11)"},
    {"azure.functions.minExecutionMs", 100.0,
     "https://azure.microsoft.com/en-us/pricing/details/functions/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.apigw.http.tier1PerMillionUsd", 1.0,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: HTTP first 300 million $1.00 per million"},
    {"aws.apigw.http.tier1LimitRequests", 300000000.0,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: HTTP first 300 million requests"},
    {"aws.apigw.http.tier2PerMillionUsd", 0.9,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: HTTP 300+ million $0.90 per million"},
    {"aws.apigw.rest.tier1PerMillionUsd", 3.5,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST first 333 million $3.50 per million"},
    {"aws.apigw.rest.tier1LimitRequests", 333000000.0,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST first 333 million requests"},
    {"aws.apigw.rest.tier2PerMillionUsd", 2.8,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST next 667 million $2.80 per million"},
    {"aws.apigw.rest.tier2LimitRequests", 1000000000.0,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST next 667 million (1 billion in all)"},
    {"aws.apigw.rest.tier3PerMillionUsd", 2.38,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST next 19 billion $2.38 per million"},
    {"aws.apigw.rest.tier3LimitRequests", 20000000000.0,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST next 19 billion (20 billion in all)"},
    {"aws.apigw.rest.tier4PerMillionUsd", 1.51,
     "https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html",
     "2026-12-07: the catalog's whitepaper page: REST over 20 billion $1.51 per million"},
    {"aws.apigw.http.freeRequestsPerMonth", 1000000.0,
     "https://aws.amazon.com/api-gateway/pricing/",
     "2026-12-07: aws.amazon.com/api-gateway/pricing: 1M HTTP API calls a month (first 12 "
     "months)"},
    {"aws.apigw.rest.freeRequestsPerMonth", 1000000.0,
     "https://aws.amazon.com/api-gateway/pricing/",
     "2026-12-07: aws.amazon.com/api-gateway/pricing: 1M REST API calls a month (first 12 "
     "months)"},
    {"aws.alb.hourUsd", 0.0225,
     "https://aws.amazon.com/elasticloadbalancing/pricing/",
     "the catalog's date: 2026-08-16"},
    {"aws.alb.lcuHourUsd", 0.008,
     "https://aws.amazon.com/elasticloadbalancing/pricing/",
     "the catalog's date: 2026-08-16"},
    {"aws.alb.newConnectionsPerSecondPerLcu", 25.0,
     "https://aws.amazon.com/elasticloadbalancing/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.sqs.requestsPerMillionUsd", 0.4,
     "https://aws.amazon.com/sqs/pricing/",
     "2026-12-07: cloudburn.io/blog/amazon-sqs-pricing (us-east-1, March 2026): Standard "
     "$0.40 per million (first 100 billion)"},
    {"aws.sqs.freeRequestsPerMonth", 1000000.0,
     "https://aws.amazon.com/sqs/pricing/",
     "2026-12-07: cloudburn.io/blog/amazon-sqs-pricing: 1M requests a month free"},
    {"aws.sqs.chunkKb", 64.0,
     "https://aws.amazon.com/sqs/pricing/",
     "2026-12-07: unanswered.io SQS pricing guide: each 64 KB chunk of a payload is billed "
     "as one request"},
    {"aws.sns.publishesPerMillionUsd", 0.5,
     "https://aws.amazon.com/sns/pricing/",
     "the catalog's date: undated (catalog compiled 2026-11)"},
    {"aws.sns.freePublishesPerMonth", 1000000.0,
     "https://aws.amazon.com/sns/pricing/",
     "the catalog's date: undated (catalog compiled 2026-11)"},
    {"aws.eventbridge.eventsPerMillionUsd", 1.0,
     "https://aws.amazon.com/eventbridge/pricing/",
     "the catalog's date: 2026-08-16"},
    {"aws.msk.brokerHourUsd", 0.21,
     "https://aws.amazon.com/msk/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.msk.defaultBrokers", 3.0,
     "https://docs.aws.amazon.com/msk/latest/developerguide/msk-create-cluster.html",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.fargate.x86.vcpuHourUsd", 0.04048,
     "https://aws.amazon.com/fargate/pricing/",
     "2026-12-07: vantage.sh/blog/fargate-pricing (us-east-1): Linux/x86 $0.04048 per vCPU-"
     "hour"},
    {"aws.fargate.x86.gbHourUsd", 0.004445,
     "https://aws.amazon.com/fargate/pricing/",
     "2026-12-07: vantage.sh/blog/fargate-pricing: Linux/x86 $0.004445 per GB-hour"},
    {"aws.fargate.arm.vcpuHourUsd", 0.03238,
     "https://aws.amazon.com/fargate/pricing/",
     "2026-12-07: vantage.sh/blog/fargate-pricing: Linux/ARM $0.03238 per vCPU-hour"},
    {"aws.fargate.arm.gbHourUsd", 0.00356,
     "https://aws.amazon.com/fargate/pricing/",
     "2026-12-07: vantage.sh/blog/fargate-pricing: Linux/ARM $0.00356 per GB-hour"},
    {"aws.apprunner.activeVcpuHourUsd", 0.064,
     "https://aws.amazon.com/jp/apprunner/pricing/",
     "2026-12-07: the catalog's page (aws.amazon.com/jp/apprunner/pricing): active instances"
     " $0.064 per vCPU-hour (us-east-1)"},
    {"aws.apprunner.activeGbHourUsd", 0.007,
     "https://aws.amazon.com/jp/apprunner/pricing/",
     "2026-12-07: the catalog's page: $0.007 per GB-hour (us-east-1)"},
    {"aws.ec2.x86.instanceHourUsd", 0.096,
     "https://aws.amazon.com/ec2/pricing/on-demand/",
     "the catalog's date: 2024-2026"},
    {"aws.ec2.x86.instanceVcpu", 2.0,
     "https://aws.amazon.com/ec2/instance-types/m5/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.ec2.x86.instanceMemoryGb", 8.0,
     "https://aws.amazon.com/ec2/instance-types/m5/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.ec2.arm.instanceHourUsd", 0.077,
     "https://aws.amazon.com/ec2/pricing/on-demand/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.ec2.arm.instanceVcpu", 2.0,
     "https://aws.amazon.com/ec2/instance-types/m6g/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.ec2.arm.instanceMemoryGb", 8.0,
     "https://aws.amazon.com/ec2/instance-types/m6g/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.eks.clusterHourUsd", 0.1,
     "https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/",
     "the catalog's date: 2024 (effective April 2024)"},
    {"aws.dynamodb.writePerMillionUsd", 0.625,
     "https://aws.amazon.com/dynamodb/pricing/on-demand/",
     "the catalog's date: 2025-07-21"},
    {"aws.dynamodb.readPerMillionUsd", 0.125,
     "https://aws.amazon.com/dynamodb/pricing/on-demand/",
     "the catalog's date: 2025-07-21"},
    {"aws.dynamodb.readShare", 0.8,
     "https://aws.amazon.com/dynamodb/pricing/on-demand/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.rds.instanceHourUsd", 0.068,
     "https://aws.amazon.com/rds/mysql/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.rds.defaultInstances", 1.0,
     "https://aws.amazon.com/rds/mysql/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.elasticache.nodeHourUsd", 0.068,
     "https://aws.amazon.com/elasticache/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
    {"aws.elasticache.defaultNodes", 1.0,
     "https://aws.amazon.com/elasticache/pricing/",
     "the catalog's date: catalog compiled 2026-11-26"},
};

const PublishedPrice *publishedPrice(const std::string &key)
{
    for (const PublishedPrice &price : publishedAwsUsEast1)
        if (key == price.key)
            return &price;
    return nullptr;
}

} // namespace

class TestPriceCatalog : public QObject
{
    Q_OBJECT

private:
    const Catalog *m_catalog = nullptr;

private slots:
    void initTestCase()
    {
        QVERIFY2(builtInCatalogError("aws-us-east-1").empty(),
                 builtInCatalogError("aws-us-east-1").c_str());
        m_catalog = builtInCatalog("aws-us-east-1");
        QVERIFY(m_catalog);
    }

    void everyPriceIsThePublishedFigure_data()
    {
        QTest::addColumn<QString>("key");
        for (const PublishedPrice &price : publishedAwsUsEast1)
            QTest::newRow(price.key) << QString::fromUtf8(price.key);
    }

    void everyPriceIsThePublishedFigure()
    {
        QFETCH(QString, key);
        const PublishedPrice *published = publishedPrice(key.toStdString());
        const CatalogEntry *entry = m_catalog->find(key.toStdString());
        QVERIFY2(entry, qPrintable(key + " is no longer in the catalog; remove its row"));
        const QString where = QStringLiteral(" (source %1, read %2)")
                                  .arg(QString::fromUtf8(published->url),
                                       QString::fromUtf8(published->read));
        QVERIFY2(entry->value == published->value,
                 qPrintable(key + QStringLiteral(": the catalog says %1, the published figure is %2")
                                      .arg(entry->value, 0, 'g', 12)
                                      .arg(published->value, 0, 'g', 12)
                            + where));
        QVERIFY2(entry->sourceUrl == published->url,
                 qPrintable(key + ": the catalog names the source "
                            + QString::fromStdString(entry->sourceUrl) + where));
    }

    void everyCatalogPriceHasAPublishedFigure()
    {
        // A new catalog entry needs its row above: the figure, its page and when it was read.
        std::set<std::string> rows;
        for (const PublishedPrice &price : publishedAwsUsEast1)
            QVERIFY2(rows.insert(price.key).second, price.key);
        for (const CatalogEntry &entry : m_catalog->entries())
            QVERIFY2(rows.count(entry.key),
                     qPrintable(QString::fromStdString(entry.key + " (source " + entry.sourceUrl
                                                       + ") has no published figure here")));
    }

    void awsPublishedLambdaExample()
    {
        // The example of the Lambda pricing page (AWS's own figures): 512 MB, 3 million
        // invocations of 1 s a month, free tier counted: 1.5e6 - 400,000 = 1.1e6 GB-s,
        // $18.33; 3e6 - 1e6 requests, $0.40; $18.73 in all.
        Node fn = makeDefaultNode(NodeKind::Function, "f", "f", {});
        fn.params["provider"] = std::string("aws-lambda");
        fn.params["arch"] = std::string("x86");
        fn.params["memoryMb"] = 512.0;
        fn.params["durationCv"] = 0.0;
        fn.params["provisionedConcurrency"] = 0.0;
        NodeUsage usage;
        usage.node = &fn;
        usage.requestsPerMonth = 3e6;
        usage.meanDurationMs = 1000;
        Pricing pricing;
        pricing.catalog = "aws-us-east-1";
        pricing.freeTier = true;
        const CostBreakdown cost = costCandidate({usage}, pricing);
        QVERIFY(cost.problems.empty());
        double computeUsd = 0;
        for (const CostLine &line : cost.lines)
            computeUsd += line.item == "compute" ? line.usd : 0.0;
        QCOMPARE(std::round(computeUsd * 100) / 100, 18.33);
        QCOMPARE(std::round(cost.totalUsd * 100) / 100, 18.73);
    }
};

QTEST_GUILESS_MAIN(TestPriceCatalog)
#include "tst_pricecatalog.moc"
