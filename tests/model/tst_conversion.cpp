// Converting a function into a service and back (model/domain/Conversion): which parameters
// carry over and how, one row per rule.
#include "domain/Conversion.h"
#include "domain/ParamSchema.h"

#include <QtTest>

using namespace skyline;

class TestConversion : public QObject
{
    Q_OBJECT
private slots:
    void functionToService_data();
    void functionToService();
    void serviceToFunction();
    void onlyFunctionsAndServicesConvert();
};

void TestConversion::functionToService_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("concurrencyLimit");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("maxReplicas");
    // vCPU: memory / 1,769 MB, in quarter vCPUs, at least a quarter.
    QTest::newRow("1,769 MB is one vCPU") << 1769.0 << 80.0 << 1.0 << 1769.0 / 1024 << 10.0;
    QTest::newRow("3,538 MB is two vCPU") << 3538.0 << 81.0 << 2.0 << 3538.0 / 1024 << 11.0;
    QTest::newRow("128 MB is a quarter vCPU, half a GB") << 128.0 << 8.0 << 0.25 << 0.5 << 1.0;
    QTest::newRow("1,024 MB rounds to half a vCPU") << 1024.0 << 1000.0 << 0.5 << 1.0 << 125.0;
}

void TestConversion::functionToService()
{
    QFETCH(double, memoryMb);
    QFETCH(double, concurrencyLimit);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, maxReplicas);
    Node f = makeDefaultNode(NodeKind::Function, "n3", "Resize", {40, 60});
    f.context = "x1";
    f.params["memoryMb"] = memoryMb;
    f.params["concurrencyLimit"] = concurrencyLimit;
    f.params["durationMs"] = 1500.0;
    const Node s = convertedNode(f);
    QCOMPARE(s.kind, NodeKind::Service);
    QCOMPARE(s.id, f.id);
    QCOMPARE(s.context, f.context);
    QCOMPARE(s.number("vcpu"), vcpu);
    QCOMPARE(s.number("memoryGb"), memoryGb);
    QCOMPARE(s.number("serviceTimeMs"), 1500.0);
    // Replicas enough for the function's concurrency at the service's workers per replica.
    QCOMPARE(s.number("concurrencyPerReplica"), 8.0);
    QCOMPARE(s.number("maxReplicas"), maxReplicas);
    QVERIFY(s.number("minReplicas") <= s.number("maxReplicas"));
}

void TestConversion::serviceToFunction()
{
    Node s = makeDefaultNode(NodeKind::Service, "n4", "Catalog", {});
    s.params["memoryGb"] = 2.0;
    s.params["maxReplicas"] = 20.0;
    s.params["concurrencyPerReplica"] = 8.0;
    s.params["serviceTimeMs"] = 45.0;
    const Node f = convertedNode(s);
    QCOMPARE(f.kind, NodeKind::Function);
    QCOMPARE(f.number("memoryMb"), 2048.0);
    QCOMPARE(f.number("concurrencyLimit"), 160.0);
    QCOMPARE(f.number("durationMs"), 45.0);
}

void TestConversion::onlyFunctionsAndServicesConvert()
{
    QVERIFY(canConvert(NodeKind::Function));
    QVERIFY(canConvert(NodeKind::Service));
    QVERIFY(!canConvert(NodeKind::Gateway));
    QVERIFY(!canConvert(NodeKind::Queue));
}

QTEST_GUILESS_MAIN(TestConversion)
#include "tst_conversion.moc"
