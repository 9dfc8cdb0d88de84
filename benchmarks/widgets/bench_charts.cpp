// Edit -> charts updated on the analytic path, for a generated 200-node candidate: the time
// from a document edit until every visible chart has replotted the new evaluation (the
// runner's default debounce on; edits 150 ms apart, as separate edits: closer ones are a
// burst, measured apart), in the main window's default layout (chart docks tabified, one in
// front) and with every chart visible at once; the time to bring a hidden
// chart to the front; a burst of edits; and the parts (evaluate() alone, each chart's rebuild
// and replot). Prints figures; not a test.
//
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts [edits]
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts --png DIR   (checkout charts as PNGs)

#include "charts/ChartsPanel.h"
#include "EvaluationRunner.h"
#include "charts/ResultChart.h"
#include "charts/SweepChart.h"
#include "charts/TornadoChart.h"

#include "Document.h"
#include "io/ProjectJson.h"

#include <QDir>
#include <QFile>

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGridLayout>
#include <QMainWindow>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace skyline;

namespace {

/// 200 nodes: 8 clients -> 4 gateways -> 60 functions + 40 services -> 40 datastores and
/// 20 queues -> 28 consumer functions; about 300 edges, every kind of node.
Project generateProject()
{
    Project project = Document::newProject();
    project.workloads.clear();
    project.workloads.push_back(makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Day"));
    project.workloads.push_back(makeDefaultWorkload(WorkloadShape::Spiky, "w2", "Spikes"));
    Candidate &c = project.candidates.front();
    int nextNode = 1;
    int nextEdge = 1;
    auto add = [&](NodeKind kind, int count) {
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i) {
            const std::string id = "n" + std::to_string(nextNode++);
            Node node = makeDefaultNode(kind, id, std::string(toString(kind)) + " " + id,
                                        {double(i * 60), double(int(kind) * 200)});
            if (kind == NodeKind::Client)
                node.workload = i % 2 ? "w2" : "w1";
            c.nodes.push_back(node);
            ids.push_back(id);
        }
        return ids;
    };
    auto connect = [&](EdgeKind kind, const std::string &from, const std::string &to,
                       double perRequest) {
        Edge edge;
        edge.id = "e" + std::to_string(nextEdge++);
        edge.kind = kind;
        edge.from = from;
        edge.to = to;
        edge.perRequest = perRequest;
        edge.latencyMs = kind == EdgeKind::Api ? 1.0 : 0.0;
        c.edges.push_back(edge);
    };
    const auto clients = add(NodeKind::Client, 8);
    const auto gateways = add(NodeKind::Gateway, 4);
    const auto functions = add(NodeKind::Function, 60);
    const auto services = add(NodeKind::Service, 40);
    const auto datastores = add(NodeKind::Datastore, 40);
    const auto queues = add(NodeKind::Queue, 20);
    const auto consumers = add(NodeKind::Function, 28);
    for (size_t i = 0; i < clients.size(); ++i)
        connect(EdgeKind::Api, clients[i], gateways[i % gateways.size()], 1.0);
    for (size_t i = 0; i < functions.size(); ++i) {
        connect(EdgeKind::Api, gateways[i % gateways.size()], functions[i], 0.05);
        connect(EdgeKind::Api, functions[i], datastores[i % datastores.size()], 1.5);
        if (i % 3 == 0)
            connect(EdgeKind::Event, functions[i], queues[i % queues.size()], 1.0);
    }
    for (size_t i = 0; i < services.size(); ++i) {
        connect(EdgeKind::Api, gateways[i % gateways.size()], services[i], 0.05);
        connect(EdgeKind::Api, services[i], datastores[(i + 7) % datastores.size()], 2.0);
        if (i + 1 < services.size() && i % 4 == 0)
            connect(EdgeKind::Api, services[i], services[i + 1], 0.5);
    }
    for (size_t i = 0; i < consumers.size(); ++i)
        connect(EdgeKind::Event, queues[i % queues.size()], consumers[i], 1.0);
    return project;
}

struct Stats
{
    double median = 0, p90 = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.empty())
        return {};
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 9 / 10)], v.back()};
}

void print(const char *what, const Stats &s)
{
    std::printf("%-46s median %7.1f ms   p90 %7.1f ms   max %7.1f ms\n", what, s.median, s.p90,
                s.max);
}

} // namespace

/// Renders every chart of the checkout example (analytic, then the sweep) to DIR.
int writeSnapshots(const QString &dir)
{
    QFile file(QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/checkout.skyline"));
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    Document doc;
    doc.resetProject(*readProject(file.readAll().toStdString()).value);
    EvaluationRunner runner(&doc);
    runner.setSimulationEnabled(false);
    ChartsPanel panel(&runner);
    panel.resize(1000, 600);
    QDir().mkpath(dir);
    while (!runner.latestSweep() || runner.isBusy())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    for (const char *candidate : {"c1", "c2"}) {
        panel.setCandidate(QString::fromLatin1(candidate));
        for (ResultChart *chart : panel.resultCharts())
            chart->exportPng(QStringLiteral("%1/%2-%3.png")
                                 .arg(dir, chart->objectName(), QLatin1String(candidate)),
                             900, 520);
    }
    panel.setOverlay(true);
    panel.setHighlightedNode(QStringLiteral("n4"));
    for (ResultChart *chart : panel.resultCharts())
        chart->exportPng(QStringLiteral("%1/%2-overlay.png").arg(dir, chart->objectName()), 900,
                         520);
    std::printf("charts written to %s\n", qPrintable(dir));
    return 0;
}

namespace {

/// Runs the event loop for `ms` milliseconds.
void waitMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// The sweep and the tornado draw variant evaluations that the studio's RangeRunner makes;
/// this benchmark has only the EvaluationRunner, so they never get figures of an edit.
bool fedByRangeRunner(ChartsPanel &panel, ResultChart *chart)
{
    return chart == static_cast<ResultChart *>(panel.sweepChart())
           || chart == static_cast<ResultChart *>(panel.tornadoChart());
}

/// Waits (event loop running) until every chart in `charts` has replotted once; false on a
/// 20 s timeout.
bool waitForReplots(const QList<ResultChart *> &charts, const std::function<void()> &trigger)
{
    QEventLoop loop;
    int pending = int(charts.size());
    std::vector<QMetaObject::Connection> connections;
    for (ResultChart *chart : charts)
        connections.push_back(QObject::connect(chart, &QCustomPlot::afterReplot, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        }));
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(20000);
    trigger();
    if (pending > 0)
        loop.exec();
    for (const auto &c : connections)
        QObject::disconnect(c);
    return pending <= 0;
}

/// The charts as the main window places them by default: one dock per chart in the bottom
/// area, tabified, the load chart in front (app/gui/MainWindowResults.cpp).
void dockLikeTheMainWindow(QMainWindow &window, ChartsPanel &panel)
{
    window.setCentralWidget(new QWidget(&window));
    QDockWidget *first = nullptr;
    for (const auto &[title, chart] : panel.charts()) {
        auto *dock = new QDockWidget(title, &window);
        dock->setWidget(chart);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (first)
            window.tabifyDockWidget(first, dock);
        else
            first = dock;
    }
    window.resize(1400, 900);
    window.show();
    first->raise();
    window.resizeDocks({first}, {340}, Qt::Vertical);
}

/// Every chart on screen at once, in a 4 × 2 grid (a user who undocked them all).
void gridOfAllCharts(QWidget &grid, ChartsPanel &panel)
{
    auto *layout = new QGridLayout(&grid);
    int i = 0;
    for (const auto &[title, chart] : panel.charts()) {
        layout->addWidget(chart, i / 4, i % 4);
        chart->show(); // the panel's tabs hid all but one
        ++i;
    }
    grid.resize(1600, 900);
    grid.show();
}

struct EditFigures
{
    std::vector<double> toReady, toReplotted;
    std::vector<double> evaluateMs; ///< evaluate() alone of each edited project (untimed above)
};

/// Separate edits are this far apart: beyond the runner's quiet window (60 ms), so each one
/// is evaluated at once; closer edits form a burst, measured on its own below.
constexpr int editSpacingMs = 150;

/// `edits` parameter edits, one after the other: time to evaluationReady and until every
/// visible chart (except the sweep, which this path does not feed) has replotted.
bool measureEdits(Document &doc, EvaluationRunner &runner, ChartsPanel &panel, int edits,
                  double firstValue, EditFigures &figures)
{
    for (int i = 0; i < edits; ++i) {
        waitMs(editSpacingMs); // (not timed)
        QList<ResultChart *> visible;
        for (ResultChart *chart : panel.resultCharts())
            if (chart->isOnScreen() && !fedByRangeRunner(panel, chart))
                visible << chart;
        QElapsedTimer clock;
        double readyAt = 0;
        auto ready = QObject::connect(&runner, &EvaluationRunner::evaluationReady, &runner,
                                      [&] { readyAt = clock.nsecsElapsed() / 1e6; });
        const bool ok = waitForReplots(visible, [&] {
            clock.start();
            doc.setNodeParam(QStringLiteral("c1"), QStringLiteral("n13"),
                             QStringLiteral("durationMs"), firstValue + 10.0 * i);
        });
        QObject::disconnect(ready);
        if (!ok) {
            std::printf("timed out waiting for the charts\n");
            return false;
        }
        if (i == 0)
            std::printf("(%d charts visible)\n", int(visible.size()));
        figures.toReady.push_back(readyAt);
        figures.toReplotted.push_back(clock.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents(); // paint what was replotted
        QElapsedTimer alone;
        alone.start();
        const Evaluation same = evaluate(doc.project());
        figures.evaluateMs.push_back(alone.nsecsElapsed() / 1e6);
    }
    return true;
}

/// A document holding `project`, an analytic-only runner on it (default debounce, as in the
/// main window) and a charts panel on candidate c1: what the studio runs for one window.
struct AnalyticStudio
{
    Document doc;
    std::unique_ptr<EvaluationRunner> runner;
    std::unique_ptr<ChartsPanel> panel;

    explicit AnalyticStudio(const Project &project)
    {
        doc.resetProject(project);
        runner = std::make_unique<EvaluationRunner>(&doc);
        runner->setSimulationEnabled(false);
        runner->setSweepEnabled(false);
        panel = std::make_unique<ChartsPanel>(runner.get());
        panel->setCandidate(QStringLiteral("c1"));
    }
};

void waitForFirstEvaluation(EvaluationRunner &runner)
{
    while (!runner.latest() || runner.isBusy())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QCoreApplication::processEvents();
}

/// Rebuild (setEvaluation) and replot (immediate, with the repaint) of each chart on its own,
/// shown at the size a dock gives it, alternating two evaluations so the data always changes.
void perChartBreakdown(const Project &project)
{
    Project edited = project;
    for (Node &node : edited.candidates[0].nodes)
        if (node.id == "n13")
            node.params["durationMs"] = 400.0;
    const auto project1 = std::make_shared<const Project>(project);
    const auto project2 = std::make_shared<const Project>(edited);
    const auto evaluation1 = std::make_shared<const Evaluation>(evaluate(*project1));
    const auto evaluation2 = std::make_shared<const Evaluation>(evaluate(*project2));
    ChartsPanel panel(nullptr);
    panel.setCandidate(QStringLiteral("c1"));
    std::printf("-- per chart, shown alone at 1400 x 340 (rebuild = setEvaluation, replot = "
                "replot + repaint), 9 runs --\n");
    double totalRebuild = 0, totalReplot = 0;
    for (ResultChart *chart : panel.resultCharts()) {
        if (fedByRangeRunner(panel, chart))
            continue;
        chart->setParent(nullptr);
        chart->resize(1400, 340);
        chart->show();
        QCoreApplication::processEvents();
        std::vector<double> rebuildMs, replotMs;
        for (int run = 0; run < 9; ++run) {
            const bool odd = run % 2;
            QElapsedTimer t;
            t.start();
            chart->setEvaluation(odd ? evaluation2 : evaluation1, odd ? project2 : project1);
            rebuildMs.push_back(t.nsecsElapsed() / 1e6);
            t.start();
            chart->replot(QCustomPlot::rpImmediateRefresh);
            replotMs.push_back(t.nsecsElapsed() / 1e6);
            QCoreApplication::processEvents();
        }
        const Stats rebuild = stats(rebuildMs);
        const Stats replot = stats(replotMs);
        totalRebuild += rebuild.median;
        totalReplot += replot.median;
        std::printf("%-22s rebuild %6.1f ms   replot %6.1f ms   (%d plottables)\n",
                    qPrintable(chart->objectName()), rebuild.median, replot.median,
                    chart->plottableCount());
        chart->hide();
        chart->setParent(&panel);
    }
    std::printf("%-22s rebuild %6.1f ms   replot %6.1f ms\n", "sum of medians", totalRebuild,
                totalReplot);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc > 2 && QByteArray(argv[1]) == "--png")
        return writeSnapshots(QString::fromLocal8Bit(argv[2]));
    const int edits = argc > 1 ? std::max(3, std::atoi(argv[1])) : 15;
    const Project project = generateProject();
    std::printf("model: %zu nodes, %zu edges, 1 candidate\n", project.candidates[0].nodes.size(),
                project.candidates[0].edges.size());

    std::vector<double> evaluateMs;
    for (int i = 0; i < 9; ++i) {
        QElapsedTimer t;
        t.start();
        const Evaluation e = evaluate(project);
        evaluateMs.push_back(t.nsecsElapsed() / 1e6);
        if (!e.candidates[0].errors.empty())
            std::printf("error: %s\n", e.candidates[0].errors[0].message.c_str());
    }
    print("evaluate() analytic, with series", stats(evaluateMs));

    // The runner's own steps outside evaluate(): the edit, the project snapshot, evaluate() on
    // a pool thread with the result handed back to this thread.
    {
        Document doc;
        doc.resetProject(project);
        std::vector<double> editMs, snapshotMs, pooledMs;
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        for (int i = 0; i < 9; ++i) {
            QElapsedTimer t;
            t.start();
            doc.setNodeParam(QStringLiteral("c1"), QStringLiteral("n13"),
                             QStringLiteral("durationMs"), 300.0 + i);
            editMs.push_back(t.nsecsElapsed() / 1e6);
            t.start();
            auto snapshot = std::make_shared<const Project>(doc.project());
            snapshotMs.push_back(t.nsecsElapsed() / 1e6);
            t.start();
            std::shared_ptr<const Evaluation> result;
            QEventLoop loop;
            pool.start([&, snapshot] {
                auto evaluation = std::make_shared<const Evaluation>(evaluate(*snapshot));
                QMetaObject::invokeMethod(&loop, [&, evaluation] {
                    result = evaluation;
                    loop.quit();
                }, Qt::QueuedConnection);
            });
            loop.exec();
            pooledMs.push_back(t.nsecsElapsed() / 1e6);
        }
        print("document edit (undo command, signals)", stats(editMs));
        print("project snapshot (copy)", stats(snapshotMs));
        print("evaluate() on a pool thread, handed back", stats(pooledMs));
    }

    perChartBreakdown(project);

    // The user-facing figure: the main window's default layout (docks tabified, one in front).
    {
        AnalyticStudio studio(project);
        Document &doc = studio.doc;
        EvaluationRunner &runner = *studio.runner;
        ChartsPanel &panel = *studio.panel;
        QMainWindow window;
        dockLikeTheMainWindow(window, panel);
        waitForFirstEvaluation(runner);
        EditFigures figures;
        if (!measureEdits(doc, runner, panel, edits, 110.0, figures))
            return 1;
        std::printf("-- main window layout (chart docks tabified, load chart in front), "
                    "%d edits --\n", edits);
        print("evaluate() alone of the edited projects", stats(figures.evaluateMs));
        print("edit -> evaluationReady", stats(figures.toReady));
        print("edit -> every visible chart replotted", stats(figures.toReplotted));

        // A client selected on the canvas: its load series drawn emphasised (3 px).
        {
            panel.setHighlightedNode(QStringLiteral("n1"));
            EditFigures highlighted;
            if (!measureEdits(doc, runner, panel, std::max(5, edits / 2), 700.0, highlighted))
                return 1;
            print("same, a client selected (emphasised series)", stats(highlighted.toReplotted));
            panel.setHighlightedNode(QString());
        }

        // Bring each hidden chart to the front after an edit: it must show the newest figures.
        std::vector<double> showMs;
        const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
        for (QDockWidget *dock : docks) {
            auto *chart = qobject_cast<ResultChart *>(dock->widget());
            if (chart->isOnScreen() || fedByRangeRunner(panel, chart))
                continue;
            EditFigures one;
            if (!measureEdits(doc, runner, panel, 1, 900.0 + showMs.size() * 10.0, one))
                return 1;
            QElapsedTimer t;
            t.start();
            if (!waitForReplots({chart}, [&] { dock->raise(); }))
                return 1;
            QCoreApplication::processEvents(); // and paint it
            showMs.push_back(t.nsecsElapsed() / 1e6);
            std::printf("  %-20s brought to the front: %6.1f ms\n",
                        qPrintable(chart->objectName()), showMs.back());
            if (chart->isRefreshPending() || chart->evaluation() != runner.latest())
                std::printf("STALE: %s shows an older evaluation\n",
                            qPrintable(chart->objectName()));
        }
        print("show a hidden chart -> replotted and painted", stats(showMs));

        // A burst: 10 edits 15 ms apart (typing in a spin box); the last edit's figures.
        QElapsedTimer burst;
        const int runsBefore = runner.analyticRunCount();
        double sinceLastEdit = 0;
        QList<ResultChart *> visible;
        for (ResultChart *chart : panel.resultCharts())
            if (chart->isOnScreen() && !fedByRangeRunner(panel, chart))
                visible << chart;
        QElapsedTimer lastEdit;
        burst.start();
        for (int i = 0; i < 10; ++i) {
            lastEdit.start();
            doc.setNodeParam(QStringLiteral("c1"), QStringLiteral("n13"),
                             QStringLiteral("durationMs"), 500.0 + i);
            waitMs(15);
        }
        // Until the runner is idle and the front chart has replotted its newest evaluation.
        bool replottedLatest = false;
        auto ready = QObject::connect(&runner, &EvaluationRunner::evaluationReady, &runner,
                                      [&] { replottedLatest = false; });
        auto replotted = QObject::connect(visible.first(), &QCustomPlot::afterReplot, &runner,
                                          [&] { replottedLatest = true; });
        while (runner.isBusy() || !replottedLatest)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QObject::disconnect(ready);
        QObject::disconnect(replotted);
        QCoreApplication::processEvents();
        sinceLastEdit = lastEdit.nsecsElapsed() / 1e6;
        const bool lastFigures = visible.first()->evaluation() == runner.latest()
                                 && runner.latest()->findCandidate("c1")->monthlyCostUsd
                                        == evaluate(doc.project()).findCandidate("c1")
                                               ->monthlyCostUsd;
        std::printf("burst of 10 edits 15 ms apart: %d analytic runs, last figures%s on screen "
                    "%.1f ms after the last edit (%.1f ms after the first)\n",
                    runner.analyticRunCount() - runsBefore, lastFigures ? "" : " (NOT)",
                    sinceLastEdit, burst.nsecsElapsed() / 1e6);
    }

    // The worst case: every chart visible at once.
    {
        AnalyticStudio studio(project);
        QWidget grid;
        gridOfAllCharts(grid, *studio.panel);
        waitForFirstEvaluation(*studio.runner);
        EditFigures figures;
        if (!measureEdits(studio.doc, *studio.runner, *studio.panel, edits, 110.0, figures))
            return 1;
        std::printf("-- every chart visible (4 x 2 grid, 1600 x 900), %d edits --\n", edits);
        print("evaluate() alone of the edited projects", stats(figures.evaluateMs));
        print("edit -> evaluationReady", stats(figures.toReady));
        print("edit -> every visible chart replotted", stats(figures.toReplotted));
    }
    return 0;
}
