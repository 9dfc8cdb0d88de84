// Edit -> charts updated on the analytic path, for a generated 200-node candidate: the time
// from a document edit until every chart has replotted the new evaluation (debounce included),
// and its parts (evaluate() alone, chart rebuild + replot). Prints figures; not a test.
//
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts [edits]
//   QT_QPA_PLATFORM=offscreen build/bin/bench_charts --png DIR   (checkout charts as PNGs)

#include "charts/ChartsPanel.h"
#include "charts/EvaluationRunner.h"
#include "charts/ResultChart.h"
#include "charts/SweepChart.h"

#include "Document.h"
#include "io/ProjectJson.h"

#include <QDir>
#include <QFile>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
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
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const Evaluation e = evaluate(project);
        evaluateMs.push_back(t.nsecsElapsed() / 1e6);
        if (!e.candidates[0].errors.empty())
            std::printf("error: %s\n", e.candidates[0].errors[0].c_str());
    }
    print("evaluate() analytic, with series", stats(evaluateMs));

    for (int debounceMs : {60, 0}) {
        Document doc;
        doc.resetProject(project);
        EvaluationRunner runner(&doc);
        runner.setSimulationEnabled(false);
        runner.setSweepEnabled(false);
        runner.setDebounceMs(debounceMs);
        ChartsPanel panel(&runner);
        panel.resize(900, 600);
        panel.setCandidate(QStringLiteral("c1"));
        panel.show();
        const QList<ResultChart *> charts = panel.resultCharts();

        QElapsedTimer clock;
        int replotsPending = 0;
        bool waiting = false;
        double readyAt = 0, rebuiltAt = 0;
        QEventLoop loop;
        QObject::connect(&runner, &EvaluationRunner::evaluationReady, &loop, [&] {
            readyAt = clock.nsecsElapsed() / 1e6; // the panel rebuilt the charts before this
        });
        // The sweep chart is not fed on this path (sweep disabled): count the others.
        for (ResultChart *chart : charts) {
            if (chart == static_cast<ResultChart *>(panel.sweepChart()))
                continue;
            QObject::connect(chart, &QCustomPlot::afterReplot, &loop, [&] {
                if (!waiting || readyAt == 0)
                    return;
                if (--replotsPending == 0) {
                    rebuiltAt = clock.nsecsElapsed() / 1e6;
                    waiting = false;
                    loop.quit();
                }
            });
        }
        // Warm up: the first evaluation.
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        while (!runner.latest())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::processEvents();

        std::vector<double> toReady, toReplotted;
        for (int i = 0; i < edits; ++i) {
            replotsPending = int(charts.size()) - 1;
            readyAt = 0;
            waiting = true;
            clock.start();
            doc.setNodeParam(QStringLiteral("c1"), QStringLiteral("n13"),
                             QStringLiteral("durationMs"), 100.0 + 10.0 * (i + 1));
            QTimer guard;
            guard.setSingleShot(true);
            QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
            guard.start(20000);
            loop.exec();
            if (waiting) {
                std::printf("timed out waiting for the charts\n");
                return 1;
            }
            toReady.push_back(readyAt);
            toReplotted.push_back(rebuiltAt);
        }
        std::printf("-- debounce %d ms, %d edits --\n", debounceMs, edits);
        print("edit -> evaluationReady (charts rebuilt)", stats(toReady));
        print("edit -> every chart replotted", stats(toReplotted));
    }
    return 0;
}
