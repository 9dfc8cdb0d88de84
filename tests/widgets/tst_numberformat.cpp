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
            return formatAxisNumber(value, l);
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

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
