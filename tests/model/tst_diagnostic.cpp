#include "engine/Diagnostic.h"

#include <QtTest>

using namespace skyline;
using Unit = MessageArg::Unit;

class TestDiagnostic : public QObject
{
    Q_OBJECT
private slots:
    void everyKeyHasATemplate();
    void englishMessageFillsTheArguments_data();
    void englishMessageFillsTheArguments();
    void aNameContainingAPlaceholderIsNotReplacedAgain();
};

void TestDiagnostic::everyKeyHasATemplate()
{
    const std::vector<std::string> keys = messageTextKeys();
    QVERIFY(keys.size() >= 10);
    for (const std::string &key : keys) {
        QVERIFY2(messageTemplate(key) != nullptr, key.c_str());
        QVERIFY2(std::string(messageTemplate(key)).size() > 5, key.c_str());
    }
    QVERIFY(messageTemplate("no-such-code") == nullptr);
}

void TestDiagnostic::englishMessageFillsTheArguments_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("throttling") << "throttling"
                                << "Function 'Upload' throttles 12.5% of its requests at its "
                                   "concurrency limit of 1,000 instances.";
    QTest::newRow("function-timeout")
        << "function-timeout"
        << "Function 'Upload' runs 1.5 s on average; 0.25% of its invocations would exceed the "
           "aws-lambda limit of 900 s.";
}

void TestDiagnostic::englishMessageFillsTheArguments()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    std::vector<MessageArg> args;
    if (key == "throttling")
        args = {nameArg("Upload"), numberArg(0.125, Unit::Share), numberArg(1000, Unit::Count)};
    else
        args = {nameArg("Upload"), numberArg(1.5, Unit::Seconds), numberArg(0.0025, Unit::Share),
                nameArg("aws-lambda"), numberArg(900, Unit::Seconds)};
    const Diagnostic d = makeDiagnostic(key.toStdString(), "n3", args);
    QCOMPARE(QString::fromStdString(d.message), expected);
    QCOMPARE(QString::fromStdString(d.code), key);
    QCOMPARE(d.args.size(), args.size());
}

void TestDiagnostic::aNameContainingAPlaceholderIsNotReplacedAgain()
{
    const Diagnostic d = makeDiagnostic("unknown-workload", "n1", {nameArg("A %2"), nameArg("w9")});
    QCOMPARE(QString::fromStdString(d.message), QString("client 'A %2': unknown workload 'w9'"));
}

QTEST_GUILESS_MAIN(TestDiagnostic)
#include "tst_diagnostic.moc"
