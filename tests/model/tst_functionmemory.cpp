// Memory buys speed (model/domain/FunctionMemory, issue 11.3): a function's run time and cold
// start are stated at one memory size and scale with the vCPU share at another, and every
// figure that depends on them (latency, cost, the time-limit warning) sees the scaled time.
#include "domain/FunctionMemory.h"
#include "engine/Evaluation.h"

#include <QtTest>

#include <algorithm>

using namespace skyline;

namespace {

/// A client calling one function at 1 req/s all day.
Project oneFunction(double memoryMb, double statedMb, double share, double durationMs,
                    double coldStartMs)
{
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat"));
    p.workloads[0].params["rps"] = 1.0;
    Candidate c;
    c.id = "c1";
    c.name = "One";
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    client.workload = "w1";
    Node fn = makeDefaultNode(NodeKind::Function, "n2", "Work", {200, 0});
    fn.params["memoryMb"] = memoryMb;
    fn.params["runTimeAtMemoryMb"] = statedMb;
    fn.params["cpuBoundShare"] = share;
    fn.params["durationMs"] = durationMs;
    fn.params["durationCv"] = 0.0;
    fn.params["coldStartMs"] = coldStartMs;
    c.nodes = {client, fn};
    c.edges.push_back({"e1", EdgeKind::Api, "n1", "n2"});
    p.candidates.push_back(c);
    return p;
}

bool hasWarning(const CandidateEvaluation &c, const std::string &code)
{
    return std::any_of(c.warnings.begin(), c.warnings.end(),
                       [&](const Warning &w) { return w.code == code; });
}

} // namespace

class TestFunctionMemory : public QObject
{
    Q_OBJECT
private slots:
    void factor_data();
    void factor();
    void absentStatedMemoryIsTheFunctionsOwn();
    void evaluationSeesTheScaledTimes_data();
    void evaluationSeesTheScaledTimes();
};

void TestFunctionMemory::factor_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("statedMb");
    QTest::addColumn<double>("share");
    QTest::addColumn<double>("factor");
    // factor = 1 + share × (stated / memory − 1), by hand.
    QTest::newRow("same memory: exactly 1 whatever the share") << 777.0 << 777.0 << 0.3 << 1.0;
    QTest::newRow("CPU-bound, half the memory: twice as long") << 512.0 << 1024.0 << 1.0 << 2.0;
    QTest::newRow("CPU-bound, 1,769 MB from 128 MB: 128 / 1,769")
        << 1769.0 << 128.0 << 1.0 << 128.0 / 1769.0;
    QTest::newRow("I/O-bound: memory changes nothing") << 10240.0 << 128.0 << 0.0 << 1.0;
    QTest::newRow("a quarter CPU, 4× memory: 1 − 0.25 × 0.75") << 2048.0 << 512.0 << 0.25
                                                              << 0.8125;
    QTest::newRow("Amdahl: 90 % CPU, 80× memory, never below 10 %")
        << 10240.0 << 128.0 << 0.9 << 1.0 + 0.9 * (128.0 / 10240.0 - 1.0);
}

void TestFunctionMemory::factor()
{
    QFETCH(double, memoryMb);
    QFETCH(double, statedMb);
    QFETCH(double, share);
    QFETCH(double, factor);
    const double got = memoryRunTimeFactor(memoryMb, statedMb, share);
    QVERIFY2(std::abs(got - factor) <= 1e-12 * factor, qPrintable(QString::number(got, 'g', 17)));
    QVERIFY(got >= 1.0 - share - 1e-12); // Amdahl's bound
}

void TestFunctionMemory::absentStatedMemoryIsTheFunctionsOwn()
{
    Node fn;
    fn.kind = NodeKind::Function;
    fn.params["memoryMb"] = 2048.0;
    fn.params["durationMs"] = 300.0;
    fn.params["cpuBoundShare"] = 1.0;
    QCOMPARE(statedMemoryMb(fn), 2048.0);
    QCOMPARE(functionRunTimesMs(fn).run, 300.0);
    fn.params["runTimeAtMemoryMb"] = 1024.0;
    QCOMPARE(functionRunTimesMs(fn).run, 150.0);
    QCOMPARE(lambdaVcpuShare(1769.0), 1.0);
}

void TestFunctionMemory::evaluationSeesTheScaledTimes_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("factor");
    QTest::addColumn<bool>("timeout");
    // Fully CPU-bound, stated at 1,024 MB. A 10 s run (under the 30 s caller timeout) shows
    // in the latency and the bill; a 600 s one against Lambda's 900 s limit in the warning:
    // at 512 MB it takes 1,200 s and is flagged.
    QTest::newRow("1,024 MB: as stated") << 1024.0 << 1.0 << false;
    QTest::newRow("512 MB: twice as long, over the limit") << 512.0 << 2.0 << true;
    QTest::newRow("2,048 MB: half") << 2048.0 << 0.5 << false;
}

void TestFunctionMemory::evaluationSeesTheScaledTimes()
{
    QFETCH(double, memoryMb);
    QFETCH(double, factor);
    QFETCH(bool, timeout);
    EvalOptions options;
    options.computeSeries = false;
    const Evaluation e = evaluate(oneFunction(memoryMb, 1024.0, 1.0, 10000.0, 1000.0), options);
    const CandidateEvaluation &c = e.candidates.at(0);
    QVERIFY(c.errors.empty());
    // A warm request takes the run time (constant); the p50 is warm, and scaled.
    const NodeResult &fn = c.nodes.at(1);
    QVERIFY2(std::abs(fn.latencyMs.p50 - 10000.0 * factor) <= 1e-6 * 10000.0 * factor,
             qPrintable(QString::number(fn.latencyMs.p50)));
    // Billed GB-seconds: memory × time is the same at every size for CPU-bound work.
    auto durationUsd = [](const CandidateEvaluation &ce) {
        double usd = 0;
        for (const CostLine &line : ce.cost)
            if (line.node == "n2" && line.item != "requests")
                usd += line.usd;
        return usd;
    };
    const Evaluation stated = evaluate(oneFunction(1024.0, 1024.0, 1.0, 10000.0, 1000.0), options);
    const double expected = durationUsd(stated.candidates.at(0));
    QVERIFY(expected > 0);
    QVERIFY2(std::abs(durationUsd(c) - expected) <= 0.02 * expected,
             qPrintable(QString("%1 vs %2").arg(durationUsd(c)).arg(expected)));
    // The time limit sees the scaled run time.
    const Evaluation long600 = evaluate(oneFunction(memoryMb, 1024.0, 1.0, 600000.0, 1000.0),
                                        options);
    QCOMPARE(hasWarning(long600.candidates.at(0), "function-timeout"), timeout);
}

QTEST_GUILESS_MAIN(TestFunctionMemory)
#include "tst_functionmemory.moc"
