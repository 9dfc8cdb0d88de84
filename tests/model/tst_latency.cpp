#include "engine/Evaluation.h"
#include "engine/Latency.h"

#include <QtTest>

#include <limits>

using namespace skyline;

namespace {
/// A candidate whose nodes n1..nK are created from `kinds`; edges added by the test.
Candidate candidateOf(std::initializer_list<NodeKind> kinds)
{
    Candidate c;
    int i = 0;
    for (NodeKind kind : kinds) {
        const std::string id = "n" + std::to_string(++i);
        c.nodes.push_back(makeDefaultNode(kind, id, id, {}));
    }
    return c;
}

void call(Candidate &c, const std::string &from, const std::string &to, double latencyMs,
          double perRequest = 1.0, bool parallel = false)
{
    Edge e;
    e.id = "e" + std::to_string(c.edges.size() + 1);
    e.from = from;
    e.to = to;
    e.latencyMs = latencyMs;
    e.perRequest = perRequest;
    e.parallel = parallel;
    c.edges.push_back(e);
}

std::vector<NodeLatencyModel> fixedModels(const Candidate &c, const std::vector<double> &fixedMs)
{
    std::vector<NodeLatencyModel> models(c.nodes.size());
    for (std::size_t i = 0; i < c.nodes.size(); ++i) {
        models[i].kind = c.nodes[i].kind;
        models[i].fixedMs = fixedMs[i];
    }
    return models;
}

/// A client calling a function n2 with a constant run time and a cold start of `coldStartMs`
/// in a share `coldProbability` of its requests, every minute.
std::vector<NodeLatencyModel> clientCallingFunction(Candidate &c, double durationMs,
                                                    double coldStartMs, double coldProbability)
{
    c = candidateOf({NodeKind::Client, NodeKind::Function});
    call(c, "n1", "n2", 0);
    auto models = fixedModels(c, {0, 0});
    models[1].durationMs = durationMs;
    models[1].durationCv = 0;
    models[1].coldStartMs = coldStartMs;
    models[1].coldProbabilityPerMinute.assign(minutesPerDay, coldProbability);
    return models;
}

const std::vector<double> flatDay(minutesPerDay, 10.0);
} // namespace

class TestLatency : public QObject
{
    Q_OBJECT
private slots:
    void sequentialCallsAddUp();
    void parallelCallsTakeTheSlowestBranch();
    void fractionalPerRequestMakesTwoOrThreeCalls();
    void coldStartsShowInTheTail();
    void servicesSampleTheirQueue();
    void seedDecidesTheDraws();
    void requestsFollowTheRateOverTheDay();
    void callPathsThatMultiplyStayBounded();
    void loopOfCallsEnds();
    void busiestHourIsFound();
};

void TestLatency::sequentialCallsAddUp()
{
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Gateway, NodeKind::Datastore,
                               NodeKind::Datastore});
    call(c, "n1", "n2", 20);
    call(c, "n2", "n3", 1);
    call(c, "n2", "n4", 1);
    const auto models = fixedModels(c, {0, 8, 6, 4});
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1);
    QCOMPARE(r.dayMs.p50, 20.0 + 8 + 1 + 6 + 1 + 4);
    QCOMPARE(r.busiestHourMs.p99, 40.0);
}

void TestLatency::parallelCallsTakeTheSlowestBranch()
{
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Gateway, NodeKind::Datastore,
                               NodeKind::Datastore});
    call(c, "n1", "n2", 0);
    call(c, "n2", "n3", 0, 1.0, true);
    call(c, "n2", "n4", 0, 1.0, true);
    const auto models = fixedModels(c, {0, 5, 10, 30});
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1);
    QCOMPARE(r.dayMs.p50, 5.0 + 30.0);
}

void TestLatency::fractionalPerRequestMakesTwoOrThreeCalls()
{
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Datastore});
    call(c, "n1", "n2", 0, 2.2); // 2 calls 80% of the time, 3 calls 20%
    const auto models = fixedModels(c, {0, 10});
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1);
    QCOMPARE(r.dayMs.p50, 20.0);
    QCOMPARE(r.dayMs.p95, 30.0);
}

void TestLatency::coldStartsShowInTheTail()
{
    Candidate c;
    const auto models = clientCallingFunction(c, 50, 1000, 0.05); // 5% cold
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1);
    QCOMPARE(r.dayMs.p50, 50.0);
    QCOMPARE(r.dayMs.p99, 1050.0);
    QCOMPARE(r.coldShareOfSlowest, 1.0);
}

void TestLatency::servicesSampleTheirQueue()
{
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Service});
    call(c, "n1", "n2", 0);
    auto models = fixedModels(c, {0, 0});
    ServiceConfig config;
    config.serviceTimeMs = 100;
    models[1].service = config;
    models[1].serviceWaitPerMinute.assign(minutesPerDay, ServiceWait{}); // no queueing
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1, 20000);
    // No queueing: exponential service time, p50 = 100 ln 2, p99 = 100 ln 100 (within noise).
    QVERIFY(qAbs(r.dayMs.p50 - 69.3) < 4);
    QVERIFY(qAbs(r.dayMs.p99 - 460.5) < 40);
}

void TestLatency::seedDecidesTheDraws()
{
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Function});
    call(c, "n1", "n2", 0);
    auto models = fixedModels(c, {0, 0});
    models[1].durationMs = 100;
    models[1].durationCv = 1.5;
    const SyncCallGraph g = SyncCallGraph::build(c);
    const EntryLatency a = entryLatency(g, models, 0, flatDay, 7);
    const EntryLatency b = entryLatency(g, models, 0, flatDay, 7);
    const EntryLatency other = entryLatency(g, models, 0, flatDay, 8);
    QCOMPARE(a.dayMs.p99, b.dayMs.p99);
    QCOMPARE(a.busiestHourMs.p50, b.busiestHourMs.p50);
    QVERIFY(a.dayMs.p99 != other.dayMs.p99);
}

void TestLatency::requestsFollowTheRateOverTheDay()
{
    // No requests in the morning, when the function would always start cold: no request of
    // the day may meet a cold start.
    Candidate c;
    auto models = clientCallingFunction(c, 10, 1000, 0.0);
    std::vector<double> rps(minutesPerDay, 5.0);
    for (int m = 0; m < 720; ++m) {
        models[1].coldProbabilityPerMinute[std::size_t(m)] = 1.0;
        rps[std::size_t(m)] = 0.0;
    }
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, rps, 3);
    QCOMPARE(r.dayMs.p99, 10.0);
    QCOMPARE(r.busiestHourMs.p99, 10.0);
}

void TestLatency::callPathsThatMultiplyStayBounded()
{
    // 24 layers of two functions, each calling both of the next layer: a request would unfold
    // into 2^24 calls per layer at the bottom. Constant run times, so the answer is exact:
    // latency(layer) = 10 + 2 x (1 + latency(layer below)).
    constexpr int layers = 24;
    Candidate c = candidateOf({NodeKind::Client});
    for (int layer = 0; layer < layers; ++layer)
        for (int k = 0; k < 2; ++k)
            c.nodes.push_back(makeDefaultNode(NodeKind::Function,
                                              "f" + std::to_string(layer) + "_" + std::to_string(k),
                                              "f", {}));
    call(c, "n1", "f0_0", 0);
    for (int layer = 0; layer + 1 < layers; ++layer)
        for (int from = 0; from < 2; ++from)
            for (int to = 0; to < 2; ++to)
                call(c, "f" + std::to_string(layer) + "_" + std::to_string(from),
                     "f" + std::to_string(layer + 1) + "_" + std::to_string(to), 1);
    auto models = fixedModels(c, std::vector<double>(c.nodes.size(), 0.0));
    for (std::size_t i = 1; i < models.size(); ++i) {
        models[i].durationMs = 10;
        models[i].durationCv = 0;
    }
    double expected = 10;
    for (int layer = layers - 2; layer >= 0; --layer)
        expected = 10 + 2 * (1 + expected);
    SyncCallGraph graph = SyncCallGraph::build(c);
    for (auto &calls : graph.calls) // days of latency: no caller's timeout here, only the bound
        for (SyncCallGraph::Call &each : calls)
            each.timeoutMs = std::numeric_limits<double>::infinity();
    const EntryLatency r = entryLatency(graph, models, 0, flatDay, 1);
    QCOMPARE(r.dayMs.p50, expected);
    QCOMPARE(r.busiestHourMs.p99, expected);
}

void TestLatency::loopOfCallsEnds()
{
    // A loop is reported by the load propagation; the Monte Carlo must still end on it.
    Candidate c = candidateOf({NodeKind::Client, NodeKind::Gateway, NodeKind::Gateway});
    call(c, "n1", "n2", 1);
    call(c, "n2", "n3", 1);
    call(c, "n3", "n2", 1);
    const auto models = fixedModels(c, {0, 5, 7});
    const EntryLatency r = entryLatency(SyncCallGraph::build(c), models, 0, flatDay, 1);
    QVERIFY(std::isfinite(r.dayMs.p99));
    QVERIFY(r.dayMs.p50 >= 1.0 + 5 + 1 + 7);
}

void TestLatency::busiestHourIsFound()
{
    std::vector<double> day(minutesPerDay, 1.0);
    for (int m = 1400; m < minutesPerDay; ++m)
        day[std::size_t(m)] = 50; // the busiest hour spans midnight
    for (int m = 0; m < 20; ++m)
        day[std::size_t(m)] = 50;
    QCOMPARE(busiestHourStart(day), 1400);
}

QTEST_GUILESS_MAIN(TestLatency)
#include "tst_latency.moc"
