// The ranges' background analyses (RangeRunner): an edit during a run drops the stale result,
// so what arrives is always the edited project's; cancel stops a run and the next edit starts
// again; without ranges there is no uncertainty (no band, no row) but a tornado.

#include "Document.h"
#include "RangeRunner.h"
#include "engine/Evaluation.h"
#include "support/Examples.h"

#include <QSignalSpy>
#include <QTest>

using namespace skyline;

namespace {

constexpr int testSamples = 40;
constexpr int runTimeoutMs = 60000; // a run takes well under a second; CI machines are shared

/// The checkout example with a range on the everyday shoppers' peak.
Project rangedCheckout()
{
    Project project = test::loadExample(QStringLiteral("checkout.skyline"));
    project.workloads.front().ranges["peakRps"] = ParamRange{30, 120};
    return project;
}

} // namespace

class TestRangeRunner : public QObject
{
    Q_OBJECT
private slots:
    void editDuringARunDropsTheStaleResult()
    {
        Document document;
        document.resetProject(rangedCheckout());
        RangeRunner runner(&document);
        runner.setDebounceMs(0);
        runner.setSamples(testSamples);
        QSignalSpy ready(&runner, &RangeRunner::uncertaintyReady);
        // The first progress report of the first run arrives while that run goes on (or after
        // it ended and posted its result, which then waits behind this report): the edit makes
        // the run's result stale either way.
        bool edited = false;
        connect(&runner, &RangeRunner::progressChanged, this, [&] {
            if (edited)
                return;
            edited = true;
            QVERIFY(document.setWorkloadRange("w1", "peakRps", ParamRange{50, 300}).isEmpty());
        });
        QTRY_VERIFY_WITH_TIMEOUT(edited && !runner.isBusy(), runTimeoutMs);

        // Only the edited project's result was shown: one result, and it is the engine's
        // answer for the edited ranges.
        QCOMPARE(ready.count(), 1);
        const auto shown = ready.first().first().value<std::shared_ptr<const UncertaintyResult>>();
        QVERIFY(shown);
        QCOMPARE(runner.latestUncertainty(), shown);
        UncertaintyOptions options;
        options.samples = testSamples;
        const UncertaintyResult expected = analyzeUncertainty(document.project(), options);
        QCOMPARE(shown->candidates.size(), expected.candidates.size());
        for (std::size_t c = 0; c < expected.candidates.size(); ++c) {
            QVERIFY(qFuzzyCompare(shown->candidates[c].monthlyCostUsd.p90,
                                  expected.candidates[c].monthlyCostUsd.p90));
            QCOMPARE(shown->candidates[c].probabilityCheapest,
                     expected.candidates[c].probabilityCheapest);
        }
        QCOMPARE(*runner.latestProject(), document.project());
        QVERIFY(runner.latestSensitivity());
    }

    void cancelStopsAndTheNextEditRestarts()
    {
        Document document;
        document.resetProject(rangedCheckout());
        RangeRunner runner(&document);
        runner.setDebounceMs(0);
        runner.setSamples(testSamples);
        QSignalSpy ready(&runner, &RangeRunner::uncertaintyReady);
        bool cancelled = false;
        connect(&runner, &RangeRunner::progressChanged, this, [&] {
            if (!cancelled) {
                cancelled = true;
                runner.cancel();
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(cancelled, runTimeoutMs);
        QVERIFY(runner.isCancelled());
        QVERIFY(!runner.isBusy());
        const int before = ready.count(); // 0, or a result accepted before the first report
        QVERIFY(document.setWorkloadRange("w1", "peakRps", ParamRange{40, 90}).isEmpty());
        QVERIFY(runner.isBusy());
        QVERIFY(!runner.isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), runTimeoutMs);
        QCOMPARE(ready.count(), before + 1);
        QCOMPARE(*runner.latestProject(), document.project());
    }

    /// The traffic slider moves the bands, "cheapest in" and the tornado with the charts: a new
    /// multiplier analyses again, and what arrives is the engine's answer at that traffic.
    void trafficMultiplierAnalysesAgain()
    {
        Document document;
        document.resetProject(rangedCheckout());
        RangeRunner runner(&document);
        runner.setDebounceMs(0);
        runner.setSamples(testSamples);
        QTRY_VERIFY_WITH_TIMEOUT(runner.latestUncertainty() && !runner.isBusy(), runTimeoutMs);
        const auto atToday = runner.latestUncertainty();
        runner.setTrafficMultiplier(2.5);
        QVERIFY(runner.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(runner.latestUncertainty() != atToday && !runner.isBusy(),
                                 runTimeoutMs);
        const auto shown = runner.latestUncertainty();
        QCOMPARE(shown->trafficMultiplier, 2.5);
        UncertaintyOptions options;
        options.samples = testSamples;
        options.trafficMultiplier = 2.5;
        const UncertaintyResult expected = analyzeUncertainty(document.project(), options);
        for (std::size_t c = 0; c < expected.candidates.size(); ++c) {
            QVERIFY(qFuzzyCompare(shown->candidates[c].monthlyCostUsd.p50,
                                  expected.candidates[c].monthlyCostUsd.p50));
            QVERIFY(shown->candidates[c].monthlyCostUsd.p50
                    > atToday->candidates[c].monthlyCostUsd.p50);
        }
        QCOMPARE(runner.latestSensitivity()->trafficMultiplier, 2.5);
        EvalOptions eval;
        eval.computeSeries = false;
        eval.trafficMultiplier = 2.5;
        const Evaluation evaluation = evaluate(document.project(), eval);
        QVERIFY(qFuzzyCompare(runner.latestSensitivity()->candidates.front().monthlyCostUsd,
                              evaluation.candidates.front().monthlyCostUsd));
    }

    void withoutRangesThereIsNoUncertaintyButATornado()
    {
        Document document;
        document.resetProject(test::loadExample(QStringLiteral("checkout.skyline")));
        QVERIFY(!projectHasRanges(document.project()));
        RangeRunner runner(&document);
        runner.setDebounceMs(0);
        QSignalSpy sensitivity(&runner, &RangeRunner::sensitivityReady);
        QTRY_VERIFY_WITH_TIMEOUT(sensitivity.count() == 1 && !runner.isBusy(), runTimeoutMs);
        QVERIFY(!runner.latestUncertainty());
        QCOMPARE(runner.latestSensitivity()->candidates.size(),
                 document.project().candidates.size());
    }
};

QTEST_MAIN(TestRangeRunner)
#include "tst_rangerunner.moc"
