#include "report/NumberFormat.h"

#include <QtTest>

using namespace skyline;

class TestNumberFormat : public QObject
{
    Q_OBJECT
private slots:
    void figures_data();
    void figures();
    void defaultLocaleIsUsed();
    void axisLabelsShowTheTickStep_data();
    void axisLabelsShowTheTickStep();
};

void TestNumberFormat::figures_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("money full") << "usd" << 13857.4 << "$13,857" << "13.857 $";
    QTest::newRow("money cents") << "usd" << 12.4 << "$12.40" << "12,40 $";
    QTest::newRow("money millions") << "usd" << 33637286.13 << "$33,637,286" << "33.637.286 $";
    QTest::newRow("money compact") << "usdCompact" << 13857.4 << "$13.9k" << "13,9k $";
    QTest::newRow("money compact small") << "usdCompact" << 412.0 << "$412" << "412 $";
    QTest::newRow("money compact millions") << "usdCompact" << 1.4e6 << "$1.4M" << "1,4M $";
    QTest::newRow("monthly compact") << "usdMonthCompact" << 13857.4 << "$13.9k/mo"
                                     << "13,9k $/mo";
    QTest::newRow("ms") << "ms" << 240.0 << "240 ms" << "240 ms";
    QTest::newRow("ms small") << "ms" << 12.34 << "12.3 ms" << "12,3 ms";
    QTest::newRow("ms as s") << "ms" << 1500.0 << "1.50 s" << "1,50 s";
    QTest::newRow("ms compact") << "msCompact" << 1412.0 << "1.4 s" << "1,4 s";
    QTest::newRow("ms compact long") << "msCompact" << 14120.0 << "14 s" << "14 s";
    QTest::newRow("count") << "count" << 1234.0 << "1,234" << "1.234";
    QTest::newRow("count compact") << "countCompact" << 1234.0 << "1.2k" << "1,2k";
    QTest::newRow("count compact rounding") << "countCompact" << 999960.0 << "1.0M" << "1,0M";
    QTest::newRow("share") << "share" << 0.1234 << "12.3 %" << "12,3 %";
    QTest::newRow("axis, no exponent") << "axis" << 1.5e7 << "15.0M" << "15,0M";
    QTest::newRow("axis, small") << "axis" << 0.25 << "0.25" << "0,25";
    QTest::newRow("rps") << "rps" << 1200.0 << "1,200 req/s" << "1.200 req/s";
}

void TestNumberFormat::figures()
{
    QFETCH(QString, what);
    QFETCH(double, value);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const auto format = [&](const QLocale &l) {
        if (what == "usd")
            return formatUsd(value, FigureStyle::Full, l);
        if (what == "usdCompact")
            return formatUsd(value, FigureStyle::Compact, l);
        if (what == "usdMonthCompact")
            return formatUsdPerMonth(value, FigureStyle::Compact, l);
        if (what == "ms")
            return formatMs(value, FigureStyle::Full, l);
        if (what == "msCompact")
            return formatMs(value, FigureStyle::Compact, l);
        if (what == "count")
            return formatCount(value, FigureStyle::Full, l);
        if (what == "countCompact")
            return formatCount(value, FigureStyle::Compact, l);
        if (what == "share")
            return formatShare(value, 1, l);
        if (what == "axis")
            return formatAxisNumber(value, 0, l);
        return formatRps(value, FigureStyle::Full, l);
    };
    QCOMPARE(format(QLocale(QLocale::English, QLocale::UnitedStates)), english);
    QString g = format(QLocale(QLocale::German, QLocale::Germany));
    g.replace(QChar(0x00a0), QLatin1Char(' ')); // the locale's no-break space before "$"
    QCOMPARE(g, german);
}

void TestNumberFormat::defaultLocaleIsUsed()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString text = formatMs(12.34);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(text, QString("12,3 ms"));
    QCOMPARE(formatMs(12.34), QString("12.3 ms"));
}

void TestNumberFormat::axisLabelsShowTheTickStep_data()
{
    // Ticks 0.005 apart read "0.03, 0.03, 0.02, 0.01, 0.01, 0.01" with two decimals (the cold
    // starts at traffic x0.01), and 1,250 read "1.3k" beside "1.0k": each tick must read as
    // what it is.
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("0.005 apart") << 0.015 << 0.005 << "0.015" << "0,015";
    QTest::newRow("0.005 apart, round") << 0.01 << 0.005 << "0.01" << "0,01";
    QTest::newRow("0.0002 apart") << 0.0006 << 0.0002 << "0.0006" << "0,0006";
    QTest::newRow("0.25 apart") << 0.75 << 0.25 << "0.75" << "0,75";
    QTest::newRow("250 apart, below 1k") << 750.0 << 250.0 << "750" << "750";
    QTest::newRow("250 apart") << 1250.0 << 250.0 << "1.25k" << "1,25k";
    QTest::newRow("250 apart, round") << 1000.0 << 250.0 << "1.00k" << "1,00k";
    QTest::newRow("500 apart") << 1500.0 << 500.0 << "1.5k" << "1,5k";
    QTest::newRow("250k apart") << 2.25e6 << 2.5e5 << "2.25M" << "2,25M";
    QTest::newRow("20k apart") << 140000.0 << 20000.0 << "140k" << "140k";
}

void TestNumberFormat::axisLabelsShowTheTickStep()
{
    QFETCH(double, value);
    QFETCH(double, step);
    QFETCH(QString, english);
    QFETCH(QString, german);
    QCOMPARE(formatAxisNumber(value, step, QLocale(QLocale::English, QLocale::UnitedStates)),
             english);
    QCOMPARE(formatAxisNumber(value, step, QLocale(QLocale::German, QLocale::Germany)), german);
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
