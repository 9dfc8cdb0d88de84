// The main window's half that shows results: the live evaluation, chart docks,
// warnings, comparison, badges on nodes, selection linking, the traffic slider, the
// service/function conversion and the exports. Kept apart from MainWindow.cpp, which holds
// files, tabs and editing.

#include "MainWindow.h"

#include "Document.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "canvas/NodeBadges.h"
#include "canvas/NodeItem.h"
#include "charts/ChartCatalog.h"
#include "charts/ChartsPanel.h"
#include "EvaluationRunner.h"
#include "RangeRunner.h"
#include "charts/ResultChart.h"
#include "panels/ComparisonView.h"
#include "panels/TrafficSlider.h"
#include "panels/WarningsPanel.h"
#include "report/Comparison.h"
#include "report/ImageExport.h"
#include "report/ReportWriter.h"

#include <QAction>
#include <QDir>
#include <QGraphicsItem>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QUndoStack>
#include <QTabWidget>
#include <QToolBar>

#include <algorithm>
#include <cmath>
#include <functional>

namespace skyline {
namespace {

const char *showBadgesKey = "canvas/showBadges";
constexpr int resultStatusTimeoutMs = 5000;

} // namespace

// --- building ------------------------------------------------------------------------------

void MainWindow::createResultDocks()
{
    m_runner = new EvaluationRunner(m_document, this);
    m_rangeRunner = new RangeRunner(m_document, this);
    m_chartsPanel = new ChartsPanel(m_runner, this);
    m_chartsPanel->setRangeRunner(m_rangeRunner);
    m_chartsPanel->hide(); // the charts move into docks of their own; the panel keeps the wiring

    // The panel's charts are the catalog's, in its order: each dock takes the row's name.
    const auto charts = m_chartsPanel->charts();
    const std::vector<ChartInfo> &catalog = chartCatalog();
    Q_ASSERT(std::size_t(charts.size()) == catalog.size());
    QDockWidget *first = nullptr;
    for (int i = 0; i < charts.size(); ++i) {
        auto *dock = new QDockWidget(this);
        // The catalog's title, translated in its own context (ChartInfo::translatedTitle).
        dock->setWindowTitle(catalog[std::size_t(i)].translatedTitle());
        dock->setObjectName(QString::fromLatin1(catalog[std::size_t(i)].dockName));
        dock->setWidget(charts.at(i).second);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (first)
            tabifyDockWidget(first, dock);
        else
            first = dock;
        m_chartDocks << dock;
        connect(dock, &QDockWidget::visibilityChanged, this, [this, i](bool visible) {
            if (visible)
                m_currentChartIndex = i;
        });
    }

    placeWarningsDock(first);
    if (first)
        first->raise(); // its height: MainWindow's default chart share, or the saved layout

    m_comparisonView = new ComparisonView;
    // Closed (its usual state), the comparison's charts wait instead of rebuilding every
    // candidate on every edit; they catch up when it opens.
    for (ResultChart *chart : m_comparisonView->charts())
        chart->setDeferredWhileHidden(true);
    m_comparisonDock = new QDockWidget(this);
    setTranslatedText(m_comparisonDock, QT_TR_NOOP("Compare Candidates"));
    m_comparisonDock->setObjectName(QStringLiteral("comparisonDock"));
    m_comparisonDock->setWidget(m_comparisonView);
    addDockWidget(Qt::RightDockWidgetArea, m_comparisonDock);
    m_comparisonDock->hide();
    // View ▸ Compare Candidates is the dock's own toggle, so it follows a restored layout.
    QAction *compare = m_comparisonDock->toggleViewAction();
    compare->setObjectName(QStringLiteral("compareCandidates"));
    setTranslatedText(compare, QT_TR_NOOP("&Compare Candidates"));
    compare->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    setTranslatedToolTip(compare, QT_TR_NOOP("Every candidate's headline figures side by side"));
    // It needs room: it floats as a large window over the main one until the user docks it.
    m_comparisonDock->setFloating(true);
    connect(compare, &QAction::triggered, this, [this](bool on) {
        if (!on)
            return;
        if (m_comparisonDock->isFloating()) {
            const QRect area = geometry();
            const QSize size(std::min(area.width() - 80, 1200), std::min(area.height() - 80, 760));
            m_comparisonDock->setGeometry(QRect(area.center() - QPoint(size.width() / 2,
                                                                       size.height() / 2),
                                                size));
        }
        m_comparisonDock->raise();
    });

    statusBar()->addPermanentWidget(m_chartsPanel->progressWidget());
    m_chartsPanel->progressWidget()->show();
    // The ranges' analyses: their own line with Cancel; Esc cancels while they run (only
    // then, so that Esc keeps its other uses).
    statusBar()->addPermanentWidget(m_chartsPanel->rangeProgressWidget());
    auto *cancelRanges = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelRanges->setEnabled(false);
    connect(cancelRanges, &QShortcut::activated, m_rangeRunner, &RangeRunner::cancel);
    connect(m_rangeRunner, &RangeRunner::busyChanged, cancelRanges, &QShortcut::setEnabled);
    connect(m_rangeRunner, &RangeRunner::uncertaintyReady, m_comparisonView,
            &ComparisonView::setUncertainty);

    connect(m_runner, &EvaluationRunner::evaluationReady, this, &MainWindow::showEvaluation);
    connect(m_runner, &EvaluationRunner::sweepReady, m_comparisonView,
            &ComparisonView::setSweep);
    connect(m_warningsPanel, &WarningsPanel::nodeActivated, this, &MainWindow::revealNode);
    connect(m_chartsPanel, &ChartsPanel::nodeClicked, this, [this](const QString &nodeId) {
        if (CanvasView *canvas = currentCanvas())
            revealNode(canvas->currentCandidateId(), nodeId);
    });
}

void MainWindow::placeWarningsDock(QDockWidget *)
{
    m_warningsPanel = new WarningsPanel;
    auto *warningsDock = new QDockWidget(this);
    setTranslatedText(warningsDock, QT_TR_NOOP("Warnings"));
    warningsDock->setObjectName(QStringLiteral("warningsDock"));
    warningsDock->setWidget(m_warningsPanel);
    // Below the property and workload tabs, in the right column that runs the window's full
    // height (the charts take the bottom area left of it).
    addDockWidget(Qt::RightDockWidgetArea, warningsDock, Qt::Vertical);
    m_docks << warningsDock;
}

void MainWindow::createResultActions()
{
    QAction *convert = makeAction("convertNode", QT_TR_NOOP("Con&vert to Function / Service"));
    setTranslatedToolTip(
        convert, QT_TR_NOOP("Turns the selected service into a function, or back (undoable)"));
    convert->setEnabled(false);
    connect(convert, &QAction::triggered, this, &MainWindow::convertSelectedNode);

    QAction *badges = makeAction("showBadges", QT_TR_NOOP("Show &Badges"));
    badges->setCheckable(true);
    badges->setChecked(QSettings().value(showBadgesKey, true).toBool());
    connect(badges, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(showBadgesKey, on);
        updateBadges();
    });


    const struct
    {
        const char *name;
        const char *text; ///< English, translated by makeAction
        std::function<void()> run;
    } exports[] = {
        {"exportCanvasPng", QT_TR_NOOP("Canvas as &PNG…"),
         [this] { exportCanvasInteractive("png"); }},
        {"exportCanvasSvg", QT_TR_NOOP("Canvas as &SVG…"),
         [this] { exportCanvasInteractive("svg"); }},
        {"exportCanvasPdf", QT_TR_NOOP("Canvas as P&DF…"),
         [this] { exportCanvasInteractive("pdf"); }},
        {"exportChartPng", QT_TR_NOOP("Chart as PN&G…"), [this] { exportChartInteractive("png"); }},
        {"exportChartSvg", QT_TR_NOOP("Chart as S&VG…"), [this] { exportChartInteractive("svg"); }},
        {"exportChartPdf", QT_TR_NOOP("Chart as PD&F…"), [this] { exportChartInteractive("pdf"); }},
        {"exportFiguresCsv", QT_TR_NOOP("Figures as &CSV…"),
         [this] { exportFiguresInteractive(); }},
        {"exportReport", QT_TR_NOOP("&HTML Report…"), [this] { exportReportInteractive(); }},
    };
    for (const auto &entry : exports)
        connect(makeAction(entry.name, entry.text), &QAction::triggered, this, entry.run);
}

void MainWindow::addResultMenus(QMenu *file, QMenu *view, QMenu *candidate)
{
    QMenu *exportMenu = new QMenu(file);
    setTranslatedText(exportMenu, QT_TR_NOOP("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    for (const char *name : {"exportCanvasPng", "exportCanvasSvg", "exportCanvasPdf"})
        exportMenu->addAction(action(name));
    exportMenu->addSeparator();
    for (const char *name : {"exportChartPng", "exportChartSvg", "exportChartPdf"})
        exportMenu->addAction(action(name));
    exportMenu->addSeparator();
    exportMenu->addAction(action("exportFiguresCsv"));
    exportMenu->addAction(action("exportReport"));
    file->insertMenu(action("quit"), exportMenu);
    file->insertSeparator(action("quit"));

    view->addSeparator();
    view->addAction(action("showBadges"));
    view->addAction(action("compareCandidates"));
    QMenu *charts = addTranslatedMenu(view, QT_TR_NOOP("C&harts"));
    for (QDockWidget *dock : std::as_const(m_chartDocks))
        charts->addAction(dock->toggleViewAction());

    candidate->addSeparator();
    candidate->addAction(action("convertNode"));
}

void MainWindow::addResultToolBar()
{
    QToolBar *bar = addToolBar(QString());
    setTranslatedText(bar, QT_TR_NOOP("What-if"));
    bar->setObjectName(QStringLiteral("whatIfToolBar"));
    m_trafficSlider = new TrafficSlider(bar);
    bar->addWidget(m_trafficSlider);
    bar->addAction(action("compareCandidates"));
    connect(m_trafficSlider, &TrafficSlider::multiplierChanged, this, [this](double multiplier) {
        m_runner->setTrafficMultiplier(multiplier);
        m_rangeRunner->setTrafficMultiplier(multiplier);
        m_comparisonView->setTrafficMultiplier(multiplier);
    });
}

void MainWindow::retranslateResults()
{
    const std::vector<ChartInfo> &catalog = chartCatalog();
    for (int i = 0; i < m_chartDocks.size() && std::size_t(i) < catalog.size(); ++i)
        m_chartDocks.at(i)->setWindowTitle(catalog[std::size_t(i)].translatedTitle());
    // Figures in the new locale: badges are painted from their text (sized to it); the charts,
    // the warnings and the comparison rebuild themselves on QEvent::LanguageChange.
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(i)))
            for (QGraphicsItem *item : canvas->canvasScene()->items())
                if (auto *node = dynamic_cast<NodeItem *>(item))
                    node->refreshTexts();
}

// --- following the evaluation --------------------------------------------------------------

void MainWindow::showEvaluation()
{
    const auto evaluation = m_runner->latest();
    const auto project = m_runner->latestProject();
    m_warningsPanel->setEvaluation(evaluation, project);
    m_comparisonView->setEvaluation(evaluation, project);
    updateBadges();
}

void MainWindow::followCurrentCandidate()
{
    CanvasView *canvas = currentCanvas();
    const QString candidateId = canvas ? canvas->currentCandidateId() : QString();
    if (m_chartsPanel) {
        m_chartsPanel->setCandidate(candidateId);
        m_chartsPanel->setHighlightedNode({});
    }
    if (m_warningsPanel)
        m_warningsPanel->setCandidate(candidateId);
    updateResultActions();
}

void MainWindow::updateBadges()
{
    const bool show = action("showBadges")->isChecked();
    const auto evaluation = m_runner ? m_runner->latest() : nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *canvas = qobject_cast<CanvasView *>(m_tabs->widget(i));
        if (!canvas)
            continue;
        const QString candidateId = canvas->currentCandidateId();
        const Candidate *candidate = m_document->candidate(candidateId);
        if (!candidate)
            continue;
        const CandidateEvaluation *result =
            evaluation ? evaluation->findCandidate(toStd(candidateId)) : nullptr;
        for (const Node &node : candidate->nodes) {
            NodeBadges badges;
            if (show && result)
                badges = badgesFor(*result, node.id);
            canvas->canvasScene()->setNodeBadges(toQ(node.id), badges);
        }
    }
}

// --- selection linking ---------------------------------------------------------------------

void MainWindow::onCanvasSelection(const QStringList &nodeIds)
{
    if (m_chartsPanel)
        m_chartsPanel->setHighlightedNode(nodeIds.size() == 1 ? nodeIds.first() : QString());
    updateResultActions();
}

CanvasView *MainWindow::showCandidateCanvas(const QString &candidateId)
{
    const int index = tabOf(candidateId);
    if (index < 0)
        return nullptr;
    m_tabs->setCurrentIndex(index);
    return currentCanvas();
}

void MainWindow::revealNode(const QString &candidateId, const QString &nodeId)
{
    CanvasView *canvas = showCandidateCanvas(candidateId);
    if (!canvas)
        return;
    canvas->canvasScene()->selectIds({nodeId});
    if (NodeItem *item = canvas->canvasScene()->nodeItem(nodeId))
        canvas->centerOn(item);
}

void MainWindow::updateResultActions()
{
    QAction *convert = action("convertNode");
    if (!convert)
        return;
    CanvasView *canvas = currentCanvas();
    const QStringList nodes = canvas ? canvas->canvasScene()->selectedNodeIds() : QStringList();
    const Node *node = nodes.size() == 1
                           ? m_document->node(canvas->currentCandidateId(), nodes.first())
                           : nullptr;
    const bool convertible =
        node && (node->kind == NodeKind::Function || node->kind == NodeKind::Service);
    convert->setEnabled(convertible);
    convert->setText(node && node->kind == NodeKind::Service ? tr("Con&vert to Function")
                     : node && node->kind == NodeKind::Function ? tr("Con&vert to Service")
                                                                : tr("Con&vert to Function / Service"));
    for (const char *name : {"exportCanvasPng", "exportCanvasSvg", "exportCanvasPdf"})
        action(name)->setEnabled(canvas != nullptr);
}

void MainWindow::convertSelectedNode()
{
    CanvasView *canvas = currentCanvas();
    if (!canvas)
        return;
    const QStringList nodes = canvas->canvasScene()->selectedNodeIds();
    if (nodes.size() != 1)
        return;
    const QString error = m_document->convertNode(canvas->currentCandidateId(), nodes.first());
    if (!error.isEmpty()) {
        statusBar()->showMessage(error, resultStatusTimeoutMs);
    } else {
        // What the conversion assumed (vCPU, workers per replica) is its undo text.
        statusBar()->showMessage(m_document->undoStack()->undoText(), resultStatusTimeoutMs);
        canvas->canvasScene()->selectIds(nodes);
    }
    updateResultActions();
}

// --- exports -------------------------------------------------------------------------------

ResultChart *MainWindow::currentChart() const
{
    const QList<ResultChart *> charts = m_chartsPanel->resultCharts();
    if (m_currentChartIndex >= 0 && m_currentChartIndex < charts.size())
        return charts.at(m_currentChartIndex);
    return charts.isEmpty() ? nullptr : charts.first();
}

bool MainWindow::exportCanvas(const QString &path, QString *error)
{
    CanvasView *canvas = currentCanvas();
    if (!canvas) {
        *error = tr("There is no canvas to export.");
        return false;
    }
    CanvasScene *scene = canvas->canvasScene();
    const QList<QGraphicsItem *> selected = scene->selectedItems();
    scene->clearSelection(); // a clean image, without selection outlines
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString title = toQ(m_document->candidate(canvas->currentCandidateId())->name);
    bool ok = false;
    if (suffix == QLatin1String("svg"))
        ok = exportSceneSvg(scene, path, title);
    else if (suffix == QLatin1String("pdf"))
        ok = exportScenePdf(scene, path, title);
    else
        ok = exportScenePng(scene, path, fittedSceneSize(scene, 2400, 1800));
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
    if (!ok)
        *error = tr("Could not write “%1”.").arg(QDir::toNativeSeparators(path));
    return ok;
}

bool MainWindow::exportChart(ResultChart *chart, const QString &path, QString *error)
{
    if (!chart) {
        *error = tr("There is no chart to export.");
        return false;
    }
    chart->ensureCurrent(); // a chart behind another dock waits to be shown to rebuild
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size(std::max(chart->width(), 800), std::max(chart->height(), 450));
    bool ok = false;
    if (suffix == QLatin1String("svg"))
        ok = exportPlotSvg(chart, path, size, chart->title());
    else if (suffix == QLatin1String("pdf"))
        ok = exportPlotPdf(chart, path, size, chart->title());
    else if (suffix == QLatin1String("csv"))
        ok = chart->exportCsv(path);
    else
        ok = exportPlotPng(chart, path, size);
    if (!ok)
        *error = tr("Could not write “%1”.").arg(QDir::toNativeSeparators(path));
    return ok;
}

bool MainWindow::exportFigures(const QString &path, QString *error)
{
    const auto evaluation = m_runner->latest();
    const auto project = m_runner->latestProject();
    if (!evaluation || !project) {
        *error = tr("There are no figures yet: the evaluation has not finished.");
        return false;
    }
    return exportNodesCsv(*evaluation, *project, path, error);
}

bool MainWindow::exportReport(const QString &path, QString *error)
{
    ReportOptions options;
    options.evaluation.trafficMultiplier = m_runner->trafficMultiplier();
    // The figures on screen (simulated once refined), when they describe the project as it
    // is: the report must not disagree with the studio (issue 10 point 11).
    const auto latest = m_runner->latest();
    const auto latestProject = m_runner->latestProject();
    if (latest && latestProject && *latestProject == m_document->project() && latest->hasSeries &&
        latest->trafficMultiplier == options.evaluation.trafficMultiplier) {
        options.figures = latest;
        options.evaluation.method = latest->method;
        options.evaluation.seed = latest->seed;
    }
    if (m_rangeRunner->latestProject() && *m_rangeRunner->latestProject() == m_document->project()
        && m_rangeRunner->trafficMultiplier() == options.evaluation.trafficMultiplier) {
        options.uncertainty = m_rangeRunner->latestUncertainty();
        // Computed only while the tornado is shown: an older one would not describe the
        // project; then the report computes it.
        if (m_rangeRunner->isSensitivityCurrent())
            options.sensitivity = m_rangeRunner->latestSensitivity();
    }
    ReportWriter writer(m_document->project(), options);
    return writer.write(path, error);
}

QString MainWindow::askExportPath(const QString &title, const QString &suffix,
                                  const QString &filter)
{
    QString base = QFileInfo(m_document->filePath()).completeBaseName();
    if (base.isEmpty())
        base = tr("untitled");
    const QString dir = QSettings().value(QStringLiteral("export/directory")).toString();
    const QString suggested = QDir(dir).filePath(base + QLatin1Char('.') + suffix);
    QString path = QFileDialog::getSaveFileName(this, title, suggested, filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QSettings().setValue(QStringLiteral("export/directory"), QFileInfo(path).absolutePath());
    return path;
}

void MainWindow::reportExport(bool ok, const QString &path, const QString &error)
{
    if (ok)
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)),
                                 resultStatusTimeoutMs);
    else
        QMessageBox::warning(this, tr("Export Failed"), error);
}

namespace {
QString filterFor(const QString &suffix)
{
    if (suffix == QLatin1String("svg"))
        return MainWindow::tr("SVG images (*.svg)");
    if (suffix == QLatin1String("pdf"))
        return MainWindow::tr("PDF documents (*.pdf)");
    if (suffix == QLatin1String("csv"))
        return MainWindow::tr("CSV files (*.csv)");
    if (suffix == QLatin1String("html"))
        return MainWindow::tr("HTML files (*.html)");
    return MainWindow::tr("PNG images (*.png)");
}
} // namespace

void MainWindow::exportCanvasInteractive(const QString &suffix)
{
    const QString path = askExportPath(tr("Export Canvas"), suffix, filterFor(suffix));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportCanvas(path, &error);
    reportExport(ok, path, error);
}

void MainWindow::exportChartInteractive(const QString &suffix)
{
    const QString path = askExportPath(tr("Export Chart"), suffix, filterFor(suffix));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportChart(currentChart(), path, &error);
    reportExport(ok, path, error);
}

void MainWindow::exportFiguresInteractive()
{
    const QString path = askExportPath(tr("Export Figures"), QStringLiteral("csv"),
                                       filterFor(QStringLiteral("csv")));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportFigures(path, &error);
    reportExport(ok, path, error);
}

void MainWindow::exportReportInteractive()
{
    const QString path = askExportPath(tr("Export HTML Report"), QStringLiteral("html"),
                                       filterFor(QStringLiteral("html")));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = exportReport(path, &error);
    reportExport(ok, path, error);
}

} // namespace skyline
