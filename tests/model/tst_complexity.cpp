#include "engine/Complexity.h"

#include <QtTest>

using namespace skyline;

namespace {
Candidate sample()
{
    // client -> gateway -> svcA (ctx x1) -> svcB (ctx x2, kubernetes) -event-> queue -> fn
    Candidate c;
    c.nodes.push_back(makeDefaultNode(NodeKind::Client, "n1", "Web", {}));
    Node gw = makeDefaultNode(NodeKind::Gateway, "n2", "ALB", {});
    gw.params["product"] = std::string("aws-alb");
    c.nodes.push_back(gw);
    Node a = makeDefaultNode(NodeKind::Service, "n3", "A", {});
    a.context = "x1";
    a.params["hosting"] = std::string("kubernetes");
    a.params["runtime"] = std::string("java21");
    c.nodes.push_back(a);
    Node b = makeDefaultNode(NodeKind::Service, "n4", "B", {});
    b.context = "x2";
    b.params["hosting"] = std::string("kubernetes");
    b.params["runtime"] = std::string("go122");
    c.nodes.push_back(b);
    Node q = makeDefaultNode(NodeKind::Queue, "n5", "Q", {});
    q.params["product"] = std::string("kafka");
    c.nodes.push_back(q);
    Node f = makeDefaultNode(NodeKind::Function, "n6", "Fn", {});
    f.params["runtime"] = std::string("java21");
    c.nodes.push_back(f);
    Node db = makeDefaultNode(NodeKind::Datastore, "n7", "DB", {});
    c.nodes.push_back(db);
    auto edge = [&](EdgeKind kind, const char *from, const char *to) {
        Edge e;
        e.id = "e" + std::to_string(c.edges.size() + 1);
        e.kind = kind;
        e.from = from;
        e.to = to;
        c.edges.push_back(e);
    };
    edge(EdgeKind::Api, "n1", "n2");
    edge(EdgeKind::Api, "n2", "n3");
    edge(EdgeKind::Api, "n3", "n4");
    edge(EdgeKind::Event, "n4", "n5");
    edge(EdgeKind::Event, "n5", "n6");
    edge(EdgeKind::Api, "n6", "n7");
    return c;
}

double countOf(const Complexity &c, const std::string &key)
{
    for (const ComplexityItem &item : c.breakdown)
        if (item.key == key)
            return item.count;
    return -1;
}
} // namespace

class TestComplexity : public QObject
{
    Q_OBJECT
private slots:
    void breakdownCounts_data();
    void breakdownCounts();
    void scoreIsTheWeightedSumAndWeightsAreEditable();
    void couplingFollowsBogner();
    void lockInShare();
    void productTableDecidesManagedAndSelfRun_data();
    void productTableDecidesManagedAndSelfRun();
};

void TestComplexity::breakdownCounts_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("count");
    QTest::newRow("deployables") << "deployables" << 3.0;
    QTest::newRow("runtimes") << "runtimes" << 2.0;
    QTest::newRow("syncEdges") << "syncEdges" << 4.0;
    QTest::newRow("asyncEdges") << "asyncEdges" << 2.0;
    QTest::newRow("crossContextEdges") << "crossContextEdges" << 1.0;
    QTest::newRow("brokers") << "brokers" << 1.0;
    QTest::newRow("datastores") << "datastores" << 1.0;
    // one Kubernetes cluster for both services, the ALB, self-run kafka
    QTest::newRow("selfRunInfrastructure") << "selfRunInfrastructure" << 3.0;
    QTest::newRow("managedComponents") << "managedComponents" << 1.0;
}

void TestComplexity::breakdownCounts()
{
    QFETCH(QString, key);
    QFETCH(double, count);
    QCOMPARE(countOf(computeComplexity(sample()), key.toStdString()), count);
}

void TestComplexity::scoreIsTheWeightedSumAndWeightsAreEditable()
{
    const Complexity c = computeComplexity(sample());
    double sum = 0;
    for (const ComplexityItem &item : c.breakdown) {
        QCOMPARE(item.points, item.count * item.weight);
        sum += item.points;
    }
    QCOMPARE(c.score, sum);
    ComplexityWeights heavier;
    heavier.selfRunInfrastructure = 10;
    QCOMPARE(computeComplexity(sample(), heavier).score, c.score + 3 * (10 - 3.0));
}

void TestComplexity::couplingFollowsBogner()
{
    const Complexity c = computeComplexity(sample());
    QCOMPARE(int(c.coupling.size()), 3);
    auto find = [&](const std::string &id) {
        for (const CouplingMetrics &m : c.coupling)
            if (m.node == id)
                return m;
        return CouplingMetrics{};
    };
    QCOMPARE(find("n3").ads, 1); // A calls B
    QCOMPARE(find("n3").ais, 0);
    QCOMPARE(find("n4").ads, 1); // B reaches Fn through the queue
    QCOMPARE(find("n4").ais, 1);
    QCOMPARE(find("n4").acs, 1);
    QCOMPARE(find("n6").ads, 0); // a datastore is not a deployable
    QCOMPARE(find("n6").ais, 1);
}

void TestComplexity::lockInShare()
{
    // Non-client nodes: ALB (aws), A, B (kubernetes), kafka, Lambda (aws), DynamoDB (aws).
    QVERIFY(qAbs(computeComplexity(sample()).lockInShare - 3.0 / 6.0) < 1e-12);
}


void TestComplexity::productTableDecidesManagedAndSelfRun_data()
{
    QTest::addColumn<QString>("hosting");
    QTest::addColumn<double>("managed");
    QTest::addColumn<double>("selfRun");
    QTest::addColumn<double>("lockInShare");
    // Two services of one hosting: managed hostings count per service, EC2 per service,
    // Kubernetes one cluster; the provider's share is the lock-in.
    QTest::newRow("aws-app-runner") << "aws-app-runner" << 2.0 << 0.0 << 1.0;
    QTest::newRow("aws-fargate") << "aws-fargate" << 2.0 << 0.0 << 1.0;
    QTest::newRow("aws-ec2") << "aws-ec2" << 0.0 << 2.0 << 1.0;
    QTest::newRow("kubernetes") << "kubernetes" << 0.0 << 1.0 << 0.0;
}

void TestComplexity::productTableDecidesManagedAndSelfRun()
{
    QFETCH(QString, hosting);
    QFETCH(double, managed);
    QFETCH(double, selfRun);
    QFETCH(double, lockInShare);
    Candidate c;
    for (const char *id : {"a", "b"}) {
        Node n = makeDefaultNode(NodeKind::Service, id, id, {});
        n.params["hosting"] = hosting.toStdString();
        c.nodes.push_back(n);
    }
    const Complexity result = computeComplexity(c);
    QCOMPARE(countOf(result, "managedComponents"), managed);
    QCOMPARE(countOf(result, "selfRunInfrastructure"), selfRun);
    QCOMPARE(result.lockInShare, lockInShare);
}

QTEST_GUILESS_MAIN(TestComplexity)
#include "tst_complexity.moc"
