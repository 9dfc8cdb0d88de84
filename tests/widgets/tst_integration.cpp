// Results in the window: the warnings list follows the evaluation and names the node to
// select, the comparison view marks the best candidate of each figure, the traffic slider is
// logarithmic from × 0.01 to × 100; and in the main window an edit reaches the charts and the
// badges, a warning's click selects its node, convert and duplicate undo cleanly, the slider
// scales the evaluation, badges switch off, and the exports write real files.
#include "Document.h"
#include "MainWindow.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "charts/ChartCatalog.h"
#include "charts/ChartsPanel.h"
#include "charts/CostChart.h"
#include "charts/EvaluationRunner.h"
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


// --- the main window (phase 2) --------------------------------------------------------------

namespace {

QString examplePath(const char *name)
{
    return QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
}

/// The first node of `kind` in a candidate of the document.
QString firstNodeOf(Document *document, const QString &candidateId, NodeKind kind)
{
    for (const Node &node : document->candidate(candidateId)->nodes)
        if (node.kind == kind)
            return QString::fromStdString(node.id);
    return {};
}

double nodeCostUsd(const CandidateEvaluation &candidate, const std::string &nodeId)
{
    double usd = 0;
    for (const CostLine &line : candidate.cost)
        if (line.node == nodeId)
            usd += line.usd;
    return usd;
}

} // namespace

class TestWindowIntegration : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    Document *doc() const { return m_window->document(); }
    EvaluationRunner *runner() const { return m_window->runner(); }
    CanvasScene *scene() const { return m_window->currentCanvas()->canvasScene(); }
    QString currentCandidate() const { return m_window->currentCanvas()->currentCandidateId(); }

    /// Waits until the runner has evaluated the document as it is now.
    bool waitForEvaluation(quint64 after)
    {
        return QTest::qWaitFor([&] {
            return runner()->latest() && runner()->generation() > after && !runner()->isBusy()
                   && runner()->latestProject()
                   && *runner()->latestProject() == doc()->project();
        }, 20000);
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void chartsHaveDocksWithStableNames();
    void editReachesChartsAndBadges();
    void warningsFollowAndClickSelects();
    void selectionLinksCanvasAndCharts();
    void convertAndDuplicateUndoCleanly();
    void sliderScalesTheEvaluation();
    void badgesToggle();
    void exportsWriteFiles();
};

void TestWindowIntegration::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SkylineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_integration"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestWindowIntegration::init()
{
    m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
    runner()->setSimulationEnabled(false); // analytic figures only: fast and deterministic
    runner()->setSweepEnabled(false);
    runner()->setDebounceMs(0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    const quint64 before = runner()->generation();
    QVERIFY(m_window->openFile(examplePath("checkout.skyline")));
    QVERIFY(waitForEvaluation(before));
}

void TestWindowIntegration::cleanup()
{
    doc()->undoStack()->setClean();
    delete m_window;
    m_window = nullptr;
}

void TestWindowIntegration::chartsHaveDocksWithStableNames()
{
    const QList<QDockWidget *> docks = m_window->chartDocks();
    QCOMPARE(docks.size(), m_window->chartsPanel()->charts().size());
    QSet<QString> names;
    for (QDockWidget *dock : docks) {
        QVERIFY(!dock->objectName().isEmpty());
        names.insert(dock->objectName());
        QVERIFY(qobject_cast<ResultChart *>(dock->widget()));
        QVERIFY(m_window->findChild<QMenu *>()); // menus exist
    }
    QCOMPARE(names.size(), docks.size());
    QVERIFY(names.contains(QStringLiteral("sweepChartDock")));
    // One dock per row of the chart catalog, in its order, named and titled by it.
    const std::vector<ChartInfo> &catalog = chartCatalog();
    QCOMPARE(std::size_t(docks.size()), catalog.size());
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        QCOMPARE(docks.at(int(i))->objectName(), QString::fromLatin1(catalog[i].dockName));
        QCOMPARE(docks.at(int(i))->windowTitle(), catalog[i].translatedTitle());
    }
    // Hiding a chart dock survives saveState/restoreState.
    docks.first()->hide();
    const QByteArray state = m_window->saveState();
    docks.first()->show();
    QVERIFY(m_window->restoreState(state));
    QVERIFY(docks.first()->isHidden());
    // The progress indicator lives in the status bar.
    QVERIFY(m_window->statusBar()->findChild<QWidget *>(QStringLiteral("evaluationProgress")));
}

void TestWindowIntegration::editReachesChartsAndBadges()
{
    const QString candidateId = currentCandidate();
    const QString functionId = firstNodeOf(doc(), candidateId, NodeKind::Function);
    QVERIFY(!functionId.isEmpty());
    const auto first = runner()->latest();
    const CandidateEvaluation *before = first->findCandidate(candidateId.toStdString());
    QVERIFY(before);

    // The badge shows this evaluation's figures.
    NodeItem *item = scene()->nodeItem(functionId);
    QVERIFY(item);
    QVERIFY(item->badges().monthlyCostUsd.has_value());
    QCOMPARE(*item->badges().monthlyCostUsd, nodeCostUsd(*before, functionId.toStdString()));
    QVERIFY(item->badges().peakInstances.has_value());
    QVERIFY(item->badges().p99Ms.has_value());
    for (ResultChart *chart : m_window->chartsPanel()->resultCharts())
        if (chart != m_window->chartsPanel()->sweepChart())
            QCOMPARE(chart->evaluation(), first);

    // Doubling the memory of the function doubles its compute cost: the badge and charts follow.
    const double memoryMb = std::get<double>(doc()->node(candidateId, functionId)->params.at("memoryMb"));
    const quint64 generation = runner()->generation();
    QCOMPARE(doc()->setNodeParam(candidateId, functionId, QStringLiteral("memoryMb"),
                                 memoryMb * 2), QString());
    QVERIFY(waitForEvaluation(generation));
    const auto second = runner()->latest();
    QVERIFY(second != first);
    const double newCost = nodeCostUsd(*second->findCandidate(candidateId.toStdString()),
                                       functionId.toStdString());
    QVERIFY(newCost > nodeCostUsd(*before, functionId.toStdString()));
    QCOMPARE(*scene()->nodeItem(functionId)->badges().monthlyCostUsd, newCost);
    for (ResultChart *chart : m_window->chartsPanel()->resultCharts())
        if (chart != m_window->chartsPanel()->sweepChart())
            QCOMPARE(chart->evaluation(), second);
}

void TestWindowIntegration::warningsFollowAndClickSelects()
{
    WarningsPanel *warnings = m_window->warningsPanel();
    const QString candidateId = currentCandidate();
    QCOMPARE(warnings->rowCount(), 0); // the checkout example is clean
    QVERIFY(warnings->isEmptyStateShown());
    const QString functionId = firstNodeOf(doc(), candidateId, NodeKind::Function);
    const quint64 generation = runner()->generation();
    doc()->setNodeParam(candidateId, functionId, QStringLiteral("durationMs"), 2'000'000.0);
    QVERIFY(waitForEvaluation(generation));
    int row = -1;
    for (int i = 0; i < warnings->rowCount(); ++i)
        if (warnings->codeAt(i) == QLatin1String("function-timeout")
            && warnings->nodeAt(i) == functionId)
            row = i;
    QVERIFY(row >= 0);
    QVERIFY(!scene()->nodeItem(functionId)->badges().warningText.isEmpty());

    // From another tab, a click on the warning brings its candidate back and selects the node.
    m_window->candidateTabs()->setCurrentIndex(1);
    QVERIFY(currentCandidate() != candidateId);
    warnings->setShowAllCandidates(true);
    for (int i = 0; i < warnings->rowCount(); ++i)
        if (warnings->codeAt(i) == QLatin1String("function-timeout"))
            row = i;
    warnings->activateRow(row);
    QCOMPARE(currentCandidate(), candidateId);
    QCOMPARE(scene()->selectedNodeIds(), QStringList{functionId});

    // Undo: the warning and its sign go away.
    const quint64 again = runner()->generation();
    doc()->undoStack()->undo();
    QVERIFY(waitForEvaluation(again));
    warnings->setShowAllCandidates(false);
    QCOMPARE(warnings->rowCount(), 0);
    QVERIFY(scene()->nodeItem(functionId)->badges().warningText.isEmpty());
}

void TestWindowIntegration::selectionLinksCanvasAndCharts()
{
    const QString candidateId = currentCandidate();
    const QString functionId = firstNodeOf(doc(), candidateId, NodeKind::Function);
    scene()->selectIds({functionId});
    for (ResultChart *chart : m_window->chartsPanel()->resultCharts())
        QCOMPARE(chart->highlightedNode(), functionId);
    scene()->selectIds({});
    for (ResultChart *chart : m_window->chartsPanel()->resultCharts())
        QVERIFY(chart->highlightedNode().isEmpty());

    // A click on a series selects its node on the canvas.
    const QString datastoreId = firstNodeOf(doc(), candidateId, NodeKind::Datastore);
    emit m_window->chartsPanel()->costChart()->nodeClicked(datastoreId);
    QCOMPARE(scene()->selectedNodeIds(), QStringList{datastoreId});
    QCOMPARE(m_window->chartsPanel()->costChart()->highlightedNode(), datastoreId);
}

void TestWindowIntegration::convertAndDuplicateUndoCleanly()
{
    QAction *convert = m_window->action(QStringLiteral("convertNode"));
    QVERIFY(convert);
    const QString candidateId = currentCandidate();
    const Project original = doc()->project();
    QVERIFY(!convert->isEnabled());
    const QString datastoreId = firstNodeOf(doc(), candidateId, NodeKind::Datastore);
    scene()->selectIds({datastoreId});
    QVERIFY(!convert->isEnabled()); // only functions and services convert

    const QString functionId = firstNodeOf(doc(), candidateId, NodeKind::Function);
    scene()->selectIds({functionId});
    QVERIFY(convert->isEnabled());
    convert->trigger();
    QCOMPARE(doc()->node(candidateId, functionId)->kind, NodeKind::Service);
    QCOMPARE(doc()->undoStack()->count(), 1);
    QVERIFY(convert->isEnabled()); // still selected: converting back is one click
    const quint64 generation = runner()->generation();
    QVERIFY(waitForEvaluation(generation - 1));
    const NodeResult *converted = nullptr;
    for (const NodeResult &node :
         runner()->latest()->findCandidate(candidateId.toStdString())->nodes)
        if (node.id == functionId.toStdString())
            converted = &node;
    QVERIFY(converted);
    QCOMPARE(converted->kind, NodeKind::Service);
    doc()->undoStack()->undo();
    QVERIFY(doc()->project() == original);

    // Duplicate a candidate: a new tab; undo removes it again.
    const int tabs = m_window->candidateTabs()->count();
    m_window->action(QStringLiteral("duplicateCandidate"))->trigger();
    QCOMPARE(m_window->candidateTabs()->count(), tabs + 1);
    QCOMPARE(int(doc()->project().candidates.size()), tabs + 1);
    const quint64 dup = runner()->generation();
    QVERIFY(waitForEvaluation(dup - 1));
    QCOMPARE(m_window->comparisonView()->table()->columnCount(), tabs + 1);
    doc()->undoStack()->undo();
    QCOMPARE(m_window->candidateTabs()->count(), tabs);
    QVERIFY(doc()->project() == original);
}

void TestWindowIntegration::sliderScalesTheEvaluation()
{
    const QString candidateId = currentCandidate();
    const QString clientId = firstNodeOf(doc(), candidateId, NodeKind::Client);
    auto peakOf = [&](const Evaluation &evaluation) {
        for (const NodeResult &node : evaluation.findCandidate(candidateId.toStdString())->nodes)
            if (node.id == clientId.toStdString())
                return node.peakRps;
        return -1.0;
    };
    const double peak = peakOf(*runner()->latest());
    QVERIFY(peak > 0);
    const quint64 generation = runner()->generation();
    m_window->trafficSlider()->setMultiplier(10);
    QCOMPARE(runner()->trafficMultiplier(), 10.0);
    QVERIFY(QTest::qWaitFor([&] {
        return runner()->generation() > generation && !runner()->isBusy() && runner()->latest()
               && runner()->latest()->trafficMultiplier == 10.0;
    }, 20000));
    QVERIFY(std::abs(peakOf(*runner()->latest()) - 10 * peak) < 1e-6 * peak);
    QCOMPARE(m_window->chartsPanel()->loadChart()->evaluation(), runner()->latest());
    QVERIFY(doc()->undoStack()->count() == 0); // a what-if, not an edit
}

void TestWindowIntegration::badgesToggle()
{
    QAction *badges = m_window->action(QStringLiteral("showBadges"));
    QVERIFY(badges && badges->isCheckable() && badges->isChecked());
    const QString candidateId = currentCandidate();
    auto anyBadge = [&] {
        for (const Node &node : doc()->candidate(candidateId)->nodes)
            if (!(scene()->nodeItem(QString::fromStdString(node.id))->badges() == NodeBadges{}))
                return true;
        return false;
    };
    QVERIFY(anyBadge());
    badges->trigger();
    QVERIFY(!badges->isChecked());
    QVERIFY(!anyBadge());
    QCOMPARE(QSettings().value(QStringLiteral("canvas/showBadges")).toBool(), false);
    // A new window remembers the choice.
    {
        MainWindow other(m_dir.filePath(QStringLiteral("recovery2")));
        QVERIFY(!other.action(QStringLiteral("showBadges"))->isChecked());
    }
    badges->trigger();
    QVERIFY(anyBadge());
    QCOMPARE(QSettings().value(QStringLiteral("canvas/showBadges")).toBool(), true);
}

void TestWindowIntegration::exportsWriteFiles()
{
    QTemporaryDir out;
    QString error;
    for (const char *name : {"canvas.png", "canvas.svg", "canvas.pdf"}) {
        const QString path = out.filePath(QLatin1String(name));
        QVERIFY2(m_window->exportCanvas(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 100);
    }
    QCOMPARE(QImage(out.filePath(QStringLiteral("canvas.png"))).isNull(), false);
    ResultChart *chart = m_window->currentChart();
    QVERIFY(chart);
    for (const char *name : {"chart.png", "chart.svg", "chart.pdf"}) {
        const QString path = out.filePath(QLatin1String(name));
        QVERIFY2(m_window->exportChart(chart, path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 100);
    }
    const QString csv = out.filePath(QStringLiteral("figures.csv"));
    QVERIFY2(m_window->exportFigures(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QByteArray text = csvFile.readAll();
    QVERIFY(text.count('\n') > int(doc()->project().candidates.front().nodes.size()));
    // The HTML report names every candidate.
    const QString html = out.filePath(QStringLiteral("report.html"));
    QVERIFY2(m_window->exportReport(html, &error), qPrintable(error));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QString report = QString::fromUtf8(htmlFile.readAll());
    for (const Candidate &candidate : doc()->project().candidates)
        QVERIFY(report.contains(QString::fromStdString(candidate.name).toHtmlEscaped()));
    // A folder that does not exist: refused with a reason.
    QVERIFY(!m_window->exportFigures(out.filePath(QStringLiteral("missing/dir/f.csv")), &error));
    QVERIFY(!error.isEmpty());
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int status = 0;
    {
        TestIntegration panels;
        status |= QTest::qExec(&panels, argc, argv);
    }
    {
        TestWindowIntegration window;
        status |= QTest::qExec(&window, argc, argv);
    }
    return status;
}

#include "tst_integration.moc"
