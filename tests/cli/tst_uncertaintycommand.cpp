// skyline-cli uncertainty and sensitivity (issue 11 points 4, 5), run in-process: the JSON
// shapes of the issue, CSV through the one CSV writer, P10 = P50 = P90 without ranges, and
// exit code 2 with a message naming the option and nothing on standard output for bad input.
#include "Cli.h"
#include "support/CliRun.h"

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <string>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;

std::string checkout()
{
    return std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline";
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestUncertaintyCommand : public QObject
{
    Q_OBJECT

private slots:
    void uncertaintyJson()
    {
        const CliResult r = runCli({"uncertainty", checkout(), "--samples", "20", "--seed", "3"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const auto j = skyline::OrderedJson::parse(r.out);
        QCOMPARE(j["samples"].get<int>(), 20);
        QCOMPARE(j["seed"].get<int>(), 3);
        QCOMPARE(j["candidates"].size(), std::size_t(3));
        double cheapest = 0;
        for (const auto &c : j["candidates"]) {
            QVERIFY(c["id"].is_string() && c["name"].is_string());
            for (const char *figure : {"monthlyCostUsd", "p99Ms", "peakInstances"}) {
                QVERIFY2(c[figure]["p10"].is_number(), figure);
                // The example has no ranges: every sample is the evaluation.
                QCOMPARE(c[figure]["p10"], c[figure]["p50"]);
                QCOMPARE(c[figure]["p50"], c[figure]["p90"]);
            }
            cheapest += c["probabilityCheapest"].get<double>();
            QVERIFY(c["probabilityFastest"].is_number());
        }
        QCOMPARE(cheapest, 1.0);
    }

    void uncertaintyCsv()
    {
        const CliResult r = runCli({"uncertainty", checkout(), "--samples", "5", "--format", "csv"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        QVERIFY2(r.out.rfind("candidate,name,monthlyCostUsdP10,monthlyCostUsdP50,", 0) == 0,
                 shown(r).constData());
        QCOMPARE(std::count(r.out.begin(), r.out.end(), '\n'), 4L);
    }

    void sensitivityJson()
    {
        const CliResult r = runCli({"sensitivity", checkout(), "--candidate", "c2"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const auto j = skyline::OrderedJson::parse(r.out);
        QCOMPARE(j["candidates"].size(), std::size_t(1));
        const auto &c = j["candidates"][0];
        QCOMPARE(c["id"].get<std::string>(), std::string("c2"));
        QVERIFY(c["parameters"].size() > 10);
        double previousSwing = 1e300;
        for (const auto &p : c["parameters"]) {
            QVERIFY(contains(p["pointer"].get<std::string>(), "/"));
            const double swing =
                std::abs(p["costAtHigh"].get<double>() - p["costAtLow"].get<double>());
            QVERIFY(swing <= previousSwing * (1 + 1e-5)); // figures are rounded to 6 digits
            previousSwing = swing;
            for (const char *key : {"low", "high", "p99AtLow", "p99AtHigh"})
                QVERIFY2(p[key].is_number(), key);
            QVERIFY(p["flipsCheapest"].is_boolean());
        }
    }

    void sensitivityCsv()
    {
        const CliResult r = runCli({"sensitivity", checkout(), "--format", "csv"});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        QVERIFY2(r.out.rfind("candidate,candidateName,pointer,name,low,high,", 0) == 0,
                 shown(r).constData());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString file = QString::fromStdString(checkout());
        QTest::newRow("no samples") << QStringList{"uncertainty", file, "--samples", "0"}
                                    << "--samples: '0' must be a whole number from 1 to 100000";
        QTest::newRow("10^9 samples")
            << QStringList{"uncertainty", file, "--samples", "1000000000"} << "--samples";
        QTest::newRow("fractional samples")
            << QStringList{"uncertainty", file, "--samples", "2.5"} << "--samples";
        QTest::newRow("bad seed") << QStringList{"uncertainty", file, "--seed", "-1"}
                                  << "--seed: '-1' must be a whole number";
        QTest::newRow("seed text") << QStringList{"uncertainty", file, "--seed", "abc"} << "--seed";
        QTest::newRow("format") << QStringList{"uncertainty", file, "--format", "xml"}
                                << "--format: 'xml' must be json or csv";
        QTest::newRow("method") << QStringList{"uncertainty", file, "--method", "simulation"}
                                << "unknown option";
        QTest::newRow("no file") << QStringList{"uncertainty"} << "usage: skyline-cli uncertainty";
        QTest::newRow("missing file")
            << QStringList{"uncertainty", "/nonexistent/x.skyline"} << "/nonexistent/x.skyline";
        QTest::newRow("sensitivity format")
            << QStringList{"sensitivity", file, "--format", "xml"} << "--format";
        QTest::newRow("sensitivity candidate")
            << QStringList{"sensitivity", file, "--candidate", "zz"}
            << "no candidate with id 'zz'";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> argv;
        for (const QString &a : args)
            argv.push_back(a.toStdString());
        const CliResult r = runCli(argv);
        QVERIFY2(r.exitCode == 2, shown(r).constData());
        QVERIFY2(r.out.empty(), shown(r).constData());
        QVERIFY2(contains(r.err, message.toStdString()), shown(r).constData());
    }
};

QTEST_GUILESS_MAIN(TestUncertaintyCommand)
#include "tst_uncertaintycommand.moc"
