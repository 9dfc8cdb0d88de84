// Names and colours of the engine's keys (issue 10 points 6, 9, 12): cost items and
// complexity items read as words, and a cost item or a node keeps one colour in every chart,
// whatever else the chart holds. Runs offscreen.

#include "charts/CostChart.h"
#include "charts/InstancesChart.h"
#include "report/FigureLabels.h"

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <QFile>
#include <QtTest>

#include <map>

using namespace skyline;

namespace {
Project loadExample(const char *name)
{
    QFile file(QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const ReadResult<Project> read = readProject(file.readAll().toStdString());
    return read.ok() ? *read.value : Project{};
}

/// The colour a chart gives each bar series (before highlighting fades it), by series name.
std::map<QString, QColor> barColors(ResultChart &chart)
{
    std::map<QString, QColor> colors;
    for (int i = 0; i < chart.plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(chart.plottable(i)))
            colors[bars->name()] = bars->property("baseColor").value<QColor>();
    return colors;
}
} // namespace

class TestFigureLabels : public QObject
{
    Q_OBJECT
private slots:
    void labelsAreWords_data();
    void labelsAreWords();
    void costItemColoursAreFixed();
    void aCostItemHasOneColourInEveryCandidate();
    void aNodeHasOneColourWhateverTheChartShows();
};

void TestFigureLabels::labelsAreWords_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("complexity");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syncEdges") << "syncEdges" << true << "Synchronous edges";
    QTest::newRow("crossContextEdges") << "crossContextEdges" << true << "Cross-context edges";
    QTest::newRow("vcpu") << "vcpu" << false << "vCPU";
    QTest::newRow("requests") << "requests" << false << "Requests";
    QTest::newRow("unknown stays") << "future-item" << false << "future-item";
}

void TestFigureLabels::labelsAreWords()
{
    QFETCH(QString, key);
    QFETCH(bool, complexity);
    QFETCH(QString, expected);
    QCOMPARE(complexity ? complexityItemLabel(key.toStdString()) : costItemLabel(key.toStdString()),
             expected);
}

void TestFigureLabels::costItemColoursAreFixed()
{
    QCOMPARE(costItemColor("compute"), costItemColor("compute"));
    QVERIFY(costItemColor("requests") != costItemColor("compute"));
    QVERIFY(costItemColor("vcpu") != costItemColor("memory"));
    QCOMPARE(nodeColor("n3"), nodeColor("n3"));
    QVERIFY(nodeColor("n3") != nodeColor("n4"));
}

void TestFigureLabels::aCostItemHasOneColourInEveryCandidate()
{
    // Issue 10 point 9: colours were taken by series index, so an item changed colour between
    // candidates whose cost lines differ.
    const Project project = loadExample("thumbnails.skyline");
    QVERIFY(project.candidates.size() >= 2);
    auto evaluation = std::make_shared<const Evaluation>(evaluate(project));
    std::map<QString, QColor> seen;
    int shared = 0;
    for (const Candidate &candidate : project.candidates) {
        CostChart chart;
        chart.resize(800, 400);
        chart.setEvaluation(evaluation, std::make_shared<const Project>(project));
        chart.setCandidate(QString::fromStdString(candidate.id));
        chart.ensureCurrent();
        for (const auto &[name, color] : barColors(chart)) {
            if (seen.count(name)) {
                QCOMPARE(color, seen[name]);
                ++shared;
            }
            seen[name] = color;
        }
    }
    QVERIFY2(shared > 0, "the candidates share a cost item");
    QVERIFY(seen.count(costItemLabel("requests")) || seen.count(costItemLabel("compute"))
            || seen.count(costItemLabel("vcpu")));
}

void TestFigureLabels::aNodeHasOneColourWhateverTheChartShows()
{
    const Project project = loadExample("thumbnails.skyline");
    auto evaluation = std::make_shared<const Evaluation>(evaluate(project));
    InstancesChart chart;
    chart.resize(800, 400);
    chart.setEvaluation(evaluation, std::make_shared<const Project>(project));
    chart.setCandidate(QString::fromStdString(project.candidates.front().id));
    chart.ensureCurrent();
    int checked = 0;
    for (int i = 0; i < chart.plottableCount(); ++i) {
        const QString node = chart.nodeIdOf(chart.plottable(i), 0);
        if (node.isEmpty())
            continue;
        QCOMPARE(chart.plottable(i)->property("baseColor").value<QColor>(),
                 nodeColor(node.toStdString()));
        ++checked;
    }
    QVERIFY(checked > 0);
}

QTEST_MAIN(TestFigureLabels)
#include "tst_figurelabels.moc"
