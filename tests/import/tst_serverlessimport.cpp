// Serverless Framework import (ServerlessReader.cpp): functions with the provider's defaults,
// their events as gateways, queues, topics, buses and schedules, `resources` read through the
// CloudFormation mapping, and `${...}` variables resolved within the file or listed, never
// guessed; plugins listed; other providers refused.

#include "import/Import.h"
#include "support/ImportExpectations.h"

#include <QtTest>

using namespace skyline;
using namespace skyline::importing;
using namespace skyline::importing::testing;

namespace {

ImportResult importText(const std::string &text)
{
    return importFiles({SourceFile{"serverless.yml", text}}, SourceFormat::Serverless);
}

} // namespace

class TestServerlessImport : public QObject
{
    Q_OBJECT
private slots:
    void fixtures_data();
    void fixtures();
    void variables_data();
    void variables();
    void cyclicVariablesEnd();
    void pluginsAreListed();
    void resourcesUseTheCloudFormationMapping();
    void otherProvidersAreRefused();
};

void TestServerlessImport::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("unresolved");

    QTest::newRow("orders: variables, plugins, every event type, resources")
        << "serverless-orders.yml"
        << QStringList{"client ApiGatewayRestApi clients", "client HttpApi clients",
                       "client OrdersTableStream producers", "client nightlyReport schedule",
                       "client nightlyReport schedule 2", "client order-shipped producers",
                       "client orders-bus producers",
                       "datastore OrdersTable aws-dynamodb-on-demand",
                       "function createOrder aws-lambda", "function getOrderStatus aws-lambda",
                       "function nightlyReport aws-lambda", "function notifyCustomer aws-lambda",
                       "function shipOrder aws-lambda", "gateway ApiGatewayRestApi aws-rest-api",
                       "gateway HttpApi aws-http-api", "queue OrdersTableStream aws-sqs",
                       "queue ShipmentsQueue aws-sqs", "queue order-shipped aws-sns",
                       "queue orders-bus aws-eventbridge"}
        << QStringList{"ApiGatewayRestApi -api-> createOrder",
                       "ApiGatewayRestApi clients -api-> ApiGatewayRestApi",
                       "HttpApi -api-> getOrderStatus", "HttpApi clients -api-> HttpApi",
                       "OrdersTableStream -event-> notifyCustomer",
                       "OrdersTableStream producers -api-> OrdersTableStream",
                       "ShipmentsQueue -event-> shipOrder",
                       "createOrder ~api~> OrdersTable", "createOrder ~event~> ShipmentsQueue",
                       "getOrderStatus ~api~> OrdersTable",
                       "getOrderStatus ~event~> ShipmentsQueue",
                       "nightlyReport schedule -api-> nightlyReport",
                       "nightlyReport schedule 2 -api-> nightlyReport",
                       "nightlyReport ~api~> OrdersTable", "nightlyReport ~event~> ShipmentsQueue",
                       "notifyCustomer ~api~> OrdersTable",
                       "notifyCustomer ~event~> ShipmentsQueue",
                       "order-shipped -event-> notifyCustomer",
                       "order-shipped producers -api-> order-shipped",
                       "orders-bus -event-> nightlyReport",
                       "orders-bus producers -api-> orders-bus",
                       "shipOrder ~api~> OrdersTable"}
        << QStringList{// ${self:custom.memory.${self:custom.stage}} with stage 'dev'
                       "getOrderStatus.memoryMb=512",
                       // the function's own values over the provider's
                       "createOrder.memoryMb=1024", "createOrder.provisionedConcurrency=3",
                       "createOrder.concurrencyLimit=100", "createOrder.arch=arm",
                       "shipOrder.arch=x86", "notifyCustomer.runtime=python3.12",
                       "createOrder.runtime=nodejs20.x", "ShipmentsQueue.batchSize=10",
                       "OrdersTableStream.batchSize=50",
                       "nightlyReport schedule.rps=1.15741e-05",
                       "nightlyReport schedule 2.rps=0.000330688"}
        << QStringList{"the variable ${opt:stage, 'dev'} cannot be resolved offline; its "
                       "default 'dev' is used",
                       "the variable ${ssm:/orders/alerts-topic-arn} cannot be resolved offline",
                       "the variable ${file(./warmup.yml):config} cannot be resolved offline",
                       "the variable ${env:PAYMENT_API_KEY} cannot be resolved offline",
                       "the plugin serverless-offline is not run",
                       "the plugin serverless-iam-roles-per-function is not run",
                       "the sns event of notifyCustomer: its source "
                       "${ssm:/orders/alerts-topic-arn} cannot be resolved offline"};

    QTest::newRow("minimal: provider defaults, one HTTP API")
        << "serverless-minimal.yml"
        << QStringList{"client HttpApi clients", "function goodbye aws-lambda",
                       "function hello aws-lambda", "gateway HttpApi aws-http-api"}
        << QStringList{"HttpApi -api-> goodbye", "HttpApi -api-> hello",
                       "HttpApi clients -api-> HttpApi"}
        << QStringList{"hello.memoryMb=1024", "hello.runtime=python3.12", "hello.arch=x86"}
        << QStringList{};
}

void TestServerlessImport::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);
    QFETCH(QStringList, values);
    QFETCH(QStringList, unresolved);

    const SourceFile source = fixture(file);
    QVERIFY2(!source.text.empty(), qPrintable(fixturePath(file)));
    QCOMPARE(detectFormat(source), std::optional<SourceFormat>(SourceFormat::Serverless));
    const ImportResult result = importFiles({source});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));

    nodes.sort();
    edges.sort();
    QCOMPARE(nodeLines(result), nodes);
    QCOMPARE(edgeLines(result), edges);
    for (const QString &expected : values) {
        const QString left = expected.section('=', 0, 0);
        QCOMPARE(valueLine(result, left.section('.', 0, -2), left.section('.', -1)), expected);
    }
    const QStringList listed = reviewMessages(result, ReviewKind::Unresolved);
    QCOMPARE(missingFragments(listed, unresolved), QStringList());
    QCOMPARE(listed.size(), unresolved.size());
    QCOMPARE(result.summary.inferredEdges, int(edges.filter("~").size()));
    // The service is one bounded context holding everything but the clients.
    const Candidate &candidate = candidateOf(result);
    QCOMPARE(candidate.contexts.size(), size_t(1));
    for (const Node &node : candidate.nodes)
        QCOMPARE(node.context.empty(), node.kind == NodeKind::Client);
}

void TestServerlessImport::variables_data()
{
    QTest::addColumn<QString>("memorySize");
    QTest::addColumn<QString>("memoryMb");   // what the function gets
    QTest::addColumn<QString>("unresolved"); // empty: nothing listed
    QTest::newRow("self") << "${self:custom.memory}"
                          << "256"
                          << "";
    QTest::newRow("nested self") << "${self:custom.sizes.${self:custom.stage}}"
                                 << "3008"
                                 << "";
    QTest::newRow("option with default")
        << "${opt:memory, 2048}"
        << "2048"
        << "the variable ${opt:memory, 2048} cannot be resolved offline; its default '2048' is "
           "used";
    QTest::newRow("ssm with quoted default")
        << "${ssm:/app/memory, '768'}"
        << "768"
        << "the variable ${ssm:/app/memory, '768'} cannot be resolved offline; its default '768' "
           "is used";
    QTest::newRow("default from the file")
        << "${env:MEMORY, self:custom.memory}"
        << "256"
        << "the variable ${env:MEMORY, self:custom.memory} cannot be resolved offline; its "
           "default '256' is used";
    QTest::newRow("environment without default")
        << "${env:MEMORY}"
        << "512"
        << "the variable ${env:MEMORY} cannot be resolved offline (env is read at deploy time)";
    QTest::newRow("cloudformation output")
        << "${cf:infra.Memory}"
        << "512"
        << "the variable ${cf:infra.Memory} cannot be resolved offline (cf is read at deploy "
           "time)";
    QTest::newRow("missing self")
        << "${self:custom.nothing}"
        << "512"
        << "the variable ${self:custom.nothing} names nothing in the file";
}

void TestServerlessImport::variables()
{
    QFETCH(QString, memorySize);
    QFETCH(QString, memoryMb);
    QFETCH(QString, unresolved);
    const std::string text = "service: vars\n"
                             "custom:\n"
                             "  stage: prod\n"
                             "  memory: 256\n"
                             "  sizes: {dev: 128, prod: 3008}\n"
                             "provider:\n"
                             "  name: aws\n"
                             "  runtime: python3.12\n"
                             "functions:\n"
                             "  fn:\n"
                             "    handler: h.h\n"
                             "    memorySize: " +
                             memorySize.toStdString() + "\n";
    const ImportResult result = importText(text);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(valueLine(result, "fn", "memoryMb"), "fn.memoryMb=" + memoryMb);
    const QStringList listed = reviewMessages(result, ReviewKind::Unresolved);
    if (unresolved.isEmpty()) {
        QCOMPARE(listed, QStringList());
    } else {
        QCOMPARE(listed.value(0), unresolved);
        // A value that stays unresolved is also said at its parameter: the default is kept.
        if (memoryMb == "512")
            QCOMPARE(listed.value(1), "memoryMb of fn is " + memorySize +
                                          ", which cannot be resolved offline: Skyline's "
                                          "default is kept");
        for (const ReviewItem &item : result.review)
            if (item.kind == ReviewKind::Unresolved)
                QCOMPARE(item.where.line, 12); // the memorySize line
    }
}

void TestServerlessImport::cyclicVariablesEnd()
{
    const ImportResult result = importFiles({fixture("serverless-cycle.yml")});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(missingFragments(reviewMessages(result, ReviewKind::Unresolved),
                              {"cyclic reference: ${self:custom.b} -> ${self:custom.a} -> "
                               "${self:custom.b}",
                               "the variable ${self:custom.missing} names nothing in the file",
                               "runtime of worker is ${self:custom.a}, which cannot be resolved "
                               "offline: Skyline's default is kept"}),
             QStringList());
    QCOMPARE(valueLine(result, "worker", "runtime"), QString("worker.runtime=nodejs20"));
}

void TestServerlessImport::pluginsAreListed()
{
    const ImportResult result = importText(R"(service: p
plugins:
  modules:
    - serverless-step-functions
    - ./local-plugin
provider: {name: aws, runtime: nodejs20.x, memorySize: 256}
functions:
  fn: {handler: h.h}
)");
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(reviewMessages(result, ReviewKind::Unresolved),
             (QStringList{"the plugin serverless-step-functions is not run: whatever it adds to "
                          "the service is not imported",
                          "the plugin ./local-plugin is not run: whatever it adds to the service "
                          "is not imported"}));
}

void TestServerlessImport::resourcesUseTheCloudFormationMapping()
{
    // `resources` may reference a function by the logical id the Framework gives its Lambda
    // (hello-world -> HelloDashworldLambdaFunction), in short tags or long forms.
    const ImportResult result = importText(R"(service: fanout
provider: {name: aws, runtime: nodejs20.x, memorySize: 256}
functions:
  hello-world: {handler: h.h}
  audit: {handler: a.h}
resources:
  Resources:
    Alerts:
      Type: AWS::SNS::Topic
      Properties:
        Subscription:
          - Protocol: lambda
            Endpoint: !GetAtt HelloDashworldLambdaFunction.Arn
    AuditRule:
      Type: AWS::Events::Rule
      Properties:
        ScheduleExpression: rate(10 minutes)
        Targets:
          - Id: audit
            Arn: {"Fn::GetAtt": [AuditLambdaFunction, Arn]}
    Sessions:
      Type: AWS::ElastiCache::ReplicationGroup
      Properties: {Engine: redis}
)");
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(nodeLines(result),
             (QStringList{"client Alerts producers", "client AuditRule", "datastore Sessions redis",
                          "function audit aws-lambda", "function hello-world aws-lambda",
                          "queue Alerts aws-sns"}));
    QCOMPARE(edgeLines(result),
             (QStringList{"Alerts -event-> hello-world", "Alerts producers -api-> Alerts",
                          "AuditRule -api-> audit"}));
    QCOMPARE(valueLine(result, "AuditRule", "rps"), QString("AuditRule.rps=0.00166667"));
}

void TestServerlessImport::otherProvidersAreRefused()
{
    const ImportResult result = importFiles({fixture("serverless-google.yml")});
    QVERIFY(!result.ok());
    QVERIFY(!result.project);
    QCOMPARE(joined(result.errors),
             QString("serverless-google.yml:3:3: provider.name is 'google': Skyline imports "
                     "Serverless Framework services on AWS only"));
}

QTEST_GUILESS_MAIN(TestServerlessImport)
#include "tst_serverlessimport.moc"
