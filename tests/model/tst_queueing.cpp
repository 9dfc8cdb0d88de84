// Erlang B/C and the M/M/k response-time distribution (model/engine/Queueing.h).
#include "engine/Queueing.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

using namespace skyline;

namespace {

/// splitmix64: a tiny, portable PRNG so the reference simulation is the same everywhere.
struct SplitMix
{
    std::uint64_t state;
    double uniform()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) * (1.0 / 9007199254740992.0);
    }
    double exponential(double mean) { return -mean * std::log(uniform()); }
};

/// First-come-first-served M/M/k: each arrival takes the server that frees up first.
std::vector<double> simulateMmkResponseTimes(double rate, double serviceS, int servers,
                                             int requests, std::uint64_t seed)
{
    SplitMix rng{seed};
    std::priority_queue<double, std::vector<double>, std::greater<>> freeAt;
    for (int i = 0; i < servers; ++i)
        freeAt.push(0.0);
    std::vector<double> responses;
    responses.reserve(requests);
    double now = 0;
    for (int i = 0; i < requests; ++i) {
        now += rng.exponential(1.0 / rate);
        const double start = std::max(now, freeAt.top());
        freeAt.pop();
        const double end = start + rng.exponential(serviceS);
        freeAt.push(end);
        responses.push_back(end - now);
    }
    return responses;
}

double empiricalQuantile(std::vector<double> values, double q)
{
    const auto index = static_cast<std::size_t>(q * (values.size() - 1));
    std::nth_element(values.begin(), values.begin() + index, values.end());
    return values[index];
}

} // namespace

class TestQueueing : public QObject
{
    Q_OBJECT

private slots:
    void erlangTextbook_data()
    {
        QTest::addColumn<double>("load");
        QTest::addColumn<int>("servers");
        QTest::addColumn<double>("expectedB");
        QTest::addColumn<double>("expectedC");
        // B(E,1) = E/(1+E); C(E,1) = E; the others checked with the factorial formula.
        QTest::newRow("E=2,k=3") << 2.0 << 3 << 0.2105 << 0.4444;
        QTest::newRow("E=0.5,k=1") << 0.5 << 1 << 0.3333 << 0.5;
        QTest::newRow("E=1,k=2") << 1.0 << 2 << 0.2 << 0.3333;
        QTest::newRow("E=10,k=15") << 10.0 << 15 << 0.0365 << 0.1020;
        QTest::newRow("E=20,k=20") << 20.0 << 20 << 0.1589 << 1.0;
    }
    void erlangTextbook()
    {
        QFETCH(double, load);
        QFETCH(int, servers);
        QFETCH(double, expectedB);
        QFETCH(double, expectedC);
        QVERIFY2(std::abs(erlangB(load, servers) - expectedB) < 1e-4,
                 qPrintable(QString::number(erlangB(load, servers))));
        QVERIFY2(std::abs(erlangC(load, servers) - expectedC) < 1e-4,
                 qPrintable(QString::number(erlangC(load, servers))));
    }

    void erlangLargeSystems_data()
    {
        QTest::addColumn<double>("load");
        QTest::addColumn<int>("servers");
        QTest::newRow("k=5000, E=4900") << 4900.0 << 5000;
        QTest::newRow("k=10000, E=9990") << 9990.0 << 10000;
        QTest::newRow("k=10000, E=20000") << 20000.0 << 10000;
        QTest::newRow("k=10000, E=1") << 1.0 << 10000;
        QTest::newRow("k=3, E=1e7") << 1e7 << 3;
    }
    void erlangLargeSystems()
    {
        QFETCH(double, load);
        QFETCH(int, servers);
        const double b = erlangB(load, servers);
        const double c = erlangC(load, servers);
        QVERIFY(std::isfinite(b) && b >= 0 && b <= 1);
        QVERIFY(std::isfinite(c) && c >= 0 && c <= 1);
        QVERIFY(c >= b); // waiting is always at least as likely as being lost
        // Erlang B is decreasing in the number of servers.
        QVERIFY(erlangB(load, servers + 1) <= b);
        if (load > servers) // overloaded loss system: blocking approaches 1 - k/E
            QVERIFY(std::abs(b - (1.0 - servers / load)) < 0.01);
    }

    void erlangLargeKMatchesNormalApproximation()
    {
        // Around E ~ k the loss is of order 1/sqrt(E); k = 5000, E = 4900 gives ~0.0026
        // by the Hayward/Jagerman approximations: guard the order of magnitude.
        const double b = erlangB(4900, 5000);
        QVERIFY(b > 0.0005 && b < 0.01);
    }

    void mmkMeans()
    {
        // M/M/1: mean response = S / (1 - rho).
        const MmkResult single = mmk(0.8, 1.0, 1);
        QVERIFY(!single.overloaded);
        QCOMPARE(single.utilization, 0.8);
        QVERIFY(std::abs(single.meanResponseS - 5.0) < 1e-9);
        QVERIFY(std::abs(single.waitProbability - 0.8) < 1e-12);

        const MmkResult over = mmk(10, 1.0, 10);
        QVERIFY(over.overloaded);
        QVERIFY(std::isinf(over.meanWaitS));
        QVERIFY(std::isinf(mmkResponseTimeQuantileS(10, 1.0, 10, 0.5)));
    }

    void mmkSingleServerQuantileExact()
    {
        // M/M/1 response time is Exp(mu - lambda): the q-quantile is -ln(1-q)/(mu - lambda).
        for (double q : {0.5, 0.95, 0.99}) {
            const double expected = -std::log(1 - q) / (1.0 - 0.8);
            QVERIFY(std::abs(mmkResponseTimeQuantileS(0.8, 1.0, 1, q) - expected)
                    < 1e-6 * expected);
        }
    }

    void mmkQuantilesAgainstSimulation_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("serviceS");
        QTest::addColumn<int>("servers");
        QTest::newRow("light k=4") << 1.0 << 1.0 << 4;
        QTest::newRow("busy k=4") << 3.4 << 1.0 << 4;
        QTest::newRow("k=16 rho=0.9") << 144.0 << 0.1 << 16;
        QTest::newRow("mu==drain k=2") << 1.0 << 1.0 << 2; // theta = 2 - 1 = mu: degenerate case
    }
    void mmkQuantilesAgainstSimulation()
    {
        QFETCH(double, rate);
        QFETCH(double, serviceS);
        QFETCH(int, servers);
        const auto responses = simulateMmkResponseTimes(rate, serviceS, servers, 400000, 7);
        // Mean first: the simulation mean has a standard error of a few per cent at most.
        double sum = 0;
        for (double r : responses)
            sum += r;
        const double meanSim = sum / responses.size();
        const double meanModel = mmk(rate, serviceS, servers).meanResponseS;
        QVERIFY2(std::abs(meanSim - meanModel) < 0.04 * meanModel,
                 qPrintable(QString("sim %1 model %2").arg(meanSim).arg(meanModel)));
        for (double q : {0.5, 0.95, 0.99}) {
            const double sim = empiricalQuantile(responses, q);
            const double model = mmkResponseTimeQuantileS(rate, serviceS, servers, q);
            QVERIFY2(std::abs(sim - model) < 0.05 * model,
                     qPrintable(QString("q=%1 sim %2 model %3").arg(q).arg(sim).arg(model)));
        }
    }

    void quantileIsMonotoneAndInvertsCdf()
    {
        double previous = 0;
        for (double q : {0.1, 0.5, 0.9, 0.99, 0.999}) {
            const double t = mmkResponseTimeQuantileS(30, 0.1, 4, q);
            QVERIFY(t > previous);
            QVERIFY(std::abs(mmkResponseTimeCdf(30, 0.1, 4, t) - q) < 1e-9);
            previous = t;
        }
    }
};

QTEST_GUILESS_MAIN(TestQueueing)
#include "tst_queueing.moc"
