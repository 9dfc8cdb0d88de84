// The "Memory sweep" chart (issue 11.3): the selected function's cost per million requests and
// p99 across memory sizes, computed off the GUI thread; a hint without a selected function;
// the current size marked, moving with an edit; a new selection sweeps the new function.
#include "charts/ChartCatalog.h"
#include "charts/MemorySweepChart.h"
#include "engine/Evaluation.h"
#include "support/Examples.h"

#include <QTest>

#include <memory>

using namespace skyline;
using skyline::test::loadExample;

namespace {

/// The checkout example with Place order (n6) at `memoryMb`, and its evaluation.
std::pair<std::shared_ptr<const Project>, std::shared_ptr<const Evaluation>>
checkoutAt(double memoryMb)
{
    auto project = std::make_shared<Project>(loadExample("checkout.skyline"));
    project->candidates.front().findNode("n6")->params["memoryMb"] = memoryMb;
    EvalOptions options;
    options.computeSeries = false;
    auto evaluation = std::make_shared<const Evaluation>(evaluate(*project, options));
    return {project, evaluation};
}

} // namespace

class TestMemorySweepChart : public QObject
{
    Q_OBJECT
private slots:
    void isInTheCatalog()
    {
        const ChartInfo &info = chartInfo("memory-sweep");
        QCOMPARE(info.translatedTitle(), QStringLiteral("Memory sweep"));
        std::unique_ptr<ResultChart> chart(info.make(nullptr));
        QVERIFY(qobject_cast<MemorySweepChart *>(chart.get()));
    }

    void hintWithoutASelectedFunction_data()
    {
        QTest::addColumn<QString>("nodeId");
        QTest::newRow("nothing selected") << QString();
        QTest::newRow("a gateway") << QStringLiteral("n2");
        QTest::newRow("an id the candidate lacks") << QStringLiteral("n99");
    }

    void hintWithoutASelectedFunction()
    {
        QFETCH(QString, nodeId);
        const auto [project, evaluation] = checkoutAt(512);
        MemorySweepChart chart;
        chart.setCandidate(QStringLiteral("c1"));
        chart.setEvaluation(evaluation, project);
        chart.setHighlightedNode(nodeId);
        QVERIFY2(chart.message().contains(QStringLiteral("Select a function")),
                 qPrintable(chart.message()));
        QCOMPARE(chart.graphCount(), 0);
    }

    void sweepsTheSelectedFunctionAndMarksItsMemory()
    {
        const auto [project, evaluation] = checkoutAt(512);
        MemorySweepChart chart;
        chart.setCandidate(QStringLiteral("c1"));
        chart.setEvaluation(evaluation, project);
        chart.setHighlightedNode(QStringLiteral("n6"));
        QVERIFY(chart.message().contains(QStringLiteral("Sweeping")));
        QTRY_VERIFY(chart.memorySweep() != nullptr);
        const MemorySweep &sweep = *chart.memorySweep();
        QVERIFY2(sweep.ok(), sweep.error.c_str());
        QCOMPARE(sweep.nodeId, std::string("n6"));
        QCOMPARE(sweep.points.size(), memorySweepSizesMb().size());
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.markedMemoryMb(), 512.0);
        // Cost per million and p99 per size, plus the cheapest/balanced marks.
        QCOMPARE(chart.graphCount(), 3);
        QCOMPARE(chart.graph(0)->dataCount(), int(memorySweepSizesMb().size()));
        QCOMPARE(chart.graph(0)->data()->at(0)->value, sweep.points[0].functionCostPerMillionUsd);
        QVERIFY(chart.title().contains(QStringLiteral("cheapest")));
        QCOMPARE(chart.xAxis->scaleType(), QCPAxis::stLogarithmic);

        // An edit of its memory: the mark moves at once, the sweep follows.
        const auto [edited, editedEvaluation] = checkoutAt(2048);
        chart.setEvaluation(editedEvaluation, edited);
        QCOMPARE(chart.markedMemoryMb(), 2048.0);
        QTRY_COMPARE(chart.memorySweep()->memoryMb, 2048.0);
        QCOMPARE(chart.markedMemoryMb(), 2048.0);

        // Another function selected: its own sweep, never the previous one's curves.
        chart.setHighlightedNode(QStringLiteral("n4"));
        QVERIFY(chart.message().contains(QStringLiteral("Sweeping")));
        QTRY_COMPARE(chart.memorySweep()->nodeId, std::string("n4"));
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.markedMemoryMb(), 256.0);
        QVERIFY(chart.yAxis2->visible()); // p99 on the right

        // Nothing selected: the hint alone, without the previous plot's p99 axis and ticks.
        chart.setHighlightedNode(QString());
        QVERIFY2(chart.message().contains(QStringLiteral("Select a function")),
                 qPrintable(chart.message()));
        QVERIFY(!chart.yAxis2->visible());
        QVERIFY(chart.yAxis2->label().isEmpty());
    }

    void staleSweepIsDropped()
    {
        // Two requests in a row: only the second one's answer arrives.
        const auto [project, evaluation] = checkoutAt(512);
        MemorySweepRunner runner;
        std::vector<std::string> seen;
        connect(&runner, &MemorySweepRunner::sweepReady, this,
                [&seen](std::shared_ptr<const MemorySweep> sweep) { seen.push_back(sweep->nodeId); });
        runner.request(project, QStringLiteral("c1"), QStringLiteral("n6"), 1.0);
        runner.request(project, QStringLiteral("c1"), QStringLiteral("n4"), 1.0);
        QTRY_VERIFY(!runner.isBusy());
        QTest::qWait(50);
        QCOMPARE(seen, std::vector<std::string>{"n4"});
    }
};

QTEST_MAIN(TestMemorySweepChart)
#include "tst_memorysweepchart.moc"
