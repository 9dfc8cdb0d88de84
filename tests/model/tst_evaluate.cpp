#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace skyline;

Q_DECLARE_METATYPE(skyline::Project)

namespace {
Project smallProject(double rps)
{
    Project p;
    p.name = "Small";
    Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Day");
    w.params["peakRps"] = rps;
    w.params["troughRps"] = rps / 10;
    p.workloads.push_back(w);
    Candidate c;
    c.id = "c1";
    c.name = "Serverless";
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    client.workload = "w1";
    c.nodes.push_back(client);
    c.nodes.push_back(makeDefaultNode(NodeKind::Gateway, "n2", "API", {}));
    Node fn = makeDefaultNode(NodeKind::Function, "n3", "Fn", {});
    fn.params["keepAliveS"] = 60.0;
    c.nodes.push_back(fn);
    c.nodes.push_back(makeDefaultNode(NodeKind::Datastore, "n4", "DB", {}));
    auto edge = [&](const char *id, EdgeKind kind, const char *from, const char *to) {
        Edge e;
        e.id = id;
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.latencyMs = 2;
        c.edges.push_back(e);
    };
    edge("e1", EdgeKind::Api, "n1", "n2");
    edge("e2", EdgeKind::Api, "n2", "n3");
    edge("e3", EdgeKind::Api, "n3", "n4");
    p.candidates.push_back(c);
    Candidate services = c;
    services.id = "c2";
    services.name = "Service";
    services.nodes[2] = makeDefaultNode(NodeKind::Service, "n3", "Svc", {});
    p.candidates.push_back(services);
    return p;
}

Project readProjectFile(const std::string &path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    ReadResult<Project> read = readProject(text.str());
    return read.ok() ? *read.value : Project{};
}

/// A client at `rps` calling, through one edge per hop with `perRequest` calls, a chain of
/// `hops` nodes of the given kinds (repeated), every one with `params`.
Project chainProject(double rps, int hops, double perRequest, std::vector<NodeKind> kinds,
                     const ParamMap &params = {})
{
    Project p;
    Workload w = makeDefaultWorkload(WorkloadShape::Spiky, "w1", "Spikes");
    w.params["baseRps"] = rps / 100;
    w.params["spikeRps"] = rps;
    p.workloads.push_back(w);
    Candidate c;
    c.id = "c1";
    Node client = makeDefaultNode(NodeKind::Client, "n0", "Web", {});
    client.workload = "w1";
    c.nodes.push_back(client);
    for (int i = 1; i <= hops; ++i) {
        const NodeKind kind = kinds[std::size_t(i - 1) % kinds.size()];
        Node node = makeDefaultNode(kind, "n" + std::to_string(i), "hop", {});
        for (const auto &[key, value] : params)
            if (node.params.count(key))
                node.params[key] = value;
        c.nodes.push_back(node);
        Edge e;
        e.id = "e" + std::to_string(i);
        e.kind = kind == NodeKind::Queue || c.nodes[std::size_t(i - 1)].kind == NodeKind::Queue
            ? EdgeKind::Event : EdgeKind::Api;
        e.from = c.nodes[std::size_t(i - 1)].id;
        e.to = node.id;
        e.perRequest = perRequest;
        c.edges.push_back(e);
    }
    p.candidates.push_back(c);
    return p;
}

const NodeResult &nodeOf(const CandidateEvaluation &c, const std::string &id)
{
    for (const NodeResult &n : c.nodes)
        if (n.id == id)
            return n;
    return c.nodes.front();
}
} // namespace

class TestEvaluate : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSameResult_data();
    void sameSeedSameResult();
    void analyticAndSimulationAgree();
    void monthlyIsTheDayTimesHoursPerMonth();
    void multiplierScalesTheLoad();
    void jsonKeepsTheNamesOfTheContract();
    void cyclesAndDanglingReferencesAreErrors();
    void hugeRateDoesNotHang();
    void candidateOptionSelectsOne();
    void examplesEvaluateWithoutErrors();
    void csvHasARowPerNodeAndMinute();
    void reusingEqualsAFreshEvaluation();
    void reusingCopiesOnlyUnchangedCandidates();
    void sharedFunctionDaysChangeNoFigure();
    void adversarialFilesGiveNoImpossibleFigure_data();
    void adversarialFilesGiveNoImpossibleFigure();
    void impossibleFiguresAreFound();
    void peakInstancesAddFunctionsAndServices();
};

void TestEvaluate::sameSeedSameResult_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("analytic") << int(EvalMethod::Analytic);
    QTest::newRow("simulation") << int(EvalMethod::Simulation);
}

void TestEvaluate::sameSeedSameResult()
{
    QFETCH(int, method);
    EvalOptions options;
    options.method = EvalMethod(method);
    options.seed = 42;
    const Project p = smallProject(20);
    const std::string a = evaluationToJsonText(evaluate(p, options));
    const std::string b = evaluationToJsonText(evaluate(p, options));
    QCOMPARE(a, b);
    options.seed = 43;
    QVERIFY(evaluationToJsonText(evaluate(p, options)) != a); // the latency draws differ
}

void TestEvaluate::analyticAndSimulationAgree()
{
    const Project p = smallProject(20);
    EvalOptions options;
    options.candidateId = "c1";
    const Evaluation analytic = evaluate(p, options);
    options.method = EvalMethod::Simulation;
    options.simulationMaxSeconds = 3;
    const Evaluation simulated = evaluate(p, options);
    QCOMPARE(simulated.method, EvalMethod::Simulation);
    const NodeResult &a = nodeOf(analytic.candidates[0], "n3");
    const NodeResult &s = nodeOf(simulated.candidates[0], "n3");
    QVERIFY2(qAbs(a.instances.avgBusy - s.instances.avgBusy) < 0.1 * a.instances.avgBusy,
             qPrintable(QString("%1 vs %2").arg(a.instances.avgBusy).arg(s.instances.avgBusy)));
    QVERIFY2(qAbs(a.instances.avgAlive - s.instances.avgAlive) < 0.25 * a.instances.avgAlive,
             qPrintable(QString("%1 vs %2").arg(a.instances.avgAlive).arg(s.instances.avgAlive)));
    QVERIFY(s.simulation.days >= 1);
    QVERIFY(s.simulation.requests > 0);
    const double ap99 = analytic.candidates[0].entries[0].latencyMs.p99;
    const double sp99 = simulated.candidates[0].entries[0].latencyMs.p99;
    QVERIFY2(qAbs(ap99 - sp99) < 0.3 * ap99, qPrintable(QString("%1 vs %2").arg(ap99).arg(sp99)));
}

void TestEvaluate::monthlyIsTheDayTimesHoursPerMonth()
{
    Project p = smallProject(20);
    const Evaluation e = evaluate(p);
    const CandidateEvaluation &c = e.candidates[0];
    const double requestsPerDay = nodeOf(c, "n1").avgRps * 86400;
    QVERIFY(qAbs(c.monthlyRequests - requestsPerDay * 730 / 24) < 1e-6 * c.monthlyRequests);
    double lines = 0;
    for (const CostLine &line : c.cost)
        lines += line.usd;
    QVERIFY(qAbs(lines - c.monthlyCostUsd) < 1e-9 * std::max(1.0, lines));
    QVERIFY(c.monthlyCostUsd > 0);
    // Half the hours: every usage-priced figure halves (no free tier, no fixed fees here).
    p.pricing.hoursPerMonth = 365;
    const Evaluation half = evaluate(p);
    QVERIFY(qAbs(half.candidates[0].monthlyRequests - c.monthlyRequests / 2) < 1);
    QVERIFY(qAbs(half.candidates[0].monthlyCostUsd - c.monthlyCostUsd / 2) <
            1e-6 * c.monthlyCostUsd);
    // Services pay replica hours: also proportional to the hours of the month.
    QVERIFY(qAbs(half.candidates[1].monthlyCostUsd - e.candidates[1].monthlyCostUsd / 2) <
            1e-6 * e.candidates[1].monthlyCostUsd);
}

void TestEvaluate::multiplierScalesTheLoad()
{
    const Project p = smallProject(20);
    EvalOptions options;
    options.trafficMultiplier = 10;
    const Evaluation base = evaluate(p);
    const Evaluation tenfold = evaluate(p, options);
    QVERIFY(qAbs(nodeOf(tenfold.candidates[0], "n3").avgRps -
                 10 * nodeOf(base.candidates[0], "n3").avgRps) < 1e-9);
    QVERIFY(tenfold.candidates[0].monthlyCostUsd > 5 * base.candidates[0].monthlyCostUsd);
}

void TestEvaluate::jsonKeepsTheNamesOfTheContract()
{
    const OrderedJson j = evaluationToJson(evaluate(smallProject(20)));
    QCOMPARE(QString::fromStdString(j["method"].get<std::string>()), QString("analytic"));
    QCOMPARE(j["seed"].get<int>(), 1);
    const OrderedJson &c = j["candidates"][0];
    for (const char *key : {"id", "name", "monthlyCostUsd", "cost", "nodes", "entries",
                            "complexity", "faultIsolation", "warnings"})
        QVERIFY2(c.contains(key), key);
    QVERIFY(c["cost"][0].contains("node") && c["cost"][0].contains("item") &&
            c["cost"][0].contains("usd"));
    const OrderedJson &fn = c["nodes"][2];
    for (const char *key : {"id", "kind", "avgRps", "peakRps", "coldStartProbability",
                            "throttledFraction", "instances", "utilization", "latencyMs"})
        QVERIFY2(fn.contains(key), key);
    for (const char *key : {"avgBusy", "avgAlive", "peak"})
        QVERIFY2(fn["instances"].contains(key), key);
    for (const char *key : {"p50", "p95", "p99"})
        QVERIFY2(fn["latencyMs"].contains(key), key);
    QVERIFY(c["entries"][0].contains("id") && c["entries"][0].contains("latencyMs") &&
            c["entries"][0].contains("availability"));
    QVERIFY(c["complexity"].contains("score") && c["complexity"]["breakdown"].contains("deployables"));
    QVERIFY(c["faultIsolation"][0].contains("node") && c["faultIsolation"][0].contains("blastRadius"));
    QVERIFY(c["warnings"].is_array());
}

void TestEvaluate::cyclesAndDanglingReferencesAreErrors()
{
    Project p = smallProject(20);
    Edge back;
    back.id = "e9";
    back.from = "n4";
    back.to = "n2";
    p.candidates[0].edges.push_back(back);
    Edge dangling;
    dangling.id = "e10";
    dangling.from = "n3";
    dangling.to = "n99";
    p.candidates[1].edges.push_back(dangling);
    const Evaluation e = evaluate(p);
    // Nodes are named by their names, not their ids (issue 10 point 6).
    QCOMPARE(QString::fromStdString(e.candidates[0].errors.at(0).code), QString("cycle"));
    QCOMPARE(QString::fromStdString(e.candidates[0].errors.at(0).message),
             QString::fromUtf8("cycle: API \u2192 Fn \u2192 DB \u2192 API"));
    QVERIFY(e.candidates[0].nodes.empty());
    QCOMPARE(QString::fromStdString(e.candidates[1].errors.at(0).message),
             QString("a connection of 'Svc' leads to the unknown node 'n99'"));
}

void TestEvaluate::hugeRateDoesNotHang()
{
    Project p = smallProject(1e7); // 10 million req/s at the peak
    EvalOptions options;
    options.method = EvalMethod::Simulation;
    const Evaluation e = evaluate(p, options);
    QVERIFY(e.candidates[0].errors.empty());
    QVERIFY(nodeOf(e.candidates[0], "n3").throttledFraction > 0.5); // limit 1,000 instances
    QVERIFY(std::isfinite(e.candidates[0].monthlyCostUsd));
    // The services candidate is overloaded: its p99 fails instead of showing a number.
    QVERIFY(e.candidates[1].entries[0].failedShare.total > 0.5);
    QVERIFY(std::isinf(e.candidates[1].entries[0].latencyMs.p99));
    QVERIFY(impossibleFigures(evaluationToJson(e)).empty());
}

void TestEvaluate::candidateOptionSelectsOne()
{
    EvalOptions options;
    options.candidateId = "c2";
    const Evaluation e = evaluate(smallProject(20), options);
    QCOMPARE(int(e.candidates.size()), 1);
    QCOMPARE(QString::fromStdString(e.candidates[0].id), QString("c2"));
}

void TestEvaluate::examplesEvaluateWithoutErrors()
{
    for (const char *name : {"checkout", "iot-telemetry", "thumbnails"}) {
        std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/" + name +
                           ".skyline");
        if (!file)
            QSKIP("example files not present");
        std::stringstream text;
        text << file.rdbuf();
        const ReadResult<Project> read = readProject(text.str());
        QVERIFY2(read.ok(), name);
        const Evaluation e = evaluate(*read.value);
        for (const CandidateEvaluation &c : e.candidates) {
            QVERIFY2(c.errors.empty(), name);
            QVERIFY(c.monthlyCostUsd > 0);
            QVERIFY(!c.entries.empty());
            // The shipped examples model sane systems: every service has the vCPUs its busy
            // workers need (issue 10: five services were oversubscribed at 25 % CPU work).
            for (const Warning &w : c.warnings)
                QVERIFY2(w.code != "cpu-oversubscribed",
                         (std::string(name) + ": " + w.message).c_str());
        }
    }
}

void TestEvaluate::csvHasARowPerNodeAndMinute()
{
    const Project project = smallProject(20);
    const Evaluation e = evaluate(project);
    const std::string nodes = evaluationNodesCsv(e, project);
    QCOMPARE(int(std::count(nodes.begin(), nodes.end(), '\n')), 1 + 8);
    const std::string minutes = evaluationMinutesCsv(e, project);
    QCOMPARE(int(std::count(minutes.begin(), minutes.end(), '\n')), 1 + 8 * minutesPerDay);
    // The names beside the ids (issue 10, point 6): rows a reader can follow.
    const Candidate &c = project.candidates[0];
    const std::string row = c.id + ',' + c.name + ',' + c.nodes[0].id + ',' + c.nodes[0].name
                            + ',';
    QVERIFY(QString::fromStdString(minutes).startsWith(
        "candidate,candidateName,node,nodeName,minute,rps,"));
    QVERIFY2(minutes.find('\n' + row + "0,") != std::string::npos, row.c_str());
    QVERIFY2(nodes.find('\n' + row) != std::string::npos, row.c_str());
}


void TestEvaluate::reusingEqualsAFreshEvaluation()
{
    const Project before = smallProject(40);
    const Evaluation first = evaluate(before);
    Project after = before;
    after.candidates[0].nodes[2].params["durationMs"] = 900.0; // the function runs longer
    const Evaluation reused = evaluateReusing(after, {}, before, first);
    const Evaluation fresh = evaluate(after);
    QCOMPARE(evaluationToJsonText(reused), evaluationToJsonText(fresh));
    QCOMPARE(evaluationMinutesCsv(reused, after), evaluationMinutesCsv(fresh, after));
    QVERIFY(evaluationToJsonText(reused) != evaluationToJsonText(first));
}

void TestEvaluate::reusingCopiesOnlyUnchangedCandidates()
{
    const Project before = smallProject(40);
    Evaluation marked = evaluate(before);
    for (CandidateEvaluation &c : marked.candidates)
        c.monthlyCostUsd = -1; // a mark: copied figures keep it, computed ones do not
    Project after = before;
    after.candidates[0].nodes[2].params["durationMs"] = 900.0;

    const Evaluation oneEdited = evaluateReusing(after, {}, before, marked);
    QCOMPARE(oneEdited.candidates.size(), std::size_t(2));
    QVERIFY(oneEdited.candidates[0].monthlyCostUsd > 0); // edited: computed
    QCOMPARE(oneEdited.candidates[1].monthlyCostUsd, -1.0); // untouched: copied

    // What every candidate depends on: workloads, pricing, multiplier, seed, series.
    Project workloadEdited = before;
    workloadEdited.workloads[0].params["peakRps"] = 80.0;
    Project pricingEdited = before;
    pricingEdited.pricing.freeTier = !before.pricing.freeTier;
    EvalOptions doubled;
    doubled.trafficMultiplier = 2;
    EvalOptions otherSeed;
    otherSeed.seed = 7;
    EvalOptions noSeries;
    noSeries.computeSeries = false;
    const std::vector<std::pair<const Project *, EvalOptions>> everythingChanges = {
        {&workloadEdited, {}}, {&pricingEdited, {}}, {&before, doubled}, {&before, otherSeed},
        {&before, noSeries}};
    for (const auto &[project, options] : everythingChanges) {
        const Evaluation e = evaluateReusing(*project, options, before, marked);
        for (const CandidateEvaluation &c : e.candidates)
            QVERIFY2(c.monthlyCostUsd > 0, c.id.c_str());
    }

    // Only the asked candidate, and a new candidate is computed.
    EvalOptions second;
    second.candidateId = "c2";
    const Evaluation onlySecond = evaluateReusing(before, second, before, marked);
    QCOMPARE(onlySecond.candidates.size(), std::size_t(1));
    QCOMPARE(onlySecond.candidates[0].monthlyCostUsd, -1.0);
    Project added = before;
    added.candidates.push_back(before.candidates[0]);
    added.candidates.back().id = "c3";
    const Evaluation withNew = evaluateReusing(added, {}, before, marked);
    QCOMPARE(withNew.candidates.size(), std::size_t(3));
    QVERIFY(withNew.candidates[2].monthlyCostUsd > 0);
}

void TestEvaluate::sharedFunctionDaysChangeNoFigure()
{
    // c3 is a copy of c1: its function day is computed once for both. c4's function sees a
    // hair more traffic (perRequest 1.000001): it must get its own day. Either way, every
    // candidate's figures are those it gets when evaluated alone.
    Project p = smallProject(40);
    Candidate same = p.candidates[0];
    same.id = "c3";
    Candidate nudged = p.candidates[0];
    nudged.id = "c4";
    nudged.edges[1].perRequest = 1.000001;
    p.candidates.push_back(same);
    p.candidates.push_back(nudged);
    for (EvalMethod method : {EvalMethod::Analytic, EvalMethod::Simulation}) {
        EvalOptions options;
        options.method = method;
        // Days, not seconds, end the simulation here: a time budget shared by the candidates
        // evaluated together gives each function a different share than alone.
        options.simulationMaxSeconds = 3600;
        options.simulationMaxDays = 2;
        const Evaluation all = evaluate(p, options);
        for (const CandidateEvaluation &c : all.candidates) {
            EvalOptions alone = options;
            alone.candidateId = c.id;
            Evaluation fromAll = all;
            fromAll.candidates = {c};
            QCOMPARE(evaluationToJsonText(fromAll), evaluationToJsonText(evaluate(p, alone)));
        }
        const NodeResult &shared = nodeOf(*all.findCandidate("c1"), "n3");
        QCOMPARE(nodeOf(*all.findCandidate("c3"), "n3").instances.avgAlive,
                 shared.instances.avgAlive);
        QVERIFY(nodeOf(*all.findCandidate("c4"), "n3").instances.avgAlive
                != shared.instances.avgAlive);
    }
}

void TestEvaluate::adversarialFilesGiveNoImpossibleFigure_data()
{
    QTest::addColumn<Project>("project");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<QString>("outOfRangeNode"); // empty: every candidate has figures
    const std::string data = std::string(SKYLINE_SOURCE_DIR) + "/tests/model/data/";
    const auto F = NodeKind::Function, S = NodeKind::Service, Q = NodeKind::Queue,
               D = NodeKind::Datastore, G = NodeKind::Gateway;
    // issue 12 item 6: 1e7 req/s into four functions with 1,000 calls each (bad_alloc before)
    QTest::newRow("amplified chain file")
        << readProjectFile(data + "amplified-chain.skyline") << 1.0 << "f1";
    // item 7: a 60-queue chain cost 3e187 USD a month; inf x 0 gave NaN replicas and costs
    QTest::newRow("60 queues of 1,000 calls") << chainProject(10, 60, 1000, {Q}) << 1.0 << "n3";
    QTest::newRow("services behind fan-out")
        << chainProject(1e5, 6, 1000, {S, F, D}) << 1.0 << "n2";
    QTest::newRow("multiplier on 1e7 req/s") << chainProject(1e7, 3, 1, {G, F, S}) << 1e6 << "n0";
    // At the top of the range every kind must still give finite, non-negative figures.
    QTest::newRow("every kind at 1e9 req/s, slow and huge")
        << chainProject(1e9, 5, 1, {G, F, Q, S, D},
                        {{"durationMs", 3600000.0}, {"concurrencyLimit", 1000000.0},
                         {"serviceTimeMs", 60000.0}, {"maxReplicas", 100000.0},
                         {"concurrencyPerReplica", 100000.0}, {"batchSize", 1.0}})
        << 1.0 << "";
    QTest::newRow("60 queues of 1.4 calls, then a function")
        << chainProject(1, 61, 1.4, {Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q,
                                     Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q,
                                     Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, Q, F})
        << 1.0 << "";
}

void TestEvaluate::adversarialFilesGiveNoImpossibleFigure()
{
    QFETCH(Project, project);
    QFETCH(double, multiplier);
    QFETCH(QString, outOfRangeNode);
    QVERIFY(!project.candidates.empty());
    for (EvalMethod method : {EvalMethod::Analytic, EvalMethod::Simulation}) {
        EvalOptions options;
        options.method = method;
        options.trafficMultiplier = multiplier;
        const Evaluation e = evaluate(project, options);
        const std::vector<std::string> bad = impossibleFigures(evaluationToJson(e));
        QVERIFY2(bad.empty(), bad.empty() ? "" : bad.front().c_str());
        const CandidateEvaluation &c = e.candidates.at(0);
        if (outOfRangeNode.isEmpty()) {
            QVERIFY(c.errors.empty());
            QVERIFY(c.monthlyCostUsd > 0);
            continue;
        }
        QVERIFY(c.nodes.empty()); // not computed
        QCOMPARE(int(c.warnings.size()), 1);
        QCOMPARE(QString::fromStdString(c.warnings[0].code), QString("load-out-of-range"));
        QCOMPARE(QString::fromStdString(c.warnings[0].node), outOfRangeNode);
        QVERIFY(QString::fromStdString(c.errors.at(0).message).startsWith("load out of range: "));
    }
}

void TestEvaluate::impossibleFiguresAreFound()
{
    Evaluation e = evaluate(smallProject(20));
    QVERIFY(impossibleFigures(evaluationToJson(e)).empty());
    e.candidates[1].monthlyCostUsd = -3.87e10;
    e.candidates[0].nodes[2].instances.peak = std::nan("");
    e.candidates[0].entries[0].latencyMs.p99 = HUGE_VAL;
    const std::vector<std::string> bad = impossibleFigures(evaluationToJson(e));
    QCOMPARE(int(bad.size()), 3);
    QCOMPARE(QString::fromStdString(bad[0]), QString("/candidates/0/nodes/2/instances/peak"));
    QCOMPARE(QString::fromStdString(bad[1]), QString("/candidates/0/entries/0/latencyMs/p99"));
    QCOMPARE(QString::fromStdString(bad[2]), QString("/candidates/1/monthlyCostUsd"));
}

void TestEvaluate::peakInstancesAddFunctionsAndServices()
{
    // The comparison's and uncertainty's "peak instances": function instances and service
    // replicas; gateways, queues, datastores and clients run no instances of the candidate's.
    CandidateEvaluation candidate;
    const std::pair<NodeKind, double> peaks[] = {
        {NodeKind::Function, 3.5}, {NodeKind::Service, 2}, {NodeKind::Gateway, 7},
        {NodeKind::Datastore, 4}, {NodeKind::Queue, 1}, {NodeKind::Client, 9},
        {NodeKind::Function, 0.25}};
    for (const auto &[kind, peak] : peaks) {
        NodeResult node;
        node.kind = kind;
        node.instances.peak = peak;
        candidate.nodes.push_back(node);
    }
    QCOMPARE(peakInstances(candidate), 5.75);
    QCOMPARE(peakInstances(CandidateEvaluation{}), 0.0);
}

QTEST_GUILESS_MAIN(TestEvaluate)
#include "tst_evaluate.moc"
