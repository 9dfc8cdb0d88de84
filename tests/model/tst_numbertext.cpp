// The model's numbers in messages and the generated file-format reference: every digit, no
// exponent, thousands grouped (a range "0 … 1e+07 req/s" had to be decoded; 1,234,567 was
// shown as 1.23457e+06, another number).
#include "domain/NumberText.h"

#include <QtTest>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>

using namespace skyline;

class TestNumberText : public QObject
{
    Q_OBJECT

private slots:
    void text_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("small integer") << 128.0 << "128";
        QTest::newRow("four digits") << 1769.0 << "1,769";
        QTest::newRow("memory maximum") << 10240.0 << "10,240";
        QTest::newRow("an hour in ms") << 3.6e6 << "3,600,000";
        QTest::newRow("rate maximum") << 1e7 << "10,000,000";
        QTest::newRow("seven significant digits") << 1234567.0 << "1,234,567";
        QTest::newRow("negative") << -1234.5 << "-1,234.5";
        QTest::newRow("tenth") << 0.1 << "0.1";
        QTest::newRow("ten-thousandth") << 1e-4 << "0.0001";
        QTest::newRow("price per GB-second") << 0.0000166667 << "0.0000166667";
        QTest::newRow("many digits") << 35.123456789 << "35.123456789";
        QTest::newRow("sum that is not 0.3") << 0.1 + 0.2 << "0.30000000000000004";
        QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << "infinity";
        QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN()
                                      << "not a number";
    }
    void text()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(numberText(value)), expected);
    }

    /// Whatever the value, the text without its commas reads back to the same double.
    void readsBackExactly()
    {
        std::mt19937_64 random(7);
        std::uniform_real_distribution<double> exponent(-12, 15);
        std::uniform_real_distribution<double> mantissa(-10, 10);
        for (int i = 0; i < 20000; ++i) {
            const double value = mantissa(random) * std::pow(10.0, exponent(random));
            std::string text = numberText(value);
            QVERIFY2(text.find('e') == std::string::npos, text.c_str());
            std::erase(text, ',');
            double back = 0;
            std::from_chars(text.data(), text.data() + text.size(), back);
            QVERIFY2(back == value, text.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestNumberText)
#include "tst_numbertext.moc"
