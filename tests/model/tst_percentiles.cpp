// The latency Monte Carlo's percentile selection (LatencyDetail.h): a histogram of the values'
// bits instead of std::nth_element. It must pick exactly what nth_element picks, whatever the
// values: random, tied, sorted, reversed, one value, spread over many orders of magnitude.

#include "engine/LatencyDetail.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

using namespace skyline;
using latencydetail::percentilesOf;
using latencydetail::quantileRank;
using latencydetail::valuesAtRanks;

namespace {

double nthElement(std::vector<double> values, std::size_t rank)
{
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(rank), values.end());
    return values[rank];
}

std::vector<double> randomValues(std::size_t n, unsigned seed, double spread)
{
    std::mt19937_64 random(seed);
    std::lognormal_distribution<double> lognormal(3.0, spread);
    std::vector<double> values(n);
    for (double &v : values)
        v = lognormal(random);
    return values;
}

} // namespace

class TestPercentiles : public QObject
{
    Q_OBJECT
private slots:
    void valuesAtRanksIsNthElement_data();
    void valuesAtRanksIsNthElement();
    void percentilesAreTheMonteCarlosRanks();
    void emptyValuesGiveZeroPercentiles();
};

void TestPercentiles::valuesAtRanksIsNthElement_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::newRow("one value") << std::vector<double>{42.5};
    QTest::newRow("two values") << std::vector<double>{7.0, 3.0};
    QTest::newRow("random, 2,000 (the Monte Carlo's count)") << randomValues(2000, 1, 1.0);
    QTest::newRow("random, 20,001") << randomValues(20001, 2, 0.5);
    QTest::newRow("random over 300 orders of magnitude") << randomValues(5000, 3, 150.0);
    std::vector<double> sorted = randomValues(3000, 4, 1.0);
    std::sort(sorted.begin(), sorted.end());
    QTest::newRow("sorted") << sorted;
    std::vector<double> reversed(sorted.rbegin(), sorted.rend());
    QTest::newRow("reversed") << reversed;
    QTest::newRow("all equal") << std::vector<double>(1000, 12.0);
    std::vector<double> ties(4000);
    for (std::size_t i = 0; i < ties.size(); ++i)
        ties[i] = double(i % 7) * 10.0; // seven values, each 571 or 572 times
    QTest::newRow("many ties") << ties;
    std::vector<double> zeros(999, 0.0);
    zeros.push_back(-0.0);
    zeros.push_back(5.0);
    QTest::newRow("zeros, a negative zero and one more") << zeros;
    std::vector<double> clustered = randomValues(3000, 5, 1e-9); // all in one histogram bucket
    clustered.push_back(1e12);                                   // but one far away
    QTest::newRow("a cluster and an outlier") << clustered;
    std::vector<double> extremes{0.0, std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::max(),
                                 std::numeric_limits<double>::infinity(), 1.0};
    QTest::newRow("extremes and infinity") << extremes;
    std::vector<double> negative = randomValues(2000, 6, 1.0);
    for (std::size_t i = 0; i < negative.size(); i += 3)
        negative[i] = -negative[i];
    QTest::newRow("negative values (the nth_element path)") << negative;
}

void TestPercentiles::valuesAtRanksIsNthElement()
{
    QFETCH(std::vector<double>, values);
    const std::size_t n = values.size();
    // Every rank for small inputs; else the Monte Carlo's and a spread of others.
    std::vector<std::size_t> ranks;
    if (n <= 64) {
        for (std::size_t r = 0; r < n; ++r)
            ranks.push_back(r);
    } else {
        for (double q : {0.0, 0.001, 0.25, 0.5, 0.95, 0.99, 0.999})
            ranks.push_back(quantileRank(q, n));
        ranks.push_back(n - std::max<std::size_t>(1, n / 100)); // the slowest 1%'s edge
        ranks.push_back(n - 1);
        std::sort(ranks.begin(), ranks.end());
    }
    const std::vector<double> before = values;
    std::vector<std::uint64_t> keys{1, 2, 3}; // left over from an earlier call: no matter
    const std::vector<double> found = valuesAtRanks(values, ranks, keys);
    QCOMPARE(values, before); // left in their order
    QCOMPARE(found.size(), ranks.size());
    for (std::size_t q = 0; q < ranks.size(); ++q) {
        const double expected = nthElement(values, ranks[q]);
        QVERIFY2(found[q] == expected || (found[q] == 0.0 && expected == 0.0),
                 qPrintable(QStringLiteral("rank %1 of %2: %3, nth_element %4")
                                .arg(ranks[q])
                                .arg(n)
                                .arg(found[q], 0, 'g', 17)
                                .arg(expected, 0, 'g', 17)));
    }
}

void TestPercentiles::percentilesAreTheMonteCarlosRanks()
{
    const std::vector<double> values = randomValues(2000, 7, 1.0);
    std::vector<std::uint64_t> keys;
    double tailEdge = 0;
    const Percentiles p = percentilesOf(values, keys, 20, &tailEdge);
    QCOMPARE(p.p50, nthElement(values, 1000)); // rank floor(q n)
    QCOMPARE(p.p95, nthElement(values, 1900));
    QCOMPARE(p.p99, nthElement(values, 1980));
    QCOMPARE(tailEdge, nthElement(values, 1980)); // the fastest of the slowest 20
    QCOMPARE(quantileRank(1.0, 10), std::size_t(9)); // never past the end
}

void TestPercentiles::emptyValuesGiveZeroPercentiles()
{
    std::vector<std::uint64_t> keys;
    const Percentiles p = percentilesOf({}, keys);
    QCOMPARE(p.p50, 0.0);
    QCOMPARE(p.p99, 0.0);
}

QTEST_GUILESS_MAIN(TestPercentiles)
#include "tst_percentiles.moc"
