// skyline-cli evaluate (DESIGN.md §5), run in-process: the JSON of §5 on stdout, CSV per node
// and per minute, options, and exit code 2 with the JSON pointer or the option on stderr.
#include "Cli.h"
#include "support/CliRun.h"

#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <memory>
#include <sstream>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;

std::string project(const std::string &memoryMb = "256")
{
    return R"({"format":"skyline","version":1,"name":"Tiny","description":"",)"
           R"("workloads":[{"id":"w1","name":"Flat","shape":"constant","rps":2.5}],)"
           R"("candidates":[{"id":"c1","name":"One function","nodes":[)"
           R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
           R"({"id":"n2","kind":"function","name":"Fn","pos":[200,0],)"
           R"("params":{"memoryMb":)" + memoryMb + R"(}}],)"
           R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]},)"
           R"({"id":"c2","name":"Empty","nodes":[],"edges":[]}]})";
}

} // namespace

class TestEvaluateCommand : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void printsTheJsonOfTheContract();
    void optionsReachTheEngine();
    void seedIsReadExactly_data();
    void seedIsReadExactly();
    void csvPerNodeAndPerMinute();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void amplifiedLoadIsAWarningNotAFigure_data();
    void amplifiedLoadIsAWarningNotAFigure();

private:
    std::string write(const std::string &text)
    {
        const std::string path = (m_dir->path() + "/model.skyline").toStdString();
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        return path;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEvaluateCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestEvaluateCommand::printsTheJsonOfTheContract()
{
    const CliResult r = runCli({"evaluate", write(project())});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.empty());
    const auto json = skyline::OrderedJson::parse(r.out);
    QCOMPARE(QString::fromStdString(json["method"].get<std::string>()), QString("analytic"));
    QCOMPARE(json["seed"].get<int>(), 1);
    QCOMPARE(int(json["candidates"].size()), 2);
    const auto &c = json["candidates"][0];
    QCOMPARE(QString::fromStdString(c["id"].get<std::string>()), QString("c1"));
    QVERIFY(c["monthlyCostUsd"].get<double>() > 0);
    QCOMPARE(QString::fromStdString(c["nodes"][1]["kind"].get<std::string>()), QString("function"));
    QCOMPARE(c["nodes"][1]["avgRps"].get<double>(), 2.5);
    QVERIFY(c["entries"][0]["latencyMs"]["p99"].get<double>() > 0);
}

void TestEvaluateCommand::optionsReachTheEngine()
{
    const std::string path = write(project());
    // A budget that never ends the run: the precision does, so the output is reproducible.
    const CliResult r = runCli({"evaluate", path, "--candidate", "c1", "--multiplier", "4",
                                "--method", "simulation", "--seed", "9", "--max-seconds", "600"});
    QCOMPARE(r.exitCode, 0);
    const auto json = skyline::OrderedJson::parse(r.out);
    QCOMPARE(QString::fromStdString(json["method"].get<std::string>()), QString("simulation"));
    QCOMPARE(json["seed"].get<int>(), 9);
    QCOMPARE(int(json["candidates"].size()), 1);
    QCOMPARE(json["candidates"][0]["nodes"][1]["avgRps"].get<double>(), 10.0);
    // What the simulation did and how precise it is (DESIGN.md §7).
    const auto &node = json["candidates"][0]["nodes"][1];
    const auto &simulation = node["simulation"];
    QVERIFY(simulation["days"].get<int>() >= 2);
    QVERIFY(simulation["requests"].get<double>() > 0);
    QVERIFY(simulation["coldStarts"].get<double>() >= 0);
    QCOMPARE(simulation["sampled"].get<bool>(), false);
    const std::pair<const char *, double> figures[] = {
        {"coldStartProbability", node["coldStartProbability"].get<double>()},
        {"avgAlive", node["instances"]["avgAlive"].get<double>()},
        {"avgBusy", node["instances"]["avgBusy"].get<double>()},
        {"peak", node["instances"]["peak"].get<double>()}};
    for (const auto &[name, value] : figures) {
        const auto &interval = simulation["ci95"][name];
        QVERIFY2(interval.size() == 2 && interval[0].get<double>() <= value
                     && value <= interval[1].get<double>(),
                 name);
    }
    QVERIFY(!node.contains("simulationConfidence"));
    // Same seed, same output.
    QCOMPARE(runCli({"evaluate", path, "--method", "simulation", "--seed", "9", "--candidate",
                     "c1", "--multiplier", "4", "--max-seconds", "600"}).out,
             r.out);
}

void TestEvaluateCommand::seedIsReadExactly_data()
{
    QTest::addColumn<QString>("seed");
    QTest::newRow("2^53 + 1") << "9007199254740993";
    QTest::newRow("largest") << "18446744073709551615";
    QTest::newRow("zero") << "0";
}

void TestEvaluateCommand::seedIsReadExactly()
{
    // A double holds whole numbers exactly only up to 2^53: the seed is read as an integer.
    QFETCH(QString, seed);
    const CliResult r = runCli({"evaluate", write(project()), "--seed", seed.toStdString()});
    QCOMPARE(r.exitCode, 0);
    const auto json = skyline::OrderedJson::parse(r.out);
    QCOMPARE(json["seed"].get<std::uint64_t>(), std::stoull(seed.toStdString()));
}

void TestEvaluateCommand::csvPerNodeAndPerMinute()
{
    const std::string path = write(project());
    const CliResult nodes = runCli({"evaluate", path, "--format", "csv"});
    QCOMPARE(nodes.exitCode, 0);
    // Names beside the ids (issue 10 point 6): ids for scripts, names for a reader.
    QVERIFY(QString::fromStdString(nodes.out)
                .startsWith("candidate,candidateName,node,nodeName,kind,avgRps"));
    // Issue 10 point 11: the method of the figures on every row.
    const QStringList rows = QString::fromStdString(nodes.out).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(rows.at(0).endsWith(",method"), qPrintable(rows.at(0)));
    QVERIFY2(rows.at(1).endsWith(",analytic"), qPrintable(rows.at(1)));
    QCOMPARE(int(std::count(nodes.out.begin(), nodes.out.end(), '\n')), 1 + 2);
    const CliResult minutes = runCli({"evaluate", path, "--format", "csv", "--per-minute"});
    QCOMPARE(minutes.exitCode, 0);
    QCOMPARE(int(std::count(minutes.out.begin(), minutes.out.end(), '\n')), 1 + 2 * 1440);
    QVERIFY(QString::fromStdString(minutes.out)
                .startsWith("candidate,candidateName,node,nodeName,minute,rps,"));
}

void TestEvaluateCommand::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("memoryMb");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad value in the file") << QStringList{} << "99999"
                                           << "/candidates/0/nodes/1/params/memoryMb";
    QTest::newRow("bad method") << QStringList{"--method", "guess"} << "256" << "--method";
    QTest::newRow("bad multiplier") << QStringList{"--multiplier", "abc"} << "256"
                                    << "--multiplier";
    QTest::newRow("negative multiplier")
        << QStringList{"--multiplier", "-1"} << "256"
        << "--multiplier: '-1' must be a number between 0 and 1000000";
    QTest::newRow("multiplier above a million")
        << QStringList{"--multiplier", "1e9"} << "256"
        << "--multiplier: '1e9' must be a number between 0 and 1000000";
    QTest::newRow("empty multiplier")
        << QStringList{"--multiplier", ""} << "256"
        << "--multiplier: '' must be a number between 0 and 1000000";
    QTest::newRow("negative seed") << QStringList{"--seed", "-1"} << "256" << "--seed";
    QTest::newRow("seed beyond 64 bits") << QStringList{"--seed", "18446744073709551616"} << "256"
                                         << "--seed";
    QTest::newRow("fractional seed") << QStringList{"--seed", "1.5"} << "256" << "--seed";
    QTest::newRow("bad format") << QStringList{"--format", "xml"} << "256" << "--format";
    QTest::newRow("unknown candidate") << QStringList{"--candidate", "c9"} << "256" << "c9";
    QTest::newRow("unknown option") << QStringList{"--fast"} << "256" << "--fast";
    QTest::newRow("per-minute needs csv") << QStringList{"--per-minute"} << "256"
                                          << "--per-minute";
    QTest::newRow("budget of 0 s") << QStringList{"--method", "simulation", "--max-seconds", "0"}
                                   << "256" << "--max-seconds: '0' must be";
    QTest::newRow("negative budget")
        << QStringList{"--method", "simulation", "--max-seconds", "-3"} << "256"
        << "--max-seconds: '-3' must be";
    QTest::newRow("budget not a number")
        << QStringList{"--method", "simulation", "--max-seconds", "soon"} << "256"
        << "--max-seconds";
    QTest::newRow("budget without simulation") << QStringList{"--max-seconds", "5"} << "256"
                                               << "--max-seconds needs --method simulation";
}

void TestEvaluateCommand::badInputExitsTwo()
{
    QFETCH(QStringList, options);
    QFETCH(QString, memoryMb);
    QFETCH(QString, message);
    std::vector<std::string> args{"evaluate", write(project(memoryMb.toStdString()))};
    for (const QString &o : options)
        args.push_back(o.toStdString());
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(QString::fromStdString(r.err).contains(message), r.err.c_str());
}

void TestEvaluateCommand::amplifiedLoadIsAWarningNotAFigure_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("analytic") << QStringList{};
    QTest::newRow("simulation") << QStringList{"--method", "simulation"};
    QTest::newRow("csv") << QStringList{"--format", "csv"};
}

void TestEvaluateCommand::amplifiedLoadIsAWarningNotAFigure()
{
    // issue 12 item 6: 1e7 req/s into four functions with 1,000 calls per request each took
    // more than 4 GB and ended in std::bad_alloc.
    QFETCH(QStringList, options);
    std::vector<std::string> args{"evaluate", std::string(SKYLINE_SOURCE_DIR)
                                                  + "/tests/model/data/amplified-chain.skyline"};
    for (const QString &option : options)
        args.push_back(option.toStdString());
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.empty(), r.err.c_str());
    if (options.contains("csv")) {
        QCOMPARE(QString::fromStdString(r.out).count('\n'), 1); // the header: no node computed
        return;
    }
    const auto json = skyline::OrderedJson::parse(r.out);
    const auto &c = json["candidates"][0];
    QCOMPARE(int(c["nodes"].size()), 0);
    QCOMPARE(QString::fromStdString(c["warnings"][0]["code"].get<std::string>()),
             QString("load-out-of-range"));
    QCOMPARE(QString::fromStdString(c["warnings"][0]["node"].get<std::string>()), QString("f1"));
    QVERIFY(QString::fromStdString(c["errors"][0].get<std::string>())
                .contains("the connection from 'n1' multiplies its 10,000,000 req/s by 1,000"));
}

QTEST_GUILESS_MAIN(TestEvaluateCommand)
#include "tst_evaluatecommand.moc"
