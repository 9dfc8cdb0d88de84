// KeptFigures (model/engine/KeptFigures.h): an evaluation that takes the function days,
// service days and entry latencies of a recorded base evaluation gives the same figures to
// the last bit as one that computes everything, for variants that change one parameter each
// (what sensitivity evaluates), and for a different method or series setting it is ignored.
#include "engine/EngineWorkspace.h"
#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"
#include "engine/KeptFigures.h"
#include "engine/ParamSlots.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace skyline;

namespace {

Project example(const char *name)
{
    std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/" + name
                       + ".skyline");
    std::stringstream text;
    text << file.rdbuf();
    const ReadResult<Project> read = readProject(text.str());
    return read.ok() ? *read.value : Project{};
}

EvalOptions sensitivityOptions()
{
    EvalOptions options;
    options.computeSeries = false;
    return options;
}

} // namespace

class TestKeptFigures : public QObject
{
    Q_OBJECT

private slots:
    void variantsMatchAFreshEvaluation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("series");
        QTest::addColumn<int>("stride"); // every stride-th parameter: the binary stays fast
        QTest::newRow("checkout") << "checkout" << false << 3;
        QTest::newRow("checkout, with series") << "checkout" << true << 11;
        QTest::newRow("iot-telemetry") << "iot-telemetry" << false << 3;
        QTest::newRow("thumbnails") << "thumbnails" << false << 3;
    }
    void variantsMatchAFreshEvaluation()
    {
        QFETCH(QString, name);
        QFETCH(bool, series);
        QFETCH(int, stride);
        const Project project = example(qPrintable(name));
        QVERIFY(!project.candidates.empty());
        EvalOptions options = sensitivityOptions();
        options.computeSeries = series;
        KeptFigures kept;
        kept.method = options.method;
        kept.computeSeries = options.computeSeries;
        EngineWorkspace recording;
        recording.record = &kept;
        const std::string base = evaluationToJsonText(evaluate(project, options, recording));
        QCOMPARE(base, evaluationToJsonText(evaluate(project, options)));

        EngineWorkspace reusing;
        reusing.reuse = &kept;
        int variants = 0;
        for (std::size_t c = 0; c < project.candidates.size(); ++c) {
            const std::vector<ParamSlot> affecting = slotsAffecting(project, c);
            for (std::size_t s = 0; s < affecting.size(); s += std::size_t(stride)) {
                const ParamSlot &slot = affecting[s];
                const ParamRange ends = lowHighOf(slot);
                for (const double value : {ends.low, ends.high}) {
                    Project changed = project;
                    setSlotValue(changed, slot, value);
                    const std::string fresh = evaluationToJsonText(evaluate(changed, options));
                    const std::string reused =
                        evaluationToJsonText(evaluate(changed, options, reusing));
                    QVERIFY2(fresh == reused, qPrintable(QString::fromStdString(slot.pointer)));
                    ++variants;
                }
            }
        }
        QVERIFY(variants >= 10);
        // The unchanged project itself, from the kept figures alone.
        QCOMPARE(evaluationToJsonText(evaluate(project, options, reusing)), base);
    }

    // Kept figures of another method or series setting are not taken: a day recorded without
    // its series cannot serve an evaluation that wants them.
    void otherOptionsIgnoreThem()
    {
        const Project project = example("checkout");
        EvalOptions withoutSeries = sensitivityOptions();
        KeptFigures kept;
        kept.method = withoutSeries.method;
        kept.computeSeries = false;
        EngineWorkspace recording;
        recording.record = &kept;
        evaluate(project, withoutSeries, recording);
        EvalOptions withSeries = withoutSeries;
        withSeries.computeSeries = true;
        EngineWorkspace reusing;
        reusing.reuse = &kept;
        const Evaluation reused = evaluate(project, withSeries, reusing);
        QCOMPARE(evaluationToJsonText(reused), evaluationToJsonText(evaluate(project, withSeries)));
        bool someSeries = false;
        for (const NodeResult &node : reused.candidates.front().nodes)
            someSeries = someSeries || !node.aliveInstancesPerMinute.empty();
        QVERIFY(someSeries);
    }
};

QTEST_GUILESS_MAIN(TestKeptFigures)
#include "tst_keptfigures.moc"
