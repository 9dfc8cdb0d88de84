// The main window: candidate tabs follow the document, the title carries the modified
// marker, files round-trip through Save and Open, a broken file is reported with its JSON
// pointer while the open project stays, unsaved changes are guarded, and recovery copies work.
// Layout: a fresh window gives the chart docks a readable share of its height (a remembered
// layout wins), and the comparison table is as tall as its rows, no blank below them.

#include "Document.h"
#include "MainWindow.h"
#include "RecoveryManager.h"
#include "canvas/CanvasView.h"
#include "EvaluationRunner.h"
#include "charts/ChartCatalog.h"
#include "charts/ResultChart.h"
#include "charts/SweepChart.h"
#include "canvas/CanvasScene.h"
#include "canvas/NodeBadges.h"
#include "canvas/NodeItem.h"
#include "report/NumberFormat.h"
#include "report/ResultImages.h"
#include "panels/ComparisonView.h"

#include <algorithm>
#include <cmath>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QMenu>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace skyline;

namespace {

/// Answers the next modal message box with `button` and keeps its text in `text`.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->done(button);
        timer->stop();
        timer->deleteLater();
    });
    timer->start();
}

/// Forgets the remembered window layout, as on a first start.
void forgetLayout()
{
    QSettings settings;
    settings.remove(QStringLiteral("mainWindow/geometry"));
    settings.remove(QStringLiteral("mainWindow/state"));
}

/// The first chart dock shown in the bottom area (the one holding the visible chart tab).
QDockWidget *visibleChartDock(MainWindow *window)
{
    for (QDockWidget *dock : window->chartDocks())
        if (dock->isVisible() && !dock->visibleRegion().isEmpty())
            return dock;
    return nullptr;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    Document *doc() const { return m_window->document(); }

    /// A new main window with no remembered layout, shown; returns its chart dock in front.
    QDockWidget *reopenWithFreshLayout()
    {
        delete m_window;
        forgetLayout();
        m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window))
            return nullptr;
        return visibleChartDock(m_window);
    }

    /// Opens the checkout example with analytic figures only (fast) and waits for them.
    void openCheckoutWithAnalyticFigures()
    {
        EvaluationRunner *runner = m_window->runner();
        runner->setSimulationEnabled(false);
        runner->setSweepEnabled(false);
        const quint64 before = runner->generation();
        QVERIFY(m_window->openFile(QStringLiteral(SKYLINE_SOURCE_DIR
                                                  "/resources/examples/checkout.skyline")));
        QTRY_VERIFY_WITH_TIMEOUT(runner->generation() > before && !runner->isBusy()
                                     && runner->latest(),
                                 20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SkylineTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        doc()->undoStack()->setClean(); // no Save/Discard question when closing
        delete m_window;
    }

    void oneTabPerCandidate()
    {
        QCOMPARE(m_window->candidateTabs()->count(), int(doc()->project().candidates.size()));
        QVERIFY(m_window->currentCanvas());
        QVERIFY(m_window->windowTitle().endsWith(QStringLiteral("[*] — Skyline")));
        QVERIFY(!m_window->isWindowModified());
    }

    void modifiedMarkerFollowsTheUndoStack()
    {
        doc()->setProjectName(QStringLiteral("Checkout"));
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Checkout[*] — Skyline"));
        QVERIFY(m_window->action("undo")->isEnabled());
        QVERIFY(m_window->action("undo")->text().contains(QStringLiteral("Rename project")));
        m_window->action("undo")->trigger();
        QVERIFY(!m_window->isWindowModified());
        m_window->action("redo")->trigger();
        QVERIFY(m_window->isWindowModified());
    }

    void candidateTabsFollowTheDocument()
    {
        const int before = m_window->candidateTabs()->count();
        m_window->action("addCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 1);
        QCOMPARE(m_window->candidateTabs()->currentIndex(), before);
        const QString added = m_window->currentCanvas()->currentCandidateId();

        doc()->renameCandidate(added, QStringLiteral("Microservices"));
        QCOMPARE(m_window->candidateTabs()->tabText(before), QStringLiteral("Microservices"));

        m_window->action("duplicateCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);

        // Delete asks first; Cancel keeps the candidate, Yes removes it (undoable).
        m_window->candidateTabs()->setCurrentIndex(before);
        answerNextMessageBox(QMessageBox::Cancel);
        m_window->action("deleteCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);
        answerNextMessageBox(QMessageBox::Yes);
        m_window->action("deleteCandidate")->trigger();
        QCOMPARE(m_window->candidateTabs()->count(), before + 1);
        QVERIFY(!doc()->candidate(added));
        doc()->undoStack()->undo();
        QCOMPARE(m_window->candidateTabs()->count(), before + 2);
        QCOMPARE(m_window->candidateTabs()->tabText(before), QStringLiteral("Microservices"));
    }

    void lastCandidateCannotBeDeleted()
    {
        while (doc()->project().candidates.size() > 1)
            doc()->removeCandidate(QString::fromStdString(doc()->project().candidates.back().id));
        QVERIFY(!m_window->action("deleteCandidate")->isEnabled());
        m_window->deleteCandidate(0);
        QCOMPARE(doc()->project().candidates.size(), size_t(1));
    }

    void saveOpenRoundTrip()
    {
        const QString candidateId = m_window->currentCanvas()->currentCandidateId();
        doc()->setProjectName(QStringLiteral("Round trip"));
        doc()->addNode(candidateId, NodeKind::Function, {120, 80}, QStringLiteral("Resize"));
        doc()->addCandidate(QStringLiteral("Second"));
        const Project saved = doc()->project();
        const QString path = m_dir.filePath(QStringLiteral("roundtrip.skyline"));
        QVERIFY(m_window->saveTo(path));
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("roundtrip.skyline[*] — Skyline"));
        QCOMPARE(MainWindow::recentFiles().value(0), QFileInfo(path).absoluteFilePath());

        m_window->newProject();
        QVERIFY(!(doc()->project() == saved));
        QVERIFY(m_window->openFile(path));
        QCOMPARE(doc()->project(), saved);
        QCOMPARE(m_window->candidateTabs()->count(), 2);
        QCOMPARE(m_window->candidateTabs()->tabText(1), QStringLiteral("Second"));
        QCOMPARE(doc()->filePath(), path);
    }

    void brokenFileKeepsTheDocumentAndNamesThePointer()
    {
        const QString good = m_dir.filePath(QStringLiteral("good.skyline"));
        doc()->setProjectName(QStringLiteral("Kept"));
        QVERIFY(m_window->saveTo(good));
        const Project before = doc()->project();

        // Take the saved file and break one value deep inside it.
        QFile file(good);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        const QString candidateId = QString::fromStdString(before.candidates.front().id);
        Project broken = before;
        Node node = makeDefaultNode(NodeKind::Function, "n1", "F", {0, 0});
        node.params["memoryMb"] = 99999.0;
        broken.candidates.front().nodes.push_back(node);
        const QString bad = m_dir.filePath(QStringLiteral("bad.skyline"));
        writeFile(bad, QByteArray::fromStdString(writeProject(broken)));

        QString message;
        answerNextMessageBox(QMessageBox::Ok, &message);
        QVERIFY(!m_window->openFile(bad));
        QVERIFY2(message.contains(QStringLiteral("/candidates/0/nodes/0/params/memoryMb")),
                 qPrintable(message));
        QCOMPARE(doc()->project(), before);
        QCOMPARE(doc()->filePath(), good);
        QCOMPARE(m_window->candidateTabs()->count(), int(before.candidates.size()));
        Q_UNUSED(candidateId);
        Q_UNUSED(text);
    }

    void unsavedChangesAreGuarded()
    {
        doc()->setProjectName(QStringLiteral("Unsaved"));
        answerNextMessageBox(QMessageBox::Cancel);
        m_window->newProject();
        QCOMPARE(doc()->project().name, std::string("Unsaved")); // Cancel keeps the work

        answerNextMessageBox(QMessageBox::Discard);
        m_window->newProject();
        QVERIFY(doc()->project().name != "Unsaved");
        QVERIFY(!m_window->isWindowModified());

        doc()->setProjectName(QStringLiteral("Unsaved again"));
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!m_window->close()); // the window stays open
        QVERIFY(m_window->isVisible());
    }

    void recoveryCopyIsWrittenAndRestored()
    {
        RecoveryManager *recovery = m_window->recovery();
        QVERIFY(!recovery->writeNow()); // nothing unsaved: no copy
        QVERIFY(!QFile::exists(recovery->recoveryFilePath()));

        doc()->setProjectName(QStringLiteral("Crashed work"));
        QVERIFY(recovery->writeNow());
        QVERIFY(QFile::exists(recovery->recoveryFilePath()));
        // Our own copy is not an orphan while we run.
        QVERIFY(recovery->orphanedRecoveryFiles().isEmpty());

        // A copy from a session that no longer runs is offered and restored as unsaved work.
        const QString orphan =
            QDir(recovery->directory()).filePath(QStringLiteral("recovery-999999.skyline"));
        QVERIFY(QFile::copy(recovery->recoveryFilePath(), orphan));
        QCOMPARE(recovery->orphanedRecoveryFiles(), QStringList{orphan});
        answerNextMessageBox(QMessageBox::Discard); // leave "Crashed work" without saving
        m_window->newProject();
        QVERIFY(!QFile::exists(recovery->recoveryFilePath())); // discarded with the work

        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                box->defaultButton()->click(); // "Restore"
                timer->stop();
            }
        });
        timer->start();
        m_window->offerRecovery();
        QCOMPARE(doc()->project().name, std::string("Crashed work"));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(!QFile::exists(orphan));
    }

    void freshLayoutGivesTheChartsARealShare()
    {
        QDockWidget *charts = reopenWithFreshLayout();
        QVERIFY(charts);
        QCOMPARE(m_window->dockWidgetArea(charts), Qt::BottomDockWidgetArea);
        // Readable: at least 30 % of the window (was ~20 %), and the canvas keeps the most.
        const int windowHeight = m_window->height();
        QVERIFY2(charts->height() >= windowHeight * 3 / 10,
                 qPrintable(QStringLiteral("chart dock %1 px of %2 px")
                                .arg(charts->height())
                                .arg(windowHeight)));
        QVERIFY(m_window->currentCanvas()->height() > charts->height());
        // The first chart of the catalog is the one in front (it was the last one).
        QCOMPARE(charts->objectName(), QString::fromLatin1(chartCatalog().front().dockName));

        // Resized before the user touches a separator (a window manager, -geometry): the
        // charts keep their share.
        m_window->resize(1600, 1000);
        QTRY_COMPARE(m_window->height(), 1000);
        QTRY_VERIFY2(charts->height() >= m_window->height() * 3 / 10,
                     qPrintable(QStringLiteral("chart dock %1 px of %2 px after a resize")
                                    .arg(charts->height())
                                    .arg(m_window->height())));
    }

    void rememberedLayoutIsKept()
    {
        QDockWidget *charts = reopenWithFreshLayout();
        QVERIFY(charts);
        // Shorter than the default share, and still above the dock's minimum.
        const int defaultHeight = charts->height();
        m_window->resizeDocks({charts}, {charts->minimumSizeHint().height() + 40}, Qt::Vertical);
        QTRY_VERIFY(charts->height() < defaultHeight - 40);
        const int chosenHeight = charts->height();
        QVERIFY(m_window->close()); // remembers the layout

        delete m_window;
        m_window = new MainWindow(m_dir.filePath(QStringLiteral("recovery")));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QDockWidget *restored = visibleChartDock(m_window);
        QVERIFY(restored);
        QVERIFY2(qAbs(restored->height() - chosenHeight) <= 4,
                 qPrintable(QStringLiteral("restored %1 px, chosen %2 px")
                                .arg(restored->height())
                                .arg(chosenHeight)));
        // A remembered layout is the user's: a taller window goes to the canvas. Wait for the
        // resize to have happened (the canvas grew), then check the charts kept their height.
        const int canvasHeight = m_window->currentCanvas()->height();
        const int tallerHeight = m_window->height() + 150;
        m_window->resize(m_window->width(), tallerHeight);
        QTRY_COMPARE(m_window->height(), tallerHeight);
        QTRY_VERIFY2(m_window->currentCanvas()->height() >= canvasHeight + 140,
                     qPrintable(QStringLiteral("canvas %1 px, was %2 px")
                                    .arg(m_window->currentCanvas()->height())
                                    .arg(canvasHeight)));
        QVERIFY2(qAbs(restored->height() - chosenHeight) <= 4,
                 qPrintable(QStringLiteral("charts %1 px after the resize, chosen %2 px")
                                .arg(restored->height())
                                .arg(chosenHeight)));
        forgetLayout();
    }

    void canvasAndExportsShowTheSameBadges()
    {
        // One badge function: what the canvas shows is what the exported images and the
        // report show (they rounded peaks differently and showed different p99s).
        openCheckoutWithAnalyticFigures();
        if (QTest::currentTestFailed())
            return;
        const auto evaluation = m_window->runner()->latest();
        int checked = 0;
        for (const Candidate &candidate : doc()->project().candidates) {
            const CandidateEvaluation *result = evaluation->findCandidate(candidate.id);
            QVERIFY(result);
            const QString candidateId = QString::fromStdString(candidate.id);
            CanvasView *canvas = nullptr;
            for (int i = 0; i < m_window->candidateTabs()->count(); ++i)
                if (auto *view = qobject_cast<CanvasView *>(m_window->candidateTabs()->widget(i));
                    view && view->currentCandidateId() == candidateId)
                    canvas = view;
            QVERIFY(canvas);
            auto exported = makeCandidateScene(doc(), candidateId, result);
            for (const Node &node : candidate.nodes) {
                const QString nodeId = QString::fromStdString(node.id);
                const NodeBadges onCanvas = canvas->canvasScene()->nodeItem(nodeId)->badges();
                QCOMPARE(exported->nodeItem(nodeId)->badges(), onCanvas);
                QCOMPARE(onCanvas, badgesFor(*result, node.id));
                ++checked;
            }
        }
        QVERIFY(checked >= 10);
        // The figures chosen: a client shows its entry's end-to-end p99, functions and services
        // their peak rounded up.
        const CandidateEvaluation &first = evaluation->candidates.front();
        for (const EntryResult &entry : first.entries)
            QCOMPARE(badgesFor(first, entry.id).p99Ms, std::optional<double>(entry.latencyMs.p99));
        for (const NodeResult &node : first.nodes)
            if (node.kind == NodeKind::Function || node.kind == NodeKind::Service)
                QCOMPARE(*badgesFor(first, node.id).peakInstances,
                         int(std::ceil(node.instances.peak)));
    }

    void comparisonTableFitsItsRows()
    {
        m_window->runner()->setDebounceMs(0);
        openCheckoutWithAnalyticFigures();
        if (QTest::currentTestFailed())
            return;

        m_window->action(QStringLiteral("compareCandidates"))->trigger();
        ComparisonView *view = m_window->comparisonView();
        QVERIFY(QTest::qWaitForWindowExposed(view->window()));
        QTableWidget *table = view->table();
        QTRY_VERIFY(table->rowCount() >= 9 && table->isVisible());

        // Every row is visible (no scrolling) and there is no blank below the last one (rows
        // take their real height once shown: wait for the layout to settle on that).
        const auto fits = [table] {
            const int rows = table->verticalHeader()->length();
            const int viewport = table->viewport()->height();
            return viewport >= rows && viewport - rows <= 4;
        };
        QTRY_VERIFY(fits());
        const int rowsHeight = table->verticalHeader()->length();
        const int viewportHeight = table->viewport()->height();
        QVERIFY2(viewportHeight >= rowsHeight && viewportHeight - rowsHeight <= 4,
                 qPrintable(QStringLiteral("rows %1 px in a %2 px table")
                                .arg(rowsHeight)
                                .arg(viewportHeight)));
        // The spare height goes to the overlaid charts.
        QVERIFY(view->chartTabs()->height() > table->height());

        // Taller and shorter windows keep the table at its rows' height.
        for (int heightPx : {900, 560}) {
            const int chartsHeight = view->chartTabs()->height();
            QVERIFY(view->window()->height() != heightPx); // else the step would test nothing
            view->window()->resize(view->window()->width(), heightPx);
            QTRY_COMPARE(view->window()->height(), heightPx);
            // The resize reached the layout: the charts below the table took the difference.
            QTRY_VERIFY(view->chartTabs()->height() != chartsHeight);
            QVERIFY2(qAbs(table->viewport()->height() - rowsHeight) <= 4,
                     qPrintable(QStringLiteral("%1 px window: rows %2 px in a %3 px table")
                                    .arg(heightPx)
                                    .arg(rowsHeight)
                                    .arg(table->viewport()->height())));
        }
    }

    void closedComparisonChartsWaitForIt()
    {
        EvaluationRunner *runner = m_window->runner();
        openCheckoutWithAnalyticFigures();
        if (QTest::currentTestFailed())
            return;
        ComparisonView *view = m_window->comparisonView();
        QVERIFY(!view->isVisible()); // closed, as on every start

        // An edit while it is closed: its charts keep the evaluation but do not rebuild.
        const Candidate &first = doc()->project().candidates.front();
        const auto function = std::find_if(first.nodes.begin(), first.nodes.end(),
                                           [](const Node &n) { return n.kind == NodeKind::Function; });
        QVERIFY(function != first.nodes.end());
        const quint64 edited = runner->generation();
        doc()->setNodeParam(QString::fromStdString(first.id), QString::fromStdString(function->id),
                            QStringLiteral("durationMs"), 2500.0);
        QTRY_VERIFY_WITH_TIMEOUT(runner->generation() > edited && !runner->isBusy(), 20000);
        const auto newest = runner->latest();
        QVERIFY(newest);
        ResultChart *cost = nullptr;
        for (ResultChart *chart : view->charts()) {
            if (chart == static_cast<ResultChart *>(view->sweepChart()))
                continue; // the sweep is switched off here
            QVERIFY2(chart->isRefreshPending(), qPrintable(chart->objectName()));
            QCOMPARE(chart->evaluation(), newest);
            if (view->chartTabs()->currentWidget() == chart)
                cost = chart;
        }
        QVERIFY(cost);

        // Opened, the chart in front catches up and shows the newest totals.
        m_window->action(QStringLiteral("compareCandidates"))->trigger();
        QVERIFY(QTest::qWaitForWindowExposed(view->window()));
        QTRY_VERIFY(!cost->isRefreshPending());
        const CandidateEvaluation &edited0 = newest->candidates.front();
        QVERIFY2(cost->title().contains(formatUsd(edited0.monthlyCostUsd)),
                 qPrintable(cost->title()));
        m_window->action(QStringLiteral("compareCandidates"))->trigger(); // closed again
    }

    void recentFilesKeepEight()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY(m_window->saveTo(m_dir.filePath(QStringLiteral("r%1.skyline").arg(i))));
        const QStringList recent = MainWindow::recentFiles();
        QCOMPARE(recent.size(), MainWindow::maxRecentFiles);
        QCOMPARE(recent.front(), QFileInfo(m_dir.filePath("r9.skyline")).absoluteFilePath());
    }

    void toolbarStaysPutAfterAnEdit()
    {
        // The Undo button carried the command text ("Undo Set Memory of Cart"), so every edit
        // widened it and shifted every button right of it.
        auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(bar);
        auto geometries = [bar] {
            QList<QRect> rects;
            for (QAction *a : bar->actions())
                if (QWidget *w = bar->widgetForAction(a))
                    rects << w->geometry();
            return rects;
        };
        QWidget *undoButton = bar->widgetForAction(m_window->action("undo"));
        QVERIFY(undoButton);
        const QList<QRect> before = geometries();
        const QString candidateId = toQ(doc()->project().candidates.front().id);
        const QString id = doc()->addNode(candidateId, NodeKind::Function, PointF{0, 0},
                                          QStringLiteral("A function with a long name"));
        doc()->renameNode(candidateId, id, QStringLiteral("An even longer name for a function"));
        QApplication::processEvents();
        QCOMPARE(geometries(), before);
        QCOMPARE(qobject_cast<QToolButton *>(undoButton)->text(), QStringLiteral("Undo"));
        // The command is in the tooltip and the menu entry.
        QVERIFY2(m_window->action("undo")->toolTip().startsWith(QStringLiteral("Undo Rename A "
                                                                                "function")),
                 qPrintable(m_window->action("undo")->toolTip()));
        QVERIFY(m_window->action("undo")->text().contains(QStringLiteral("long name")));
    }

    void ctrlYRedoes()
    {
        const QList<QKeySequence> keys = m_window->action("redo")->shortcuts();
        QVERIFY(keys.contains(QKeySequence(QStringLiteral("Ctrl+Y"))));
        QVERIFY(keys.contains(QKeySequence(QStringLiteral("Ctrl+Shift+Z"))));
        doc()->setProjectName(QStringLiteral("Checkout"));
        m_window->action("undo")->trigger();
        QVERIFY(!m_window->isWindowModified());
        m_window->currentCanvas()->setFocus();
        QTest::keyClick(m_window->currentCanvas(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(doc()->project().name, std::string("Checkout"));
    }

    void gettingStartedOpensTheGuide()
    {
        QAction *guide = m_window->action("gettingStarted");
        QVERIFY(guide);
        QVERIFY(!guide->toolTip().isEmpty());
        QVERIFY(!guide->shortcut().isEmpty());
        guide->trigger();
        auto *text = m_window->findChild<QTextBrowser *>(QStringLiteral("gettingStartedText"));
        QVERIFY(text);
        QVERIFY(text->isVisible());
        QVERIFY2(text->toPlainText().contains(QStringLiteral("Getting started")),
                 qPrintable(text->toPlainText().left(200)));
        // It names menus that exist.
        QVERIFY(text->toPlainText().contains(QStringLiteral("Help ▸ Examples")));
        QVERIFY(text->toPlainText().contains(QStringLiteral("Edit ▸ Bring into Context")));
    }

    void canvasMenusOfferTheMenusActions_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("node") << "node"
                              << QStringList{"renameItem", "duplicate", "convertNode", "toolApi",
                                             "toolEvent", "bringIntoContext", "delete"};
        QTest::newRow("edge") << "edge" << QStringList{"delete"};
        QTest::newRow("context") << "context" << QStringList{"renameItem", "delete"};
        QTest::newRow("canvas") << "canvas"
                                << QStringList{"paste", "selectAll", "toolApi", "toolContext"};
    }

    void canvasMenusOfferTheMenusActions()
    {
        QFETCH(QString, target);
        QFETCH(QStringList, expected);
        const QString candidateId = toQ(doc()->project().candidates.front().id);
        const QString a = doc()->addNode(candidateId, NodeKind::Function, PointF{0, 0});
        const QString b = doc()->addNode(candidateId, NodeKind::Datastore, PointF{400, 0});
        const QString edge = doc()->addEdge(candidateId, EdgeKind::Api, a, b);
        const QString box = doc()->addContext(candidateId, QStringLiteral("Box"),
                                              RectF{-100, 300, 300, 200});
        CanvasView *canvas = m_window->currentCanvas();
        canvas->zoomToFit();
        if (target == "node")
            canvas->canvasScene()->selectIds({a});
        else if (target == "edge")
            canvas->canvasScene()->selectIds({}, {edge});
        else if (target == "context")
            canvas->canvasScene()->selectIds({}, {}, {box});
        else
            canvas->canvasScene()->selectIds({});
        QStringList shown;
        m_window->setCanvasMenuShownHook([&shown](QMenu *menu) {
            for (QAction *entry : menu->actions())
                if (!entry->isSeparator())
                    shown << entry->objectName();
        });
        m_window->showCanvasMenu(QPoint(10, 10));
        for (const QString &name : expected) {
            QVERIFY2(shown.contains(name), qPrintable(name + " missing in " + shown.join(',')));
            // The very action of the menus: one text, shortcut and behaviour.
            QVERIFY(name == "bringIntoContext" || m_window->action(name));
        }
        QCOMPARE(m_window->lastCanvasMenuEntries().filter(QRegularExpression("^[^-]")), shown);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
