// skyline-cli sweep (DESIGN.md §5), run in-process: the JSON shape of §5, log-spaced
// multipliers, the break-even point where a pay-per-use candidate overtakes an always-on one,
// CSV, candidates that cannot be evaluated, and exit code 2 on bad options or files.
#include "Cli.h"
#include "support/CliRun.h"

#include "engine/Evaluation.h"
#include "engine/Sweep.h"
#include "io/ProjectJson.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;

/// c1: one Lambda function (cost grows with traffic); c2: one Fargate replica that never
/// scales (a fixed cost); c3 (optional): a cycle, which cannot be evaluated.
std::string project(bool withCycle = false)
{
    std::string text =
        R"({"format":"skyline","version":1,"name":"Crossing","description":"",)"
        R"("pricing":{"catalog":"aws-us-east-1","freeTier":false,"hoursPerMonth":730},)"
        R"("workloads":[{"id":"w1","name":"Flat","shape":"constant","rps":2}],)"
        R"("candidates":[)"
        R"({"id":"c1","name":"Function","nodes":[)"
        R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
        R"({"id":"n2","kind":"function","name":"Fn","pos":[200,0],)"
        R"("params":{"memoryMb":1024,"durationMs":200,"coldStartMs":100,"concurrencyLimit":100000}}],)"
        R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]},)"
        R"({"id":"c2","name":"Service","nodes":[)"
        R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
        R"({"id":"n2","kind":"service","name":"Svc","pos":[200,0],)"
        R"("params":{"hosting":"aws-fargate","vcpu":1,"memoryGb":2,"minReplicas":1,"maxReplicas":1}}],)"
        R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]})";
    if (withCycle)
        text += R"(,{"id":"c3","name":"Loop","nodes":[)"
                R"({"id":"n1","kind":"function","name":"A","pos":[0,0]},)"
                R"({"id":"n2","kind":"function","name":"B","pos":[200,0]}],)"
                R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"},)"
                R"({"id":"e2","kind":"api","from":"n2","to":"n1"}]})";
    return text + "]}";
}

double costAt(const skyline::Project &project, const std::string &candidateId, double multiplier)
{
    skyline::EvalOptions options;
    options.trafficMultiplier = multiplier;
    options.computeSeries = false;
    options.candidateId = candidateId;
    const skyline::Evaluation evaluation = skyline::evaluate(project, options);
    return evaluation.candidates.at(0).monthlyCostUsd;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void jsonHasTheShapeOfTheContract();
    void multipliersAreLogSpaced();
    void breakEvenWhereTheCostCurvesCross();
    void breakEvenInterpolatesOnTheLogScale();
    void costsMatchEvaluateAtEachMultiplier();
    void csvHasOneRowPerCandidateAndMultiplier();
    void candidateThatCannotBeEvaluatedIsLeftOut();
    void badInputExitsTwo_data();
    void badInputExitsTwo();

private:
    std::string write(const std::string &text, const char *name = "model.skyline")
    {
        const std::string path = (m_dir->path() + "/" + name).toStdString();
        std::ofstream(path) << text;
        return path;
    }
    skyline::Project load(const std::string &text)
    {
        auto result = skyline::readProject(text);
        if (!result.ok())
            qFatal("test project does not load: %s",
                   skyline::describe(result.problems.front()).c_str());
        return *result.value;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSweep::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSweep::jsonHasTheShapeOfTheContract()
{
    const CliResult r = runCli({"sweep", write(project())});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.empty(), r.err.c_str());
    const auto json = nlohmann::json::parse(r.out);
    QVERIFY(json.is_object());
    QVERIFY(json.contains("multipliers") && json.contains("candidates")
            && json.contains("breakEven"));
    QCOMPARE(json["multipliers"].size(), size_t(41)); // the default: ×0.01 … ×100, 41 points
    QCOMPARE(json["multipliers"].front().get<double>(), 0.01);
    QCOMPARE(json["multipliers"].back().get<double>(), 100.0);
    QCOMPARE(json["candidates"].size(), size_t(2));
    for (const auto &c : json["candidates"]) {
        QVERIFY(c["id"].is_string() && c["name"].is_string());
        QCOMPARE(c["monthlyCostUsd"].size(), size_t(41));
        QCOMPARE(c["p99Ms"].size(), size_t(41));
        for (const auto &v : c["monthlyCostUsd"])
            QVERIFY(v.is_number() && v.get<double>() >= 0);
        for (const auto &v : c["p99Ms"])
            QVERIFY(v.is_number() && v.get<double>() > 0);
    }
    QCOMPARE(json["candidates"][0]["id"].get<std::string>(), std::string("c1"));
    QCOMPARE(json["candidates"][1]["name"].get<std::string>(), std::string("Service"));
    QVERIFY(json["breakEven"].is_array());
    for (const auto &b : json["breakEven"]) {
        QVERIFY(b["a"].is_string() && b["b"].is_string());
        QVERIFY(b["multiplier"].is_number());
    }
}

void TestSweep::multipliersAreLogSpaced()
{
    const CliResult r =
        runCli({"sweep", write(project()), "--from", "0.1", "--to", "10", "--points", "5"});
    QCOMPARE(r.exitCode, 0);
    const auto m = nlohmann::json::parse(r.out)["multipliers"];
    QCOMPARE(m.size(), size_t(5));
    const double expected[] = {0.1, 0.316228, 1, 3.16228, 10};
    for (size_t i = 0; i < 5; ++i)
        QVERIFY2(std::abs(m[i].get<double>() - expected[i]) < 1e-5 * expected[i],
                 std::to_string(m[i].get<double>()).c_str());
}

void TestSweep::breakEvenWhereTheCostCurvesCross()
{
    // The function's cost grows with traffic, the single replica's does not: one crossing.
    const skyline::Project p = load(project());
    const double functionAtOne = costAt(p, "c1", 1.0);
    const double serviceAtOne = costAt(p, "c2", 1.0);
    QVERIFY2(functionAtOne < serviceAtOne, "the function is cheaper at today's traffic");
    QVERIFY2(costAt(p, "c1", 100) > costAt(p, "c2", 100), "and dearer at ×100");

    const CliResult r = runCli({"sweep", write(project())});
    QCOMPARE(r.exitCode, 0);
    const auto breakEven = nlohmann::json::parse(r.out)["breakEven"];
    QCOMPARE(breakEven.size(), size_t(1));
    QCOMPARE(breakEven[0]["a"].get<std::string>(), std::string("c1"));
    QCOMPARE(breakEven[0]["b"].get<std::string>(), std::string("c2"));
    const double m = breakEven[0]["multiplier"].get<double>();
    // Pay-per-use cost is close to proportional to traffic, so it crosses near C / k.
    const double predicted = serviceAtOne / functionAtOne;
    QVERIFY2(std::abs(std::log(m / predicted)) < 0.1,
             (std::to_string(m) + " vs " + std::to_string(predicted)).c_str());
    // And the cheaper candidate really changes there.
    QVERIFY(costAt(p, "c1", m * 0.8) < costAt(p, "c2", m * 0.8));
    QVERIFY(costAt(p, "c1", m * 1.25) > costAt(p, "c2", m * 1.25));
}

void TestSweep::breakEvenInterpolatesOnTheLogScale()
{
    // Costs 1 → 3 against a flat 2, between ×1 and ×100: halfway in log terms is ×10.
    std::vector<skyline::LoadSweepCurve> curves(2);
    curves[0].id = "a";
    curves[0].monthlyCostUsd = {1, 3};
    curves[1].id = "b";
    curves[1].monthlyCostUsd = {2, 2};
    const auto points = skyline::findCostBreakEvens({1, 100}, curves);
    QCOMPARE(points.size(), size_t(1));
    QVERIFY(std::abs(points[0].multiplier - 10.0) < 1e-9);
    QVERIFY(std::abs(points[0].monthlyCostUsd - 2.0) < 1e-12);
    // Equal curves never "cross"; an invalid curve is ignored.
    curves[1].monthlyCostUsd = {1, 3};
    QVERIFY(skyline::findCostBreakEvens({1, 100}, curves).empty());
    curves[1].monthlyCostUsd = {2, 2};
    curves[1].error = "cycle";
    QVERIFY(skyline::findCostBreakEvens({1, 100}, curves).empty());
}

void TestSweep::costsMatchEvaluateAtEachMultiplier()
{
    const skyline::Project p = load(project());
    const CliResult r =
        runCli({"sweep", write(project()), "--from", "0.5", "--to", "20", "--points", "4"});
    QCOMPARE(r.exitCode, 0);
    const auto json = nlohmann::json::parse(r.out);
    for (size_t c = 0; c < 2; ++c) {
        const std::string id = json["candidates"][c]["id"];
        for (size_t i = 0; i < 4; ++i) {
            const double m = json["multipliers"][i];
            const double expected = costAt(p, id, m);
            const double shown = json["candidates"][c]["monthlyCostUsd"][i];
            QVERIFY2(std::abs(shown - expected) <= 1e-5 * std::max(1.0, expected),
                     (id + " at ×" + std::to_string(m)).c_str());
        }
    }
}

void TestSweep::csvHasOneRowPerCandidateAndMultiplier()
{
    const CliResult r =
        runCli({"sweep", write(project()), "--points", "3", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> rows;
    while (std::getline(lines, line))
        rows.push_back(line);
    QCOMPARE(rows.size(), size_t(1 + 2 * 3));
    // Issue 10 point 11: every row says which method made its figures.
    QCOMPARE(rows[0], std::string("candidate,name,multiplier,monthlyCostUsd,p99Ms,method"));
    QVERIFY(rows[1].rfind("c1,Function,0.01,", 0) == 0);
    QVERIFY(rows[1].size() > 9 && rows[1].substr(rows[1].size() - 9) == ",analytic");
    QVERIFY(rows[3].rfind("c1,Function,100,", 0) == 0);
    QVERIFY(rows[4].rfind("c2,Service,0.01,", 0) == 0);
}

void TestSweep::candidateThatCannotBeEvaluatedIsLeftOut()
{
    const CliResult r = runCli({"sweep", write(project(true)), "--points", "5"});
    QCOMPARE(r.exitCode, 0);
    const auto json = nlohmann::json::parse(r.out);
    QCOMPARE(json["candidates"].size(), size_t(3));
    const auto &loop = json["candidates"][2];
    QVERIFY(loop["error"].get<std::string>().find("cycle") != std::string::npos);
    for (const auto &v : loop["monthlyCostUsd"])
        QVERIFY(v.is_null());
    for (const auto &b : json["breakEven"])
        QVERIFY(b["a"] != "c3" && b["b"] != "c3");
}

void TestSweep::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{} << "expected exactly one FILE";
    QTest::newRow("missing file") << QStringList{"@missing"} << "missing.skyline";
    QTest::newRow("broken json") << QStringList{"@broken"} << "broken.skyline";
    QTest::newRow("one point") << QStringList{"@ok", "--points", "1"} << "--points";
    QTest::newRow("fractional points") << QStringList{"@ok", "--points", "4.5"} << "--points";
    QTest::newRow("too many points") << QStringList{"@ok", "--points", "100000"} << "--points";
    QTest::newRow("zero from") << QStringList{"@ok", "--from", "0"} << "--from";
    QTest::newRow("text to") << QStringList{"@ok", "--to", "lots"} << "--to";
    QTest::newRow("from above to") << QStringList{"@ok", "--from", "10", "--to", "1"} << "--from";
    QTest::newRow("format") << QStringList{"@ok", "--format", "xml"} << "--format";
    QTest::newRow("method") << QStringList{"@ok", "--method", "guess"} << "--method";
    QTest::newRow("candidate") << QStringList{"@ok", "--candidate", "c9"} << "c9";
    QTest::newRow("value missing") << QStringList{"@ok", "--points"} << "--points";
    QTest::newRow("unknown option") << QStringList{"@ok", "--colour", "red"} << "--colour";
}

void TestSweep::badInputExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    std::vector<std::string> argv{"sweep"};
    for (const QString &arg : args) {
        if (arg == "@ok")
            argv.push_back(write(project()));
        else if (arg == "@broken")
            argv.push_back(write("{\"format\": \"skyline\", \"version\": 1, \"name\": 3", "broken.skyline"));
        else if (arg == "@missing")
            argv.push_back((m_dir->path() + "/missing.skyline").toStdString());
        else
            argv.push_back(arg.toStdString());
    }
    const CliResult r = runCli(argv);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, r.err.c_str());
}

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
