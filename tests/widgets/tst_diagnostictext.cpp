#include "report/DiagnosticText.h"

#include <QTranslator>
#include <QRegularExpression>
#include <QtTest>

using namespace skyline;
using Unit = MessageArg::Unit;

namespace {
/// Translates the throttling warning's template as a German .qm file would.
class GermanThrottling : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QByteArray(context) == "skyline::Diagnostic"
            && QByteArray(source).startsWith("Function '%1' throttles"))
            return QStringLiteral("Funktion '%1' drosselt %2 ihrer Anfragen an ihrer Grenze von "
                                  "%3 Instanzen.");
        return {};
    }
    bool isEmpty() const override { return false; }
};

Diagnostic throttling()
{
    return makeDiagnostic("throttling", "n3",
                          {nameArg("Upload"), numberArg(0.125, Unit::Share),
                           numberArg(1000, Unit::Count)});
}
} // namespace

class TestDiagnosticText : public QObject
{
    Q_OBJECT
private slots:
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void englishTextMatchesTheEnginesMessageWording();
    void germanTranslationAndNumbers();
    void everyTemplateFillsAllItsPlaceholders();
    void numbersReadAsInTheCli_data();
    void numbersReadAsInTheCli();
};

void TestDiagnosticText::englishTextMatchesTheEnginesMessageWording()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(diagnosticText(throttling()),
             QString("Function 'Upload' throttles 12.5 % of its requests at its concurrency "
                     "limit of 1,000 instances."));
}

void TestDiagnosticText::germanTranslationAndNumbers()
{
    // Issue 10 point 12: the engine gives a code and arguments; the studio writes the sentence
    // in its language and the numbers in its locale.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    GermanThrottling german;
    QVERIFY(QCoreApplication::installTranslator(&german));
    const QString text = diagnosticText(throttling());
    QCoreApplication::removeTranslator(&german);
    QCOMPARE(text, QString("Funktion 'Upload' drosselt 12,5 % ihrer Anfragen an ihrer Grenze von "
                           "1.000 Instanzen."));
}

void TestDiagnosticText::everyTemplateFillsAllItsPlaceholders()
{
    const std::vector<MessageArg> args(9, numberArg(1234.5, Unit::Milliseconds));
    for (const std::string &key : messageTextKeys()) {
        Diagnostic d = makeDiagnostic(key, {}, args);
        const QString text = diagnosticText(d);
        QVERIFY2(!text.contains(QRegularExpression("%[1-9]")), qPrintable(text));
        QVERIFY2(!text.isEmpty(), key.c_str());
    }
}

void TestDiagnosticText::numbersReadAsInTheCli_data()
{
    // The CLI and the JSON write a warning's numbers in English (englishArg), the studio in
    // its locale (diagnosticArgText): in English both read the same, without exponents.
    QTest::addColumn<int>("unit");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("count 1000") << int(Unit::Count) << 1000.0 << "1,000";
    QTest::newRow("count 3") << int(Unit::Count) << 3.0 << "3";
    QTest::newRow("rate 3381.41") << int(Unit::RequestsPerSecond) << 3381.41 << "3,381 req/s";
    QTest::newRow("rate 2.5") << int(Unit::RequestsPerSecond) << 2.5 << "2.5 req/s";
    QTest::newRow("rate 0.125") << int(Unit::RequestsPerSecond) << 0.125 << "0.13 req/s";
    QTest::newRow("rate 1e7") << int(Unit::RequestsPerSecond) << 1e7 << "10,000,000 req/s";
    QTest::newRow("factor 1000") << int(Unit::Factor) << 1000.0 << "1,000";
    QTest::newRow("factor 1.5") << int(Unit::Factor) << 1.5 << "1.5";
}

void TestDiagnosticText::numbersReadAsInTheCli()
{
    QFETCH(int, unit);
    QFETCH(double, value);
    QFETCH(QString, expected);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const MessageArg arg = numberArg(value, static_cast<Unit>(unit));
    QCOMPARE(QString::fromStdString(englishArg(arg)), expected);
    QCOMPARE(diagnosticArgText(arg), expected);
}

QTEST_MAIN(TestDiagnosticText)
#include "tst_diagnostictext.moc"
