// Result panels fed by real evaluations of the examples: the warnings list follows the
// evaluation and names the node to select, the comparison view marks the best candidate of
// each figure, the traffic slider is logarithmic from × 0.01 to × 100.

#include "Document.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "charts/ChartCatalog.h"
#include "charts/ChartsPanel.h"
#include "charts/CostChart.h"
#include "EvaluationRunner.h"
#include "charts/LoadChart.h"
#include "panels/ComparisonView.h"
#include "panels/TrafficSlider.h"
#include "panels/WarningsPanel.h"

#include "charts/ResultChart.h"
#include "charts/SweepChart.h"
#include "engine/Sweep.h"
#include "io/ProjectJson.h"
#include "report/Comparison.h"
#include "support/Examples.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace skyline;
using skyline::test::evaluateShared;
using skyline::test::loadExample;

namespace {



/// A function whose run time exceeds the platform limit (a `function-timeout` warning).
Project withTimeout(Project project, const std::string &candidateId, std::string *nodeId)
{
    for (Candidate &candidate : project.candidates) {
        if (candidate.id != candidateId)
            continue;
        for (Node &node : candidate.nodes) {
            if (node.kind == NodeKind::Function) {
                node.params["durationMs"] = 2'000'000.0;
                *nodeId = node.id;
                return project;
            }
        }
    }
    qFatal("no function in candidate %s", candidateId.c_str());
    return project;
}

} // namespace

class TestIntegration : public QObject
{
    Q_OBJECT
private slots:
    // --- warnings panel ---------------------------------------------------------------------
    void warningsEmptyState();
    void warningsListCurrentCandidate();
    void warningsAllCandidates();
    void warningsClickNamesNode();
    void warningsFitANarrowDock_data();
    void warningsFitANarrowDock();
    void warningsFollowNewEvaluation();
    // --- traffic slider ---------------------------------------------------------------------
    void sliderText_data();
    void sliderText();
    void sliderIsLogarithmic();
    void sliderClampsAndResets();
    // --- comparison view --------------------------------------------------------------------
    void comparisonMarksBest();
    void comparisonChartsOverlay();
};

void TestIntegration::warningsEmptyState()
{
    WarningsPanel panel;
    QVERIFY(panel.isEmptyStateShown());
    const Project checkout = loadExample("checkout.skyline"); // clean: no warnings
    panel.setEvaluation(evaluateShared(checkout),
                        std::make_shared<const Project>(checkout));
    panel.setCandidate(QStringLiteral("c1"));
    QCOMPARE(panel.rowCount(), 0);
    QVERIFY(panel.isEmptyStateShown());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("noWarnings"))->text(),
             QStringLiteral("No warnings"));
}

void TestIntegration::warningsListCurrentCandidate()
{
    const Project project = loadExample("thumbnails.skyline");
    const auto evaluation = evaluateShared(project);
    WarningsPanel panel;
    panel.setEvaluation(evaluation, std::make_shared<const Project>(project));
    for (const CandidateEvaluation &candidate : evaluation->candidates) {
        panel.setCandidate(QString::fromStdString(candidate.id));
        QCOMPARE(panel.rowCount(), int(candidate.warnings.size()));
        QVERIFY(!panel.isEmptyStateShown());
        for (int row = 0; row < panel.rowCount(); ++row) {
            QCOMPARE(panel.codeAt(row), QString::fromStdString(candidate.warnings[row].code));
            QCOMPARE(panel.nodeAt(row), QString::fromStdString(candidate.warnings[row].node));
            QCOMPARE(panel.candidateAt(row), QString::fromStdString(candidate.id));
        }
    }
    // The node column shows the node's name, not its id.
    panel.setCandidate(QStringLiteral("c1"));
    const std::string nodeId = evaluation->candidates.front().warnings.front().node;
    std::string name;
    for (const Node &node : project.candidates.front().nodes)
        if (node.id == nodeId)
            name = node.name;
    QCOMPARE(panel.list()->topLevelItem(0)->text(WarningsPanel::NodeColumn),
             QString::fromStdString(name));
    QVERIFY(panel.list()->isColumnHidden(WarningsPanel::CandidateColumn));
}

void TestIntegration::warningsAllCandidates()
{
    const Project project = loadExample("thumbnails.skyline");
    const auto evaluation = evaluateShared(project);
    int total = 0;
    for (const CandidateEvaluation &candidate : evaluation->candidates)
        total += int(candidate.warnings.size());
    QVERIFY(total > 1);

    WarningsPanel panel;
    panel.setEvaluation(evaluation, std::make_shared<const Project>(project));
    panel.setCandidate(QStringLiteral("c1"));
    panel.setShowAllCandidates(true);
    QCOMPARE(panel.rowCount(), total);
    QVERIFY(!panel.list()->isColumnHidden(WarningsPanel::CandidateColumn));
    QCOMPARE(panel.list()->topLevelItem(0)->text(WarningsPanel::CandidateColumn),
             QString::fromStdString(evaluation->candidates.front().name));
    panel.setShowAllCandidates(false);
    QCOMPARE(panel.rowCount(), int(evaluation->candidates.front().warnings.size()));
}

void TestIntegration::warningsFitANarrowDock_data()
{
    QTest::addColumn<bool>("allCandidates");
    QTest::newRow("current candidate") << false;
    QTest::newRow("all candidates") << true;
}

void TestIntegration::warningsFitANarrowDock()
{
    // The right column of a 1024 × 700 window leaves the warnings about 270 px: the table
    // scrolled sideways there and cut the warning off. Now it fits and the warning wraps.
    QFETCH(bool, allCandidates);
    const Project project = loadExample("thumbnails.skyline");
    WarningsPanel panel;
    panel.setEvaluation(evaluateShared(project), std::make_shared<const Project>(project));
    panel.setCandidate(QStringLiteral("c1"));
    panel.setShowAllCandidates(allCandidates);
    panel.resize(270, 180);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeWidget *list = panel.list();
    QVERIFY(list->topLevelItemCount() > 0);
    QTRY_COMPARE(list->horizontalScrollBar()->maximum(), 0);
    int total = 0;
    for (int column = 0; column < list->columnCount(); ++column)
        if (!list->isColumnHidden(column))
            total += list->header()->sectionSize(column);
    QVERIFY2(total <= list->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(total).arg(list->viewport()->width())));
    // The warning keeps about half of the width at least, and its row grows to show it whole.
    QTRY_VERIFY2(list->header()->sectionSize(WarningsPanel::MessageColumn)
                     >= list->viewport()->width() / 2 - 2,
                 qPrintable(QStringLiteral("%1 of %2 px")
                                .arg(list->header()->sectionSize(WarningsPanel::MessageColumn))
                                .arg(list->viewport()->width())));
    QTreeWidgetItem *first = list->topLevelItem(0);
    QVERIFY(list->visualItemRect(first).height() > 2 * list->fontMetrics().height());
}

void TestIntegration::warningsClickNamesNode()
{
    const Project project = loadExample("thumbnails.skyline");
    const auto evaluation = evaluateShared(project);
    WarningsPanel panel;
    panel.resize(600, 200);
    panel.setEvaluation(evaluation, std::make_shared<const Project>(project));
    panel.setCandidate(QStringLiteral("c2"));
    QSignalSpy spy(&panel, &WarningsPanel::nodeActivated);

    // A real mouse click on the first row.
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeWidget *list = panel.list();
    const QRect rect = list->visualItemRect(list->topLevelItem(0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("c2"));
    QCOMPARE(spy.at(0).at(1).toString(),
             QString::fromStdString(evaluation->findCandidate("c2")->warnings.front().node));
}

void TestIntegration::warningsFollowNewEvaluation()
{
    const Project clean = loadExample("checkout.skyline");
    std::string nodeId;
    const Project broken = withTimeout(clean, "c1", &nodeId);
    WarningsPanel panel;
    panel.setCandidate(QStringLiteral("c1"));
    panel.setEvaluation(evaluateShared(clean), std::make_shared<const Project>(clean));
    QCOMPARE(panel.rowCount(), 0);
    panel.setEvaluation(evaluateShared(broken), std::make_shared<const Project>(broken));
    QVERIFY(panel.rowCount() >= 1);
    bool found = false;
    for (int row = 0; row < panel.rowCount(); ++row)
        found = found || (panel.codeAt(row) == QLatin1String("function-timeout")
                          && panel.nodeAt(row) == QString::fromStdString(nodeId));
    QVERIFY(found);
    panel.setEvaluation(evaluateShared(clean), std::make_shared<const Project>(clean));
    QVERIFY(panel.isEmptyStateShown());
}

void TestIntegration::sliderText_data()
{
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<QString>("text");
    QTest::newRow("one") << 1.0 << QStringLiteral("× 1.00");
    QTest::newRow("hundredth") << 0.01 << QStringLiteral("× 0.01");
    QTest::newRow("half") << 0.5 << QStringLiteral("× 0.50");
    QTest::newRow("ten") << 10.0 << QStringLiteral("× 10.0");
    QTest::newRow("hundred") << 100.0 << QStringLiteral("× 100.0");
    QTest::newRow("below range") << 0.001 << QStringLiteral("× 0.01");
    QTest::newRow("above range") << 1000.0 << QStringLiteral("× 100.0");
}

void TestIntegration::sliderText()
{
    QFETCH(double, multiplier);
    QFETCH(QString, text);
    TrafficSlider slider;
    slider.setMultiplier(multiplier);
    QCOMPARE(slider.label()->text(), text);
}

void TestIntegration::sliderIsLogarithmic()
{
    TrafficSlider slider;
    QSlider *bar = slider.slider();
    QSignalSpy spy(&slider, &TrafficSlider::multiplierChanged);
    // The middle of the bar is × 1, a quarter from each end a decade: equal steps, equal ratios.
    QCOMPARE(bar->value(), (bar->minimum() + bar->maximum()) / 2);
    QCOMPARE(TrafficSlider::multiplierAt(bar->minimum()), 0.01);
    QCOMPARE(TrafficSlider::multiplierAt(bar->maximum()), 100.0);
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(spy.count(), 1);
    QVERIFY(std::abs(spy.last().at(0).toDouble() - 10.0) < 1e-9);
    QCOMPARE(slider.label()->text(), QStringLiteral("× 10.0"));
    bar->setValue(bar->minimum() / 2);
    QVERIFY(std::abs(spy.last().at(0).toDouble() - 0.1) < 1e-9);
    // Keyboard: one page step up from × 1 gives √10.
    slider.reset();
    bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QVERIFY(std::abs(slider.multiplier() - std::sqrt(10.0)) < 1e-9);
}

void TestIntegration::sliderClampsAndResets()
{
    TrafficSlider slider;
    QSignalSpy spy(&slider, &TrafficSlider::multiplierChanged);
    QVERIFY(!slider.resetButton()->isEnabled());
    slider.setMultiplier(5000);
    QCOMPARE(slider.multiplier(), 100.0);
    QCOMPARE(slider.slider()->value(), slider.slider()->maximum());
    QVERIFY(slider.resetButton()->isEnabled());
    slider.setMultiplier(100.0); // no change, no signal
    QCOMPARE(spy.count(), 1);
    slider.resetButton()->click();
    QCOMPARE(slider.multiplier(), 1.0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toDouble(), 1.0);
    QCOMPARE(slider.label()->text(), QStringLiteral("× 1.00"));
    slider.setMultiplier(std::nan(""));
    QCOMPARE(slider.multiplier(), 1.0);
}

void TestIntegration::comparisonMarksBest()
{
    const Project project = loadExample("checkout.skyline");
    const auto evaluation = evaluateShared(project);
    ComparisonView view;
    QCOMPARE(view.table()->rowCount(), 0);
    view.setEvaluation(evaluation, std::make_shared<const Project>(project));

    QTableWidget *table = view.table();
    QCOMPARE(table->columnCount(), int(evaluation->candidates.size()));
    for (int column = 0; column < table->columnCount(); ++column)
        QCOMPARE(table->horizontalHeaderItem(column)->text(),
                 QString::fromStdString(evaluation->candidates[column].name));
    const QStringList keys = view.rowKeys();
    for (const char *key : {"monthlyCostUsd", "costPerMillionUsd", "p99PeakMs", "coldStartShare",
                            "peakInstances", "complexityScore", "worstBlastRadius",
                            "availability", "warningCount"})
        QVERIFY2(keys.contains(QLatin1String(key)), key);

    // The cheapest candidate is marked in the monthly-cost row, and only it.
    int cheapest = 0;
    for (int i = 1; i < int(evaluation->candidates.size()); ++i)
        if (evaluation->candidates[i].monthlyCostUsd
            < evaluation->candidates[cheapest].monthlyCostUsd)
            cheapest = i;
    const int costRow = int(keys.indexOf(QStringLiteral("monthlyCostUsd")));
    for (int column = 0; column < table->columnCount(); ++column) {
        QTableWidgetItem *item = table->item(costRow, column);
        QCOMPARE(view.isMarkedBest(QStringLiteral("monthlyCostUsd"), column), column == cheapest);
        QCOMPARE(item->font().bold(), column == cheapest);
        QCOMPARE(item->toolTip().startsWith(QLatin1String("Best")), column == cheapest);
    }
    QCOMPARE(table->item(costRow, cheapest)->text(),
             QStringLiteral("★ ") + formatUsd(evaluation->candidates[cheapest].monthlyCostUsd));

    // Every row agrees with the comparison table's own verdict.
    const ComparisonTable comparison = ComparisonTable::build(*evaluation);
    for (const ComparisonRow &row : comparison.rows())
        for (int column = 0; column < comparison.columnCount(); ++column)
            QCOMPARE(view.isMarkedBest(row.key, column), row.isBest(column));
}

void TestIntegration::comparisonChartsOverlay()
{
    const Project project = loadExample("checkout.skyline");
    const auto evaluation = evaluateShared(project);
    ComparisonView view;
    view.setEvaluation(evaluation, std::make_shared<const Project>(project));
    view.setSweep(std::make_shared<const LoadSweep>(
        sweep(project, sweepMultipliers(0.01, 100.0, 9))));
    QCOMPARE(view.charts().size(), 4);
    for (ResultChart *chart : view.charts()) {
        if (chart->supportsOverlay())
            QVERIFY(chart->isOverlay());
        QVERIFY2(chart->message().isEmpty(), qPrintable(chart->title() + chart->message()));
        QVERIFY(chart->plottableCount() > 0);
    }
    // One cost curve per candidate in the sweep.
    QVERIFY(view.sweepChart()->graphCount() >= int(evaluation->candidates.size()));
}

QTEST_MAIN(TestIntegration)
#include "tst_integration.moc"
