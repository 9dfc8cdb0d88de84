#include "engine/Evaluation.h"
#include "engine/LoadPropagation.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace skyline;

namespace {
Edge edge(const std::string &id, EdgeKind kind, const std::string &from, const std::string &to,
          double perRequest = 1.0)
{
    Edge e;
    e.id = id;
    e.kind = kind;
    e.from = from;
    e.to = to;
    e.perRequest = perRequest;
    return e;
}

Project projectWithConstantClient(double rps)
{
    Project p;
    Workload w = makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat");
    w.params["rps"] = rps;
    p.workloads.push_back(w);
    Candidate c;
    c.id = "c1";
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {});
    client.workload = "w1";
    c.nodes.push_back(client);
    p.candidates.push_back(c);
    return p;
}

double rateOf(const LoadResult &r, const Candidate &c, const std::string &id)
{
    for (std::size_t i = 0; i < c.nodes.size(); ++i)
        if (c.nodes[i].id == id)
            return r.ratePerMinute[i][600];
    return -1;
}
} // namespace

class TestPropagation : public QObject
{
    Q_OBJECT
private slots:
    void perRequestMultipliesAlongTheChain_data();
    void perRequestMultipliesAlongTheChain();
    void fanInSumsIncomingEdges();
    void queueBatchDividesInvocations();
    void multiplierScalesClients();
    void cycleIsAnErrorNamingItsNodes_data();
    void cycleIsAnErrorNamingItsNodes();
    void danglingReferencesAreErrors();
    void topologicalOrderPutsSourcesFirst();
    void loadBeyondTheModelNamesNodeAndEdge_data();
    void loadBeyondTheModelNamesNodeAndEdge();
};

void TestPropagation::perRequestMultipliesAlongTheChain_data()
{
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("second");
    QTest::newRow("one to one") << 1.0 << 1.0;
    QTest::newRow("2.5 calls then 0.3") << 2.5 << 0.3;
    QTest::newRow("no calls") << 0.0 << 4.0;
}

void TestPropagation::perRequestMultipliesAlongTheChain()
{
    QFETCH(double, first);
    QFETCH(double, second);
    Project p = projectWithConstantClient(10);
    Candidate &c = p.candidates[0];
    c.nodes.push_back(makeDefaultNode(NodeKind::Gateway, "n2", "API", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n3", "Fn", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Datastore, "n4", "DB", {}));
    c.edges = {edge("e1", EdgeKind::Api, "n1", "n2"), edge("e2", EdgeKind::Api, "n2", "n3", first),
               edge("e3", EdgeKind::Api, "n3", "n4", second)};
    const LoadResult r = propagateLoad(p, c, 1.0);
    QVERIFY(r.ok());
    QCOMPARE(rateOf(r, c, "n2"), 10.0);
    QVERIFY(qAbs(rateOf(r, c, "n3") - 10 * first) < 1e-9);
    QVERIFY(qAbs(rateOf(r, c, "n4") - 10 * first * second) < 1e-9);
}

void TestPropagation::fanInSumsIncomingEdges()
{
    Project p = projectWithConstantClient(10);
    Workload w2 = makeDefaultWorkload(WorkloadShape::Constant, "w2", "Other");
    w2.params["rps"] = 4.0;
    p.workloads.push_back(w2);
    Candidate &c = p.candidates[0];
    Node mobile = makeDefaultNode(NodeKind::Client, "n2", "Mobile", {});
    mobile.workload = "w2";
    c.nodes.push_back(mobile);
    c.nodes.push_back(makeDefaultNode(NodeKind::Service, "n3", "Svc", {}));
    c.edges = {edge("e1", EdgeKind::Api, "n1", "n3", 2.0), edge("e2", EdgeKind::Event, "n2", "n3")};
    const LoadResult r = propagateLoad(p, c, 1.0);
    QVERIFY(r.ok());
    QCOMPARE(rateOf(r, c, "n3"), 24.0);
}

void TestPropagation::queueBatchDividesInvocations()
{
    Project p = projectWithConstantClient(100);
    Candidate &c = p.candidates[0];
    Node queue = makeDefaultNode(NodeKind::Queue, "n2", "Q", {});
    queue.params["batchSize"] = 10.0;
    c.nodes.push_back(queue);
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n3", "Consumer", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Service, "n4", "Svc consumer", {}));
    c.edges = {edge("e1", EdgeKind::Event, "n1", "n2"), edge("e2", EdgeKind::Event, "n2", "n3"),
               edge("e3", EdgeKind::Event, "n2", "n4")};
    const LoadResult r = propagateLoad(p, c, 1.0);
    QVERIFY(r.ok());
    QCOMPARE(rateOf(r, c, "n2"), 100.0); // messages
    QCOMPARE(rateOf(r, c, "n3"), 10.0);  // function invocations: messages / batch
    QCOMPARE(rateOf(r, c, "n4"), 100.0); // a service receives every message
}

void TestPropagation::multiplierScalesClients()
{
    Project p = projectWithConstantClient(10);
    Candidate &c = p.candidates[0];
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n2", "Fn", {}));
    c.edges = {edge("e1", EdgeKind::Api, "n1", "n2")};
    const LoadResult r = propagateLoad(p, c, 3.0);
    QCOMPARE(rateOf(r, c, "n1"), 30.0);
    QCOMPARE(rateOf(r, c, "n2"), 30.0);
}

void TestPropagation::cycleIsAnErrorNamingItsNodes_data()
{
    QTest::addColumn<QStringList>("edges"); // "from>to"
    QTest::addColumn<QString>("expected");
    QTest::newRow("two nodes") << QStringList{"n1>n2", "n2>n3", "n3>n2"}
                               << QString::fromUtf8("cycle: Upload \u2192 Resize \u2192 Upload");
    QTest::newRow("self loop") << QStringList{"n1>n2", "n3>n3"}
                               << QString::fromUtf8("cycle: Resize \u2192 Resize");
    QTest::newRow("three nodes, with a tail") << QStringList{"n1>n2", "n2>n3", "n3>n4", "n4>n2"}
                                              << QString::fromUtf8("cycle: Upload \u2192 Resize \u2192 Store \u2192 Upload");
}

void TestPropagation::cycleIsAnErrorNamingItsNodes()
{
    QFETCH(QStringList, edges);
    QFETCH(QString, expected);
    Project p = projectWithConstantClient(10);
    Candidate &c = p.candidates[0];
    // Named apart from their ids: the message names nodes as the user does (issue 10 point 6).
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n2", "Upload", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n3", "Resize", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n4", "Store", {}));
    int i = 0;
    for (const QString &e : edges) {
        const QStringList ends = e.split('>');
        c.edges.push_back(edge("e" + std::to_string(++i), EdgeKind::Api, ends[0].toStdString(),
                               ends[1].toStdString()));
    }
    const LoadResult r = propagateLoad(p, c, 1.0);
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.errors.front().code), QString("cycle"));
    QCOMPARE(QString::fromStdString(r.errors.front().message), expected);
}

void TestPropagation::danglingReferencesAreErrors()
{
    Project p = projectWithConstantClient(10);
    Candidate &c = p.candidates[0];
    c.edges = {edge("e1", EdgeKind::Api, "n1", "n9")};
    c.nodes[0].workload = "w7";
    const LoadResult r = propagateLoad(p, c, 1.0);
    QCOMPARE(int(r.errors.size()), 2);
    QCOMPARE(QString::fromStdString(r.errors[0].code), QString("unknown-node"));
    QCOMPARE(QString::fromStdString(r.errors[0].message),
             QString("a connection of 'Web' leads to the unknown node 'n9'"));
    QCOMPARE(QString::fromStdString(r.errors[1].code), QString("unknown-workload"));
    QCOMPARE(QString::fromStdString(r.errors[1].message),
             QString("client 'Web': unknown workload 'w7'"));
}

void TestPropagation::topologicalOrderPutsSourcesFirst()
{
    Project p = projectWithConstantClient(10);
    Candidate &c = p.candidates[0];
    // Listed downstream-first on purpose.
    c.nodes.insert(c.nodes.begin(), makeDefaultNode(NodeKind::Datastore, "n4", "DB", {}));
    c.nodes.insert(c.nodes.begin(), makeDefaultNode(NodeKind::Function, "n3", "Fn", {}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Gateway, "n2", "API", {}));
    c.edges = {edge("e3", EdgeKind::Api, "n3", "n4"), edge("e1", EdgeKind::Api, "n1", "n2"),
               edge("e2", EdgeKind::Api, "n2", "n3")};
    const LoadResult r = propagateLoad(p, c, 1.0);
    QVERIFY(r.ok());
    QCOMPARE(int(r.topologicalOrder.size()), 4);
    std::vector<int> position(4);
    for (int k = 0; k < 4; ++k)
        position[std::size_t(r.topologicalOrder[std::size_t(k)])] = k;
    for (const Edge &e : c.edges) {
        const auto from = std::find_if(c.nodes.begin(), c.nodes.end(),
                                       [&](const Node &n) { return n.id == e.from; });
        const auto to = std::find_if(c.nodes.begin(), c.nodes.end(),
                                     [&](const Node &n) { return n.id == e.to; });
        QVERIFY(position[std::size_t(from - c.nodes.begin())] <
                position[std::size_t(to - c.nodes.begin())]);
    }
    QCOMPARE(rateOf(r, c, "n4"), 10.0);
}

void TestPropagation::loadBeyondTheModelNamesNodeAndEdge_data()
{
    QTest::addColumn<double>("clientRps");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<int>("hops");         // a chain of functions n2, n3, ... after the client
    QTest::addColumn<double>("perRequest"); // on every edge after the first
    QTest::addColumn<QString>("node");     // empty: in range
    QTest::addColumn<QString>("edge");
    QTest::newRow("1e7 req/s, four hops of 1,000 calls") << 1e7 << 1.0 << 4 << 1000.0 << "n3" << "e2";
    QTest::newRow("60 hops of 1,000 calls (infinite)") << 100.0 << 1.0 << 60 << 1000.0 << "n5" << "e4";
    QTest::newRow("the multiplier alone") << 1e7 << 1e6 << 2 << 1.0 << "n1" << "";
    QTest::newRow("exactly the largest rate") << 1e7 << 100.0 << 3 << 1.0 << "" << "";
    QTest::newRow("60 hops of 1.4 calls stay in range") << 1.0 << 1.0 << 60 << 1.4 << "" << "";
}

void TestPropagation::loadBeyondTheModelNamesNodeAndEdge()
{
    QFETCH(double, clientRps);
    QFETCH(double, multiplier);
    QFETCH(int, hops);
    QFETCH(double, perRequest);
    QFETCH(QString, node);
    QFETCH(QString, edge);
    Project p = projectWithConstantClient(clientRps);
    Candidate &c = p.candidates[0];
    for (int i = 2; i <= hops + 1; ++i) {
        const std::string id = "n" + std::to_string(i);
        c.nodes.push_back(makeDefaultNode(NodeKind::Function, id, id, {}));
        c.edges.push_back(::edge("e" + std::to_string(i - 1), EdgeKind::Api,
                                 "n" + std::to_string(i - 1), id, i == 2 ? 1.0 : perRequest));
    }
    const LoadResult r = propagateLoad(p, c, multiplier);
    if (node.isEmpty()) {
        QVERIFY(r.ok());
        QVERIFY(r.outOfRange.empty());
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(int(r.outOfRange.size()), 1); // the first crossing only, not every node after it
    QCOMPARE(QString::fromStdString(c.nodes[std::size_t(r.outOfRange[0].node)].id), node);
    QCOMPARE(QString::fromStdString(r.outOfRange[0].edge), edge);
    QCOMPARE(int(r.errors.size()), 1);
    const QString error = QString::fromStdString(r.errors[0].message);
    const QString name = node == "n1" ? QString("Web") : node;
    QVERIFY2(error.startsWith("load out of range: '" + name + "' would receive "),
             qPrintable(error));
    if (!edge.isEmpty())
        QVERIFY2(error.contains("the connection from '"), qPrintable(error));
    QVERIFY2(!error.contains("edge e"), qPrintable(error));
    // Rates downstream are saturated, never infinite or NaN.
    for (const std::vector<double> &rate : r.ratePerMinute)
        for (double x : rate)
            QVERIFY(std::isfinite(x) && x >= 0 && x <= maxNodeRps);
}

QTEST_GUILESS_MAIN(TestPropagation)
#include "tst_propagation.moc"
