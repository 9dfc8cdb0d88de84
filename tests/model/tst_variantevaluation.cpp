// Evaluating variants of a project in parallel (engine/VariantEvaluation.h), the plumbing of
// uncertainty, sensitivity, the sweep and the studio's bands: every variant's evaluation equals
// evaluate() of that variant alone, whatever the thread count; progress counts every variant;
// cancelling by progress or by a flag stops new variants and says so.
#include "engine/EngineWorkspace.h"
#include "engine/EvaluationJson.h"
#include "engine/VariantEvaluation.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

using namespace skyline;

namespace {

Project checkout()
{
    std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline");
    std::stringstream text;
    text << file.rdbuf();
    return *readProject(text.str()).value;
}

EvalOptions quickOptions()
{
    EvalOptions options;
    options.computeSeries = false;
    return options;
}

/// Variant i: traffic × (1 + i / 4) and the first workload's first parameter + i.
void scaleVariant(std::size_t i, Project &project, EvalOptions &options)
{
    options.trafficMultiplier = 1.0 + double(i) / 4.0;
    Workload &w = project.workloads.front();
    w.params.begin()->second = w.params.begin()->second.index() == 0
        ? ParamValue(std::get<double>(w.params.begin()->second) + double(i))
        : w.params.begin()->second;
}

std::string text(const Evaluation &evaluation)
{
    return evaluationToJson(evaluation).dump();
}

} // namespace

class TestVariantEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void eachVariantIsItsOwnEvaluation_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("calling thread only") << 1;
        QTest::newRow("two threads") << 2;
        QTest::newRow("five threads for six variants") << 5;
    }

    void eachVariantIsItsOwnEvaluation()
    {
        QFETCH(int, threads);
        const Project project = checkout();
        const std::size_t count = 6;
        VariantRun run;
        run.threads = threads;
        std::set<std::size_t> reported;
        run.progress = [&](std::size_t done, std::size_t total) {
            reported.insert(done);
            return total == count;
        };
        const VariantResults<Evaluation> results =
            evaluateVariants(project, count, scaleVariant, quickOptions(), run);
        QVERIFY(!results.cancelled);
        QCOMPARE(results.results.size(), count);
        QCOMPARE(reported, (std::set<std::size_t>{1, 2, 3, 4, 5, 6}));
        for (std::size_t i = 0; i < count; ++i) {
            Project alone = project;
            EvalOptions options = quickOptions();
            scaleVariant(i, alone, options);
            QVERIFY(results.results[i]);
            QCOMPARE(text(*results.results[i]), text(evaluate(alone, options)));
        }
        // The variants differ, so a mix-up of slots would show.
        QVERIFY(text(*results.results[0]) != text(*results.results[1]));
    }

    void summariesKeepWhatTheCallerNeeds()
    {
        const Project project = checkout();
        VariantRun run;
        run.threads = 2;
        const auto costs = evaluateVariants(
            project, 4, scaleVariant,
            [](const Evaluation &e) { return e.candidates.front().monthlyCostUsd; },
            quickOptions(), run);
        for (std::size_t i = 0; i < 4; ++i) {
            Project alone = project;
            EvalOptions options = quickOptions();
            scaleVariant(i, alone, options);
            QCOMPARE(*costs.results[i], evaluate(alone, options).candidates.front().monthlyCostUsd);
        }
    }

    void progressReturningFalseCancels()
    {
        const Project project = checkout();
        VariantRun run;
        run.threads = 1;
        run.progress = [](std::size_t done, std::size_t) { return done < 2; };
        const auto results = evaluateVariants(project, 8, scaleVariant, quickOptions(), run);
        QVERIFY(results.cancelled);
        QVERIFY(results.results[0] && results.results[1]);
        for (std::size_t i = 2; i < 8; ++i)
            QVERIFY(!results.results[i]);
    }

    void cancelFlagStopsNewVariants()
    {
        const Project project = checkout();
        std::atomic<bool> cancel{false};
        VariantRun run;
        run.threads = 2;
        run.cancel = &cancel;
        std::size_t evaluated = 0;
        std::mutex counting;
        auto keep = [&](std::size_t, Evaluation &&) {
            const std::lock_guard<std::mutex> lock(counting);
            if (++evaluated == 3)
                cancel.store(true); // as another thread would, e.g. a cancelled QFuture
        };
        auto make = [&](std::size_t, EvalOptions &) { return project; };
        QVERIFY(!evaluateVariants(40, quickOptions(), make, keep, run));
        QVERIFY2(evaluated < 6, qPrintable(QString::number(evaluated))); // ≤ one more per thread

        evaluated = 0;
        QVERIFY(!evaluateVariants(4, quickOptions(), make, keep, run)); // set before the start
        QCOMPARE(evaluated, std::size_t(0));
    }

    void callerWorkspaceGivesTheSameFigures()
    {
        // A workspace that held another project's tables before changes no figure.
        const Project project = checkout();
        EngineWorkspace workspace;
        EvalOptions busier = quickOptions();
        busier.trafficMultiplier = 50;
        evaluate(project, busier, workspace);
        VariantRun run;
        run.threads = 1;
        run.callerWorkspace = &workspace;
        const auto reused = evaluateVariants(project, 2, scaleVariant, quickOptions(), run);
        run.callerWorkspace = nullptr;
        const auto fresh = evaluateVariants(project, 2, scaleVariant, quickOptions(), run);
        for (std::size_t i = 0; i < 2; ++i)
            QCOMPARE(text(*reused.results[i]), text(*fresh.results[i]));
    }
};

QTEST_GUILESS_MAIN(TestVariantEvaluation)
#include "tst_variantevaluation.moc"
