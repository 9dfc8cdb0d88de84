// skyline-cli uncertainty and sensitivity (issue 11 points 4, 5), run in-process: the JSON
// shapes of the issue, CSV through the one CSV writer, P10 = P50 = P90 without ranges, both at
// the traffic of --multiplier (equal to `evaluate --multiplier` there, as the studio's bands and
// tornado follow its Traffic slider), and exit code 2 with a message naming the option and
// nothing on standard output for bad input.
#include "Cli.h"
#include "support/CliRun.h"

#include "engine/Evaluation.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <cmath>
#include <map>
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

/// Each candidate's monthly cost as `skyline-cli evaluate FILE --multiplier M` prints it: the
/// independent oracle of the figures at a traffic.
std::map<std::string, double> evaluatedCosts(const std::string &file, const std::string &multiplier)
{
    const CliResult r = runCli({"evaluate", file, "--multiplier", multiplier});
    std::map<std::string, double> costs;
    if (r.exitCode != 0) {
        qWarning("%s", shown(r).constData());
        return costs;
    }
    const auto json = skyline::OrderedJson::parse(r.out);
    for (const auto &c : json["candidates"])
        costs[c["id"].get<std::string>()] = c["monthlyCostUsd"].get<double>();
    return costs;
}

/// Equal to the 6 significant digits the JSON keeps (sensitivity adds a variant's cost change
/// to the base cost; evaluate computes the whole variant).
bool sameFigure(double a, double b)
{
    return std::abs(a - b) <= 1e-5 * std::max(std::abs(a), std::abs(b));
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

    void uncertaintyAtMultiplierIsTheEvaluationThere_data()
    {
        QTest::addColumn<QString>("multiplier");
        QTest::newRow("x4") << "4";
        QTest::newRow("x0.1") << "0.1";
    }
    void uncertaintyAtMultiplierIsTheEvaluationThere()
    {
        // The example has no ranges: every sample is the evaluation at that traffic.
        QFETCH(QString, multiplier);
        const std::string m = multiplier.toStdString();
        const std::map<std::string, double> expected = evaluatedCosts(checkout(), m);
        QCOMPARE(expected.size(), std::size_t(3));
        QVERIFY(expected != evaluatedCosts(checkout(), "1")); // the traffic moves the cost
        const CliResult r =
            runCli({"uncertainty", checkout(), "--samples", "8", "--multiplier", m});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const auto j = skyline::OrderedJson::parse(r.out);
        QCOMPARE(j["trafficMultiplier"].get<double>(), std::stod(m));
        QCOMPARE(j["candidates"].size(), std::size_t(3));
        for (const auto &c : j["candidates"]) {
            const double cost = expected.at(c["id"].get<std::string>());
            for (const char *p : {"p10", "p50", "p90"})
                QCOMPARE(c["monthlyCostUsd"][p].get<double>(), cost);
        }
    }

    void sensitivityAtMultiplierIsTheEvaluationThere_data()
    {
        QTest::addColumn<QString>("multiplier");
        QTest::newRow("x3") << "3";
        QTest::newRow("x0.2") << "0.2";
    }
    void sensitivityAtMultiplierIsTheEvaluationThere()
    {
        QFETCH(QString, multiplier);
        const std::string m = multiplier.toStdString();
        const std::map<std::string, double> expected = evaluatedCosts(checkout(), m);
        QCOMPARE(expected.size(), std::size_t(3));
        QVERIFY(expected != evaluatedCosts(checkout(), "1"));
        const CliResult r = runCli({"sensitivity", checkout(), "--candidate", "c2",
                                    "--multiplier", m});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        const auto j = skyline::OrderedJson::parse(r.out);
        QCOMPARE(j["trafficMultiplier"].get<double>(), std::stod(m));
        const auto &c = j["candidates"][0];
        // The tornado's centre: every parameter at its value, at that traffic.
        QCOMPARE(c["monthlyCostUsd"].get<double>(), expected.at("c2"));
        // Both ends of the three widest parameters: the file with the parameter moved there,
        // evaluated at that traffic.
        const auto original = skyline::OrderedJson::parse(skyline::test::readWholeFile(checkout()));
        QTemporaryDir dir;
        const std::string moved = dir.filePath("moved.skyline").toStdString();
        QVERIFY(c["parameters"].size() >= 3);
        for (std::size_t i = 0; i < 3; ++i) {
            const auto &p = c["parameters"][i];
            const std::string pointer = p["pointer"].get<std::string>();
            for (const auto &[end, cost] : {std::pair{"low", "costAtLow"}, {"high", "costAtHigh"}}) {
                auto file = original;
                file[skyline::OrderedJson::json_pointer(pointer)] = p[end];
                skyline::test::writeWholeFile(moved, file.dump());
                const std::map<std::string, double> costs = evaluatedCosts(moved, m);
                QVERIFY2(costs.count("c2"), (pointer + " at its " + end).c_str());
                const double evaluated = costs.at("c2");
                QVERIFY2(sameFigure(p[cost].get<double>(), evaluated),
                         (pointer + " " + end + ": " + p[cost].dump() + " against "
                          + std::to_string(evaluated)).c_str());
            }
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
        // --multiplier reads as evaluate's: a number from 0 to 1000000.
        for (const char *command : {"uncertainty", "sensitivity"})
            for (const char *value : {"-1", "abc", "1e9", "", "nan", "inf"})
                QTest::addRow("%s --multiplier '%s'", command, value)
                    << QStringList{command, file, "--multiplier", value}
                    << QStringLiteral("--multiplier: '%1' must be a number between 0 and 1000000")
                           .arg(value);
        QTest::newRow("sensitivity --multiplier without a value")
            << QStringList{"sensitivity", file, "--multiplier"} << "--multiplier needs a value";
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
