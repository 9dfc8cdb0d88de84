// AWS SAM and CloudFormation import (CloudFormationReader.cpp): realistic templates become the
// nodes, edges and values a user expects, inferred edges are marked, what cannot be resolved
// offline is listed; short tags read as their long forms; cycles end; other YAML is refused.

#include "import/CloudFormation.h"
#include "import/Import.h"
#include "support/ImportExpectations.h"

#include <QtTest>

#include <cmath>

using namespace skyline;
using namespace skyline::importing;
using namespace skyline::importing::testing;

namespace {

ImportResult importText(const std::string &text, std::optional<SourceFormat> format = {})
{
    return importFiles({SourceFile{"template.yaml", text}}, format);
}

} // namespace

class TestCloudFormationImport : public QObject
{
    Q_OBJECT
private slots:
    void fixtures_data();
    void fixtures();
    void shortTagsReadAsLongForms();
    void shortTagsAreRewrittenInPlace();
    void parametersWithAndWithoutDefault();
    void referenceOutsideTheTemplateIsUnresolved();
    void conditionalResources();
    void cyclicReferencesEnd();
    void scheduleRates_data();
    void scheduleRates();
    void schedulesBecomeConstantWorkloads();
    void gatewaysAndSourceQueuesGetClients();
    void gatewayTrafficIsSharedByItsRoutes();
    void nearestProductsAreListed();
    void otherResourcesAreIgnoredOneByOne();
    void wrongShapesAreListedNotThrown();
    void largeTemplate();
    void aliasesThatRepeatOrContainThemselves_data();
    void aliasesThatRepeatOrContainThemselves();
    void detection_data();
    void detection();
    void otherYamlIsRefused();
};

void TestCloudFormationImport::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("unresolved");

    QTest::newRow("SQS to Lambda (SAM)")
        << "sam-sqs-worker.yaml" << int(SourceFormat::Sam)
        << QStringList{"client OrdersQueue producers", "function ProcessOrderFunction aws-lambda",
                       "queue OrdersDeadLetterQueue aws-sqs", "queue OrdersQueue aws-sqs"}
        << QStringList{"OrdersQueue -event-> ProcessOrderFunction",
                       "OrdersQueue producers -api-> OrdersQueue"}
        << QStringList{"OrdersQueue.batchSize=10",
                       "ProcessOrderFunction.memoryMb=1024",
                       "ProcessOrderFunction.arch=arm",
                       "ProcessOrderFunction.concurrencyLimit=50",
                       "ProcessOrderFunction.runtime=python3.12",
                       "OrdersQueue producers.rps=10"}
        << QStringList{};

    QTest::newRow("API to Lambda to DynamoDB, Globals and Parameters (SAM)")
        << "sam-api-dynamodb.yaml" << int(SourceFormat::Sam)
        << QStringList{"client ServerlessHttpApi clients", "client ServerlessRestApi clients",
                       "datastore TodoTable aws-dynamodb-on-demand",
                       "function CreateTodoFunction aws-lambda",
                       "function HealthFunction aws-lambda",
                       "function ListTodosFunction aws-lambda",
                       "gateway ServerlessHttpApi aws-http-api",
                       "gateway ServerlessRestApi aws-rest-api"}
        << QStringList{"CreateTodoFunction ~api~> TodoTable",
                       "HealthFunction ~api~> TodoTable",
                       "ListTodosFunction ~api~> TodoTable",
                       "ServerlessHttpApi -api-> HealthFunction",
                       "ServerlessHttpApi clients -api-> ServerlessHttpApi",
                       "ServerlessRestApi -api-> CreateTodoFunction",
                       "ServerlessRestApi -api-> ListTodosFunction",
                       "ServerlessRestApi clients -api-> ServerlessRestApi"}
        << QStringList{// Globals: MemorySize from a parameter's Default, arm64, nodejs20.x
                       "ListTodosFunction.memoryMb=768", "ListTodosFunction.arch=arm",
                       "ListTodosFunction.runtime=nodejs20.x",
                       // the function's own values win over Globals
                       "CreateTodoFunction.memoryMb=1536", "HealthFunction.runtime=python3.12",
                       // !If [IsProd ...] with Stage's Default prod
                       "CreateTodoFunction.provisionedConcurrency=5",
                       "HealthFunction.concurrencyLimit=2"}
        << QStringList{"ALERT_EMAIL of HealthFunction: parameter AlertEmail has no Default",
                       "AUDIT_BUCKET of HealthFunction: parameter AuditBucketName has no Default"};

    QTest::newRow("SNS fan-out to SQS and Lambda (SAM)")
        << "sam-sns-fanout.yaml" << int(SourceFormat::Sam)
        << QStringList{"client OrdersApi clients",
                       "client partner-order-feed producers",
                       "function AuditFunction aws-lambda",
                       "function BillingFunction aws-lambda",
                       "function PlaceOrderFunction aws-lambda",
                       "function ShippingFunction aws-lambda",
                       "gateway OrdersApi aws-rest-api",
                       "queue BillingQueue aws-sqs",
                       "queue OrderEventsTopic aws-sns",
                       "queue ShippingQueue aws-sqs",
                       "queue partner-order-feed aws-sns"}
        << QStringList{"BillingQueue -event-> BillingFunction",
                       "OrderEventsTopic -event-> AuditFunction",
                       "OrderEventsTopic -event-> BillingQueue",
                       "OrderEventsTopic -event-> ShippingQueue",
                       "OrdersApi -api-> PlaceOrderFunction",
                       "OrdersApi clients -api-> OrdersApi",
                       "PlaceOrderFunction ~event~> OrderEventsTopic",
                       "ShippingQueue -event-> ShippingFunction",
                       "partner-order-feed -event-> AuditFunction",
                       "partner-order-feed producers -api-> partner-order-feed"}
        << QStringList{"BillingQueue.batchSize=5", "ShippingQueue.batchSize=1",
                       "AuditFunction.memoryMb=256", "BillingFunction.memoryMb=2048",
                       "BillingFunction.runtime=java21"}
        << QStringList{"the topic partner-order-feed "
                       "(arn:aws:sns:us-east-1:123456789012:partner-order-feed) is not defined"};

    QTest::newRow("EventBridge rules, schedules and streams (SAM)")
        << "sam-eventbridge.yaml" << int(SourceFormat::Sam)
        << QStringList{"client ClickStream producers",
                       "client InventoryBus producers",
                       "client NightlyCleanupRule",
                       "client ReportFunction EveryFiveMinutes",
                       "client ReportFunction WeekdayMornings",
                       "client StockTableStream producers",
                       "client default event bus producers",
                       "datastore StockTable aws-dynamodb-on-demand",
                       "function ClickAnalyticsFunction aws-lambda",
                       "function ReplicateStockFunction aws-lambda",
                       "function ReportFunction aws-lambda",
                       "function UpdateStockFunction aws-lambda",
                       "queue ClickStream aws-sqs",
                       "queue InventoryBus aws-eventbridge",
                       "queue LowStockTopic aws-sns",
                       "queue StockTableStream aws-sqs",
                       "queue default event bus aws-eventbridge"}
        << QStringList{"ClickStream -event-> ClickAnalyticsFunction",
                       "ClickStream producers -api-> ClickStream",
                       "InventoryBus -event-> LowStockTopic",
                       "InventoryBus -event-> UpdateStockFunction",
                       "InventoryBus producers -api-> InventoryBus",
                       "NightlyCleanupRule -api-> ReplicateStockFunction",
                       "ReportFunction EveryFiveMinutes -api-> ReportFunction",
                       "ReportFunction WeekdayMornings -api-> ReportFunction",
                       "StockTableStream -event-> ReplicateStockFunction",
                       "StockTableStream producers -api-> StockTableStream",
                       "UpdateStockFunction ~api~> StockTable",
                       "default event bus -event-> UpdateStockFunction",
                       "default event bus producers -api-> default event bus"}
        << QStringList{"ClickStream.batchSize=500", "StockTableStream.batchSize=100",
                       "ReportFunction.memoryMb=128",
                       "ReportFunction EveryFiveMinutes.rps=0.00333333",
                       "NightlyCleanupRule.rps=1.15741e-05"}
        << QStringList{};

    QTest::newRow("JSON CloudFormation: API, worker, Aurora, Redis, Fargate")
        << "cfn-orders.json" << int(SourceFormat::CloudFormation)
        << QStringList{"client OrdersApi clients",
                       "datastore OrdersDatabase aws-rds",
                       "datastore SessionCache redis",
                       "function FulfilmentWorker aws-lambda",
                       "function OrderApiFunction aws-lambda",
                       "gateway OrdersApi aws-rest-api",
                       "queue FulfilmentQueue aws-sqs",
                       "service CatalogService aws-fargate"}
        << QStringList{"CatalogService ~api~> OrdersDatabase",
                       "FulfilmentQueue -event-> FulfilmentWorker",
                       "FulfilmentWorker ~api~> OrdersDatabase",
                       "OrderApiFunction ~api~> OrdersDatabase",
                       "OrderApiFunction ~api~> SessionCache",
                       "OrderApiFunction ~event~> FulfilmentQueue",
                       "OrdersApi -api-> OrderApiFunction",
                       "OrdersApi clients -api-> OrdersApi"}
        << QStringList{"OrderApiFunction.memoryMb=1024", "OrderApiFunction.arch=x86",
                       // Fn::FindInMap [Sizing, !Ref Environment (staging), Concurrency]
                       "OrderApiFunction.concurrencyLimit=20",
                       // from the AWS::Lambda::Alias
                       "OrderApiFunction.provisionedConcurrency=4", "FulfilmentWorker.memoryMb=512",
                       "FulfilmentWorker.arch=arm", "FulfilmentQueue.batchSize=25",
                       // Cpu "512" units, Memory "2048" MiB, ARM64, Fn::If -> 2 tasks
                       "CatalogService.vcpu=0.5", "CatalogService.memoryGb=2",
                       "CatalogService.arch=arm", "CatalogService.minReplicas=2",
                       "CatalogService.maxReplicas=2"}
        << QStringList{"the policy of OrderApiFunction allows dynamodb:PutItem on every "
                       "resource ('*'): no edge inferred",
                       "the policy of OrderApiFunction allows dynamodb:GetItem on "
                       "arn:aws:dynamodb:us-east-1:123456789012:table/Customers, which is not "
                       "defined in this template",
                       "the policy of FulfilmentWorker allows dynamodb:PutItem",
                       "the policy of FulfilmentWorker allows dynamodb:GetItem"};
}

void TestCloudFormationImport::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);
    QFETCH(QStringList, values);
    QFETCH(QStringList, unresolved);

    const SourceFile source = fixture(file);
    QVERIFY2(!source.text.empty(), qPrintable(fixturePath(file)));
    QCOMPARE(detectFormat(source), std::optional<SourceFormat>(SourceFormat(format)));
    const ImportResult result = importFiles({source});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(int(result.format), format);

    nodes.sort();
    edges.sort();
    QCOMPARE(nodeLines(result), nodes);
    QCOMPARE(edgeLines(result), edges);
    for (const QString &expected : values) {
        const QString left = expected.section('=', 0, 0); // "Node name.key"
        const QString node = left.section('.', 0, -2);
        const QString key = left.section('.', -1);
        QCOMPARE(valueLine(result, node, key), expected);
    }
    const QStringList listed = reviewMessages(result, ReviewKind::Unresolved);
    QCOMPARE(missingFragments(listed, unresolved), QStringList());
    QCOMPARE(listed.size(), unresolved.size());
    QCOMPARE(result.summary.unresolved, int(unresolved.size()));
    QCOMPARE(result.summary.inferredEdges, int(edges.filter("~").size()));
}

void TestCloudFormationImport::shortTagsReadAsLongForms()
{
    // Two functions, one written with short tags, one with the long forms: the same result.
    const ImportResult result = importFiles({fixture("cfn-short-tags.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Candidate &candidate = candidateOf(result);
    const Node *shortTagged = nullptr;
    const Node *longFormed = nullptr;
    for (const Node &node : candidate.nodes) {
        if (node.name == "ShortTagged")
            shortTagged = &node;
        if (node.name == "LongFormed")
            longFormed = &node;
    }
    QVERIFY(shortTagged && longFormed);
    QCOMPARE(shortTagged->params, longFormed->params);
    // !FindInMap [Memory, !Ref Env, Api] with Env's Default dev; !If [IsProd ...] false
    QCOMPARE(valueLine(result, "ShortTagged", "memoryMb"), QString("ShortTagged.memoryMb=256"));
    QCOMPARE(valueLine(result, "ShortTagged", "runtime"),
             QString("ShortTagged.runtime=python3.12"));
    QCOMPARE(edgeLines(result),
             (QStringList{"LongFormed ~api~> Ledger", "LongFormed ~event~> Jobs",
                          "LongFormed ~event~> Results", "ShortTagged ~api~> Ledger",
                          "ShortTagged ~event~> Jobs", "ShortTagged ~event~> Results"}));
    const QStringList unresolved = reviewMessages(result, ReviewKind::Unresolved);
    QCOMPARE(unresolved.size(), 4);
    for (const QString &function : {QString("ShortTagged"), QString("LongFormed")}) {
        QCOMPARE(missingFragments(unresolved,
                                  {"SHARED of " + function +
                                       ": the export 'shared-vpc-id' of another stack cannot be "
                                       "resolved offline",
                                   "ZONE of " + function + ": Fn::GetAZs cannot be evaluated"}),
                 QStringList());
    }
}

void TestCloudFormationImport::shortTagsAreRewrittenInPlace()
{
    YAML::Node document = YAML::Load("A: !Ref X\n"
                                     "B: !GetAtt Queue.Arn\n"
                                     "C: !Sub ['${a}', {a: !Ref Y}]\n"
                                     "D: [!Join ['-', [a, !Ref Z]], !Condition IsProd]\n");
    cloudformation::expandShortTags(document);
    QCOMPARE(QString::fromStdString(document["A"]["Ref"].Scalar()), QString("X"));
    QCOMPARE(QString::fromStdString(document["B"]["Fn::GetAtt"].Scalar()), QString("Queue.Arn"));
    QCOMPARE(QString::fromStdString(document["C"]["Fn::Sub"][0].Scalar()), QString("${a}"));
    QCOMPARE(QString::fromStdString(document["C"]["Fn::Sub"][1]["a"]["Ref"].Scalar()),
             QString("Y"));
    QCOMPARE(QString::fromStdString(document["D"][0]["Fn::Join"][1][1]["Ref"].Scalar()),
             QString("Z"));
    QCOMPARE(QString::fromStdString(document["D"][1]["Condition"].Scalar()), QString("IsProd"));
    QCOMPARE(QString::fromStdString(document["A"]["Ref"].Tag()), QString()); // tag dropped
    // The argument keeps its place in the file (line 2, column 4).
    QCOMPARE(document["B"]["Fn::GetAtt"].Mark().line, 1);
    QCOMPARE(document["B"]["Fn::GetAtt"].Mark().column, 3);
}

void TestCloudFormationImport::parametersWithAndWithoutDefault()
{
    const ImportResult result = importText(R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Memory: {Type: Number, Default: 2048}
  Limit: {Type: Number}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      MemorySize: !Ref Memory
      ReservedConcurrentExecutions: !Ref Limit
)");
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(valueLine(result, "Fn", "memoryMb"), QString("Fn.memoryMb=2048"));
    // Without a Default the value is unresolved and Skyline's default stays (not guessed).
    QCOMPARE(valueLine(result, "Fn", "concurrencyLimit"), QString("Fn.concurrencyLimit=1000"));
    QCOMPARE(reviewMessages(result, ReviewKind::Unresolved),
             QStringList{"ReservedConcurrentExecutions of Fn: parameter Limit has no Default"});
    QCOMPARE(result.review.back().where.line, 11);
}

void TestCloudFormationImport::referenceOutsideTheTemplateIsUnresolved()
{
    const ImportResult result = importText(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      MemorySize: 256
      Policies:
        - DynamoDBCrudPolicy: {TableName: orders}
      Environment:
        Variables:
          QUEUE: !Ref MissingQueue
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt JobsQueue.Arn
)");
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    // Nothing is guessed: no queue or table node, no edge; three lines say why.
    QCOMPARE(nodeLines(result), QStringList{"function Worker aws-lambda"});
    QCOMPARE(edgeLines(result), QStringList());
    QCOMPARE(reviewMessages(result, ReviewKind::Unresolved),
             (QStringList{"DynamoDBCrudPolicy of Worker names orders, which is not defined in "
                          "this template",
                          "the environment variable QUEUE of Worker: MissingQueue is neither a "
                          "parameter nor a resource of this template",
                          "the SQS event Jobs of Worker: JobsQueue is not a resource of this "
                          "template"})); // in the order of their places in the file
}

void TestCloudFormationImport::conditionalResources()
{
    const ImportResult result = importText(R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: {Type: String, Default: dev}
  Region2: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Replicated: !Equals [!Ref Region2, eu-west-1]
Resources:
  Orders: {Type: AWS::SQS::Queue}
  ProdAudit:
    Type: AWS::SQS::Queue
    Condition: IsProd
  DevTrace:
    Type: AWS::SNS::Topic
    Condition: IsDev
  Replica:
    Type: AWS::DynamoDB::Table
    Condition: Replicated
    Properties: {BillingMode: PAY_PER_REQUEST}
)");
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(nodeLines(result), (QStringList{"datastore Replica aws-dynamodb-on-demand",
                                             "queue DevTrace aws-sns", "queue Orders aws-sqs"}));
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::Ignored),
                              {"the resource ProdAudit is not created: its condition IsProd is "
                               "false with the parameters' defaults"}),
             QStringList());
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::Unresolved),
                              {"Replica: parameter Region2 has no Default",
                               "Replica: it exists only when the condition Replicated holds, "
                               "which cannot be decided offline: imported"}),
             QStringList());
}

void TestCloudFormationImport::cyclicReferencesEnd()
{
    const ImportResult result = importFiles({fixture("cfn-cycle.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const QStringList unresolved = reviewMessages(result, ReviewKind::Unresolved);
    QCOMPARE(missingFragments(unresolved,
                              {"the name of QueueA: cyclic reference: QueueA -> QueueB -> QueueA",
                               "the name of QueueB: cyclic reference: QueueB -> QueueA -> QueueB",
                               "Runtime of Consumer: cyclic reference: condition Loop -> "
                               "condition Loop"}),
             QStringList());
    // The runtime behind the cyclic condition is not guessed.
    QCOMPARE(valueLine(result, "Consumer", "runtime"), QString("Consumer.runtime=nodejs20"));
    QCOMPARE(edgeLines(result), QStringList{"Consumer ~event~> QueueA"});
}

void TestCloudFormationImport::scheduleRates_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<double>("perSecond"); // < 0: unreadable
    QTest::addColumn<QString>("problem");
    QTest::newRow("rate minutes") << "rate(5 minutes)" << 1.0 / 300.0 << "";
    QTest::newRow("rate one hour") << "rate(1 hour)" << 1.0 / 3600.0 << "";
    QTest::newRow("rate days") << "rate(2 days)" << 1.0 / 172800.0 << "";
    QTest::newRow("cron daily noon") << "cron(0 12 * * ? *)" << 1.0 / 86400.0 << "";
    QTest::newRow("cron office quarter hours")
        << "cron(0/15 8-17 ? * MON-FRI *)" << 4.0 * 10.0 * 5.0 / 7.0 / 86400.0 << "";
    QTest::newRow("cron monthly") << "cron(0 9 1 * ? *)" << 12.0 / 365.25 / 86400.0 << "";
    QTest::newRow("cron two months")
        << "cron(0 0 ? JAN,JUL MON *)" << 1.0 / 7.0 * 2.0 / 12.0 / 86400.0 << "";
    QTest::newRow("unknown unit") << "rate(5 fortnights)" << -1.0 << "unknown unit 'fortnight'";
    QTest::newRow("five cron fields") << "cron(0 12 * * ?)" << -1.0 << "six fields";
    QTest::newRow("last day") << "cron(0 12 L * ? *)" << -1.0 << "L, W and # are not counted";
    QTest::newRow("one time") << "at(2026-12-24T18:00:00)" << -1.0 << "runs once";
    QTest::newRow("no expression") << "every day" << -1.0 << "neither rate(...) nor cron(...)";
}

void TestCloudFormationImport::scheduleRates()
{
    QFETCH(QString, expression);
    QFETCH(double, perSecond);
    QFETCH(QString, problem);
    std::string why;
    const auto rate = cloudformation::scheduleRatePerSecond(expression.toStdString(), why);
    if (perSecond < 0) {
        QVERIFY(!rate);
        QVERIFY2(QString::fromStdString(why).contains(problem), why.c_str());
        QVERIFY2(QString::fromStdString(why).contains(expression), why.c_str());
    } else {
        QVERIFY2(rate, why.c_str());
        QVERIFY2(std::abs(*rate - perSecond) < 1e-12, qPrintable(QString::number(*rate)));
    }
}

void TestCloudFormationImport::schedulesBecomeConstantWorkloads()
{
    const ImportResult result = importFiles({fixture("sam-eventbridge.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    int schedules = 0;
    for (const Node &node : candidateOf(result).nodes) {
        if (node.kind != NodeKind::Client || node.name.find("producers") != std::string::npos)
            continue;
        const Workload *workload = result.project->findWorkload(node.workload);
        QVERIFY(workload);
        QCOMPARE(workload->shape, WorkloadShape::Constant);
        ++schedules;
    }
    QCOMPARE(schedules, 3);
    // Each schedule's line points at its client, so the review list can select it.
    for (const ReviewItem &item : result.review)
        if (item.kind == ReviewKind::AssumedValue && item.key == "rps")
            QCOMPARE(candidateOf(result).findNode(item.nodeId)->kind, NodeKind::Client);
    const QStringList assumed = reviewMessages(result, ReviewKind::AssumedValue);
    QCOMPARE(missingFragments(assumed,
                              {"the schedule rate(5 minutes) of ReportFunction becomes a constant "
                               "workload of 0.00333333 req/s (288 invocations a day)",
                               "the schedule cron(0 9 ? * MON-FRI *) of ReportFunction becomes a "
                               "constant workload of 8.2672e-06 req/s (0.714286 invocations a day)",
                               "the schedule cron(30 2 * * ? *) of ReplicateStockFunction"}),
             QStringList());
}

void TestCloudFormationImport::gatewaysAndSourceQueuesGetClients()
{
    const ImportResult result = importFiles({fixture("sam-sns-fanout.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(reviewMessages(result, ReviewKind::DefaultWorkload),
             (QStringList{"OrdersApi clients calls OrdersApi with an assumed constant 10 req/s "
                          "(the source gives no traffic): set the real workload",
                          "partner-order-feed producers calls partner-order-feed with an assumed "
                          "constant 10 req/s (the source gives no traffic): set the real "
                          "workload"}));
}

void TestCloudFormationImport::gatewayTrafficIsSharedByItsRoutes()
{
    // Each request through an API reaches one function, not all of them.
    const ImportResult result = importFiles({fixture("sam-api-dynamodb.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Candidate &candidate = candidateOf(result);
    QStringList shares;
    for (const Edge &edge : candidate.edges)
        if (candidate.findNode(edge.from)->kind == NodeKind::Gateway)
            shares << nameOf(candidate, edge.to) + '=' + QString::number(edge.perRequest);
    shares.sort();
    QCOMPARE(shares,
             (QStringList{"CreateTodoFunction=0.5", "HealthFunction=1", "ListTodosFunction=0.5"}));
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::AssumedValue),
                              {"ServerlessRestApi → ListTodosFunction: 0.5 per request assumed "
                               "(ServerlessRestApi forwards each request to one of the 2 "
                               "functions behind it; the file does not say how traffic splits, "
                               "so an even share)"}),
             QStringList());
}

void TestCloudFormationImport::nearestProductsAreListed()
{
    const ImportResult result = importFiles({fixture("sam-eventbridge.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(
        missingFragments(reviewMessages(result, ReviewKind::AssumedValue),
                         {"ClickStream: product assumed \"aws-sqs\" (the Kinesis stream "
                          "ClickStream has no Skyline product",
                          "StockTableStream: product assumed \"aws-sqs\" (the DynamoDB stream "
                          "of StockTable has no Skyline product",
                          "StockTable: product assumed \"aws-dynamodb-on-demand\" (the table "
                          "StockTable has BillingMode PROVISIONED",
                          "UpdateStockFunction: memoryMb assumed 128 MB (the template gives no "
                          "MemorySize for UpdateStockFunction: Lambda's default, 128 MB)"}),
        QStringList());
}

void TestCloudFormationImport::otherResourcesAreIgnoredOneByOne()
{
    const ImportResult result = importFiles({fixture("sam-eventbridge.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QStringList ignored = reviewMessages(result, ReviewKind::Ignored);
    ignored.sort();
    QCOMPARE(ignored,
             (QStringList{"EventBridgePutEventsPolicy of UpdateStockFunction names InventoryBus, "
                          "but InventoryBus already leads to UpdateStockFunction: no edge "
                          "inferred (it would close a cycle)",
                          "the S3 event Uploads of ReportFunction is not modelled by Skyline (no "
                          "node stands for its source)",
                          "the resource ReportBucket (AWS::S3::Bucket) is not modelled by "
                          "Skyline"}));
}

void TestCloudFormationImport::wrongShapesAreListedNotThrown()
{
    const ImportResult result = importFiles({fixture("sam-wrong-shapes.yaml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const QStringList unresolved = reviewMessages(result, ReviewKind::Unresolved);
    QCOMPARE(missingFragments(
                 unresolved, {"MemorySize of A: a list or map where one value belongs: Skyline's "
                              "default is kept",
                              "the SQS event a of E: its source '17' is neither an ARN nor a "
                              "resource of this template",
                              "the Api event c of E: A is not an API",
                              "the event f of E has no Type", "a subscription of H has no Protocol",
                              "DynamoDBCrudPolicy of E gives no TableName"}),
             QStringList());
    for (const ReviewItem &item : result.review)
        if (item.kind == ReviewKind::Unresolved && item.message.find("MemorySize of A") == 0)
            QCOMPARE(item.where.line, 11);
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::AssumedValue),
                              {"F: the source gives hosting = \"BOAT\", which was refused"}),
             QStringList());
}

void TestCloudFormationImport::largeTemplate()
{
    // About 10,000 lines: 400 functions in a ring (each drains its queue and may send to the
    // next one), each with a table; the ring's last inference would close a cycle.
    const int functions = 400;
    std::string text = "AWSTemplateFormatVersion: '2010-09-09'\n"
                       "Transform: AWS::Serverless-2016-10-31\n"
                       "Globals: {Function: {Runtime: python3.12, MemorySize: 512}}\n"
                       "Resources:\n";
    for (int i = 0; i < functions; ++i) {
        const std::string n = std::to_string(i);
        const std::string next = std::to_string((i + 1) % functions);
        text += "  Queue" + n +
                ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                "      QueueName: !Sub 'q" +
                n +
                "-${AWS::StackName}'\n"
                "  Table" +
                n +
                ":\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                "      BillingMode: PAY_PER_REQUEST\n"
                "  Fn" +
                n +
                ":\n    Type: AWS::Serverless::Function\n    Properties:\n"
                "      Handler: app.handler\n      Policies:\n"
                "        - DynamoDBCrudPolicy:\n            TableName: !Ref Table" +
                n +
                "\n"
                "        - SQSSendMessagePolicy:\n"
                "            QueueName: !GetAtt Queue" +
                next +
                ".QueueName\n"
                "      Environment:\n        Variables:\n"
                "          TABLE: !Ref Table" +
                n + "\n          NEXT: !Ref Queue" + next +
                "\n"
                "      Events:\n        In:\n          Type: SQS\n          Properties:\n"
                "            Queue: !GetAtt Queue" +
                n +
                ".Arn\n            BatchSize: 10\n"
                "        Api:\n          Type: Api\n          Properties:\n"
                "            Path: /f" +
                n + "\n            Method: get\n";
    }
    QVERIFY(std::count(text.begin(), text.end(), '\n') > 10000);
    const ImportResult result = importText(text);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    // + the REST API, its clients, and producers for Queue0 (fed by nothing once the ring is cut)
    QCOMPARE(result.summary.nodes, 3 * functions + 3);
    QCOMPARE(result.summary.inferredEdges, 2 * functions - 1);
    QCOMPARE(result.summary.edges, 4 * functions + 1);
    QCOMPARE(reviewMessages(result, ReviewKind::Ignored),
             (QStringList{"SQSSendMessagePolicy of Fn399 names Queue0, but Queue0 already leads "
                          "to Fn399: no edge inferred (it would close a cycle)",
                          "the environment variable NEXT of Fn399 refers to Queue0, but Queue0 "
                          "already leads to Fn399: no edge inferred (it would close a cycle)"}));
}

void TestCloudFormationImport::aliasesThatRepeatOrContainThemselves_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("unresolved");
    // Nine levels of aliases, each repeating the one before ten times (a "billion laughs").
    QString laughs = "Xa: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char c = 'b'; c <= 'i'; ++c)
        laughs += QString("X%1: &%1 [*%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2]\n")
                      .arg(QChar(c), QChar(c - 1));
    const QString function = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                             "    Properties:\n      Runtime: python3.12\n";
    QTest::newRow("SAM: billion laughs in an environment variable")
        << "Transform: AWS::Serverless-2016-10-31\n" + laughs + function +
               "      Environment: {Variables: {BIG: *i}}\n"
        << "the environment variable BIG of Fn: the value is too large or too deeply nested to "
           "evaluate (an alias that repeats or contains itself?)";
    QTest::newRow("SAM: a list that contains itself")
        << "Transform: AWS::Serverless-2016-10-31\n" + function +
               "      Environment: {Variables: {LOOP: &l [*l]}}\n      Tags: &t {self: *t}\n"
        << "the environment variable LOOP of Fn: the value is too large or too deeply nested";
    QString custom;
    for (const QString &line : laughs.split('\n', Qt::SkipEmptyParts))
        custom += "  " + line.mid(1) + "\n";
    QTest::newRow("Serverless: billion laughs behind a variable")
        << "service: s\ncustom:\n" + custom +
               "provider: {name: aws, runtime: nodejs20.x}\nfunctions:\n  fn:\n"
               "    handler: h.h\n    environment: {BIG: '${self:custom.i}'}\n"
               "    tags: &t {self: *t}\n"
        << "the environment variable BIG of fn: the value is too large or too deeply nested";
}

void TestCloudFormationImport::aliasesThatRepeatOrContainThemselves()
{
    QFETCH(QString, text);
    QFETCH(QString, unresolved);
    const ImportResult result = importText(text.toStdString());
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.summary.nodes, 1);
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::Unresolved), {unresolved}),
             QStringList());
}

void TestCloudFormationImport::detection_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("SAM") << "sam-api-dynamodb.yaml" << int(SourceFormat::Sam);
    QTest::newRow("SAM with two transforms") << "sam-eventbridge.yaml" << int(SourceFormat::Sam);
    QTest::newRow("CloudFormation JSON") << "cfn-orders.json" << int(SourceFormat::CloudFormation);
    QTest::newRow("CloudFormation YAML")
        << "cfn-short-tags.yaml" << int(SourceFormat::CloudFormation);
    QTest::newRow("Serverless") << "serverless-orders.yml" << int(SourceFormat::Serverless);
    QTest::newRow("GitHub workflow") << "github-workflow.yaml" << -1;
}

void TestCloudFormationImport::detection()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    const auto detected = detectFormat(fixture(file));
    QCOMPARE(detected ? int(*detected) : -1, format);
}

void TestCloudFormationImport::otherYamlIsRefused()
{
    for (const SourceFormat format : {SourceFormat::Sam, SourceFormat::CloudFormation}) {
        const ImportResult result = importFiles({fixture("github-workflow.yaml")}, format);
        QVERIFY(!result.ok());
        QVERIFY(!result.project);
        QCOMPARE(joined(result.errors),
                 QString("github-workflow.yaml: not a CloudFormation template (no "
                         "AWSTemplateFormatVersion and no Resources with AWS:: types)"));
    }
}

QTEST_GUILESS_MAIN(TestCloudFormationImport)
#include "tst_cloudformationimport.moc"
