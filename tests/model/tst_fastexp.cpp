// The analytic function model's exp(-x) (FunctionDetail.h), which replaces std::exp in its
// vectorised loops: it must agree with std::exp over its whole input range, 0 <= x <= 700.

#include "engine/FunctionDetail.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace skyline;
using functiondetail::expOfMinus;

namespace {

/// Largest relative error allowed: a few units in the last place (the method's own error is
/// below 2e-16, plus the rounding of the scaling; measured over 2e7 points: 4.3e-16).
constexpr double maxRelativeError = 1e-15;

double relativeError(double x)
{
    const double exact = std::exp(-x);
    return std::fabs(expOfMinus(x) - exact) / exact;
}

} // namespace

class TestFastExp : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithStdExpOverTheWholeRange_data();
    void agreesWithStdExpOverTheWholeRange();
    void exactAtZero();
};

void TestFastExp::agreesWithStdExpOverTheWholeRange_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::newRow("0 .. 1e-6") << 0.0 << 1e-6;
    QTest::newRow("0 .. 1") << 0.0 << 1.0;
    QTest::newRow("1 .. 40 (the crossings that matter)") << 1.0 << 40.0;
    QTest::newRow("40 .. 700 (down to 1e-304)") << 40.0 << 700.0;
}

void TestFastExp::agreesWithStdExpOverTheWholeRange()
{
    QFETCH(double, from);
    QFETCH(double, to);
    // An even grid (each step crosses the reduction's boundaries at n ln 2 at other offsets)
    // and random points in between.
    constexpr int points = 200000;
    double worst = 0, worstX = from;
    auto check = [&](double x) {
        const double error = relativeError(x);
        if (error > worst) {
            worst = error;
            worstX = x;
        }
    };
    for (int i = 0; i <= points; ++i)
        check(from + (to - from) * i / points);
    std::mt19937_64 random(9);
    std::uniform_real_distribution<double> between(from, to);
    for (int i = 0; i < points; ++i)
        check(between(random));
    // Either side of every reduction boundary (x = (k + 1/2) ln 2) in the range.
    for (double k = std::floor(from / std::log(2.0)); (k - 0.5) * std::log(2.0) <= to; ++k)
        for (double x : {std::nextafter((k + 0.5) * std::log(2.0), 0.0),
                         std::nextafter((k + 0.5) * std::log(2.0), 1e9)})
            if (x >= from && x <= to)
                check(x);
    const QString where = QStringLiteral("relative error %1 at x = %2")
                              .arg(worst)
                              .arg(worstX, 0, 'g', 17);
    QVERIFY2(worst <= maxRelativeError, qPrintable(where));
}

void TestFastExp::exactAtZero()
{
    QCOMPARE(expOfMinus(0.0), 1.0);
    QCOMPARE(expOfMinus(std::log(2.0) * 10), std::exp(-std::log(2.0) * 10));
}

QTEST_GUILESS_MAIN(TestFastExp)
#include "tst_fastexp.moc"
