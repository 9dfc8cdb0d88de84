// Which memory size the sweep recommends (model/engine/MemorySweep, issue 11.3): the cheapest
// and the balanced size are chosen among the sizes that serve their requests. A size that
// fails more than 1 % of its requests (its p99 is +inf) costs less per million requests only
// because the refused requests are not billed, so it is never recommended; when every size
// fails, none is.
#include "engine/Evaluation.h"
#include "engine/MemorySweep.h"

#include <QtTest>

#include <limits>

using namespace skyline;

namespace {

constexpr double fails = std::numeric_limits<double>::infinity();
constexpr double noRequests = std::numeric_limits<double>::quiet_NaN();

/// Sizes 128, 256, 512, … with the given cost per million and p99.
MemorySweep sweepOf(const std::vector<std::pair<double, double>> &costAndP99)
{
    MemorySweep sweep;
    const std::vector<double> &sizes = memorySweepSizesMb();
    for (std::size_t i = 0; i < costAndP99.size(); ++i) {
        MemorySweepPoint point;
        point.memoryMb = sizes[i];
        point.functionCostPerMillionUsd = costAndP99[i].first;
        point.functionP99Ms = costAndP99[i].second;
        sweep.points.push_back(point);
    }
    markCheapestAndBalanced(sweep);
    return sweep;
}

/// A client at `rps` calling one CPU-bound function (400 ms at 128 MB) whose concurrency is
/// capped at `limit`: at small sizes it needs more instances than the cap and throttles.
Project throttlingFunction(double rps, int limit)
{
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat"));
    p.workloads[0].params["rps"] = rps;
    Candidate c;
    c.id = "c1";
    c.name = "One";
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    client.workload = "w1";
    Node fn = makeDefaultNode(NodeKind::Function, "n2", "Work", {200, 0});
    fn.params["memoryMb"] = 128.0;
    fn.params["runTimeAtMemoryMb"] = 128.0;
    fn.params["cpuBoundShare"] = 1.0;
    fn.params["durationMs"] = 400.0;
    fn.params["concurrencyLimit"] = double(limit);
    c.nodes = {client, fn};
    Edge call;
    call.id = "e1";
    call.from = "n1";
    call.to = "n2";
    c.edges.push_back(call);
    p.candidates.push_back(c);
    return p;
}

} // namespace

class TestMemorySweepMarks : public QObject
{
    Q_OBJECT
private slots:
    void marks_data();
    void marks();
    void aThrottlingSizeIsNotRecommended();
};

void TestMemorySweepMarks::marks_data()
{
    using Points = std::vector<std::pair<double, double>>;
    QTest::addColumn<Points>("points");
    QTest::addColumn<int>("cheapest");
    QTest::addColumn<int>("balanced");
    QTest::newRow("plain: cheapest first, balanced the fastest within 10 %")
        << Points{{1.0, 900}, {1.05, 500}, {1.2, 100}} << 0 << 1;
    QTest::newRow("a failing size is cheaper but never marked")
        << Points{{0.5, fails}, {1.0, 900}, {1.05, 500}} << 1 << 2;
    QTest::newRow("failing sizes around the only one that serves")
        << Points{{0.5, fails}, {1.0, 900}, {0.9, fails}} << 1 << 1;
    QTest::newRow("every size fails: none") << Points{{0.5, fails}, {0.6, fails}} << -1 << -1;
    QTest::newRow("no requests: none")
        << Points{{noRequests, 0.0}, {noRequests, 0.0}} << -1 << -1;
}

void TestMemorySweepMarks::marks()
{
    using Points = std::vector<std::pair<double, double>>;
    QFETCH(Points, points);
    QFETCH(int, cheapest);
    QFETCH(int, balanced);
    const MemorySweep sweep = sweepOf(points);
    QCOMPARE(sweep.cheapest, cheapest);
    QCOMPARE(sweep.balanced, balanced);
    const bool allFail = QByteArray(QTest::currentDataTag()).startsWith("every size fails");
    QCOMPARE(sweep.everySizeFails(), allFail);
}

void TestMemorySweepMarks::aThrottlingSizeIsNotRecommended()
{
    // 100 req/s × 400 ms needs ~40 busy instances at 128 MB; a cap of 30 throttles there
    // (p99 fails), while from 256 MB on (200 ms, ~20 busy) it serves everything.
    const Project project = throttlingFunction(100.0, 30);
    const MemorySweep sweep = memorySweep(project, "n2", "c1", EvalOptions{});
    QVERIFY2(sweep.ok(), sweep.error.c_str());
    const MemorySweepPoint &smallest = sweep.points.front();
    QVERIFY2(!std::isfinite(smallest.functionP99Ms), "128 MB must fail for this test to mean anything");
    QVERIFY(std::isfinite(smallest.functionCostPerMillionUsd));
    QVERIFY(sweep.cheapest > 0);
    const MemorySweepPoint &cheapest = sweep.points[std::size_t(sweep.cheapest)];
    QVERIFY2(std::isfinite(cheapest.functionP99Ms), "the recommended size serves its requests");
    QVERIFY(std::isfinite(sweep.points[std::size_t(sweep.balanced)].functionP99Ms));
    // It is the cheapest of the sizes that serve.
    for (const MemorySweepPoint &point : sweep.points)
        if (std::isfinite(point.functionP99Ms))
            QVERIFY(point.functionCostPerMillionUsd >= cheapest.functionCostPerMillionUsd * (1 - 1e-9));
}

QTEST_GUILESS_MAIN(TestMemorySweepMarks)
#include "tst_memorysweepmarks.moc"
