// The rules of a project's values, written once (model/domain/Validation): the file reader and
// the Document both use them, so each rule is tested here once, with the place and the words
// a user reads.
#include "domain/ParamSchema.h"
#include "domain/Validation.h"

#include <QtTest>

#include <functional>

using namespace skyline;

Q_DECLARE_METATYPE(std::function<std::vector<FieldProblem>()>)

using Check = std::function<std::vector<FieldProblem>()>;

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void brokenRuleNamesFieldAndRange_data();
    void brokenRuleNamesFieldAndRange();
    void valuesAtTheLimitsPass_data();
    void valuesAtTheLimitsPass();
    void everyOrderNamesTwoParametersOfItsKind();
};

namespace {

Node nodeWith(NodeKind kind, std::vector<std::pair<std::string, double>> values)
{
    Node n = makeDefaultNode(kind, "n1", "Node", {});
    for (const auto &[key, value] : values)
        n.params[key] = value;
    return n;
}

Workload workloadWith(WorkloadShape shape, std::vector<std::pair<std::string, double>> values)
{
    Workload w = makeDefaultWorkload(shape, "w1", "Load");
    for (const auto &[key, value] : values)
        w.params[key] = value;
    return w;
}

Edge edgeWith(double perRequest, double latencyMs)
{
    Edge e;
    e.id = "e1";
    e.from = "n1";
    e.to = "n2";
    e.perRequest = perRequest;
    e.latencyMs = latencyMs;
    return e;
}

} // namespace

void TestValidation::brokenRuleNamesFieldAndRange_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("memory below its range")
        << Check([] { return checkNode(nodeWith(NodeKind::Function, {{"memoryMb", -512}})); })
        << "params/memoryMb" << "must be between 128 and 10,240 MB"
        << "Memory must be between 128 and 10,240 MB.";
    QTest::newRow("fractional replicas")
        << Check([] { return checkNode(nodeWith(NodeKind::Service, {{"maxReplicas", 2.5}})); })
        << "params/maxReplicas" << "must be a whole number" << "Max replicas must be a whole number.";
    QTest::newRow("min replicas above max replicas")
        << Check([] {
               return checkNode(
                   nodeWith(NodeKind::Service, {{"minReplicas", 30}, {"maxReplicas", 20}}));
           })
        << "params/maxReplicas" << "must be at least Min replicas (30 replicas)"
        << "Max replicas must be at least Min replicas (30 replicas).";
    QTest::newRow("provisioned concurrency above the limit")
        << Check([] {
               return checkNode(nodeWith(NodeKind::Function, {{"provisionedConcurrency", 101},
                                                              {"concurrencyLimit", 100}}));
           })
        << "params/provisionedConcurrency" << "must not exceed Concurrency limit (100 instances)"
        << "Provisioned concurrency must not exceed Concurrency limit (100 instances).";
    QTest::newRow("negative calls per request")
        << Check([] { return checkEdge(edgeWith(-1, 1)); }) << "perRequest"
        << "must be between 0 and 1,000" << "Calls per request must be between 0 and 1,000.";
    QTest::newRow("edge latency of two minutes")
        << Check([] { return checkEdge(edgeWith(1, 120000)); }) << "latencyMs"
        << "must be between 0 and 60,000 ms" << "Latency must be between 0 and 60,000 ms.";
    QTest::newRow("negative peak rate")
        << Check([] {
               return checkWorkload(workloadWith(WorkloadShape::Diurnal, {{"peakRps", -1}}));
           })
        << "peakRps" << "must be between 0 and 10,000,000 req/s"
        << "Peak rate must be between 0 and 10,000,000 req/s.";
    QTest::newRow("office hours close before they open")
        << Check([] {
               return checkWorkload(workloadWith(WorkloadShape::BusinessHours,
                                                 {{"startHour", 18}, {"endHour", 9}}));
           })
        << "endHour" << "must be later than Opens (18 h)" << "Closes must be later than Opens (18 h).";
    QTest::newRow("trace without points")
        << Check([] { return checkWorkload(makeDefaultWorkload(WorkloadShape::Trace, "w", "")); })
        << "points" << "a trace needs at least one point" << "A trace needs at least one point.";
    QTest::newRow("edge to itself")
        << Check([] {
               const Node n = makeDefaultNode(NodeKind::Function, "n1", "A", {});
               Edge e = edgeWith(1, 1);
               e.to = "n1";
               return checkEdgeEnds(e, &n, &n);
           })
        << "to" << "an edge cannot connect a node to itself"
        << "An edge cannot connect a node to itself.";
    QTest::newRow("edge to a client")
        << Check([] {
               const Node a = makeDefaultNode(NodeKind::Function, "n1", "A", {});
               const Node b = makeDefaultNode(NodeKind::Client, "n2", "B", {});
               return checkEdgeEnds(edgeWith(1, 1), &a, &b);
           })
        << "to" << "a client cannot receive calls" << "A client cannot receive calls.";
    QTest::newRow("edge from a node that does not exist")
        << Check([] {
               const Node b = makeDefaultNode(NodeKind::Function, "n2", "B", {});
               return checkEdgeEnds(edgeWith(1, 1), nullptr, &b);
           })
        << "from" << "refers to node 'n1', which does not exist"
        << "Refers to node 'n1', which does not exist.";
}

void TestValidation::brokenRuleNamesFieldAndRange()
{
    QFETCH(Check, check);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QString, sentence);
    const std::vector<FieldProblem> broken = check();
    QCOMPARE(broken.size(), size_t(1));
    QStringList tokens;
    for (const std::string &token : broken.front().path)
        tokens << QString::fromStdString(token);
    QCOMPARE(tokens.join('/'), path);
    QCOMPARE(QString::fromStdString(broken.front().message), message);
    QCOMPARE(QString::fromStdString(skyline::sentence(broken.front())), sentence);
}

void TestValidation::valuesAtTheLimitsPass_data()
{
    QTest::addColumn<Check>("check");
    QTest::newRow("default function")
        << Check([] { return checkNode(makeDefaultNode(NodeKind::Function, "n", "", {})); });
    QTest::newRow("min replicas equal to max replicas")
        << Check([] {
               return checkNode(
                   nodeWith(NodeKind::Service, {{"minReplicas", 20}, {"maxReplicas", 20}}));
           });
    QTest::newRow("provisioned equal to the limit")
        << Check([] {
               return checkNode(nodeWith(NodeKind::Function, {{"provisionedConcurrency", 100},
                                                              {"concurrencyLimit", 100}}));
           });
    QTest::newRow("1000 calls per request, latency of a minute")
        << Check([] { return checkEdge(edgeWith(maxPerRequest, maxEdgeLatencyMs)); });
    QTest::newRow("office hours of one hour")
        << Check([] {
               return checkWorkload(workloadWith(WorkloadShape::BusinessHours,
                                                 {{"startHour", 9}, {"endHour", 10}}));
           });
}

void TestValidation::valuesAtTheLimitsPass()
{
    QFETCH(Check, check);
    const std::vector<FieldProblem> broken = check();
    QVERIFY2(broken.empty(), broken.empty() ? "" : sentence(broken.front()).c_str());
}

void TestValidation::everyOrderNamesTwoParametersOfItsKind()
{
    QVERIFY(!paramOrders().empty());
    for (const ParamOrder &order : paramOrders()) {
        QVERIFY2(findNodeParamSpec(order.kind, order.low), order.low.c_str());
        QVERIFY2(findNodeParamSpec(order.kind, order.high), order.high.c_str());
    }
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
