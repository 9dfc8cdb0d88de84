// Results in the main window: an edit reaches the charts and the badges, a warning's click
// selects its node, convert and duplicate undo cleanly, the slider scales the evaluation,
// badges switch off, and the exports write real files.

#include "Document.h"
#include "MainWindow.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "charts/ChartCatalog.h"
#include "charts/ChartsPanel.h"
#include "charts/CostChart.h"
#include "EvaluationRunner.h"
#include "charts/LoadChart.h"
#include "panels/ComparisonView.h"
#include "panels/PropertyPanel.h"
#include "panels/TrafficSlider.h"
#include "panels/WarningsPanel.h"

#include "charts/ResultChart.h"
#include "charts/SweepChart.h"
#include "charts/TornadoChart.h"
#include "engine/Sweep.h"
#include "io/ProjectJson.h"
#include "report/Comparison.h"
#include "support/Examples.h"
#include "support/UserInput.h"

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
    void refusalIsShownInFull();
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
        if (chart != m_window->chartsPanel()->sweepChart()
            && chart != m_window->chartsPanel()->tornadoChart()) // the RangeRunner feeds it
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
        if (chart != m_window->chartsPanel()->sweepChart()
            && chart != m_window->chartsPanel()->tornadoChart())
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

QTEST_MAIN(TestWindowIntegration)
void TestWindowIntegration::refusalIsShownInFull()
{
    // In the 1600 x 1000 window a refusal of three lines under the Memory field got the
    // height of about two: its first and last lines were cut in half.
    m_window->resize(1600, 1000);
    QTest::qWait(50);
    const QString functionId = firstNodeOf(doc(), currentCandidate(), NodeKind::Function);
    scene()->selectIds({functionId});
    PropertyPanel *panel = m_window->propertyPanel();
    test::typeAndEnter(panel->editor(QStringLiteral("memoryMb")), QStringLiteral("-5"));
    QTest::qWait(100);
    auto *error = panel->findChild<QLabel *>(QStringLiteral("memoryMbError"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->heightForWidth(error->width()) > 2 * error->fontMetrics().height(),
             "the refusal should wrap to three lines or more in this panel");
    QVERIFY2(error->height() >= error->heightForWidth(error->width()),
             qPrintable(QStringLiteral("%1 px high, its text needs %2 px")
                            .arg(error->height())
                            .arg(error->heightForWidth(error->width()))));
}

#include "tst_windowintegration.moc"
