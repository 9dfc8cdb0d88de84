// The comparison table (widgets/report/Comparison, shared by the report and the studio's
// ComparisonView) marks a best latency only beyond the 95 % intervals: tied candidates show
// "≈", a candidate with more than 1 % failed requests is never best on latency, and a
// "Failed requests" row shows the shares (issue 10 points 1 and 2, DESIGN.md §7).
#include "report/Comparison.h"
#include "panels/ComparisonView.h"
#include "support/Examples.h"

#include <QTableWidget>

#include <QtTest>

#include <limits>

using namespace skyline;

Q_DECLARE_METATYPE(skyline::Project)

namespace {

using Estimate = ComparisonTable::Estimate;
using Estimates = std::vector<std::optional<Estimate>>;
using Flags = QList<bool>;

/// A row of estimates as one test-data value.
struct EstimateRow
{
    Estimates values;
};

Flags flagsOf(const std::vector<bool> &v) { return Flags(v.begin(), v.end()); }

Edge apiEdge(const std::string &id, const std::string &from, const std::string &to)
{
    Edge e;
    e.id = id;
    e.kind = EdgeKind::Api;
    e.from = from;
    e.to = to;
    e.latencyMs = 2;
    return e;
}

/// Web -> API -> Upload -> DB; `upload` settings override the function's defaults.
Candidate photoCandidate(const std::string &id, const std::string &prefix,
                         const ParamMap &upload = {})
{
    Candidate c;
    c.id = id;
    c.name = "Photos " + id;
    c.nodes.push_back(makeDefaultNode(NodeKind::Client, prefix + "1", "Web", {}));
    c.nodes.back().workload = "day";
    c.nodes.push_back(makeDefaultNode(NodeKind::Gateway, prefix + "2", "API", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, prefix + "3", "Upload", {}));
    for (const auto &[key, value] : upload)
        c.nodes.back().params[key] = value;
    c.nodes.push_back(makeDefaultNode(NodeKind::Datastore, prefix + "4", "DB", {}));
    c.edges.push_back(apiEdge(prefix + "e1", prefix + "1", prefix + "2"));
    c.edges.push_back(apiEdge(prefix + "e2", prefix + "2", prefix + "3"));
    c.edges.push_back(apiEdge(prefix + "e3", prefix + "3", prefix + "4"));
    return c;
}

Project twoCandidates(const Candidate &second)
{
    Project p;
    Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, "day", "Day");
    w.params["peakRps"] = 60.0;
    w.params["troughRps"] = 6.0;
    p.workloads.push_back(w);
    p.candidates.push_back(photoCandidate("c1", "n"));
    p.candidates.push_back(second);
    return p;
}

} // namespace

Q_DECLARE_METATYPE(EstimateRow)

class TestComparison : public QObject
{
    Q_OBJECT
private slots:
    void bestOnlyBeyondTheIntervals_data();
    void bestOnlyBeyondTheIntervals();
    void candidatesOnLatency_data();
    void candidatesOnLatency();
    void cheapestShareRowShowsTheEnginesProbability();
    void noRangesNoCheapestShareRow();
    void cheapestShareRowOnlyAtTheSampledTraffic();
    void figuresThatReadAlikeAreMarkedAlike();
};

void TestComparison::bestOnlyBeyondTheIntervals_data()
{
    QTest::addColumn<EstimateRow>("estimates");
    QTest::addColumn<Flags>("excluded");
    QTest::addColumn<Flags>("best");
    QTest::addColumn<Flags>("tied");
    auto row = [](std::initializer_list<std::optional<Estimate>> values) {
        return EstimateRow{Estimates(values)};
    };
    QTest::newRow("apart") << row({Estimate{100, 95, 105}, Estimate{120, 110, 130}})
                           << Flags{false, false} << Flags{true, false} << Flags{false, false};
    QTest::newRow("overlapping") << row({Estimate{100, 95, 115}, Estimate{120, 110, 130}})
                                 << Flags{false, false} << Flags{false, false}
                                 << Flags{true, true};
    QTest::newRow("identical") << row({Estimate{100, 95, 105}, Estimate{100, 95, 105}})
                               << Flags{false, false} << Flags{false, false}
                               << Flags{true, true};
    QTest::newRow("exact and different")
        << row({Estimate{100, 100, 100}, Estimate{101, 101, 101}}) << Flags{false, false}
        << Flags{true, false} << Flags{false, false};
    QTest::newRow("two tied, one apart")
        << row({Estimate{300, 280, 320}, Estimate{100, 95, 115}, Estimate{110, 100, 120}})
        << Flags{false, false, false} << Flags{false, false, false}
        << Flags{false, true, true};
    QTest::newRow("the fastest fails too often")
        << row({Estimate{80, 78, 82}, Estimate{100, 95, 105}, Estimate{140, 130, 150}})
        << Flags{true, false, false} << Flags{false, true, false}
        << Flags{false, false, false};
    QTest::newRow("the other one fails") << row({std::nullopt, Estimate{100, 95, 105}})
                                         << Flags{true, false} << Flags{false, true}
                                         << Flags{false, false};
    QTest::newRow("alone") << row({Estimate{100, 95, 105}, std::nullopt}) << Flags{false, false}
                           << Flags{false, false} << Flags{false, false};
}

void TestComparison::bestOnlyBeyondTheIntervals()
{
    QFETCH(EstimateRow, estimates);
    QFETCH(Flags, excluded);
    QFETCH(Flags, best);
    QFETCH(Flags, tied);
    std::vector<bool> markedBest, markedTied;
    ComparisonTable::markBestBeyondIntervals(estimates.values,
                                             std::vector<bool>(excluded.begin(), excluded.end()),
                                             markedBest, markedTied);
    QCOMPARE(flagsOf(markedBest), best);
    QCOMPARE(flagsOf(markedTied), tied);
}

void TestComparison::candidatesOnLatency_data()
{
    QTest::addColumn<Project>("project");
    QTest::addColumn<QString>("p99Text");   // of c2
    QTest::addColumn<QStringList>("p99Best");
    QTest::addColumn<bool>("tied");         // both show ≈
    QTest::addColumn<QStringList>("failedBest");

    QTest::newRow("duplicate") << twoCandidates(photoCandidate("c2", "d")) << "≈ "
                               << QStringList{} << true << QStringList{};
    QTest::newRow("clearly slower") << twoCandidates(photoCandidate("c2", "d",
                                                                    {{"durationMs", 900.0}}))
                                    << "" << QStringList{"c1"} << false << QStringList{};
    // 60 req/s of 1 s each against 40 instances: a third of the peak's requests throttle.
    QTest::newRow("more than 1 % fail")
        << twoCandidates(photoCandidate("c2", "d",
                                        {{"durationMs", 1000.0}, {"concurrencyLimit", 40.0}}))
        << "fails" << QStringList{"c1"} << false << QStringList{"c1"};
}

void TestComparison::candidatesOnLatency()
{
    QFETCH(Project, project);
    QFETCH(QString, p99Text);
    QFETCH(QStringList, p99Best);
    QFETCH(bool, tied);
    QFETCH(QStringList, failedBest);
    const ComparisonTable table = ComparisonTable::build(evaluate(project));
    const ComparisonRow *p99 = table.row(QStringLiteral("p99PeakMs"));
    QVERIFY(p99);
    QVERIFY2(p99->texts.at(1).startsWith(p99Text), qPrintable(p99->texts.at(1)));
    QCOMPARE(table.bestCandidateIds(QStringLiteral("p99PeakMs")), p99Best);
    QCOMPARE(p99->isTied(0), tied);
    QCOMPARE(p99->isTied(1), tied);
    QCOMPARE(p99->texts.at(0).startsWith(QStringLiteral("≈ ")), tied);
    const ComparisonRow *failed = table.row(QStringLiteral("failedShare"));
    QVERIFY(failed);
    QCOMPARE(failed->label, QStringLiteral("Failed requests"));
    QCOMPARE(table.bestCandidateIds(QStringLiteral("failedShare")), failedBest);
    QCOMPARE(failed->values.at(0).value_or(-1) == 0.0, true);
    QCOMPARE(failed->values.at(1).value_or(-1) > 0.01, !failedBest.isEmpty());
}

void TestComparison::cheapestShareRowShowsTheEnginesProbability()
{
    const Project project = test::rangedCheckout();
    const auto evaluation = test::evaluateShared(project);
    UncertaintyOptions options;
    options.samples = 100;
    const auto uncertainty =
        std::make_shared<const UncertaintyResult>(analyzeUncertainty(project, options));
    // More than one candidate is the cheapest in some samples: the row says how often.
    int winners = 0;
    for (const CandidateUncertainty &c : uncertainty->candidates)
        winners += c.probabilityCheapest > 0 ? 1 : 0;
    QVERIFY(winners >= 2);

    // The shared table (the report's)…
    const ComparisonTable table = ComparisonTable::build(*evaluation, uncertainty.get());
    const ComparisonRow *row = table.row(QStringLiteral("cheapestShare"));
    QVERIFY(row);
    QCOMPARE(row->label, QStringLiteral("Cheapest in % of samples"));
    double highest = 0;
    for (const CandidateUncertainty &c : uncertainty->candidates)
        highest = std::max(highest, c.probabilityCheapest);
    for (int i = 0; i < table.columnCount(); ++i) {
        const CandidateUncertainty &engine = uncertainty->candidates.at(std::size_t(i));
        QCOMPARE(table.candidateIds().at(i), QString::fromStdString(engine.id));
        QCOMPARE(row->texts.at(i), formatShare(engine.probabilityCheapest, 0));
        QCOMPARE(row->isBest(i), engine.probabilityCheapest == highest);
    }

    // …and the studio's view show the same figures.
    ComparisonView view;
    view.setEvaluation(evaluation);
    view.setUncertainty(uncertainty);
    const int rowIndex = view.rowKeys().indexOf(QStringLiteral("cheapestShare"));
    QVERIFY(rowIndex >= 0);
    QCOMPARE(view.table()->verticalHeaderItem(rowIndex)->text(),
             QStringLiteral("Cheapest in % of samples"));
    for (int i = 0; i < table.columnCount(); ++i) {
        QString text = view.table()->item(rowIndex, i)->text();
        text.remove(QStringLiteral("★ "));
        QCOMPARE(text, formatShare(uncertainty->candidates.at(std::size_t(i)).probabilityCheapest, 0));
    }
    view.setUncertainty(nullptr); // the ranges were removed
    QVERIFY(!view.rowKeys().contains(QStringLiteral("cheapestShare")));
}

void TestComparison::noRangesNoCheapestShareRow()
{
    const auto evaluation = test::evaluateShared(test::loadExample(QStringLiteral("checkout.skyline")));
    QVERIFY(!ComparisonTable::build(*evaluation, nullptr).row(QStringLiteral("cheapestShare")));
    QVERIFY(!ComparisonTable::build(*evaluation).row(QStringLiteral("cheapestShare")));
}

/// The Traffic slider moved: the row shows only when the ranges were sampled at the traffic of
/// the figures beside it (while they catch up, the old traffic's share is not shown).
void TestComparison::cheapestShareRowOnlyAtTheSampledTraffic()
{
    const Project project = test::rangedCheckout();
    EvalOptions atTwo;
    atTwo.computeSeries = false;
    atTwo.trafficMultiplier = 2.0;
    const Evaluation evaluation = evaluate(project, atTwo);
    UncertaintyOptions options;
    options.samples = 40;
    const UncertaintyResult atToday = analyzeUncertainty(project, options);
    QVERIFY(!ComparisonTable::build(evaluation, &atToday).row(QStringLiteral("cheapestShare")));
    options.trafficMultiplier = 2.0;
    const UncertaintyResult sampledAtTwo = analyzeUncertainty(project, options);
    QVERIFY(ComparisonTable::build(evaluation, &sampledAtTwo).row(QStringLiteral("cheapestShare")));
}

void TestComparison::figuresThatReadAlikeAreMarkedAlike()
{
    // At traffic x100 the checkout's three cold-start shares read "0.00 %" and one of them
    // carried the star: the reader cannot tell why that one is best.
    EvalOptions options;
    options.trafficMultiplier = 100;
    const Evaluation evaluation = evaluate(test::loadExample("checkout.skyline"), options);
    const ComparisonTable table = ComparisonTable::build(evaluation);
    const ComparisonRow *coldStarts = table.row("coldStartShare");
    QVERIFY(coldStarts);
    QCOMPARE(coldStarts->texts, QStringList({"0.00 %", "0.00 %", "0.00 %"}));
    QVERIFY(table.bestCandidateIds("coldStartShare").isEmpty());
    int rows = 0;
    for (const ComparisonRow &row : table.rows()) {
        ++rows;
        for (int i = 0; i < table.columnCount(); ++i)
            for (int j = 0; j < table.columnCount(); ++j)
                if (row.values[std::size_t(i)] && row.values[std::size_t(j)]
                    && row.texts[i] == row.texts[j])
                    QVERIFY2(row.isBest(i) == row.isBest(j),
                             qPrintable(row.key + ": " + row.texts.join(" | ")));
    }
    QVERIFY(rows >= 10);
    // Figures that differ where the reader sees them keep their star.
    QCOMPARE(table.bestCandidateIds("monthlyCostUsd"), QStringList({"c2"}));
}

QTEST_MAIN(TestComparison)
#include "tst_comparison.moc"
