// The tornado chart draws the engine's sensitivity of the current candidate: its rows in the
// engine's ranking (widest cost swing on top), names of nodes with the schema's labels, and
// the parameters that make another candidate the cheapest marked.

#include "Document.h"
#include "RangeRunner.h"
#include "charts/ChartsPanel.h"
#include "charts/TornadoChart.h"
#include "support/Examples.h"

#include <QTabWidget>
#include <QTest>

using namespace skyline;

class TestTornadoChart : public QObject
{
    Q_OBJECT
    std::shared_ptr<const Project> project;
    std::shared_ptr<const SensitivityResult> sensitivity;

private slots:
    void initTestCase()
    {
        project = std::make_shared<const Project>(test::rangedCheckout());
        sensitivity = std::make_shared<const SensitivityResult>(analyzeSensitivity(*project));
    }

    void rowsFollowTheEnginesRanking_data()
    {
        QTest::addColumn<QString>("candidateId");
        QTest::newRow("serverless") << "c1";
        QTest::newRow("microservices") << "c2";
        QTest::newRow("hybrid") << "c3";
    }

    void rowsFollowTheEnginesRanking()
    {
        QFETCH(QString, candidateId);
        TornadoChart chart;
        chart.resize(900, 600);
        chart.setCandidate(candidateId);
        chart.setSensitivity(sensitivity, project);
        QVERIFY2(chart.message().isEmpty(), qPrintable(chart.message()));

        const CandidateSensitivity *engine = nullptr;
        for (const CandidateSensitivity &c : sensitivity->candidates)
            if (QString::fromStdString(c.id) == candidateId)
                engine = &c;
        QVERIFY(engine);
        QStringList expected;
        QStringList expectedFlips;
        for (const SensitivityParameter &p : engine->parameters) {
            if (!(p.costSwingUsd() > 0) || expected.size() == TornadoChart::maxRows)
                continue;
            expected << QString::fromStdString(p.pointer);
            if (p.flipsCheapest)
                expectedFlips << QString::fromStdString(p.pointer);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(chart.rowPointers(), expected); // the widest swing first, i.e. on top
        QCOMPARE(chart.flippingPointers(), expectedFlips);
        QVERIFY(chart.title().contains(QString::fromStdString(engine->name)));
    }

    void titleNamesTheAnalyticMethodUnderASimulatedEvaluation()
    {
        // The variants are evaluated analytically even when the studio shows simulated
        // figures: the title said "(analytic) (simulated)" before.
        auto simulated = std::make_shared<Evaluation>(evaluate(*project));
        simulated->method = EvalMethod::Simulation;
        TornadoChart chart;
        chart.resize(900, 600);
        chart.setCandidate(QStringLiteral("c1"));
        chart.setEvaluation(simulated, project);
        chart.setSensitivity(sensitivity, project);
        QVERIFY2(chart.message().isEmpty(), qPrintable(chart.message()));
        QVERIFY2(chart.title().endsWith(QStringLiteral("(analytic)")), qPrintable(chart.title()));
        QVERIFY2(!chart.title().contains(QStringLiteral("simulated")), qPrintable(chart.title()));
    }

    void flipsAreMarkedAndNamesAreReadable()
    {
        TornadoChart chart;
        chart.resize(900, 600);
        chart.setCandidate(QStringLiteral("c1"));
        chart.setSensitivity(sensitivity, project);
        // Traffic this wide makes another candidate the cheapest at one end.
        QVERIFY(chart.flippingPointers().contains(QStringLiteral("/workloads/0/peakRps")));
        const int row = chart.rowPointers().indexOf(QStringLiteral("/workloads/0/peakRps"));
        QCOMPARE(chart.rowNames().at(row), QStringLiteral("Everyday shoppers: Peak rate"));
        for (const QString &name : chart.rowNames())
            QVERIFY2(!name.contains(QLatin1Char('/')), qPrintable(name)); // no pointers or ids
    }

    void oneSpikeIsSingular()
    {
        // The flash sale's two spikes a day at -20 % are one spike: the bar's end read
        // "$2.31 · 1 spikes".
        TornadoChart chart;
        chart.resize(900, 600);
        chart.setCandidate(QStringLiteral("c1"));
        chart.setSensitivity(sensitivity, project);
        QStringList texts;
        for (int i = 0; i < chart.itemCount(); ++i)
            if (auto *text = qobject_cast<QCPItemText *>(chart.item(i)))
                texts << text->text();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("· 1 spike")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("· 1 spikes")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("· 3 spikes")), qPrintable(all));
    }

    void sensitivityRunsOnlyWhileTheTornadoIsShown()
    {
        // The studio's wiring: the panel's charts in tabs (the window puts them in tabified
        // docks), the Load chart in front, the tornado behind it.
        Document document;
        document.resetProject(test::loadExample(QStringLiteral("checkout.skyline")));
        RangeRunner ranges(&document);
        ranges.setDebounceMs(0);
        ChartsPanel panel(nullptr);
        panel.setRangeRunner(&ranges);
        panel.setCandidate(QStringLiteral("c1"));
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *tabs = panel.findChild<QTabWidget *>();
        QVERIFY(tabs);
        TornadoChart *tornado = panel.tornadoChart();
        QVERIFY(!tornado->isOnScreen());
        constexpr int timeoutMs = 60000; // a run takes well under a second; CI is shared

        // Edits while it is hidden start no sensitivity run.
        QTRY_VERIFY_WITH_TIMEOUT(!ranges.isBusy(), timeoutMs);
        for (double durationMs : {60.0, 120.0, 250.0}) {
            QVERIFY(document.setNodeParam("c1", "n4", "durationMs", durationMs).isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(!ranges.isBusy(), timeoutMs);
        }
        QCOMPARE(ranges.sensitivityRunCount(), 0);
        QVERIFY(!ranges.latestSensitivity());
        QVERIFY(!tornado->sensitivity());

        // Brought to the front, it starts one, for the project as the edits left it.
        tabs->setCurrentWidget(tornado);
        QTRY_VERIFY_WITH_TIMEOUT(tornado->sensitivity() && !ranges.isBusy(), timeoutMs);
        QCOMPARE(ranges.sensitivityRunCount(), 1);
        QCOMPARE(*ranges.latestProject(), document.project());
        const double editedCostUsd =
            evaluate(document.project()).findCandidate("c1")->monthlyCostUsd;
        QCOMPARE(tornado->sensitivity()->candidates.front().monthlyCostUsd, editedCostUsd);
        QVERIFY2(tornado->message().isEmpty(), qPrintable(tornado->message()));

        // While it is shown, an edit restarts it.
        QVERIFY(document.setNodeParam("c1", "n4", "durationMs", 400.0).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(ranges.sensitivityRunCount() == 2 && !ranges.isBusy()
                                     && ranges.isSensitivityCurrent(),
                                 timeoutMs);
        QCOMPARE(*ranges.latestProject(), document.project());
        QCOMPARE(tornado->sensitivity(), ranges.latestSensitivity());

        // Hidden again, edits leave it alone.
        tabs->setCurrentIndex(0);
        QTRY_VERIFY(!tornado->isOnScreen());
        QVERIFY(document.setNodeParam("c1", "n4", "durationMs", 80.0).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!ranges.isBusy(), timeoutMs);
        QCOMPARE(ranges.sensitivityRunCount(), 2);
        QVERIFY(!ranges.isSensitivityCurrent());
    }

    void waitsForItsData()
    {
        TornadoChart chart;
        QVERIFY(!chart.message().isEmpty());
    }
};

QTEST_MAIN(TestTornadoChart)
#include "tst_tornadochart.moc"
