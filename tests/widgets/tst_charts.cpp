// The result charts show exactly the evaluation they are given, and the runner delivers the
// evaluation of the newest project: edits reach the charts, stale results never win, exports
// produce real files.
#include "charts/BlastRadiusChart.h"
#include "charts/ChartCatalog.h"
#include "charts/ChartsPanel.h"
#include "charts/ColdStartChart.h"
#include "charts/ComplexityChart.h"
#include "charts/CostChart.h"
#include "EvaluationRunner.h"
#include "charts/InstancesChart.h"
#include "charts/LabelPlacement.h"
#include "charts/LatencyChart.h"
#include "charts/LoadChart.h"
#include "charts/SweepChart.h"
#include "report/NumberFormat.h"

#include "Document.h"
#include "engine/Sweep.h"
#include "io/ProjectJson.h"
#include "support/Examples.h"

#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMainWindow>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>
#include <set>

using namespace skyline;
using skyline::test::evaluateShared;
using skyline::test::loadExample;

namespace {


const Project &checkout()
{
    static const Project project = loadExample("checkout.skyline");
    return project;
}


const NodeResult *findNode(const CandidateEvaluation &candidate, const QString &id)
{
    for (const NodeResult &node : candidate.nodes)
        if (QString::fromStdString(node.id) == id)
            return &node;
    return nullptr;
}

QList<QCPBars *> barsOf(QCustomPlot &plot)
{
    QList<QCPBars *> result;
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(plot.plottable(i)))
            result << bars;
    return result;
}

double valueAt(QCPBars *bars, double key)
{
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (it->key == key)
            return it->value;
    return 0.0;
}

/// Whether every series of `chart` (an instances chart of `candidateId`) carries the alive or
/// busy instances of its node in `evaluation`, and there is one per function or service.
bool instancesShow(InstancesChart &chart, const Evaluation &evaluation, const char *candidateId)
{
    const CandidateEvaluation *candidate = evaluation.findCandidate(candidateId);
    int expected = 0;
    for (const NodeResult &node : candidate->nodes)
        expected += node.kind == NodeKind::Function || node.kind == NodeKind::Service ? 2 : 0;
    if (chart.graphCount() != expected)
        return false;
    for (int i = 0; i < chart.graphCount(); ++i) {
        const NodeResult *node = findNode(*candidate, chart.nodeIdOf(chart.graph(i)));
        if (!node)
            return false;
        const bool busy = chart.graph(i)->pen().style() == Qt::DashLine;
        const auto &series = busy ? node->busyInstancesPerMinute : node->aliveInstancesPerMinute;
        for (int m = 0; m < minutesPerDay; ++m)
            if (chart.graph(i)->data()->at(m)->value != series[size_t(m)])
                return false;
    }
    return true;
}

/// The checkout example with Place order (n6) running `durationMs`: other instance series.
std::shared_ptr<const Project> checkoutWithDuration(double durationMs)
{
    Project project = checkout();
    for (Node &node : project.candidates.front().nodes)
        if (node.id == "n6")
            node.params["durationMs"] = durationMs;
    return std::make_shared<const Project>(std::move(project));
}

/// The checkout example and its figures before and after an edit that changes the instances.
struct BeforeAndAfterEdit
{
    std::shared_ptr<const Project> project1, project2;
    std::shared_ptr<const Evaluation> evaluation1, evaluation2;
};

BeforeAndAfterEdit checkoutBeforeAndAfterEdit()
{
    BeforeAndAfterEdit edit{checkoutWithDuration(500.0), checkoutWithDuration(4000.0), {}, {}};
    edit.evaluation1 = evaluateShared(*edit.project1);
    edit.evaluation2 = evaluateShared(*edit.project2);
    return edit;
}

/// The checkout example in a document, an analytic-only runner (no simulation, no sweep) and
/// a charts panel on c1; `ready` records every evaluationReady.
struct LiveCheckout
{
    Document doc;
    std::unique_ptr<EvaluationRunner> runner;
    std::unique_ptr<ChartsPanel> panel;
    std::unique_ptr<QSignalSpy> ready;

    LiveCheckout()
    {
        doc.resetProject(checkout());
        runner = std::make_unique<EvaluationRunner>(&doc);
        runner->setSimulationEnabled(false);
        runner->setSweepEnabled(false);
        panel = std::make_unique<ChartsPanel>(runner.get());
        panel->setCandidate(QStringLiteral("c1"));
        ready = std::make_unique<QSignalSpy>(runner.get(), &EvaluationRunner::evaluationReady);
    }
    /// Waits for the evaluation of the project as loaded.
    bool firstEvaluationDone()
    {
        return QTest::qWaitFor([this] { return ready->count() >= 1 && !runner->isBusy(); },
                               30000);
    }
};

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(checkout().candidates.size() >= 2);
    }

    void panelShowsTheChartCatalog()
    {
        // The panel's charts are the catalog's rows, in order, with their titles and classes.
        ChartsPanel panel(nullptr);
        const auto charts = panel.charts();
        const std::vector<ChartInfo> &catalog = chartCatalog();
        QCOMPARE(std::size_t(charts.size()), catalog.size());
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            QCOMPARE(charts.at(int(i)).first, catalog[i].translatedTitle());
            std::unique_ptr<ResultChart> made(catalog[i].make(nullptr));
            QCOMPARE(QString(charts.at(int(i)).second->metaObject()->className()),
                     QString(made->metaObject()->className()));
        }
        QCOMPARE(panel.sweepChart(), panel.resultCharts().at(5));
    }

    // --- each chart shows exactly its evaluation ---------------------------------------------

    void loadChartShowsEveryMinuteOfEachClient()
    {
        const auto evaluation = evaluateShared(checkout());
        const CandidateEvaluation &c1 = evaluation->candidates.front();
        LoadChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(c1.id));
        QVERIFY(chart.message().isEmpty());
        int clients = 0;
        for (const NodeResult &node : c1.nodes) {
            if (node.kind != NodeKind::Client)
                continue;
            ++clients;
            QCPGraph *graph = nullptr;
            for (int i = 0; i < chart.graphCount(); ++i)
                if (chart.nodeIdOf(chart.graph(i)) == QString::fromStdString(node.id))
                    graph = chart.graph(i);
            QVERIFY(graph);
            QCOMPARE(graph->dataCount(), minutesPerDay);
            for (int m = 0; m < minutesPerDay; ++m) {
                QCOMPARE(graph->data()->at(m)->key, m / 60.0);
                QCOMPARE(graph->data()->at(m)->value, node.rpsPerMinute[size_t(m)]);
            }
        }
        QCOMPARE(chart.graphCount(), clients);
        QVERIFY(clients >= 2);
        QVERIFY(chart.title().contains(QString::fromStdString(c1.name)));
        QCOMPARE(chart.xAxis->range().lower, 0.0);
        QCOMPARE(chart.xAxis->range().upper, 24.0);
    }

    void axisTicksNeverReadTheSame_data()
    {
        QTest::addColumn<double>("upper");
        QTest::newRow("cold starts at traffic x0.01") << 0.031;
        QTest::newRow("a tenth") << 0.13;
        QTest::newRow("p99 around a second") << 1300.0;
        QTest::newRow("millions") << 2.6e6;
    }

    void axisTicksNeverReadTheSame()
    {
        // At traffic x0.01 the cold starts chart read 0.03, 0.03, 0.02, 0.01, 0.01, 0.01 up
        // its axis (ticks 0.005 apart written with two decimals), and the latency chart 1.3k
        // for the tick at 1,250.
        QFETCH(double, upper);
        const auto evaluation = evaluateShared(checkout());
        ColdStartChart chart;
        chart.resize(700, 400);
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(evaluation->candidates.front().id));
        chart.yAxis->setRange(0, upper);
        chart.replot();
        const QVector<double> ticks = chart.yAxis->tickVector();
        const QVector<QString> labels = chart.yAxis->tickVectorLabels();
        QVERIFY(ticks.size() >= 3);
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        for (int i = 0; i < labels.size(); ++i) {
            QString number = labels[i];
            double scale = 1;
            if (number.endsWith('k') || number.endsWith('M')) {
                scale = number.endsWith('k') ? 1e3 : 1e6;
                number.chop(1);
            }
            bool ok = false;
            const double read = english.toDouble(number, &ok) * scale;
            QVERIFY2(ok, qPrintable(labels[i]));
            QVERIFY2(std::abs(read - ticks[i]) <= 1e-9 * std::max(1.0, std::abs(ticks[i])),
                     qPrintable(QString("tick %1 reads %2").arg(ticks[i]).arg(labels[i])));
        }
    }

    void legendCoversNoCurve()
    {
        // The legend sat inside the plot's top-right corner, over curves and break-even
        // labels; it now has a row of its own below the plot.
        const auto evaluation = evaluateShared(checkout());
        LoadChart chart;
        chart.resize(700, 400);
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(evaluation->candidates.front().id));
        chart.replot();
        QVERIFY(chart.legend->visible());
        QVERIFY(chart.legend->itemCount() >= 2);
        const QRect plot = chart.axisRect()->outerRect();
        const QRect legend = chart.legend->outerRect();
        QVERIFY2(!plot.intersects(legend), "the legend lies over the plot");
        QVERIFY(legend.top() >= plot.bottom());
        QVERIFY(legend.height() < chart.height() / 3);

        // Without a legend the plot takes the whole height again.
        chart.setEvaluation(nullptr);
        chart.replot();
        QVERIFY(!chart.legend->visible());
        QCOMPARE(chart.plotLayout()->rowCount(), 2);
    }

    void titleShowsNoStaleFiguresAboveCannotEvaluate()
    {
        auto evaluation = evaluateShared(checkout());
        const QString candidateId = QString::fromStdString(evaluation->candidates.front().id);
        CostChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(candidateId);
        QVERIFY(chart.message().isEmpty());
        QVERIFY(chart.title().contains(QStringLiteral("$")));

        auto broken = std::make_shared<Evaluation>(*evaluation);
        broken->candidates.front().errors.push_back(
            makeDiagnostic("cycle", "", {nameArg("Cart → Cart table → Cart")}));
        chart.setEvaluation(broken);
        QVERIFY(chart.message().startsWith(QStringLiteral("Cannot evaluate")));
        QVERIFY2(!chart.title().contains(QStringLiteral("$")), qPrintable(chart.title()));
        QVERIFY(!chart.title().isEmpty());
    }

    void categoryNamesTiltWhenTheyDoNotFitSideBySide_data()
    {
        QTest::addColumn<int>("widthPx");
        QTest::addColumn<bool>("tilted");
        QTest::newRow("narrow: 11 line items in 700 px") << 700 << true;
        QTest::newRow("wide: 11 line items in 6000 px") << 6000 << false;
    }

    void categoryNamesTiltWhenTheyDoNotFitSideBySide()
    {
        QFETCH(int, widthPx);
        QFETCH(bool, tilted);
        const auto evaluation = evaluateShared(checkout());
        CostChart chart;
        chart.resize(widthPx, 400);
        chart.setEvaluation(evaluation);
        chart.setOverlay(true); // every candidate's line items side by side
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.xAxis->tickLabelRotation() != 0, tilted);
    }

    void loadChartOverlayHasOneColourPerCandidate()
    {
        const auto evaluation = evaluateShared(checkout());
        LoadChart chart;
        chart.setEvaluation(evaluation);
        chart.setOverlay(true);
        int expected = 0;
        for (const CandidateEvaluation &c : evaluation->candidates)
            for (const NodeResult &n : c.nodes)
                expected += n.kind == NodeKind::Client ? 1 : 0;
        QCOMPARE(chart.graphCount(), expected);
        std::set<QRgb> colours;
        for (int i = 0; i < chart.graphCount(); ++i)
            colours.insert(chart.graph(i)->pen().color().rgb());
        QCOMPARE(int(colours.size()), int(evaluation->candidates.size()));
    }

    void instancesAndColdStartChartsFollowTheSeries()
    {
        const auto evaluation = evaluateShared(checkout());
        const CandidateEvaluation &c1 = evaluation->candidates.front();
        InstancesChart instances;
        ColdStartChart coldStarts;
        for (ResultChart *chart : {static_cast<ResultChart *>(&instances),
                                   static_cast<ResultChart *>(&coldStarts)}) {
            chart->setEvaluation(evaluation);
            chart->setCandidate(QString::fromStdString(c1.id));
        }
        int functions = 0;
        for (const NodeResult &node : c1.nodes)
            functions += node.kind == NodeKind::Function ? 1 : 0;
        QVERIFY(functions > 0);
        QCOMPARE(coldStarts.graphCount(), functions);
        QCOMPARE(instances.graphCount(), 2 * functions); // c1 has no services
        for (int i = 0; i < coldStarts.graphCount(); ++i) {
            const NodeResult *node = findNode(c1, coldStarts.nodeIdOf(coldStarts.graph(i)));
            QVERIFY(node);
            QCOMPARE(coldStarts.graph(i)->dataCount(), minutesPerDay);
            QCOMPARE(coldStarts.graph(i)->data()->at(600)->value, node->coldStartsPerMinute[600]);
        }
        for (int i = 0; i < instances.graphCount(); ++i) {
            const NodeResult *node = findNode(c1, instances.nodeIdOf(instances.graph(i)));
            QVERIFY(node);
            const bool busy = instances.graph(i)->pen().style() == Qt::DashLine;
            const auto &series = busy ? node->busyInstancesPerMinute
                                      : node->aliveInstancesPerMinute;
            for (int m = 0; m < minutesPerDay; m += 37)
                QCOMPARE(instances.graph(i)->data()->at(m)->value, series[size_t(m)]);
        }
    }

    void costChartStacksSumToEachNodesMonthlyCost()
    {
        const auto evaluation = evaluateShared(checkout());
        for (const CandidateEvaluation &candidate : evaluation->candidates) {
            CostChart chart;
            chart.setEvaluation(evaluation);
            chart.setCandidate(QString::fromStdString(candidate.id));
            const QList<QCPBars *> bars = barsOf(chart);
            QVERIFY(!bars.isEmpty());
            std::map<QString, double> shown; // node -> sum of its stack
            double total = 0;
            for (QCPBars *series : bars) {
                for (auto it = series->data()->constBegin(); it != series->data()->constEnd();
                     ++it) {
                    shown[chart.nodeIdOf(series, int(it - series->data()->constBegin()))] +=
                        it->value;
                    total += it->value;
                }
            }
            for (const NodeResult &node : candidate.nodes) {
                if (node.monthlyCostUsd == 0)
                    continue;
                const double stack = shown[QString::fromStdString(node.id)];
                QVERIFY2(std::abs(stack - node.monthlyCostUsd) < 1e-6 * (1 + node.monthlyCostUsd),
                         qPrintable(QStringLiteral("%1: %2 vs %3")
                                        .arg(QString::fromStdString(node.id))
                                        .arg(stack)
                                        .arg(node.monthlyCostUsd)));
            }
            QVERIFY(std::abs(total - candidate.monthlyCostUsd) < 1e-6 * (1 + total));
            QVERIFY2(chart.title().contains(formatUsd(candidate.monthlyCostUsd)),
                     qPrintable(chart.title()));
        }
    }

    void latencyChartGroupsPercentilesPerEntry()
    {
        const auto evaluation = evaluateShared(checkout());
        const CandidateEvaluation &c2 = evaluation->candidates.at(1);
        LatencyChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(c2.id));
        const QList<QCPBars *> bars = barsOf(chart);
        QCOMPARE(bars.size(), int(c2.entries.size()));
        for (const EntryResult &entry : c2.entries) {
            QCPBars *series = nullptr;
            for (QCPBars *b : bars)
                if (chart.nodeIdOf(b) == QString::fromStdString(entry.id))
                    series = b;
            QVERIFY(series);
            QCOMPARE(valueAt(series, 1), entry.latencyMs.p50);
            QCOMPARE(valueAt(series, 2), entry.latencyMs.p95);
            QCOMPARE(valueAt(series, 3), entry.latencyMs.p99);
            QVERIFY(entry.latencyMs.p50 <= entry.latencyMs.p99);
        }
        chart.setOverlay(true);
        QCOMPARE(barsOf(chart).size(), int(evaluation->candidates.size()));
    }

    void complexityAndBlastRadiusShowTheBreakdown()
    {
        const auto evaluation = evaluateShared(checkout());
        const CandidateEvaluation &c2 = evaluation->candidates.at(1);
        ComplexityChart complexity;
        complexity.setEvaluation(evaluation);
        complexity.setCandidate(QString::fromStdString(c2.id));
        const QList<QCPBars *> points = barsOf(complexity);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.front()->dataCount(), int(c2.complexity.breakdown.size()));
        const QString csv = complexity.csvText();
        for (size_t i = 0; i < c2.complexity.breakdown.size(); ++i) {
            const ComplexityItem &item = c2.complexity.breakdown[i];
            QCOMPARE(valueAt(points.front(), double(i + 1)), item.points);
            // The weight is shown next to each item, not hidden in the score.
            QVERIFY2(csv.contains(QStringLiteral("× %1").arg(item.weight, 0, 'g', 3)),
                     qPrintable(csv));
        }

        BlastRadiusChart blast;
        blast.setEvaluation(evaluation);
        blast.setCandidate(QString::fromStdString(c2.id));
        const QList<QCPBars *> nodes = barsOf(blast);
        QCOMPARE(nodes.size(), std::min<int>(25, int(c2.faultIsolation.size())));
        double previous = 101;
        for (QCPBars *bars : nodes) {
            const double percent = bars->data()->constBegin()->value;
            QVERIFY(percent <= previous); // largest first
            previous = percent;
            bool matched = false;
            for (const FaultResult &fault : c2.faultIsolation)
                if (QString::fromStdString(fault.node) == blast.nodeIdOf(bars))
                    matched = std::abs(fault.blastRadius * 100.0 - percent) < 1e-9;
            QVERIFY(matched);
        }
    }

    void bandsShowTheRangesP10ToP90()
    {
        Project ranged = checkout();
        ranged.workloads.front().ranges["peakRps"] = ParamRange{20, 200};
        const auto project = std::make_shared<const Project>(ranged);
        const auto evaluation = evaluateShared(ranged);
        UncertaintyOptions options;
        options.samples = 60;
        const auto uncertainty =
            std::make_shared<const UncertaintyResult>(analyzeUncertainty(ranged, options));
        const CandidateUncertainty &c1 = uncertainty->candidates.front();

        // The cost chart: a "Total" category with P10–P90 of the candidate's monthly cost.
        CostChart cost;
        cost.setEvaluation(evaluation, project);
        cost.setCandidate(QStringLiteral("c1"));
        QVERIFY(!cost.bandBars()); // no ranges known yet: no band
        cost.setUncertainty(uncertainty);
        QCPBars *band = cost.bandBars();
        QVERIFY(band);
        QCOMPARE(band->baseValue(), c1.monthlyCostUsd.p10);
        QCOMPARE(band->data()->at(0)->value, c1.monthlyCostUsd.p90 - c1.monthlyCostUsd.p10);
        QCOMPARE(band->name(), QStringLiteral("P10–P90 from ranges"));
        QVERIFY(cost.title().contains(formatUsd(c1.monthlyCostUsd.p90)));
        cost.setUncertainty(nullptr); // the ranges were removed
        QVERIFY(!cost.bandBars());

        // The Traffic slider at ×2: the band of the ×1 samples is not drawn around the ×2 bars;
        // the samples at ×2 are, and span their own P10 … P90.
        EvalOptions atTwo;
        atTwo.trafficMultiplier = 2.0;
        CostChart costAtTwo;
        costAtTwo.setEvaluation(evaluateShared(ranged, atTwo), project);
        costAtTwo.setCandidate(QStringLiteral("c1"));
        costAtTwo.setUncertainty(uncertainty);
        QVERIFY(!costAtTwo.bandBars());
        QVERIFY(!costAtTwo.title().contains(QStringLiteral("P10")));
        UncertaintyOptions sampledAtTwo = options;
        sampledAtTwo.trafficMultiplier = 2.0;
        const auto uncertaintyAtTwo =
            std::make_shared<const UncertaintyResult>(analyzeUncertainty(ranged, sampledAtTwo));
        costAtTwo.setUncertainty(uncertaintyAtTwo);
        QVERIFY(costAtTwo.bandBars());
        QCOMPARE(costAtTwo.bandBars()->baseValue(),
                 uncertaintyAtTwo->candidates.front().monthlyCostUsd.p10);
        QVERIFY(uncertaintyAtTwo->candidates.front().monthlyCostUsd.p50 > c1.monthlyCostUsd.p50);

        // The sweep: a band per candidate; at ×1 it spans the candidate's P10 … P90.
        SweepChart sweep;
        sweep.setSweep(std::make_shared<const LoadSweep>(
            skyline::sweep(ranged, sweepMultipliers(0.01, 100.0, 11))));
        QVERIFY(sweep.bandGraphs().isEmpty());
        sweep.setUncertainty(uncertainty);
        QCOMPARE(sweep.bandGraphs().size(), int(uncertainty->candidates.size()));
        QCPGraph *upper = sweep.bandGraphs().front();
        QVERIFY(upper->channelFillGraph());
        bool checkedAtOne = false;
        for (int i = 0; i < upper->dataCount(); ++i) {
            if (std::abs(upper->data()->at(i)->key - 1.0) > 1e-9)
                continue;
            QVERIFY(std::abs(upper->data()->at(i)->value / c1.monthlyCostUsd.p90 - 1) < 1e-6);
            QVERIFY(std::abs(upper->channelFillGraph()->data()->at(i)->value
                                 / c1.monthlyCostUsd.p10 - 1) < 1e-6);
            checkedAtOne = true;
        }
        QVERIFY(checkedAtOne);
        int legendBands = 0;
        for (int i = 0; i < sweep.legend->itemCount(); ++i)
            if (auto *item = qobject_cast<QCPPlottableLegendItem *>(sweep.legend->item(i)))
                legendBands += item->plottable()->name()
                    == QStringLiteral("P10–P90 from ranges sampled at traffic ×1, scaled");
        QCOMPARE(legendBands, 1); // it says that the spread at ×1 is scaled to every traffic
        QVERIFY(upper->channelFillGraph()->name().contains(
            QStringLiteral("sampled at traffic ×1, scaled")));

        // Sampled at the slider's ×3 (the bars show ×3): the band spans P10 … P90 there.
        UncertaintyOptions atThree;
        atThree.samples = 64;
        atThree.trafficMultiplier = 3.0;
        const auto uncertaintyAtThree =
            std::make_shared<const UncertaintyResult>(analyzeUncertainty(ranged, atThree));
        const CandidateUncertainty &c1AtThree = uncertaintyAtThree->candidates.front();
        SweepChart sweepAtThree;
        sweepAtThree.setSweep(std::make_shared<const LoadSweep>(
            skyline::sweep(ranged, std::vector<double>{1.0, 2.0, 3.0, 4.0})));
        sweepAtThree.setUncertainty(uncertaintyAtThree);
        QCPGraph *upperAtThree = sweepAtThree.bandGraphs().front();
        QCOMPARE(upperAtThree->data()->at(2)->key, 3.0);
        QVERIFY(std::abs(upperAtThree->data()->at(2)->value / c1AtThree.monthlyCostUsd.p90 - 1)
                < 1e-6);
        QVERIFY(upperAtThree->name().contains(QStringLiteral("×3, scaled")));
    }

    void sweepP99TitleFitsItsAxis_data()
    {
        QTest::addColumn<int>("heightPx");
        QTest::addColumn<bool>("full");
        QTest::newRow("bottom dock of a 1024 x 700 window") << 200 << false;
        QTest::newRow("tall") << 600 << true;
    }

    void sweepP99TitleFitsItsAxis()
    {
        // The right axis' title was cut at the top in a low chart.
        QFETCH(int, heightPx);
        QFETCH(bool, full);
        SweepChart chart;
        chart.resize(700, heightPx);
        chart.show(); // laid out at its size
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSweep(std::make_shared<const LoadSweep>(
            skyline::sweep(checkout(), sweepMultipliers(0.01, 100.0, 11))));
        chart.replot();
        const QString label = chart.yAxis2->label();
        QVERIFY(label.startsWith(QStringLiteral("p99")));
        QCOMPARE(label.contains(QStringLiteral("busiest hour")), full);
        const int lengthPx = QFontMetrics(chart.yAxis2->labelFont()).horizontalAdvance(label);
        QVERIFY2(lengthPx <= chart.axisRect()->height(),
                 qPrintable(QStringLiteral("%1 px on a %2 px axis")
                                .arg(lengthPx)
                                .arg(chart.axisRect()->height())));
    }

    void sweepChartMarksEveryBreakEven()
    {
        const std::vector<double> multipliers = sweepMultipliers(0.01, 100.0, 11);
        // The runner's cancellable sweep is the engine's sweep, point for point.
        EngineWorkspace workspace;
        const auto sweep = std::shared_ptr<const LoadSweep>(
            computeSweep(checkout(), multipliers, nullptr, workspace));
        QVERIFY(sweep);
        const LoadSweep engine = skyline::sweep(checkout(), multipliers);
        QCOMPARE(int(sweep->candidates.size()), int(engine.candidates.size()));
        for (size_t c = 0; c < engine.candidates.size(); ++c) {
            QVERIFY(sweep->candidates[c].monthlyCostUsd == engine.candidates[c].monthlyCostUsd);
            QVERIFY(sweep->candidates[c].p99Ms == engine.candidates[c].p99Ms);
        }
        QCOMPARE(sweep->breakEven.size(), engine.breakEven.size());
        // Stopping early returns nothing rather than a partial sweep.
        QVERIFY(!computeSweep(checkout(), multipliers, [](int done) { return done < 3; },
                              workspace));

        SweepChart chart;
        chart.setSweep(sweep);
        QVERIFY(chart.message().isEmpty());
        QCOMPARE(chart.xAxis->scaleType(), QCPAxis::stLogarithmic);
        if (sweep->breakEven.empty()) {
            QVERIFY(!chart.breakEvenGraph());
        } else {
            QCPGraph *markers = chart.breakEvenGraph();
            QVERIFY(markers);
            QCOMPARE(markers->dataCount(), int(sweep->breakEven.size()));
            for (int i = 0; i < markers->dataCount(); ++i) {
                QCOMPARE(markers->data()->at(i)->key, engine.breakEven[size_t(i)].multiplier);
                QCOMPARE(markers->data()->at(i)->value,
                         engine.breakEven[size_t(i)].monthlyCostUsd);
            }
            QVERIFY(chart.itemCount() >= int(sweep->breakEven.size())); // labels
        }
        // One cost curve per candidate (p99 curves sit on the right axis).
        int costCurves = 0;
        for (int i = 0; i < chart.graphCount(); ++i)
            costCurves += chart.graph(i)->valueAxis() == chart.yAxis
                                  && chart.graph(i) != chart.breakEvenGraph()
                              ? 1
                              : 0;
        QCOMPARE(costCurves, int(sweep->candidates.size()));

        // A sweep whose curves certainly cross: the marker sits where the engine puts it.
        auto crossing = std::make_shared<LoadSweep>();
        crossing->multipliers = {1, 10, 100};
        crossing->candidates = {{"a", "Functions", {1, 10, 100}, {5, 5, 5}, {}},
                                {"b", "Services", {20, 20, 20}, {9, 9, 9}, {}}};
        crossing->breakEven = findCostBreakEvens(crossing->multipliers, crossing->candidates);
        QCOMPARE(int(crossing->breakEven.size()), 1);
        chart.setSweep(crossing);
        QVERIFY(chart.breakEvenGraph());
        QCOMPARE(chart.breakEvenGraph()->dataCount(), 1);
        QCOMPARE(chart.breakEvenGraph()->data()->at(0)->key, crossing->breakEven[0].multiplier);
        QVERIFY(chart.breakEvenGraph()->data()->at(0)->key > 10);
        QVERIFY(chart.breakEvenGraph()->data()->at(0)->key < 100);
        QVERIFY(chart.title().contains(QStringLiteral("1 break-even")));
    }

    void breakEvenLabelsNeverCoverEachOther_data()
    {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QSize>("size");
        for (const char *example : {"thumbnails.skyline", "checkout.skyline", "iot-telemetry.skyline"})
            for (const QSize size : {QSize(900, 520), QSize(560, 340)})
                QTest::addRow("%s %dx%d", example, size.width(), size.height())
                    << QString::fromLatin1(example) << size;
    }

    void breakEvenLabelsNeverCoverEachOther()
    {
        QFETCH(QString, example);
        QFETCH(QSize, size);
        const Project project = loadExample(example);
        auto sweep = std::make_shared<const LoadSweep>(skyline::sweep(project, sweepMultipliers()));
        SweepChart chart;
        chart.resize(size);
        chart.setSweep(sweep);
        chart.replot(QCustomPlot::rpImmediateRefresh);
        // Every break-even label as drawn (QCPItemText's own corners, in pixels).
        QVector<QRectF> rects;
        for (int i = 0; i < chart.itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(chart.item(i)))
                if (text->text().contains(QStringLiteral(" = ")))
                    rects << QRectF(text->topLeft->pixelPosition(),
                                    text->bottomRight->pixelPosition());
        if (example == QLatin1String("thumbnails.skyline")) // the sweep of the issue: three
            QVERIFY(!rects.isEmpty()); // crossings near ×0.13, labelled (together: one label)
        QVERIFY(!sweep->breakEven.empty() || rects.isEmpty());
        for (int a = 0; a < rects.size(); ++a)
            for (int b = a + 1; b < rects.size(); ++b)
                QVERIFY2(!rects[a].intersects(rects[b]),
                         qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(a).arg(b)));
        // Every crossing is named in some label.
        for (const CostBreakEven &point : sweep->breakEven) {
            const QString a = QString::fromStdString(project.findCandidate(point.a)->name);
            bool named = false;
            for (QCPItemText *label : chart.breakEvenLabels())
                named = named || label->text().contains(a + QStringLiteral(" = "));
            QVERIFY2(named, qPrintable(a));
        }
    }

    void placeLabelsKeepsCrowdedLabelsApart_data()
    {
        QTest::addColumn<QVector<QPointF>>("anchors");
        QTest::newRow("three crossings at one spot")
            << QVector<QPointF>{{200, 150}, {201, 151}, {202, 149}};
        QTest::newRow("a row of crossings") << QVector<QPointF>{{100, 150}, {130, 150},
                                                                {160, 150}, {190, 150}};
        QTest::newRow("in a corner") << QVector<QPointF>{{5, 5}, {8, 6}, {395, 295}};
    }

    void placeLabelsKeepsCrowdedLabelsApart()
    {
        QFETCH(QVector<QPointF>, anchors);
        const QVector<QSizeF> sizes(anchors.size(), QSizeF(120, 34));
        const QRectF bounds(0, 0, 400, 300);
        const QVector<QRectF> rects = placeLabels(anchors, sizes, bounds);
        QCOMPARE(rects.size(), anchors.size());
        for (int a = 0; a < rects.size(); ++a) {
            QCOMPARE(rects[a].size(), sizes[a]);
            for (int b = a + 1; b < rects.size(); ++b)
                QVERIFY(!rects[a].intersects(rects[b]));
            for (const QPointF &anchor : anchors)
                QVERIFY(!rects[a].adjusted(1, 1, -1, -1).contains(anchor)); // markers stay visible
        }
        QCOMPARE(placeLabels(anchors, sizes, bounds), rects); // deterministic
    }

    void crossingsAtNearlyTheSameSpotShareALabel()
    {
        const QVector<QVector<int>> groups =
            clusterPoints({{0.0, 0.0}, {2.0, 0.0}, {0.01, 0.005}, {2.01, 0.01}}, 0.02);
        QCOMPARE(groups, (QVector<QVector<int>>{{0, 2}, {1, 3}}));
    }

    // --- empty and error states --------------------------------------------------------------

    void cycleShowsAMessageNotNumbers()
    {
        Document doc;
        const QString c = QString::fromStdString(doc.project().candidates.front().id);
        const QString client = doc.addNode(c, NodeKind::Client, {0, 0});
        doc.setNodeWorkload(c, client, QString::fromStdString(doc.project().workloads[0].id));
        const QString a = doc.addNode(c, NodeKind::Function, {100, 0});
        const QString b = doc.addNode(c, NodeKind::Function, {200, 0});
        QVERIFY(!doc.addEdge(c, EdgeKind::Api, client, a).isEmpty());
        QVERIFY(!doc.addEdge(c, EdgeKind::Api, a, b).isEmpty());
        QVERIFY(!doc.addEdge(c, EdgeKind::Api, b, a).isEmpty());
        const auto evaluation = evaluateShared(doc.project());
        QVERIFY(!evaluation->candidates.front().errors.empty());
        CostChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(c);
        QCOMPARE(chart.plottableCount(), 0);
        QVERIFY2(chart.message().contains(QStringLiteral("cycle")), qPrintable(chart.message()));

        LoadChart empty; // before any evaluation
        QCOMPARE(empty.plottableCount(), 0);
        QVERIFY(!empty.message().isEmpty());
        SweepChart noSweep;
        QVERIFY(!noSweep.message().isEmpty());
    }

    // --- selection linking, tooltips ---------------------------------------------------------

    void highlightEmphasisesOneNodeAndClicksNameIt()
    {
        const auto evaluation = evaluateShared(checkout());
        const CandidateEvaluation &c1 = evaluation->candidates.front();
        ColdStartChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(c1.id));
        QVERIFY(chart.graphCount() >= 2);
        const QString target = chart.nodeIdOf(chart.graph(1));
        chart.setHighlightedNode(target);
        for (int i = 0; i < chart.graphCount(); ++i) {
            const QPen pen = chart.graph(i)->pen();
            if (chart.nodeIdOf(chart.graph(i)) == target) {
                QVERIFY(pen.widthF() > 2.0);
                QCOMPARE(pen.color().alpha(), 255);
            } else {
                QVERIFY(pen.color().alpha() < 128);
            }
        }
        chart.setHighlightedNode(QString());
        for (int i = 0; i < chart.graphCount(); ++i)
            QCOMPARE(chart.graph(i)->pen().color().alpha(), 255);

        // Clicking a bar names its node; hovering it tells the exact value.
        BlastRadiusChart blast;
        blast.setEvaluation(evaluation);
        blast.setCandidate(QString::fromStdString(c1.id));
        blast.resize(800, 500);
        blast.replot(QCustomPlot::rpImmediateRefresh);
        QCPBars *first = barsOf(blast).front();
        const double value = first->data()->constBegin()->value;
        const QPointF centre(blast.xAxis->coordToPixel(value / 2.0),
                             blast.yAxis->coordToPixel(1.0));
        QSignalSpy clicked(&blast, &ResultChart::nodeClicked);
        QTest::mouseClick(&blast, Qt::LeftButton, {}, centre.toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), blast.nodeIdOf(first));
        const QString tip = blast.hoverText(centre);
        QVERIFY2(tip.contains(QString::number(value, 'f', 1)), qPrintable(tip));
        QVERIFY(blast.hoverText(QPointF(2, 2)).isEmpty()); // far from any data
    }

    // --- exports -----------------------------------------------------------------------------

    void exportsWriteRealFiles()
    {
        const auto evaluation = evaluateShared(checkout());
        LoadChart chart;
        chart.resize(700, 420);
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(evaluation->candidates.front().id));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        const QString png = dir.filePath(QStringLiteral("load.png"));
        QVERIFY(chart.exportPng(png, 640, 360));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(640, 360));
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 3, "the PNG is blank");

        const QString svg = dir.filePath(QStringLiteral("load.svg"));
        QVERIFY(chart.exportSvg(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        int paths = 0;
        bool sawSvg = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                sawSvg = sawSvg || xml.name() == QLatin1String("svg");
                paths += xml.name() == QLatin1String("path")
                         || xml.name() == QLatin1String("polyline");
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawSvg);
        QVERIFY(paths > 0);

        const QString pdf = dir.filePath(QStringLiteral("load.pdf"));
        QVERIFY(chart.exportPdf(pdf));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(4) == "%PDF");

        const QString csv = dir.filePath(QStringLiteral("load.csv"));
        QVERIFY(chart.exportCsv(csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + chart.graphCount() * minutesPerDay);
        QVERIFY(lines.front().startsWith("series,node,"));
        QVERIFY(lines.at(1 + 14 * 60 + 35).contains(",14:35,"));
    }

    void chartCsvNeutralisesFormulas() // issue 12 item 10: one CSV writer, io/Csv.h
    {
        Project project = checkout(); // the load chart's series are its clients, named by id
        Candidate &candidate = project.candidates.front();
        const std::string formula = "=HYPERLINK(\"http://x\")";
        for (Node &node : candidate.nodes)
            if (node.kind == NodeKind::Client) {
                for (Edge &edge : candidate.edges)
                    if (edge.from == node.id)
                        edge.from = formula + node.id;
                node.id = formula + node.id;
            }
        const auto evaluation = evaluateShared(project);
        LoadChart chart;
        chart.setEvaluation(evaluation);
        chart.setCandidate(QString::fromStdString(evaluation->candidates.front().id));
        const QStringList lines = chart.csvText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + chart.graphCount() * minutesPerDay);
        for (int i = 1; i < lines.size(); ++i) {
            QVERIFY2(lines[i].startsWith(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")")),
                     qPrintable(lines[i]));
            bool number = false;
            lines[i].section(QLatin1Char(','), -1).toDouble(&number);
            QVERIFY2(number, qPrintable(lines[i])); // the value stays a plain number
        }
    }

    // --- the live runner ---------------------------------------------------------------------

    void paramEditReachesTheCharts()
    {
        LiveCheckout live;
        QVERIFY(live.firstEvaluationDone());
        const double before = live.runner->latest()->findCandidate("c1")->monthlyCostUsd;

        // Place order (n6) runs four times longer: its compute cost must show up.
        QVERIFY(live.doc.setNodeParam(QStringLiteral("c1"), QStringLiteral("n6"),
                                      QStringLiteral("durationMs"), 2000.0)
                    .isEmpty());
        live.ready->clear();
        QTRY_VERIFY_WITH_TIMEOUT(live.ready->count() >= 1 && !live.runner->isBusy(), 30000);
        const auto shown = live.runner->latest();
        const Evaluation expected = evaluate(live.doc.project());
        const double after = shown->findCandidate("c1")->monthlyCostUsd;
        QVERIFY(after > before);
        QCOMPARE(after, expected.findCandidate("c1")->monthlyCostUsd);
        QVERIFY(live.panel->costChart()->title().contains(formatUsd(after)));
        QCOMPARE(live.ready->at(0).at(1).toBool(), false); // analytic, not refined
    }

    void staleResultsNeverOverwriteNewerOnes()
    {
        Document doc;
        doc.resetProject(checkout());
        EvaluationRunner runner(&doc);
        runner.setSweepEnabled(false);
        runner.setSimulationEnabled(true);
        QSignalSpy ready(&runner, &EvaluationRunner::evaluationReady);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 30000); // analytic of the start

        // Edit 1; as soon as its analytic answer arrives (its simulation starts in the
        // background), edit 2. Edit 1's simulation must never be shown.
        QVERIFY(doc.setNodeParam("c1", "n6", "durationMs", 900.0).isEmpty());
        const Project first = doc.project();
        QList<std::shared_ptr<const Evaluation>> shown;
        bool secondEditDone = false;
        connect(&runner, &EvaluationRunner::evaluationReady, this,
                [&](std::shared_ptr<const Evaluation> evaluation, bool) {
                    shown << evaluation;
                    if (!secondEditDone && evaluation->method == EvalMethod::Analytic
                        && evaluation->findCandidate("c1")->monthlyCostUsd
                               == evaluate(first).findCandidate("c1")->monthlyCostUsd) {
                        secondEditDone = true;
                        doc.setNodeParam("c1", "n6", "durationMs", 3000.0);
                    }
                });
        QTRY_VERIFY_WITH_TIMEOUT(secondEditDone, 30000);
        const Project final = doc.project();
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy() && runner.latestIsRefined(), 120000);

        EvalOptions simulation;
        simulation.method = EvalMethod::Simulation;
        const Evaluation expectedSimulated = evaluate(final, simulation);
        const Evaluation expectedAnalytic = evaluate(final);
        const auto latest = runner.latest();
        QCOMPARE(latest->method, EvalMethod::Simulation);
        // The simulation adds days until its time budget ends, so two runs of the same project
        // may simulate different numbers of days (DESIGN.md §7): the figures agree within the
        // simulation's precision, far closer than edit 1's figures (900 ms against 3,000 ms).
        for (const CandidateEvaluation &candidate : expectedSimulated.candidates) {
            const double shown = latest->findCandidate(candidate.id)->monthlyCostUsd;
            QVERIFY2(std::abs(shown - candidate.monthlyCostUsd)
                         <= 1e-3 * std::abs(candidate.monthlyCostUsd),
                     qPrintable(QStringLiteral("%1: %2 against %3").arg(
                         QString::fromStdString(candidate.id)).arg(shown).arg(
                         candidate.monthlyCostUsd)));
        }
        QVERIFY(std::abs(latest->findCandidate("c1")->monthlyCostUsd
                         - evaluate(first, simulation).findCandidate("c1")->monthlyCostUsd)
                > 1e-3 * std::abs(latest->findCandidate("c1")->monthlyCostUsd));
        // After the second edit, only results of the final project were shown.
        QCOMPARE(shown.first()->method, EvalMethod::Analytic);
        QCOMPARE(shown.first()->findCandidate("c1")->monthlyCostUsd,
                 evaluate(first).findCandidate("c1")->monthlyCostUsd);
        for (int i = 1; i < shown.size(); ++i) {
            const auto &evaluation = shown.at(i);
            const Evaluation &expected = evaluation->method == EvalMethod::Simulation
                                             ? expectedSimulated
                                             : expectedAnalytic;
            const double shownUsd = evaluation->findCandidate("c1")->monthlyCostUsd;
            const double expectedUsd = expected.findCandidate("c1")->monthlyCostUsd;
            if (evaluation->method == EvalMethod::Simulation) // within its precision (above)
                QVERIFY(std::abs(shownUsd - expectedUsd) <= 1e-3 * std::abs(expectedUsd));
            else
                QCOMPARE(shownUsd, expectedUsd);
        }
        QVERIFY(shown.size() >= 3); // edit 1 analytic, edit 2 analytic, edit 2 simulated
    }

    void sweepRunsAfterTheAnalyticAnswerWithProgress()
    {
        Document doc;
        doc.resetProject(checkout());
        EvaluationRunner runner(&doc);
        runner.setSimulationEnabled(false);
        QSignalSpy sweeps(&runner, &EvaluationRunner::sweepReady);
        QSignalSpy progress(&runner, &EvaluationRunner::progressChanged);
        QSignalSpy busy(&runner, &EvaluationRunner::busyChanged);
        QTRY_VERIFY_WITH_TIMEOUT(sweeps.count() == 1 && !runner.isBusy(), 120000);
        const auto sweep = runner.latestSweep();
        QVERIFY(sweep);
        QCOMPARE(int(sweep->multipliers.size()), 41);
        QVERIFY(progress.count() >= 41);
        int last = -1;
        for (const QList<QVariant> &args : progress) {
            QVERIFY(args.at(0).toInt() >= last);
            last = args.at(0).toInt();
        }
        QCOMPARE(last, 100);
        QVERIFY(!busy.isEmpty());
        QCOMPARE(busy.last().at(0).toBool(), false);

        // The what-if slider re-evaluates at once, but does not redo the sweep.
        QSignalSpy ready(&runner, &EvaluationRunner::evaluationReady);
        runner.setTrafficMultiplier(3.0);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1 && !runner.isBusy(), 30000);
        QCOMPARE(runner.latest()->trafficMultiplier, 3.0);
        EvalOptions tripled;
        tripled.trafficMultiplier = 3.0;
        QCOMPARE(runner.latest()->findCandidate("c2")->monthlyCostUsd,
                 evaluate(checkout(), tripled).findCandidate("c2")->monthlyCostUsd);
        QCOMPARE(sweeps.count(), 1);
    }

    void aSingleEditIsEvaluatedWithoutWaitingForTheDebounce()
    {
        LiveCheckout live;
        QVERIFY(live.firstEvaluationDone());
        live.runner->endQuietWindow(); // the first evaluation's quiet window is over
        QVERIFY(!live.runner->isInQuietWindow());
        live.runner->setDebounceMs(600000); // only a burst waits for it
        live.ready->clear();
        QVERIFY(live.doc.setNodeParam("c1", "n6", "durationMs", 2000.0).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(live.ready->count() == 1 && !live.runner->isBusy(), 10000);
        QCOMPARE(live.runner->latest()->findCandidate("c1")->monthlyCostUsd,
                 evaluate(live.doc.project()).findCandidate("c1")->monthlyCostUsd);
    }

    void aBurstOfEditsGivesAtMostTwoEvaluationsEndingOnTheLast()
    {
        LiveCheckout live;
        QVERIFY(live.firstEvaluationDone());
        live.runner->endQuietWindow(); // the first evaluation's quiet window is over
        // The quiet window never ends by itself in this test: the burst ends when the test
        // says so, however slow the machine is.
        live.runner->setDebounceMs(600000);
        live.ready->clear();
        const int runsBefore = live.runner->analyticRunCount();

        // Holding a spin box's arrow: each step an edit, the event loop running in between
        // (the first edit's leading-edge run starts there; the others wait for the burst).
        const int edits = 8;
        for (int i = 0; i < edits; ++i) {
            const double durationMs = 600.0 + 100.0 * i;
            QVERIFY(live.doc.setNodeParam("c1", "n6", "durationMs", durationMs).isEmpty());
            QCoreApplication::processEvents();
        }
        QVERIFY(live.runner->isInQuietWindow());
        QCOMPARE(live.runner->analyticRunCount() - runsBefore, 1); // the leading edge only
        live.runner->endQuietWindow(); // the burst is over
        QTRY_VERIFY_WITH_TIMEOUT(!live.runner->isBusy(), 30000);
        const int runs = live.runner->analyticRunCount() - runsBefore;
        QCOMPARE(runs, 2); // the leading edge and one trailing run for the seven others
        QVERIFY(live.ready->count() <= 2);
        const double expected = evaluate(live.doc.project()).findCandidate("c1")->monthlyCostUsd;
        QCOMPARE(live.runner->latest()->findCandidate("c1")->monthlyCostUsd, expected);
        QVERIFY(live.panel->costChart()->title().contains(formatUsd(expected)));
    }

    // --- charts the user cannot see ----------------------------------------------------------

    void aHiddenTabCatchesUpWhenShown()
    {
        const auto [project1, project2, evaluation1, evaluation2] = checkoutBeforeAndAfterEdit();
        QTabWidget tabs;
        auto *load = new LoadChart;
        auto *instances = new InstancesChart;
        tabs.addTab(load, QStringLiteral("Load"));
        tabs.addTab(instances, QStringLiteral("Instances"));
        tabs.resize(900, 500);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        for (ResultChart *chart : {static_cast<ResultChart *>(load),
                                   static_cast<ResultChart *>(instances)}) {
            chart->setCandidate(QStringLiteral("c1"));
            chart->setEvaluation(evaluation1, project1);
        }
        QVERIFY(load->isOnScreen());
        QVERIFY(!instances->isOnScreen());
        instances->setEvaluation(evaluation2, project2);
        // It waits while hidden …
        QVERIFY(instances->isRefreshPending());
        QCOMPARE(instances->evaluation(), evaluation2);
        // … and shows the newest figures once the user opens its tab.
        tabs.setCurrentWidget(instances);
        QTRY_VERIFY(!instances->isRefreshPending());
        QVERIFY(instancesShow(*instances, *evaluation2, "c1"));
        QVERIFY(!instancesShow(*instances, *evaluation1, "c1")); // the edit changed the series
    }

    void aTabifiedDockCatchesUpWhenBroughtToTheFront()
    {
        const auto [project1, project2, evaluation1, evaluation2] = checkoutBeforeAndAfterEdit();
        // As the main window places the charts: docks tabified, one in front.
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        auto *load = new LoadChart;
        auto *instances = new InstancesChart;
        auto *loadDock = new QDockWidget(QStringLiteral("Load"), &window);
        auto *instancesDock = new QDockWidget(QStringLiteral("Instances"), &window);
        loadDock->setWidget(load);
        instancesDock->setWidget(instances);
        window.addDockWidget(Qt::BottomDockWidgetArea, loadDock);
        window.addDockWidget(Qt::BottomDockWidgetArea, instancesDock);
        window.tabifyDockWidget(loadDock, instancesDock);
        window.resize(1000, 700);
        window.show();
        loadDock->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(load->isOnScreen() && !instances->isOnScreen());
        instances->setCandidate(QStringLiteral("c1"));
        instances->setEvaluation(evaluation1, project1);
        instances->setEvaluation(evaluation2, project2);
        QVERIFY(instances->isRefreshPending());
        instancesDock->raise();
        QTRY_VERIFY(instances->isOnScreen() && !instances->isRefreshPending());
        QVERIFY(instancesShow(*instances, *evaluation2, "c1"));
        // Exports of a chart behind another catch up too.
        loadDock->raise();
        QTRY_VERIFY(!instances->isOnScreen());
        instances->setEvaluation(evaluation1, project1);
        QVERIFY(instances->isRefreshPending());
        const QString csv = instances->csvText();
        QVERIFY(!instances->isRefreshPending());
        QVERIFY(instancesShow(*instances, *evaluation1, "c1"));
        QVERIFY(csv.count(QLatin1Char('\n')) == 1 + instances->graphCount() * minutesPerDay);
    }

    void simulationShortfallIsTheWidestRelativeInterval_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("precise");
        QTest::addColumn<double>("expected");
        QTest::newRow("analytic figures: nothing to say") << 0 << false << 0.0;
        QTest::newRow("reached ±5 %: nothing to say") << 6 << true << 0.0;
        QTest::newRow("stopped after one day: no interval") << 1 << false << qInf();
        // avgBusy 10 in [8, 12] is ±20 %, wider than alive (±10 %) and cold starts (±5 %).
        QTest::newRow("stopped after three days: ±20 %") << 3 << false << 0.2;
    }

    void simulationShortfallIsTheWidestRelativeInterval()
    {
        QFETCH(int, days);
        QFETCH(bool, precise);
        QFETCH(double, expected);
        CandidateEvaluation candidate;
        NodeResult node;
        node.coldStartProbability = 0.01;
        node.instances.avgAlive = 20;
        node.instances.avgBusy = 10;
        node.simulation.days = days;
        node.simulation.precise = precise;
        node.simulation.coldStarts = 1000;
        node.simulation.hasIntervals = days >= 2;
        node.simulation.coldStartProbability = {0.0095, 0.0105};
        node.simulation.avgAlive = {18, 22};
        node.simulation.avgBusy = {8, 12};
        candidate.nodes = {NodeResult{}, node}; // the first one was not simulated
        QCOMPARE(simulationShortfall(candidate), expected);
    }

    void theStatusSaysWhenACandidateStoppedAtItsBudget()
    {
        // The studio gives each candidate a shorter budget than the CLI's 10 s per run.
        QVERIFY(studioSimulationSecondsPerCandidate < EvalOptions{}.simulationMaxSeconds);
        Document doc;
        doc.resetProject(checkout());
        EvaluationRunner runner(&doc);
        QCOMPARE(runner.simulationSecondsPerCandidate(), studioSimulationSecondsPerCandidate);
        runner.setSweepEnabled(false);
        // A budget no simulation can meet: each function stops after its first day.
        runner.setSimulationSecondsPerCandidate(1e-9);
        ChartsPanel panel(&runner);
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy() && runner.latestIsRefined(), 120000);
        QVERIFY(!runner.simulationShortfalls().empty());
        const QString serverless = QString::fromStdString(checkout().candidates[0].name);
        QCOMPARE(runner.simulationShortfalls().front().candidateName, serverless);
        auto *label = panel.progressWidget()->findChild<QLabel *>();
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("stopped at its")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(serverless), qPrintable(label->text()));
    }

    void destroyingTheRunnerMidSimulationIsClean()
    {
        Document doc;
        doc.resetProject(checkout());
        auto *runner = new EvaluationRunner(&doc);
        runner->setSweepEnabled(false);
        QSignalSpy ready(runner, &EvaluationRunner::evaluationReady);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 1, 30000); // the simulation starts now
        delete runner; // waits for the engine call in flight, drops its result
        QCoreApplication::processEvents();
        QCOMPARE(ready.count(), 1);
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
