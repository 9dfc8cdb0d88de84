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
    void functionToServiceTakesTheRunTimeAtItsMemory();
    void serviceToFunction();
    void onlyFunctionsAndServicesConvert();
};

void TestConversion::functionToService_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("cpuBoundShare");
    QTest::addColumn<double>("concurrencyLimit");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("workers");
    QTest::addColumn<double>("maxReplicas");
    // vCPU: memory / 1,769 MB, in quarter vCPUs, at least a quarter. Workers per replica:
    // what those vCPUs run when each worker spends cpuBoundShare of its time on the CPU.
    QTest::newRow("CPU-bound, 2,240 MB: 1.25 vCPU run one worker (issue 10.4)")
        << 2240.0 << 1.0 << 100.0 << 1.25 << 1.0 << 100.0;
    QTest::newRow("1,769 MB at the default quarter share: one vCPU, four workers")
        << 1769.0 << 0.25 << 80.0 << 1.0 << 4.0 << 20.0;
    QTest::newRow("3,538 MB, half CPU work: two vCPU, four workers")
        << 3538.0 << 0.5 << 81.0 << 2.0 << 4.0 << 21.0;
    QTest::newRow("128 MB: a quarter vCPU, one worker") << 128.0 << 0.25 << 8.0 << 0.25 << 1.0
                                                        << 8.0;
    QTest::newRow("no CPU work: the service's default workers")
        << 1024.0 << 0.0 << 1000.0 << 0.5 << 8.0 << 125.0;
}

void TestConversion::functionToService()
{
    QFETCH(double, memoryMb);
    QFETCH(double, cpuBoundShare);
    QFETCH(double, concurrencyLimit);
    QFETCH(double, vcpu);
    QFETCH(double, workers);
    QFETCH(double, maxReplicas);
    Node f = makeDefaultNode(NodeKind::Function, "n3", "Resize", {40, 60});
    f.context = "x1";
    f.params["memoryMb"] = memoryMb;
    f.params["cpuBoundShare"] = cpuBoundShare;
    f.params["concurrencyLimit"] = concurrencyLimit;
    f.params["durationMs"] = 1500.0;
    f.params["runTimeAtMemoryMb"] = memoryMb; // the run time at the memory it has
    const Node s = convertedNode(f);
    QCOMPARE(s.kind, NodeKind::Service);
    QCOMPARE(s.id, f.id);
    QCOMPARE(s.context, f.context);
    QCOMPARE(s.number("vcpu"), vcpu);
    QCOMPARE(s.number("memoryGb"), std::max(0.5, memoryMb / 1024));
    QCOMPARE(s.number("serviceTimeMs"), 1500.0);
    QCOMPARE(s.number("cpuBoundShare"), cpuBoundShare);
    QCOMPARE(s.number("concurrencyPerReplica"), workers);
    // Replicas enough for the function's concurrency.
    QCOMPARE(s.number("maxReplicas"), maxReplicas);
    QVERIFY(s.number("minReplicas") <= s.number("maxReplicas"));
}

void TestConversion::functionToServiceTakesTheRunTimeAtItsMemory()
{
    // Stated as 1,500 ms at 1,024 MB, fully CPU-bound, configured at 2,048 MB: it runs
    // 750 ms there (domain/FunctionMemory.h), and so does each request on the service.
    Node f = makeDefaultNode(NodeKind::Function, "n3", "Resize", {});
    f.params["memoryMb"] = 2048.0;
    f.params["runTimeAtMemoryMb"] = 1024.0;
    f.params["cpuBoundShare"] = 1.0;
    f.params["durationMs"] = 1500.0;
    QCOMPARE(convertedNode(f).number("serviceTimeMs"), 750.0);
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
    QCOMPARE(f.number("runTimeAtMemoryMb"), 2048.0); // the service time is at its memory
    QCOMPARE(f.number("cpuBoundShare"), 0.25); // the default, carried over
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
