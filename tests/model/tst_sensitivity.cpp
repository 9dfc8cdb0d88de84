// Sensitivity (issue 11 point 5): low/high of a range or ±20 %, costs at both ends against a
// direct evaluation of the changed project (also where a candidate is split into independent
// node groups for speed), ranking by cost swing, flipsCheapest at a break-even inside the
// range, JSON pointers that lead to the parameter in the written file, --candidate filtering.
#include "domain/ParamSchema.h"
#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"
#include "engine/ParamSlots.h"
#include "engine/Sensitivity.h"
#include "engine/Sweep.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace skyline;

Q_DECLARE_METATYPE(skyline::Project)

namespace {

Edge apiEdge(const char *id, const char *from, const char *to, double latencyMs = 0)
{
    Edge e;
    e.id = id;
    e.from = from;
    e.to = to;
    e.latencyMs = latencyMs;
    return e;
}

/// c1: client -> HTTP API gateway (cost per call); c2: client -> one fixed Fargate replica.
Project gatewayAgainstService(double rps)
{
    Project p;
    p.name = "Flip";
    Workload w = makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat");
    w.params["rps"] = rps;
    p.workloads.push_back(w);
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    client.workload = "w1";
    Candidate a;
    a.id = "c1";
    a.name = "Gateway";
    a.nodes = {client, makeDefaultNode(NodeKind::Gateway, "n2", "API", {})};
    a.edges = {apiEdge("e1", "n1", "n2", 5)};
    Candidate b;
    b.id = "c2";
    b.name = "Service";
    Node service = makeDefaultNode(NodeKind::Service, "n2", "Svc", {});
    service.params["minReplicas"] = 1.0;
    service.params["maxReplicas"] = 1.0;
    service.params["concurrencyPerReplica"] = 10000.0;
    b.nodes = {client, service};
    b.edges = {apiEdge("e1", "n1", "n2", 5)};
    p.candidates = {a, b};
    return p;
}

/// One candidate of two independent chains (two node groups), each with its own workload.
Project twoChains()
{
    Project p;
    p.name = "Chains";
    Workload w1 = makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Day");
    Workload w2 = makeDefaultWorkload(WorkloadShape::Constant, "w2", "Flat");
    w2.params["rps"] = 30.0;
    w2.ranges["rps"] = {10, 90};
    p.workloads = {w1, w2};
    Candidate c;
    c.id = "c1";
    c.name = "Two chains";
    Node web = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    web.workload = "w1";
    Node app = makeDefaultNode(NodeKind::Client, "n5", "App", {});
    app.workload = "w2";
    Node fn = makeDefaultNode(NodeKind::Function, "n3", "Fn", {});
    fn.ranges["durationMs"] = {60, 400};
    c.nodes = {web,
               makeDefaultNode(NodeKind::Gateway, "n2", "API", {}),
               fn,
               makeDefaultNode(NodeKind::Datastore, "n4", "DB", {}),
               app,
               makeDefaultNode(NodeKind::Service, "n6", "Svc", {}),
               makeDefaultNode(NodeKind::Datastore, "n7", "Cache", {})};
    c.edges = {apiEdge("e1", "n1", "n2", 10), apiEdge("e2", "n2", "n3", 1),
               apiEdge("e3", "n3", "n4", 1), apiEdge("e4", "n5", "n6", 10),
               apiEdge("e5", "n6", "n7", 1)};
    c.edges[2].perRequest = 2;
    p.candidates = {c};
    return p;
}

std::pair<double, double> direct(const Project &project, const ParamSlot &slot, double value,
                                 std::size_t candidate, double trafficMultiplier = 1.0)
{
    Project changed = project;
    setSlotValue(changed, slot, value);
    EvalOptions options;
    options.computeSeries = false;
    options.trafficMultiplier = trafficMultiplier;
    const Evaluation e = evaluate(changed, options);
    return {e.candidates.at(candidate).monthlyCostUsd, worstEntryP99Ms(e.candidates.at(candidate))};
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

const SensitivityParameter *find(const CandidateSensitivity &c, const std::string &pointer)
{
    for (const SensitivityParameter &p : c.parameters)
        if (p.pointer == pointer)
            return &p;
    return nullptr;
}

} // namespace

class TestSensitivity : public QObject
{
    Q_OBJECT

private slots:
    /// Every parameter's figures equal a direct evaluation of the project with that parameter
    /// at its low and at its high: the split into node groups changes no figure. At the
    /// studio's traffic multiplier too (the tornado describes the traffic the charts show).
    void figuresEqualDirectEvaluation_data()
    {
        QTest::addColumn<Project>("project");
        QTest::addColumn<double>("trafficMultiplier");
        QTest::newRow("two chains (split into groups)") << twoChains() << 1.0;
        QTest::newRow("gateway against service") << gatewayAgainstService(5) << 1.0;
        QTest::newRow("two chains at traffic x3") << twoChains() << 3.0;
        QTest::newRow("gateway against service at traffic x0.2")
            << gatewayAgainstService(5) << 0.2;
    }
    void figuresEqualDirectEvaluation()
    {
        QFETCH(Project, project);
        QFETCH(double, trafficMultiplier);
        SensitivityOptions options;
        options.trafficMultiplier = trafficMultiplier;
        const SensitivityResult result = analyzeSensitivity(project, options);
        QCOMPARE(result.trafficMultiplier, trafficMultiplier);
        QCOMPARE(result.candidates.size(), project.candidates.size());
        for (std::size_t c = 0; c < project.candidates.size(); ++c) {
            const std::vector<ParamSlot> affecting = slotsAffecting(project, c);
            QCOMPARE(result.candidates[c].parameters.size(), affecting.size());
            for (const ParamSlot &slot : affecting) {
                const SensitivityParameter *p = find(result.candidates[c], slot.pointer);
                QVERIFY2(p, slot.pointer.c_str());
                const ParamRange ends = lowHighOf(slot);
                QCOMPARE(p->low, ends.low);
                QCOMPARE(p->high, ends.high);
                const auto [lowCost, lowP99] =
                    direct(project, slot, ends.low, c, trafficMultiplier);
                const auto [highCost, highP99] =
                    direct(project, slot, ends.high, c, trafficMultiplier);
                QVERIFY2(near(p->costAtLow, lowCost), qPrintable(QString::fromStdString(
                             slot.pointer + " " + std::to_string(p->costAtLow) + " vs "
                             + std::to_string(lowCost))));
                QVERIFY2(near(p->costAtHigh, highCost), slot.pointer.c_str());
                QVERIFY2(near(p->p99AtLow, lowP99), slot.pointer.c_str());
                QVERIFY2(near(p->p99AtHigh, highP99), slot.pointer.c_str());
            }
        }
    }

    void rangeOrTwentyPercent()
    {
        const SensitivityResult result = analyzeSensitivity(twoChains());
        const CandidateSensitivity &c = result.candidates.at(0);
        const SensitivityParameter *ranged = find(c, "/candidates/0/nodes/2/params/durationMs");
        QVERIFY(ranged);
        QCOMPARE(ranged->low, 60.0);
        QCOMPARE(ranged->high, 400.0);
        const SensitivityParameter *plain = find(c, "/candidates/0/nodes/2/params/coldStartMs");
        QVERIFY(plain);
        QCOMPARE(plain->low, 320.0);
        QCOMPARE(plain->high, 480.0);
        const SensitivityParameter *whole = find(c, "/candidates/0/nodes/5/params/minReplicas");
        QVERIFY(whole); // 2 replicas: 1 … 3, whole numbers
        QCOMPARE(whole->low, 1.0);
        QCOMPARE(whole->high, 3.0);
        const SensitivityParameter *share = find(c, "/candidates/0/nodes/2/params/availability");
        QVERIFY(share); // 0.9995 + 20 % is clamped to the allowed 1
        QCOMPARE(share->high, 1.0);
        QCOMPARE(share->name, std::string("Fn: Availability"));
        QVERIFY(find(c, "/workloads/1/rps"));
        QVERIFY(find(c, "/candidates/0/edges/2/perRequest"));
    }

    void rankedByCostSwing()
    {
        const SensitivityResult result = analyzeSensitivity(twoChains());
        const std::vector<SensitivityParameter> &ps = result.candidates.at(0).parameters;
        QVERIFY(ps.size() > 10);
        for (std::size_t i = 1; i < ps.size(); ++i)
            QVERIFY(ps[i - 1].costSwingUsd() >= ps[i].costSwingUsd());
        QVERIFY(ps.front().costSwingUsd() > 0);
        QCOMPARE(ps.back().costSwingUsd(), 0.0); // e.g. an edge's latency moves no cost
    }

    /// The gateway is cheaper at 5 req/s, the service above ~6.9 req/s: the rate's +20 % does
    /// not flip the decision at 4 req/s, it does at 6.
    void flipsCheapest_data()
    {
        QTest::addColumn<double>("rps");
        QTest::addColumn<bool>("flips");
        QTest::newRow("4 req/s: 3.2 … 4.8 stays below break-even") << 4.0 << false;
        QTest::newRow("6 req/s: 4.8 … 7.2 crosses it") << 6.0 << true;
    }
    void flipsCheapest()
    {
        QFETCH(double, rps);
        QFETCH(bool, flips);
        const SensitivityResult result = analyzeSensitivity(gatewayAgainstService(rps));
        QCOMPARE(result.cheapestId, std::string("c1"));
        for (const CandidateSensitivity &c : result.candidates) {
            const SensitivityParameter *rate = find(c, "/workloads/0/rps");
            QVERIFY(rate);
            QCOMPARE(rate->flipsCheapest, flips);
            const SensitivityParameter *latency = find(c, "/candidates/" + std::string(c.id == "c1" ? "0" : "1") + "/edges/0/latencyMs");
            QVERIFY(latency);
            QVERIFY(!latency->flipsCheapest);
        }
    }

    void pointersLeadToTheParameterInTheFile()
    {
        std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/checkout.skyline");
        std::stringstream text;
        text << file.rdbuf();
        const ReadResult<Project> read = readProject(text.str());
        QVERIFY(read.ok());
        const OrderedJson written = OrderedJson::parse(writeProject(*read.value));
        const SensitivityResult result = analyzeSensitivity(*read.value);
        QCOMPARE(result.candidates.size(), read.value->candidates.size());
        for (const CandidateSensitivity &c : result.candidates) {
            QVERIFY(!c.parameters.empty());
            for (const SensitivityParameter &p : c.parameters) {
                const OrderedJson::json_pointer pointer(p.pointer);
                QVERIFY2(written.contains(pointer), p.pointer.c_str()); // Save writes every parameter
                const double value = written.at(pointer).get<double>();
                QVERIFY2(p.low <= value && value <= p.high, p.pointer.c_str());
            }
        }
    }

    void candidateFilter()
    {
        SensitivityOptions options;
        options.candidateId = "c2";
        const SensitivityResult result = analyzeSensitivity(gatewayAgainstService(6), options);
        QCOMPARE(result.candidates.size(), std::size_t(1));
        QCOMPARE(result.candidates.front().id, std::string("c2"));
        // flipsCheapest still compares with every candidate.
        QVERIFY(find(result.candidates.front(), "/workloads/0/rps")->flipsCheapest);
    }

    void jsonShape()
    {
        SensitivityOptions options;
        options.trafficMultiplier = 2.5;
        const Project project = gatewayAgainstService(6);
        const OrderedJson j = sensitivityToJson(analyzeSensitivity(project, options));
        const OrderedJson &p = j["candidates"][0]["parameters"][0];
        QCOMPARE(j["trafficMultiplier"].get<double>(), 2.5);
        QCOMPARE(j["candidates"][0]["id"].get<std::string>(), std::string("c1"));
        // The centre of the tornado: the evaluation at that traffic.
        EvalOptions eval;
        eval.trafficMultiplier = 2.5;
        const OrderedJson evaluated = evaluationToJson(evaluate(project, eval));
        QCOMPARE(j["candidates"][0]["monthlyCostUsd"],
                 evaluated["candidates"][0]["monthlyCostUsd"]);
        QVERIFY(j["candidates"][0]["p99Ms"].is_number());
        for (const char *key : {"low", "high", "costAtLow", "costAtHigh", "p99AtLow", "p99AtHigh"})
            QVERIFY2(p[key].is_number(), key);
        QVERIFY(p["pointer"].is_string());
        QVERIFY(p["name"].is_string());
        QVERIFY(p["flipsCheapest"].is_boolean());
    }
};

QTEST_GUILESS_MAIN(TestSensitivity)
#include "tst_sensitivity.moc"
