// The tornado chart draws the engine's sensitivity of the current candidate: its rows in the
// engine's ranking (widest cost swing on top), names of nodes with the schema's labels, and
// the parameters that make another candidate the cheapest marked.

#include "charts/TornadoChart.h"
#include "support/Examples.h"

#include <QTest>

using namespace skyline;

namespace {

/// The checkout example with ranges wide enough that some flip the cheapest candidate.
Project rangedCheckout()
{
    Project project = test::loadExample(QStringLiteral("checkout.skyline"));
    project.workloads.front().ranges["peakRps"] = ParamRange{6, 2000};
    project.workloads.back().ranges["spikeRps"] = ParamRange{10, 3000};
    return project;
}

} // namespace

class TestTornadoChart : public QObject
{
    Q_OBJECT
    std::shared_ptr<const Project> project;
    std::shared_ptr<const SensitivityResult> sensitivity;

private slots:
    void initTestCase()
    {
        project = std::make_shared<const Project>(rangedCheckout());
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

    void waitsForItsData()
    {
        TornadoChart chart;
        QVERIFY(!chart.message().isEmpty());
    }
};

QTEST_MAIN(TestTornadoChart)
#include "tst_tornadochart.moc"
