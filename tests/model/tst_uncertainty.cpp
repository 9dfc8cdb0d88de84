// Uncertainty (issue 11 point 4): Latin hypercube columns, the triangular quantile, a cost
// linear in a triangular rate (known answer: the triangle's quantiles mapped linearly), the
// share of samples in which a pay-per-call candidate is cheaper than a fixed-cost one (the
// triangle's CDF at the break-even rate), no ranges = the evaluation, and seeded repeatability.
#include "domain/ParamSchema.h"
#include "engine/Evaluation.h"
#include "engine/Sweep.h"
#include "engine/Uncertainty.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

using namespace skyline;

namespace {

Node node(NodeKind kind, const char *id, const char *name)
{
    return makeDefaultNode(kind, id, name, {});
}

Edge apiEdge(const char *id, const char *from, const char *to)
{
    Edge e;
    e.id = id;
    e.from = from;
    e.to = to;
    return e;
}

/// c1: client -> HTTP API gateway (billed per call: cost linear in the rate);
/// c2 (optional): client -> one Fargate replica that never scales (a fixed cost).
Project gatewayProject(double rps, std::optional<ParamRange> range, bool withService)
{
    Project p;
    p.name = "Linear";
    Workload w = makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat");
    w.params["rps"] = rps;
    if (range)
        w.ranges["rps"] = *range;
    p.workloads.push_back(w);
    Candidate a;
    a.id = "c1";
    a.name = "Gateway";
    Node client = node(NodeKind::Client, "n1", "Web");
    client.workload = "w1";
    a.nodes = {client, node(NodeKind::Gateway, "n2", "API")};
    a.edges = {apiEdge("e1", "n1", "n2")};
    p.candidates.push_back(a);
    if (withService) {
        Candidate b;
        b.id = "c2";
        b.name = "Service";
        Node service = node(NodeKind::Service, "n2", "Svc");
        service.params["minReplicas"] = 1.0;
        service.params["maxReplicas"] = 1.0;
        service.params["concurrencyPerReplica"] = 10000.0;
        b.nodes = {client, service};
        b.edges = {apiEdge("e1", "n1", "n2")};
        p.candidates.push_back(b);
    }
    return p;
}

double costOf(const Project &project, const std::string &candidate)
{
    EvalOptions options;
    options.computeSeries = false;
    return evaluate(project, options).findCandidate(candidate)->monthlyCostUsd;
}

Project checkout()
{
    std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline");
    std::stringstream text;
    text << file.rdbuf();
    ReadResult<Project> read = readProject(text.str());
    if (!read.ok())
        qFatal("checkout.skyline does not read");
    return *read.value;
}

/// The CDF of the triangular distribution low … mode … high at x.
double triangularCdf(double low, double mode, double high, double x)
{
    if (x <= low)
        return 0;
    if (x >= high)
        return 1;
    if (x <= mode)
        return (x - low) * (x - low) / ((high - low) * (mode - low));
    return 1 - (high - x) * (high - x) / ((high - low) * (high - mode));
}

} // namespace

class TestUncertainty : public QObject
{
    Q_OBJECT

private slots:
    void latinHypercubeHasOneValuePerStratum_data()
    {
        QTest::addColumn<int>("samples");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("1") << 1 << quint64(1);
        QTest::newRow("10") << 10 << quint64(7);
        QTest::newRow("1000") << 1000 << quint64(42);
    }
    void latinHypercubeHasOneValuePerStratum()
    {
        QFETCH(int, samples);
        QFETCH(quint64, seed);
        const std::vector<double> column = latinHypercubeColumn(samples, seed);
        QCOMPARE(int(column.size()), samples);
        std::set<int> strata;
        for (double u : column) {
            QVERIFY(u >= 0 && u < 1);
            strata.insert(int(std::floor(u * samples)));
        }
        QCOMPARE(int(strata.size()), samples);
        QCOMPARE(latinHypercubeColumn(samples, seed), column);
    }

    void triangularQuantileKnownValues_data()
    {
        QTest::addColumn<double>("u");
        QTest::addColumn<double>("expected");
        // Triangle 50 … 100 … 200: below the mode 50 + sqrt(u·150·50), above 200 − sqrt((1−u)·150·100).
        QTest::newRow("0") << 0.0 << 50.0;
        QTest::newRow("p10") << 0.1 << 50 + std::sqrt(750.0);
        QTest::newRow("at mode") << 1.0 / 3.0 << 100.0;
        QTest::newRow("p50") << 0.5 << 200 - std::sqrt(7500.0);
        QTest::newRow("p90") << 0.9 << 200 - std::sqrt(1500.0);
        QTest::newRow("1") << 1.0 << 200.0;
    }
    void triangularQuantileKnownValues()
    {
        QFETCH(double, u);
        QFETCH(double, expected);
        QVERIFY(std::abs(triangularQuantile(50, 100, 200, u) - expected) < 1e-9);
    }

    /// ... at the traffic the studio's slider sets, too: the bands sit on the bars they belong to.
    void noRangesGiveTheEvaluation_data()
    {
        QTest::addColumn<double>("trafficMultiplier");
        QTest::newRow("today's traffic") << 1.0;
        QTest::newRow("traffic x4") << 4.0;
        QTest::newRow("traffic x0.1") << 0.1;
    }
    void noRangesGiveTheEvaluation()
    {
        QFETCH(double, trafficMultiplier);
        const Project project = checkout();
        EvalOptions eval;
        eval.computeSeries = false;
        eval.trafficMultiplier = trafficMultiplier;
        const Evaluation evaluation = evaluate(project, eval);
        UncertaintyOptions options;
        options.samples = 20;
        options.trafficMultiplier = trafficMultiplier;
        const UncertaintyResult result = analyzeUncertainty(project, options);
        QCOMPARE(result.trafficMultiplier, trafficMultiplier);
        QCOMPARE(result.samples, 20);
        QCOMPARE(result.candidates.size(), evaluation.candidates.size());
        double cheapestShare = 0;
        for (std::size_t c = 0; c < result.candidates.size(); ++c) {
            const CandidateUncertainty &u = result.candidates[c];
            const double cost = evaluation.candidates[c].monthlyCostUsd;
            const double p99 = worstEntryP99Ms(evaluation.candidates[c]);
            QCOMPARE(u.id, evaluation.candidates[c].id);
            QCOMPARE(u.monthlyCostUsd.p10, cost);
            QCOMPARE(u.monthlyCostUsd.p50, cost);
            QCOMPARE(u.monthlyCostUsd.p90, cost);
            QCOMPARE(u.p99Ms.p10, p99);
            QCOMPARE(u.p99Ms.p90, p99);
            QCOMPARE(u.peakInstances.p10, peakInstances(evaluation.candidates[c]));
            QCOMPARE(u.peakInstances.p90, peakInstances(evaluation.candidates[c]));
            cheapestShare += u.probabilityCheapest;
            QVERIFY(u.probabilityCheapest == 0 || u.probabilityCheapest == 1);
        }
        QCOMPARE(cheapestShare, 1.0);
    }

    /// Cost linear in a triangular rate: the cost percentiles are the rate's triangular
    /// quantiles times the cost per req/s.
    void costLinearInTriangularRate()
    {
        // Below 114 req/s the month stays in the gateway's first price tier (300 M calls).
        const Project project = gatewayProject(20, ParamRange{10, 40}, false);
        const double perRps = costOf(gatewayProject(1, std::nullopt, false), "c1");
        QVERIFY(perRps > 0);
        QVERIFY(std::abs(costOf(gatewayProject(40, std::nullopt, false), "c1") - 40 * perRps)
                < 1e-9 * 40 * perRps); // linear indeed
        UncertaintyOptions options;
        options.samples = 2000;
        options.seed = 3;
        const UncertaintyResult result = analyzeUncertainty(project, options);
        QCOMPARE(result.rangedParameters, std::size_t(1));
        const Spread &cost = result.candidates.at(0).monthlyCostUsd;
        // Triangle 10 … 20 … 40 (mode at probability 1/3).
        const double p10 = (10 + std::sqrt(30.0)) * perRps;
        const double p50 = (40 - std::sqrt(300.0)) * perRps;
        const double p90 = (40 - std::sqrt(60.0)) * perRps;
        // Latin hypercube: each order statistic lies in its own stratum (1/2000 of probability).
        QVERIFY2(std::abs(cost.p10 / p10 - 1) < 2e-3, qPrintable(QString::number(cost.p10)));
        QVERIFY2(std::abs(cost.p50 / p50 - 1) < 2e-3, qPrintable(QString::number(cost.p50)));
        QVERIFY2(std::abs(cost.p90 / p90 - 1) < 2e-3, qPrintable(QString::number(cost.p90)));
        QVERIFY(cost.p10 < cost.p50 && cost.p50 < cost.p90);
    }

    /// A pay-per-call candidate against a fixed-cost one on a rate of 2 … 5 … 20 req/s: it is
    /// the cheapest exactly when the rate is below the break-even rate.
    void probabilityCheapestIsTheShareBelowBreakEven()
    {
        const Project project = gatewayProject(5, ParamRange{2, 20}, true);
        const double perRps = costOf(gatewayProject(1, std::nullopt, false), "c1");
        const double fixedUsd = costOf(project, "c2");
        const double breakEvenRps = fixedUsd / perRps;
        QVERIFY2(breakEvenRps > 5 && breakEvenRps < 20, qPrintable(QString::number(breakEvenRps)));
        UncertaintyOptions options;
        options.samples = 1000;
        const UncertaintyResult result = analyzeUncertainty(project, options);
        const double expected = triangularCdf(2, 5, 20, breakEvenRps);
        QVERIFY2(std::abs(result.candidates.at(0).probabilityCheapest - expected) < 0.005,
                 qPrintable(QString("%1 vs %2").arg(result.candidates.at(0).probabilityCheapest)
                                .arg(expected)));
        QCOMPARE(result.candidates.at(0).probabilityCheapest
                     + result.candidates.at(1).probabilityCheapest,
                 1.0);
        // The fixed candidate's cost does not vary.
        QCOMPARE(result.candidates.at(1).monthlyCostUsd.p10, fixedUsd);
        QCOMPARE(result.candidates.at(1).monthlyCostUsd.p90, fixedUsd);
    }

    void sameSeedSameFigures()
    {
        Project project = checkout();
        for (Node &n : project.candidates.at(0).nodes)
            if (n.kind == NodeKind::Function)
                n.ranges["durationMs"] = {n.number("durationMs") / 2, n.number("durationMs") * 3};
        project.workloads.at(0).ranges[workloadParamSpecs(project.workloads.at(0).shape)
                                           .front().key] = {
            project.workloads.at(0).number(
                workloadParamSpecs(project.workloads.at(0).shape).front().key) * 0.5,
            project.workloads.at(0).number(
                workloadParamSpecs(project.workloads.at(0).shape).front().key) * 2};
        UncertaintyOptions options;
        options.samples = 64;
        options.seed = 9;
        options.threads = 2;
        const std::string a = uncertaintyToJsonText(analyzeUncertainty(project, options));
        options.threads = 1;
        QCOMPARE(uncertaintyToJsonText(analyzeUncertainty(project, options)), a);
        options.seed = 10;
        QVERIFY(uncertaintyToJsonText(analyzeUncertainty(project, options)) != a);
    }

    void cancelStopsEarly()
    {
        const Project project = gatewayProject(100, ParamRange{50, 200}, false);
        UncertaintyOptions options;
        options.samples = 500;
        options.threads = 1;
        std::size_t calls = 0;
        options.progress = [&](std::size_t done, std::size_t) {
            ++calls;
            return done < 10;
        };
        const UncertaintyResult result = analyzeUncertainty(project, options);
        QVERIFY(result.cancelled);
        QCOMPARE(calls, std::size_t(10));
    }

    void jsonShape()
    {
        const Project project = gatewayProject(10, ParamRange{5, 40}, true);
        UncertaintyOptions options;
        options.samples = 10;
        options.seed = 5;
        options.trafficMultiplier = 0.5;
        const OrderedJson j = uncertaintyToJson(analyzeUncertainty(project, options));
        QCOMPARE(j["samples"].get<int>(), 10);
        QCOMPARE(j["seed"].get<int>(), 5);
        QCOMPARE(j["trafficMultiplier"].get<double>(), 0.5);
        const OrderedJson &c = j["candidates"][0];
        QCOMPARE(c["id"].get<std::string>(), std::string("c1"));
        for (const char *figure : {"monthlyCostUsd", "p99Ms", "peakInstances"})
            for (const char *p : {"p10", "p50", "p90"})
                QVERIFY2(c[figure][p].is_number(), figure);
        QVERIFY(c["probabilityCheapest"].is_number());
        QVERIFY(c["probabilityFastest"].is_number());
    }
};

QTEST_GUILESS_MAIN(TestUncertainty)
#include "tst_uncertainty.moc"
