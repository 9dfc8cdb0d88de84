#include "engine/RunTimeDistribution.h"
#include "engine/SeededRandom.h"

#include <QtTest>

#include <cmath>

using namespace skyline;

class TestRunTimeDistribution : public QObject
{
    Q_OBJECT
private slots:
    void shapeFollowsTheCv_data();
    void shapeFollowsTheCv();
    void quantileInvertsTheCdf_data();
    void quantileInvertsTheCdf();
    void drawsHaveTheMeanAndCv_data();
    void drawsHaveTheMeanAndCv();
    void shareAboveIsTheUpperTail();
};

void TestRunTimeDistribution::shapeFollowsTheCv_data()
{
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("cv");
    QTest::addColumn<int>("shape");
    using Shape = RunTimeDistribution::Shape;
    QTest::newRow("cv 0: constant") << 120.0 << 0.0 << int(Shape::Constant);
    QTest::newRow("cv 1: exponential") << 120.0 << 1.0 << int(Shape::Exponential);
    QTest::newRow("cv 0.5: lognormal") << 120.0 << 0.5 << int(Shape::Lognormal);
    QTest::newRow("cv 3: lognormal") << 120.0 << 3.0 << int(Shape::Lognormal);
    QTest::newRow("mean 0: constant 0") << 0.0 << 0.5 << int(Shape::Constant);
    QTest::newRow("negative mean: constant 0") << -5.0 << 1.0 << int(Shape::Constant);
}

void TestRunTimeDistribution::shapeFollowsTheCv()
{
    QFETCH(double, mean);
    QFETCH(double, cv);
    QFETCH(int, shape);
    const RunTimeDistribution d(mean, cv);
    QCOMPARE(int(d.shape()), shape);
    QCOMPARE(d.mean(), std::max(0.0, mean));
    if (d.shape() == RunTimeDistribution::Shape::Constant)
        QCOMPARE(d.quantile(0.99), std::max(0.0, mean));
}

void TestRunTimeDistribution::quantileInvertsTheCdf_data()
{
    QTest::addColumn<double>("cv");
    QTest::newRow("exponential") << 1.0;
    QTest::newRow("lognormal cv 0.3") << 0.3;
    QTest::newRow("lognormal cv 2") << 2.0;
}

void TestRunTimeDistribution::quantileInvertsTheCdf()
{
    QFETCH(double, cv);
    const RunTimeDistribution d(250.0, cv);
    for (double u : {0.001, 0.1, 0.5, 0.9, 0.99, 0.9999}) {
        const double t = d.quantile(u);
        QVERIFY2(std::fabs(d.cdf(t) - u) < 1e-8, qPrintable(QString::number(u)));
        QVERIFY(std::fabs(d.shareAbove(t) - (1.0 - u)) < 1e-8);
    }
    QCOMPARE(d.cdf(-1.0), 0.0);
    QCOMPARE(d.cdf(0.0), 0.0);
}

void TestRunTimeDistribution::drawsHaveTheMeanAndCv_data()
{
    QTest::addColumn<double>("cv");
    QTest::newRow("constant") << 0.0;
    QTest::newRow("exponential") << 1.0;
    QTest::newRow("lognormal cv 0.5") << 0.5;
    QTest::newRow("lognormal cv 1.5") << 1.5;
}

void TestRunTimeDistribution::drawsHaveTheMeanAndCv()
{
    QFETCH(double, cv);
    const RunTimeDistribution d(2.0, cv);
    SeededRandom random(11);
    constexpr int n = 400000;
    double sum = 0, sumSquares = 0;
    for (int i = 0; i < n; ++i) {
        const double x = d.draw(random);
        sum += x;
        sumSquares += x * x;
    }
    const double mean = sum / n;
    const double sd = std::sqrt(std::max(0.0, sumSquares / n - mean * mean));
    QVERIFY2(std::fabs(mean - 2.0) < 0.02, qPrintable(QString::number(mean)));
    QVERIFY2(std::fabs(sd / mean - cv) < 0.03 + 0.03 * cv, qPrintable(QString::number(sd / mean)));
}

void TestRunTimeDistribution::shareAboveIsTheUpperTail()
{
    // Exponential: P(T > t) = exp(-t / mean); lognormal cv 1.5 has a heavier tail at 10 means.
    QCOMPARE(RunTimeDistribution(100.0, 1.0).shareAbove(300.0), std::exp(-3.0));
    QCOMPARE(RunTimeDistribution(100.0, 0.0).shareAbove(99.0), 1.0);
    QCOMPARE(RunTimeDistribution(100.0, 0.0).shareAbove(100.0), 0.0);
    QVERIFY(RunTimeDistribution(100.0, 1.5).shareAbove(1000.0) > std::exp(-10.0));
    QVERIFY(RunTimeDistribution(100.0, 0.5).shareAbove(1000.0) < 1e-6);
}

QTEST_GUILESS_MAIN(TestRunTimeDistribution)
#include "tst_runtimedistribution.moc"
