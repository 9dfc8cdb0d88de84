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

/// One function behind a client at a flat 2 req/s: constant run time (billed exactly, no 1 ms
/// rounding of a spread), no cold start (so that cold starts do not move the billed time), and
/// the given CPU-bound share at the stated memory `statedMb`, configured at `memoryMb`.
std::string memoryProject(double cpuBoundShare, int statedMb = 1024, int memoryMb = 1024)
{
    return R"({"format":"skyline","version":1,"name":"Memory","description":"",)"
           R"("pricing":{"catalog":"aws-us-east-1","freeTier":false,"hoursPerMonth":730},)"
           R"("workloads":[{"id":"w1","name":"Flat","shape":"constant","rps":2}],)"
           R"("candidates":[{"id":"c1","name":"Function","nodes":[)"
           R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
           R"({"id":"n2","kind":"function","name":"Resize","pos":[200,0],"params":{)"
           R"("memoryMb":)" + std::to_string(memoryMb) + R"(,"runTimeAtMemoryMb":)" +
           std::to_string(statedMb) + R"(,"durationMs":200,"durationCv":0,"coldStartMs":0,)"
           R"("cpuBoundShare":)" + std::to_string(cpuBoundShare) + R"(}}],)"
           R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]}]})";
}

/// The entry of `sizes` for `memoryMb`, or null.
nlohmann::json sizeEntry(const nlohmann::json &sizes, double memoryMb)
{
    for (const auto &size : sizes)
        if (size["memoryMb"].get<double>() == memoryMb)
            return size;
    return nullptr;
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
    void memorySweepScalesTheRunTime_data();
    void memorySweepScalesTheRunTime();
    void memorySweepMarksCheapestAndBalanced_data();
    void memorySweepMarksCheapestAndBalanced();
    void memorySweepKeepsTheStatedMemory();
    void memorySweepCsvHasOneRowPerSize();
    void memorySweepAtTheMultiplier_data();
    void memorySweepAtTheMultiplier();
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

void TestSweep::memorySweepScalesTheRunTime_data()
{
    // Run time stated as 200 ms at 1,024 MB. Expected values by hand: time = 200 ms × (1 +
    // share × (1024 / memory − 1)); cost per million requests = $0.20 + 10⁶ × memory / 1024 GB
    // × time / 1000 s × $0.0000166667 per GB-s (x86, first tier), with no cold starts billed.
    QTest::addColumn<double>("share");
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("runTimeMs");
    QTest::addColumn<double>("costPerMillionUsd");
    // Fully CPU-bound below 1,769 MB: each halving of memory doubles the time, so the
    // GB-seconds (memory × time = 0.2 GB-s a request) and the cost per million stay the same.
    QTest::newRow("CPU-bound, 1,024 MB (stated)") << 1.0 << 1024.0 << 200.0 << 3.53334;
    QTest::newRow("CPU-bound, 512 MB: twice as long") << 1.0 << 512.0 << 400.0 << 3.53334;
    QTest::newRow("CPU-bound, 256 MB: 4×") << 1.0 << 256.0 << 800.0 << 3.53334;
    QTest::newRow("CPU-bound, 128 MB: 8×") << 1.0 << 128.0 << 1600.0 << 3.53334;
    // Waiting on calls: memory buys nothing and costs in proportion.
    QTest::newRow("I/O-bound, 2,048 MB: same time, twice the GB-s")
        << 0.0 << 2048.0 << 200.0 << 0.2 + 2.0 * 0.2 * 16.6667;
    QTest::newRow("I/O-bound, 128 MB: same time, an eighth of the GB-s")
        << 0.0 << 128.0 << 200.0 << 0.2 + 0.125 * 0.2 * 16.6667;
    // Half CPU work: only that half scales (Amdahl).
    QTest::newRow("half CPU-bound, 512 MB: 1.5×") << 0.5 << 512.0 << 300.0
                                                  << 0.2 + 0.5 * 0.3 * 16.6667;
    QTest::newRow("half CPU-bound, 2,048 MB: 0.75×") << 0.5 << 2048.0 << 150.0
                                                     << 0.2 + 2.0 * 0.15 * 16.6667;
    QTest::newRow("three quarters CPU-bound, 10,240 MB: 200 × (1 − 0.75 × 0.9) = 65 ms")
        << 0.75 << 10240.0 << 65.0 << 0.2 + 10.0 * 0.065 * 16.6667;
}

void TestSweep::memorySweepScalesTheRunTime()
{
    QFETCH(double, share);
    QFETCH(double, memoryMb);
    QFETCH(double, runTimeMs);
    QFETCH(double, costPerMillionUsd);
    const CliResult r = runCli({"sweep", write(memoryProject(share)), "--memory", "n2"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.empty(), r.err.c_str());
    const auto json = nlohmann::json::parse(r.out);
    QCOMPARE(json["sizes"].size(), size_t(12));
    const auto size = sizeEntry(json["sizes"], memoryMb);
    QVERIFY2(!size.is_null(), "the size is swept");
    // The JSON carries six significant digits.
    auto near = [](double a, double b) { return std::abs(a - b) <= 1e-5 * std::abs(b); };
    QVERIFY2(near(size["runTimeMs"].get<double>(), runTimeMs), size.dump().c_str());
    QVERIFY2(near(size["functionCostPerMillionUsd"].get<double>(), costPerMillionUsd),
             size.dump().c_str());
    QVERIFY(near(size["vcpu"].get<double>(), memoryMb / 1769.0));
    // A constant run time without cold starts: every request takes the run time, and the
    // client's only call is the function.
    QVERIFY2(near(size["functionP99Ms"].get<double>(), runTimeMs), size.dump().c_str());
    QVERIFY2(near(size["p99Ms"].get<double>(), runTimeMs), size.dump().c_str());
    // The candidate's month: 2 req/s for 730 hours.
    QVERIFY(near(size["monthlyCostUsd"].get<double>(), costPerMillionUsd * 2 * 3600 * 730 / 1e6));
}

void TestSweep::memorySweepMarksCheapestAndBalanced_data()
{
    QTest::addColumn<double>("share");
    QTest::addColumn<double>("cheapestMb");
    QTest::addColumn<double>("balancedMb");
    // CPU-bound: the GB-s stay 0.2 a request where the time is a whole number of ms (128 …
    // 1,024, 2,048, 4,096, 8,192, 10,240 MB) and rise a little where 1 ms rounding bites
    // (1,536 MB: 134 ms × 1.5 GB); the first of the cheapest is 128 MB, the fastest of them
    // 10,240 MB (20 ms).
    QTest::newRow("CPU-bound: cheapest 128 MB, balanced 10,240 MB") << 1.0 << 128.0 << 10240.0;
    // I/O-bound: the same time at every size, the least memory is cheapest and no faster one
    // exists.
    QTest::newRow("I/O-bound: 128 MB both") << 0.0 << 128.0 << 128.0;
}

void TestSweep::memorySweepMarksCheapestAndBalanced()
{
    QFETCH(double, share);
    QFETCH(double, cheapestMb);
    QFETCH(double, balancedMb);
    const CliResult r = runCli({"sweep", write(memoryProject(share)), "--memory", "n2"});
    QCOMPARE(r.exitCode, 0);
    const auto json = nlohmann::json::parse(r.out);
    QCOMPARE(json["cheapestMemoryMb"].get<double>(), cheapestMb);
    QCOMPARE(json["balancedMemoryMb"].get<double>(), balancedMb);
    const double cheapest = sizeEntry(json["sizes"], cheapestMb)["functionCostPerMillionUsd"];
    const double balanced = sizeEntry(json["sizes"], balancedMb)["functionCostPerMillionUsd"];
    QVERIFY(balanced <= 1.1 * cheapest);
    for (const auto &size : json["sizes"])
        QVERIFY(size["functionCostPerMillionUsd"].get<double>() >= cheapest);
}

void TestSweep::memorySweepKeepsTheStatedMemory()
{
    // Configured at 512 MB, stated at 1,024 MB: the sweep reports both and scales from the
    // stated one, not from the configured one.
    const CliResult r = runCli({"sweep", write(memoryProject(1.0, 1024, 512)), "--memory", "n2",
                                "--candidate", "c1"});
    QCOMPARE(r.exitCode, 0);
    const auto json = nlohmann::json::parse(r.out);
    QCOMPARE(json["node"]["memoryMb"].get<double>(), 512.0);
    QCOMPARE(json["node"]["runTimeAtMemoryMb"].get<double>(), 1024.0);
    QCOMPARE(json["candidate"]["id"].get<std::string>(), std::string("c1"));
    QCOMPARE(sizeEntry(json["sizes"], 1024.0)["runTimeMs"].get<double>(), 200.0);
    QCOMPARE(sizeEntry(json["sizes"], 512.0)["runTimeMs"].get<double>(), 400.0);
    // And evaluate sees the same scaled time at the configured 512 MB.
    const skyline::Project p = load(memoryProject(1.0, 1024, 512));
    skyline::EvalOptions options;
    options.computeSeries = false;
    const skyline::Evaluation evaluation = skyline::evaluate(p, options);
    QCOMPARE(evaluation.candidates.at(0).nodes.at(1).latencyMs.p99, 400.0);
}

void TestSweep::memorySweepCsvHasOneRowPerSize()
{
    const CliResult r =
        runCli({"sweep", write(memoryProject(1.0)), "--memory", "n2", "--format", "csv"});
    QCOMPARE(r.exitCode, 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<std::string> rows;
    while (std::getline(lines, line))
        rows.push_back(line);
    QCOMPARE(rows.size(), size_t(1 + 12));
    QCOMPARE(rows[0], std::string("memoryMb,vcpu,runTimeMs,functionCostPerMillionUsd,"
                                  "functionP99Ms,monthlyCostUsd,p99Ms,mark,method"));
    QVERIFY2(rows[1].rfind("128,", 0) == 0 && rows[1].find(",cheapest,analytic") != std::string::npos,
             rows[1].c_str());
    QVERIFY2(rows[12].rfind("10240,", 0) == 0 && rows[12].find(",balanced,analytic") != std::string::npos,
             rows[12].c_str());
}

void TestSweep::memorySweepAtTheMultiplier_data()
{
    QTest::addColumn<double>("multiplier");
    QTest::newRow("x3") << 3.0;
    QTest::newRow("x0.25") << 0.25;
}

void TestSweep::memorySweepAtTheMultiplier()
{
    // As the studio's memory sweep follows the Traffic slider: at the configured memory the
    // candidate's cost is the evaluation at that traffic.
    QFETCH(double, multiplier);
    const std::string text = memoryProject(0.5, 1024, 1024);
    const CliResult r = runCli({"sweep", write(text), "--memory", "n2", "--multiplier",
                                QByteArray::number(multiplier).toStdString()});
    QVERIFY2(r.exitCode == 0, r.err.c_str());
    const auto json = nlohmann::json::parse(r.out);
    QCOMPARE(json["trafficMultiplier"].get<double>(), multiplier);
    const double expected = costAt(load(text), "c1", multiplier);
    QVERIFY(expected != costAt(load(text), "c1", 1.0));
    const double swept = sizeEntry(json["sizes"], 1024)["monthlyCostUsd"].get<double>();
    QVERIFY2(std::abs(swept - expected) <= 1e-5 * expected,
             (std::to_string(swept) + " against " + std::to_string(expected)).c_str());
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
    QTest::newRow("memory: unknown node")
        << QStringList{"@ok", "--memory", "n9"} << "--memory: no node with id 'n9' in any candidate";
    QTest::newRow("memory: node not in the candidate")
        << QStringList{"@loop", "--memory", "n9", "--candidate", "c3"} << "'n9' in candidate 'c3'";
    QTest::newRow("memory: a client")
        << QStringList{"@ok", "--memory", "n1"} << "node 'n1' (Web) is a client, not a function";
    QTest::newRow("memory: a service")
        << QStringList{"@ok", "--memory", "n2", "--candidate", "c2"}
        << "node 'n2' (Svc) is a service, not a function";
    QTest::newRow("memory: with --points")
        << QStringList{"@ok", "--memory", "n2", "--points", "5"} << "--points sweeps traffic";
    QTest::newRow("memory: negative multiplier")
        << QStringList{"@ok", "--memory", "n2", "--multiplier", "-1"}
        << "--multiplier: '-1' must be a number between 0 and 1000000";
    QTest::newRow("memory: multiplier of 10^9")
        << QStringList{"@ok", "--memory", "n2", "--multiplier", "1e9"} << "--multiplier: '1e9'";
    QTest::newRow("multiplier without --memory")
        << QStringList{"@ok", "--multiplier", "2"}
        << "--multiplier sets the traffic of a --memory sweep";
    QTest::newRow("memory: candidate with a cycle")
        << QStringList{"@loop", "--memory", "n1", "--candidate", "c3"} << "cycle";
}

void TestSweep::badInputExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    std::vector<std::string> argv{"sweep"};
    for (const QString &arg : args) {
        if (arg == "@ok")
            argv.push_back(write(project()));
        else if (arg == "@loop")
            argv.push_back(write(project(true)));
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
