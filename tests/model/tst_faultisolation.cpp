#include "engine/FaultIsolation.h"
#include "engine/LoadPropagation.h"

#include <QtTest>

using namespace skyline;

namespace {
struct Model
{
    Project project;
    Candidate &c() { return project.candidates[0]; }

    Model()
    {
        project.candidates.emplace_back();
        project.candidates[0].id = "c1";
    }
    void client(const std::string &id, double rps)
    {
        Workload w = makeDefaultWorkload(WorkloadShape::Constant, "w" + id, id);
        w.params["rps"] = rps;
        project.workloads.push_back(w);
        Node n = makeDefaultNode(NodeKind::Client, id, id, {});
        n.workload = w.id;
        c().nodes.push_back(n);
    }
    void node(NodeKind kind, const std::string &id, double availability = -1)
    {
        Node n = makeDefaultNode(kind, id, id, {});
        if (availability >= 0)
            n.params["availability"] = availability;
        c().nodes.push_back(n);
    }
    Edge &edge(EdgeKind kind, const std::string &from, const std::string &to, double perRequest = 1)
    {
        Edge e;
        e.id = "e" + std::to_string(c().edges.size() + 1);
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.perRequest = perRequest;
        c().edges.push_back(e);
        return c().edges.back();
    }
    FaultIsolationResult run()
    {
        const LoadResult load = propagateLoad(project, c(), 1.0);
        std::vector<double> avg;
        for (const auto &series : load.ratePerMinute)
            avg.push_back(series.front());
        return analyzeFaultIsolation(c(), load.topologicalOrder, avg);
    }
};

const FaultResult &of(const FaultIsolationResult &r, const std::string &id)
{
    for (const FaultResult &f : r.nodes)
        if (f.node == id)
            return f;
    return r.nodes.front();
}
} // namespace

class TestFaultIsolation : public QObject
{
    Q_OBJECT
private slots:
    void synchronousChainFailsTogether();
    void fallbackStopsTheSpread();
    void eventEdgeStopsTheSpreadAndBuildsBacklog();
    void blastRadiusWeighsClientTraffic();
    void occasionalCallsFailOccasionally();
    void availabilityMultipliesAlongSyncCalls();
};

void TestFaultIsolation::synchronousChainFailsTogether()
{
    Model m;
    m.client("n1", 10);
    m.node(NodeKind::Gateway, "n2");
    m.node(NodeKind::Function, "n3");
    m.node(NodeKind::Datastore, "n4");
    m.edge(EdgeKind::Api, "n1", "n2");
    m.edge(EdgeKind::Api, "n2", "n3");
    m.edge(EdgeKind::Api, "n3", "n4");
    const FaultIsolationResult r = m.run();
    for (const char *id : {"n2", "n3", "n4"}) {
        QCOMPARE(of(r, id).blastRadius, 1.0);
        QCOMPARE(of(r, id).entriesHit, std::vector<std::string>{"n1"});
    }
}

void TestFaultIsolation::fallbackStopsTheSpread()
{
    Model m;
    m.client("n1", 10);
    m.node(NodeKind::Service, "n2");
    m.node(NodeKind::Service, "n3"); // recommendations, optional
    m.node(NodeKind::Datastore, "n4");
    m.edge(EdgeKind::Api, "n1", "n2");
    m.edge(EdgeKind::Api, "n2", "n3").fallback = true;
    m.edge(EdgeKind::Api, "n3", "n4");
    const FaultIsolationResult r = m.run();
    QCOMPARE(of(r, "n2").blastRadius, 1.0);
    QCOMPARE(of(r, "n3").blastRadius, 0.0);
    QCOMPARE(of(r, "n4").blastRadius, 0.0);
    QVERIFY(of(r, "n3").entriesHit.empty());
}

void TestFaultIsolation::eventEdgeStopsTheSpreadAndBuildsBacklog()
{
    Model m;
    m.client("n1", 10);
    m.node(NodeKind::Function, "n2");
    m.node(NodeKind::Queue, "n3");
    m.node(NodeKind::Function, "n4");
    m.edge(EdgeKind::Api, "n1", "n2");
    m.edge(EdgeKind::Event, "n2", "n3", 2);
    m.edge(EdgeKind::Event, "n3", "n4");
    const FaultIsolationResult r = m.run();
    QCOMPARE(of(r, "n4").blastRadius, 0.0);
    QCOMPARE(of(r, "n3").blastRadius, 0.0);
    // 20 messages/s bound for the consumer pile up: 1,200 per minute of outage.
    QCOMPARE(of(r, "n4").backlogPerOutageMinute, 1200.0);
}

void TestFaultIsolation::blastRadiusWeighsClientTraffic()
{
    Model m;
    m.client("n1", 30);
    m.client("n2", 10);
    m.node(NodeKind::Service, "n3"); // only n1 uses it
    m.node(NodeKind::Datastore, "n4"); // both use it
    m.edge(EdgeKind::Api, "n1", "n3");
    m.edge(EdgeKind::Api, "n3", "n4");
    m.edge(EdgeKind::Api, "n2", "n4");
    const FaultIsolationResult r = m.run();
    QCOMPARE(of(r, "n3").blastRadius, 0.75);
    QCOMPARE(of(r, "n4").blastRadius, 1.0);
    QCOMPARE(int(of(r, "n4").entriesHit.size()), 2);
    QCOMPARE(of(r, "n2").blastRadius, 0.25); // a client down loses its own traffic
}

void TestFaultIsolation::occasionalCallsFailOccasionally()
{
    Model m;
    m.client("n1", 10);
    m.node(NodeKind::Datastore, "n2");
    m.edge(EdgeKind::Api, "n1", "n2", 0.3);
    const FaultIsolationResult r = m.run();
    QVERIFY(qAbs(of(r, "n2").blastRadius - 0.3) < 1e-12);
}

void TestFaultIsolation::availabilityMultipliesAlongSyncCalls()
{
    Model m;
    m.client("n1", 10);
    m.node(NodeKind::Gateway, "n2", 0.999);
    m.node(NodeKind::Service, "n3", 0.99);
    m.node(NodeKind::Datastore, "n4", 0.9);  // behind a fallback: does not count
    m.node(NodeKind::Queue, "n5", 0.5);      // asynchronous: does not count
    m.edge(EdgeKind::Api, "n1", "n2");
    m.edge(EdgeKind::Api, "n2", "n3");
    m.edge(EdgeKind::Api, "n3", "n4").fallback = true;
    m.edge(EdgeKind::Event, "n3", "n5");
    const FaultIsolationResult r = m.run();
    QVERIFY(qAbs(r.entryAvailability[0] - 0.999 * 0.99) < 1e-12);
}

QTEST_GUILESS_MAIN(TestFaultIsolation)
#include "tst_faultisolation.moc"
