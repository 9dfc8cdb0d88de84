// KeptFigures (model/engine/KeptFigures.h): an evaluation that takes the function days,
// service days and entry latencies of a recorded base evaluation gives the same figures to
// the last bit as one that computes everything, for variants that change one parameter each
// (what sensitivity evaluates), also where the variant recomputes only the nodes its change
// reaches, and for a different method or series setting it is ignored.
#include "engine/EngineWorkspace.h"
#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"
#include "engine/KeptFigures.h"
#include "engine/ParamSlots.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <functional>
#include <sstream>

using namespace skyline;

namespace {

Project example(const char *name)
{
    std::ifstream file(std::string(SKYLINE_SOURCE_DIR) + "/resources/examples/" + name
                       + ".skyline");
    std::stringstream text;
    text << file.rdbuf();
    const ReadResult<Project> read = readProject(text.str());
    return read.ok() ? *read.value : Project{};
}

EvalOptions sensitivityOptions()
{
    EvalOptions options;
    options.computeSeries = false;
    return options;
}

/// Three groups of ten nodes (client → gateway → functions and services → datastore, a
/// function → queue → consumer function → datastore), the first two clients on one workload:
/// a parameter reaches one group, or two through their workload, and within a group only
/// what lies downstream of it (and a queue whose consumer it is).
Project threeGroups()
{
    Project p;
    for (const char *id : {"w0", "w2"}) {
        Workload w = makeDefaultWorkload(WorkloadShape::Diurnal, id, id);
        w.params["peakRps"] = std::string(id) == "w0" ? 80.0 : 40.0;
        p.workloads.push_back(w);
    }
    Candidate c;
    c.id = "c1";
    c.name = "Groups";
    auto add = [&](NodeKind kind, const std::string &id) {
        c.nodes.push_back(makeDefaultNode(kind, id, id, {}));
    };
    auto edge = [&](EdgeKind kind, const std::string &from, const std::string &to, double per) {
        Edge e;
        e.id = from + "-" + to;
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.perRequest = per;
        e.latencyMs = 1;
        c.edges.push_back(e);
    };
    for (int g = 0; g < 3; ++g) {
        const std::string k = std::to_string(g);
        add(NodeKind::Client, "client" + k);
        c.nodes.back().workload = g < 2 ? "w0" : "w2";
        add(NodeKind::Gateway, "gw" + k);
        add(NodeKind::Function, "f1-" + k);
        add(NodeKind::Function, "f2-" + k);
        add(NodeKind::Function, "f3-" + k);
        add(NodeKind::Service, "s1-" + k);
        add(NodeKind::Service, "s2-" + k);
        add(NodeKind::Datastore, "db" + k);
        add(NodeKind::Queue, "q" + k);
        add(NodeKind::Function, "consumer" + k);
        edge(EdgeKind::Api, "client" + k, "gw" + k, 1);
        edge(EdgeKind::Api, "gw" + k, "f1-" + k, 0.6);
        edge(EdgeKind::Api, "gw" + k, "s1-" + k, 0.4);
        edge(EdgeKind::Api, "f1-" + k, "f2-" + k, 1);
        edge(EdgeKind::Api, "f2-" + k, "db" + k, 2);
        edge(EdgeKind::Api, "s1-" + k, "s2-" + k, 1.5);
        edge(EdgeKind::Api, "s2-" + k, "db" + k, 1);
        edge(EdgeKind::Api, "f1-" + k, "f3-" + k, 0.5);
        edge(EdgeKind::Event, "f3-" + k, "q" + k, 1);
        edge(EdgeKind::Event, "q" + k, "consumer" + k, 1);
        edge(EdgeKind::Api, "consumer" + k, "db" + k, 1);
    }
    p.candidates.push_back(c);
    return p;
}

Node &nodeOf(Project &p, const std::string &id)
{
    for (Node &node : p.candidates.front().nodes)
        if (node.id == id)
            return node;
    qFatal("no node %s", id.c_str());
}

Edge &edgeOf(Project &p, const std::string &id)
{
    for (Edge &edge : p.candidates.front().edges)
        if (edge.id == id)
            return edge;
    qFatal("no edge %s", id.c_str());
}

using Change = std::function<void(Project &)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class TestKeptFigures : public QObject
{
    Q_OBJECT

private slots:
    void variantsMatchAFreshEvaluation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("series");
        QTest::addColumn<int>("stride"); // every stride-th parameter: the binary stays fast
        QTest::newRow("checkout") << "checkout" << false << 3;
        QTest::newRow("checkout, with series") << "checkout" << true << 11;
        QTest::newRow("iot-telemetry") << "iot-telemetry" << false << 3;
        QTest::newRow("thumbnails") << "thumbnails" << false << 3;
    }
    void variantsMatchAFreshEvaluation()
    {
        QFETCH(QString, name);
        QFETCH(bool, series);
        QFETCH(int, stride);
        const Project project = example(qPrintable(name));
        QVERIFY(!project.candidates.empty());
        EvalOptions options = sensitivityOptions();
        options.computeSeries = series;
        KeptFigures kept;
        kept.method = options.method;
        kept.computeSeries = options.computeSeries;
        EngineWorkspace recording;
        recording.record = &kept;
        const std::string base = evaluationToJsonText(evaluate(project, options, recording));
        QCOMPARE(base, evaluationToJsonText(evaluate(project, options)));

        EngineWorkspace reusing;
        reusing.reuse = &kept;
        int variants = 0;
        for (std::size_t c = 0; c < project.candidates.size(); ++c) {
            const std::vector<ParamSlot> affecting = slotsAffecting(project, c);
            for (std::size_t s = 0; s < affecting.size(); s += std::size_t(stride)) {
                const ParamSlot &slot = affecting[s];
                const ParamRange ends = lowHighOf(slot);
                for (const double value : {ends.low, ends.high}) {
                    Project changed = project;
                    setSlotValue(changed, slot, value);
                    const std::string fresh = evaluationToJsonText(evaluate(changed, options));
                    const std::string reused =
                        evaluationToJsonText(evaluate(changed, options, reusing));
                    QVERIFY2(fresh == reused, qPrintable(QString::fromStdString(slot.pointer)));
                    ++variants;
                }
            }
        }
        QVERIFY(variants >= 10);
        // The unchanged project itself, from the kept figures alone.
        QCOMPARE(evaluationToJsonText(evaluate(project, options, reusing)), base);
    }

    // A variant takes the base candidate's rates, figures and latency models for the nodes
    // its change does not reach, and recomputes the others (Evaluate.cpp's
    // nodesReachedByChange): the same figures as an evaluation from scratch, whatever kind of
    // parameter changed and however far downstream it reaches.
    void variantsOfSeveralGroupsMatch_data()
    {
        QTest::addColumn<Change>("change");
        QTest::newRow("function run time, mid-chain") << Change([](Project &p) {
            nodeOf(p, "f1-0").params["durationMs"] = 180.0;
        });
        QTest::newRow("function run time, a leaf") << Change([](Project &p) {
            nodeOf(p, "f2-2").params["durationMs"] = 90.0;
        });
        QTest::newRow("service replicas") << Change([](Project &p) {
            nodeOf(p, "s1-1").params["maxReplicas"] = 2.0;
        });
        QTest::newRow("datastore latency") << Change([](Project &p) {
            nodeOf(p, "db0").params["latencyMs"] = 40.0;
        });
        QTest::newRow("queue batch size (the consumer's rate)") << Change([](Project &p) {
            nodeOf(p, "q1").params["batchSize"] = 10.0;
        });
        QTest::newRow("consumer concurrency (the queue's backlog)") << Change([](Project &p) {
            nodeOf(p, "consumer2").params["concurrencyLimit"] = 1.0;
        });
        QTest::newRow("edge perRequest, upstream") << Change([](Project &p) {
            edgeOf(p, "gw0-f1-0").perRequest = 0.9;
        });
        QTest::newRow("edge perRequest, to the queue") << Change([](Project &p) {
            edgeOf(p, "f3-1-q1").perRequest = 3;
        });
        QTest::newRow("edge latency") << Change([](Project &p) {
            edgeOf(p, "s1-2-s2-2").latencyMs = 25;
        });
        QTest::newRow("workload rate, two groups") << Change([](Project &p) {
            p.workloads[0].params["peakRps"] = 160.0;
        });
        QTest::newRow("workload rate, one group") << Change([](Project &p) {
            p.workloads[1].params["peakRps"] = 20.0;
        });
        QTest::newRow("pricing: hours per month") << Change([](Project &p) {
            p.pricing.hoursPerMonth = 700;
        });
        QTest::newRow("pricing: free tier") << Change([](Project &p) {
            p.pricing.freeTier = true;
        });
        QTest::newRow("nothing") << Change([](Project &) {});
    }
    void variantsOfSeveralGroupsMatch()
    {
        QFETCH(Change, change);
        const Project project = threeGroups();
        const EvalOptions options = sensitivityOptions();
        KeptFigures kept;
        kept.method = options.method;
        kept.computeSeries = options.computeSeries;
        EngineWorkspace recording;
        recording.record = &kept;
        const Evaluation base = evaluate(project, options, recording);
        QVERIFY(base.candidates.front().errors.empty());
        QVERIFY(kept.findCandidate("c1"));
        Project changed = project;
        change(changed);
        EngineWorkspace reusing;
        reusing.reuse = &kept;
        const std::string fresh = evaluationToJsonText(evaluate(changed, options));
        QCOMPARE(evaluationToJsonText(evaluate(changed, options, reusing)), fresh);
        QCOMPARE(fresh == evaluationToJsonText(base), changed == project); // a visible change
    }

    // Sensitivity's variants skip what it never reads (warnings, complexity, fault
    // isolation); their cost and latencies are those of the whole evaluation.
    void costAndLatencyOnlyKeepsThem()
    {
        for (const char *name : {"checkout", "iot-telemetry", "thumbnails"}) {
            const Project project = example(name);
            EvalOptions options = sensitivityOptions();
            const Evaluation whole = evaluate(project, options);
            options.costAndLatencyOnly = true;
            const Evaluation part = evaluate(project, options);
            QCOMPARE(part.candidates.size(), whole.candidates.size());
            bool somethingSkipped = false;
            for (std::size_t c = 0; c < whole.candidates.size(); ++c) {
                const CandidateEvaluation &a = whole.candidates[c];
                const CandidateEvaluation &b = part.candidates[c];
                QCOMPARE(b.monthlyCostUsd, a.monthlyCostUsd);
                QCOMPARE(b.entries.size(), a.entries.size());
                for (std::size_t e = 0; e < a.entries.size(); ++e)
                    QCOMPARE(b.entries[e].latencyMs.p99, a.entries[e].latencyMs.p99);
                QCOMPARE(b.nodes.size(), a.nodes.size());
                for (std::size_t i = 0; i < a.nodes.size(); ++i)
                    QCOMPARE(b.nodes[i].monthlyCostUsd, a.nodes[i].monthlyCostUsd);
                QVERIFY(b.warnings.empty());
                QVERIFY(b.faultIsolation.empty());
                somethingSkipped =
                    somethingSkipped || !a.warnings.empty() || !a.faultIsolation.empty();
            }
            QVERIFY2(somethingSkipped, name);
        }
    }

    // Kept figures of another method or series setting are not taken: a day recorded without
    // its series cannot serve an evaluation that wants them.
    void otherOptionsIgnoreThem()
    {
        const Project project = example("checkout");
        EvalOptions withoutSeries = sensitivityOptions();
        KeptFigures kept;
        kept.method = withoutSeries.method;
        kept.computeSeries = false;
        EngineWorkspace recording;
        recording.record = &kept;
        evaluate(project, withoutSeries, recording);
        EvalOptions withSeries = withoutSeries;
        withSeries.computeSeries = true;
        EngineWorkspace reusing;
        reusing.reuse = &kept;
        const Evaluation reused = evaluate(project, withSeries, reusing);
        QCOMPARE(evaluationToJsonText(reused), evaluationToJsonText(evaluate(project, withSeries)));
        bool someSeries = false;
        for (const NodeResult &node : reused.candidates.front().nodes)
            someSeries = someSeries || !node.aliveInstancesPerMinute.empty();
        QVERIFY(someSeries);
    }
};

QTEST_GUILESS_MAIN(TestKeptFigures)
#include "tst_keptfigures.moc"
