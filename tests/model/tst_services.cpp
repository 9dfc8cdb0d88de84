#include "engine/Evaluation.h"
#include "engine/Queueing.h"
#include "engine/ServiceModel.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace skyline;

namespace {
ServiceConfig config(double serviceTimeMs, int workers, int minReplicas, int maxReplicas)
{
    ServiceConfig c;
    c.serviceTimeMs = serviceTimeMs;
    c.serviceTimeCv = 1.0;
    c.concurrencyPerReplica = workers;
    c.minReplicas = minReplicas;
    c.maxReplicas = maxReplicas;
    c.targetUtilization = 0.5;
    c.scaleUpDelayS = 0;
    c.scaleDownDelayS = 0;
    return c;
}

std::vector<double> constantDay(double rps) { return std::vector<double>(minutesPerDay, rps); }
} // namespace

class TestServices : public QObject
{
    Q_OBJECT
private slots:
    void desiredReplicasFollowTheFormula_data();
    void desiredReplicasFollowTheFormula();
    void scaleUpAndDownWaitForTheirDelays();
    void dayRepeatsSoMidnightKeepsEveningReplicas();
    void percentilesMatchMmk();
    void variabilityLengthensTheWait();
    void overloadIsFlaggedWithDroppedShare();
    void hugeServerCountsStayFast();
};

void TestServices::desiredReplicasFollowTheFormula_data()
{
    QTest::addColumn<double>("rps");
    QTest::addColumn<int>("expected");
    // ceil(rps x 0.1 s / (4 workers x 0.5)), clamped to [1, 10]
    QTest::newRow("idle keeps the minimum") << 0.0 << 1;
    QTest::newRow("exactly two replicas") << 40.0 << 2;
    QTest::newRow("rounds up") << 41.0 << 3;
    QTest::newRow("clamped at the maximum") << 1000.0 << 10;
}

void TestServices::desiredReplicasFollowTheFormula()
{
    QFETCH(double, rps);
    QFETCH(int, expected);
    const std::vector<int> replicas = autoscaleReplicas(config(100, 4, 1, 10), constantDay(rps));
    QCOMPARE(replicas.front(), expected);
    QCOMPARE(replicas.back(), expected);
}

void TestServices::scaleUpAndDownWaitForTheirDelays()
{
    ServiceConfig c = config(100, 4, 1, 10);
    c.scaleUpDelayS = 180;   // demand must stay higher 3 minutes
    c.scaleDownDelayS = 600; // and lower 10 minutes
    std::vector<double> day = constantDay(10); // 1 replica
    for (int m = 600; m < 700; ++m)
        day[std::size_t(m)] = 100; // 5 replicas wanted
    const std::vector<int> replicas = autoscaleReplicas(c, day);
    QCOMPARE(replicas[599], 1);
    QCOMPARE(replicas[601], 1); // not yet: only two minutes of higher demand
    QCOMPARE(replicas[603], 5); // the fourth minute of higher demand
    QCOMPARE(replicas[705], 5); // demand dropped at 700, still within the scale-down delay
    QCOMPARE(replicas[710], 1);
}

void TestServices::dayRepeatsSoMidnightKeepsEveningReplicas()
{
    ServiceConfig c = config(100, 4, 1, 10);
    c.scaleDownDelayS = 1800; // 30 minutes
    std::vector<double> day = constantDay(10);
    for (int m = 1420; m < minutesPerDay; ++m)
        day[std::size_t(m)] = 100; // busy until midnight
    const std::vector<int> replicas = autoscaleReplicas(c, day);
    // Steady state: the day starts as the previous one ended, with 5 replicas.
    QCOMPARE(replicas[0], 5);
    QCOMPARE(replicas[20], 5);
    QCOMPARE(replicas[40], 1);
}

void TestServices::percentilesMatchMmk()
{
    const ServiceConfig c = config(100, 4, 2, 2); // k = 8 workers all day
    const double rps = 60;                        // 75% utilisation
    const ServiceDayResult day = analyzeServiceDay(c, constantDay(rps));
    QCOMPARE(day.instances.avgAlive, 2.0);
    QVERIFY(qAbs(day.utilization - 0.75) < 1e-9);
    QVERIFY(qAbs(day.instances.avgBusy - 6.0) < 1e-9);
    const double p50 = 1000 * mmkResponseTimeQuantileS(rps, 0.1, 8, 0.50);
    const double p99 = 1000 * mmkResponseTimeQuantileS(rps, 0.1, 8, 0.99);
    QVERIFY2(qAbs(day.latencyMs.p50 - p50) < 0.01 * p50, qPrintable(QString::number(day.latencyMs.p50)));
    QVERIFY2(qAbs(day.latencyMs.p99 - p99) < 0.01 * p99, qPrintable(QString::number(day.latencyMs.p99)));
    QVERIFY(day.latencyMs.p99 > day.latencyMs.p95 && day.latencyMs.p95 > day.latencyMs.p50);
    QCOMPARE(day.droppedFraction, 0.0);
}

void TestServices::variabilityLengthensTheWait()
{
    ServiceConfig steady = config(100, 4, 2, 2);
    steady.serviceTimeCv = 0.2;
    ServiceConfig bursty = steady;
    bursty.serviceTimeCv = 3.0;
    const ServiceDayResult a = analyzeServiceDay(steady, constantDay(70));
    const ServiceDayResult b = analyzeServiceDay(bursty, constantDay(70));
    QVERIFY(b.latencyMs.p99 > 1.5 * a.latencyMs.p99);
}

void TestServices::overloadIsFlaggedWithDroppedShare()
{
    const ServiceConfig c = config(100, 4, 1, 2); // at most 8 workers: 80 req/s
    std::vector<double> day = constantDay(40);
    for (int m = 720; m < 780; ++m)
        day[std::size_t(m)] = 160; // an hour at twice the capacity
    const ServiceDayResult r = analyzeServiceDay(c, day);
    QCOMPARE(r.overloadedMinutes, 60);
    QVERIFY(r.peakUtilization >= 2.0 - 1e-9);
    const double expected = 60.0 * 80 / (1380.0 * 40 + 60.0 * 160);
    QVERIFY(qAbs(r.droppedFraction - expected) < 1e-9);
    // The dropped 7 % fail (DESIGN.md §7): the p99 falls among them, the p50 does not.
    QVERIFY(r.failedShare.timedOut >= r.droppedFraction);
    QCOMPARE(r.failedShare.total, r.failedShare.timedOut);
    QVERIFY(std::isinf(r.latencyMs.p99));
    QVERIFY(std::isfinite(r.latencyMs.p50));
}

void TestServices::hugeServerCountsStayFast()
{
    // 10 million req/s on up to 100,000 replicas x 100 workers: finite figures, no hang.
    ServiceConfig c = config(50, 100, 1, 100000);
    const ServiceDayResult r = analyzeServiceDay(c, constantDay(1e7));
    QVERIFY(r.instances.peak > 5000);
    QVERIFY(std::isfinite(r.latencyMs.p99));
    QVERIFY(r.latencyMs.p50 > 0);
    // The fast Erlang C agrees with the exact one where both apply.
    QVERIFY(qAbs(waitProbabilityFast(9500, 10000) - erlangC(9500, 10000)) < 1e-9);
    const double exact = erlangC(19700, 20000);
    const double approx = waitProbabilityFast(19700 * 1.0001, 20000 * 1.0001 + 1);
    QVERIFY2(qAbs(exact - approx) < 0.02, qPrintable(QString("%1 %2").arg(exact).arg(approx)));
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
