// The one CSV writer (io/Csv.h) and the CSV outputs of the engine that use it: fields that a
// spreadsheet would run as a formula are neutralised, numbers stay numbers (issue 12 item 10).
#include "engine/Evaluation.h"
#include "engine/EvaluationJson.h"
#include "engine/Sweep.h"
#include "io/Csv.h"

#include <QtTest>

#include <string>

using namespace skyline;

namespace {
/// A client named and identified by `text` calling one function, in a candidate of that id.
Project projectNamed(const std::string &text)
{
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat"));
    Candidate c;
    c.id = text;
    c.name = text;
    Node client = makeDefaultNode(NodeKind::Client, text, text, {});
    client.workload = "w1";
    c.nodes.push_back(client);
    c.nodes.push_back(makeDefaultNode(NodeKind::Function, "f1", "Fn", {}));
    Edge e;
    e.id = "e1";
    e.from = text;
    e.to = "f1";
    c.edges.push_back(e);
    p.candidates.push_back(c);
    return p;
}

/// The first field of every line after the header.
QStringList firstFields(const std::string &csv)
{
    QStringList out;
    const QStringList lines = QString::fromStdString(csv).split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.startsWith('"')) {
            int end = 1;
            while (end < line.size()) {
                if (line[end] == '"' && (end + 1 == line.size() || line[end + 1] != '"'))
                    break;
                end += line[end] == '"' ? 2 : 1;
            }
            out << line.left(end + 1);
        } else {
            out << line.section(',', 0, 0);
        }
    }
    return out;
}
} // namespace

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void textFields_data();
    void textFields();
    void numbersStayNumbers_data();
    void numbersStayNumbers();
    void writerSeparatesFieldsAndRows();
    void everyEngineCsvNeutralisesNames_data();
    void everyEngineCsvNeutralisesNames();
};

void TestCsv::textFields_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "checkout" << "checkout";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("line break") << "a\nb" << "\"a\nb\"";
    QTest::newRow("formula =") << "=1+2" << "\"'=1+2\"";
    QTest::newRow("formula +") << "+41" << "\"'+41\"";
    QTest::newRow("formula -") << "-2+3" << "\"'-2+3\"";
    QTest::newRow("formula @") << "@SUM(A1)" << "\"'@SUM(A1)\"";
    QTest::newRow("leading tab") << "\t=1" << "\"'\t=1\"";
    QTest::newRow("leading carriage return") << "\r=1" << "\"'\r=1\"";
    QTest::newRow("formula with quotes and comma")
        << "=HYPERLINK(\"http://x\",\"y\")" << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    QTest::newRow("sign inside is harmless") << "a=b-c" << "a=b-c";
    QTest::newRow("UTF-8 kept") << QString::fromUtf8("Zürich \u2192 Köln")
                                << QString::fromUtf8("Zürich \u2192 Köln");
}

void TestCsv::textFields()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(QString::fromStdString(csvText(text.toStdString())), field);
}

void TestCsv::numbersStayNumbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("field");
    QTest::newRow("negative") << -3.0 << 6 << "-3";
    QTest::newRow("six digits") << 1234.5678 << 6 << "1234.57";
    QTest::newRow("ten digits") << 1234.5678 << 10 << "1234.5678";
    QTest::newRow("exponent") << 2.5e-7 << 6 << "2.5e-07";
    QTest::newRow("infinite: no figure") << HUGE_VAL << 6 << "";
    QTest::newRow("NaN: no figure") << double(NAN) << 6 << "";
}

void TestCsv::numbersStayNumbers()
{
    QFETCH(double, value);
    QFETCH(int, digits);
    QFETCH(QString, field);
    QCOMPARE(QString::fromStdString(csvNumber(value, digits)), field);
}

void TestCsv::writerSeparatesFieldsAndRows()
{
    CsvWriter csv;
    csv.text("a").number(1).endRow().text("=b").raw("x").number(-2.5).endRow();
    QCOMPARE(QString::fromStdString(csv.str()), QString("a,1\n\"'=b\",x,-2.5\n"));
}

void TestCsv::everyEngineCsvNeutralisesNames_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("evaluate --format csv") << "nodes";
    QTest::newRow("evaluate --format csv --per-minute") << "minutes";
    QTest::newRow("sweep --format csv") << "sweep";
}

void TestCsv::everyEngineCsvNeutralisesNames()
{
    QFETCH(QString, output);
    const std::string name = "=HYPERLINK(\"http://x\",\"y\")";
    const Project p = projectNamed(name);
    EvalOptions options;
    options.computeSeries = true;
    std::string csv;
    if (output == "nodes")
        csv = evaluationNodesCsv(evaluate(p, options), p);
    else if (output == "minutes")
        csv = evaluationMinutesCsv(evaluate(p, options), p);
    else
        csv = sweepCsv(sweep(p, {0.5, 1, 2}, options));
    const QStringList first = firstFields(csv);
    QVERIFY(!first.isEmpty());
    for (const QString &field : first)
        QCOMPARE(field, QString("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));
    const QString text = QString::fromStdString(csv);
    QVERIFY2(!text.contains("\n="), "no line starts with a formula");
    if (output == "nodes") // a node row: the candidate, the client, then plain numbers
        QVERIFY2(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",client,10,10,"),
                 qPrintable(text));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
