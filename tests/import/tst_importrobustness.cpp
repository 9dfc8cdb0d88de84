// Hostile and odd input for the importer: a 10,000-line file, nesting deeper than the parser
// allows, cyclic depends_on, anchors that alias themselves, and values of the wrong shape.
// Each ends with a project or a clear message with its place; never a crash or a hang.

#include "import/Import.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <string>

using namespace skyline;
using namespace skyline::importing;

namespace {
QString joined(const std::vector<std::string> &lines)
{
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out.join('\n');
}

/// `services` services of ten lines each, every one calling the next through its environment.
std::string longComposeFile(int services)
{
    std::string text = "services:\n";
    for (int i = 0; i < services; ++i) {
        const std::string name = "service-" + std::to_string(i);
        text += "  " + name + ":\n";
        text += "    image: example/" + name + ":1.0\n";
        text += "    deploy:\n      replicas: 2\n      resources:\n        limits:\n";
        text += "          cpus: \"0.5\"\n          memory: 512M\n";
        text += "    environment:\n";
        text += "      NEXT_URL: http://service-" + std::to_string((i + 1) % services) + ":8080\n";
    }
    return text;
}
} // namespace

class TestImportRobustness : public QObject
{
    Q_OBJECT
private slots:
    void tenThousandLines();
    void nestingBeyondTheParserLimit_data();
    void nestingBeyondTheParserLimit();
    void cyclicDependsOn();
    void anchorsThatAliasThemselves_data();
    void anchorsThatAliasThemselves();
    void valuesOfTheWrongShape_data();
    void valuesOfTheWrongShape();
};

void TestImportRobustness::tenThousandLines()
{
    const std::string text = longComposeFile(1000);
    QVERIFY(std::count(text.begin(), text.end(), '\n') >= 10000);
    const ImportResult result = importFiles({{"big.yaml", text}});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.summary.nodes, 1000);
    QCOMPARE(result.summary.edges, 1000); // a ring: service-999 calls service-0
    QCOMPARE(result.summary.carriedValues, 4000);
    QVERIFY(validateProject(*result.project).empty());
}

void TestImportRobustness::nestingBeyondTheParserLimit_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("flow lists") << "services:\n  web:\n    labels: " + QString(5000, '[') +
                                       QString(5000, ']') + "\n";
    QString blockMaps = "services:\n  web:\n    labels:\n";
    for (int i = 0; i < 3000; ++i)
        blockMaps += QString(2 * (i + 3), ' ') + QString("k%1:\n").arg(i);
    QTest::newRow("block maps") << blockMaps;
}

void TestImportRobustness::nestingBeyondTheParserLimit()
{
    QFETCH(QString, text);
    const ImportResult result = importFiles({{"deep.yaml", text.toStdString()}});
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), size_t(1));
    const QString error = QString::fromStdString(result.errors.front());
    QVERIFY2(error.contains(QRegularExpression("^deep\\.yaml:\\d+:\\d+: nested too deeply")),
             qPrintable(error));
}

void TestImportRobustness::cyclicDependsOn()
{
    const std::string text = "services:\n"
                             "  a:\n    image: example/a\n    depends_on: [b]\n"
                             "  b:\n    image: example/b\n    depends_on: [c]\n"
                             "  c:\n    image: example/c\n    depends_on: [a]\n"
                             "    ports: [\"80:80\"]\n";
    const ImportResult result = importFiles({{"cycle.yaml", text}});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.summary.nodes, 4);
    QCOMPARE(result.summary.edges, 4);
    QCOMPARE(result.summary.inferredEdges, 3);
    QVERIFY(validateProject(*result.project).empty());
}

void TestImportRobustness::anchorsThatAliasThemselves_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("nodes"); // 0: an error is expected
    // A merge key that merges the map it belongs to.
    QTest::newRow("merge of itself") << "services:\n  web: &w\n    image: nginx\n    <<: *w\n" << 1;
    // A list that contains itself.
    QTest::newRow("list in itself")
        << "services:\n  web:\n    image: example/web\n    depends_on: &d [*d]\n"
        << 1;
    // Aliases nine levels deep, each repeating the one before ten times (a "billion laughs"):
    // readers look at the values they need, so nothing is expanded.
    QString laughs = "x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
                     "\"lol\", \"lol\", \"lol\"]\n";
    for (char c = 'b'; c <= 'i'; ++c)
        laughs += QString("x-%1: &%1 [*%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2, *%2]\n")
                      .arg(QChar(c), QChar(c - 1));
    laughs += "services:\n  web:\n    image: example/web\n    environment: *i\n"
              "    depends_on: *i\n    labels: *i\n";
    QTest::newRow("billion laughs") << laughs << 1;
    // An alias used before its anchor is a YAML error.
    QTest::newRow("alias before its anchor")
        << "services:\n  web:\n    <<: *later\n  db: &later\n    image: postgres\n"
        << 0;
}

void TestImportRobustness::anchorsThatAliasThemselves()
{
    QFETCH(QString, text);
    QFETCH(int, nodes);
    const ImportResult result = importFiles({{"alias.yaml", text.toStdString()}});
    if (nodes == 0) {
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.errors.front()).startsWith("alias.yaml:3:"),
                 qPrintable(joined(result.errors)));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.summary.nodes, nodes);
}

void TestImportRobustness::valuesOfTheWrongShape_data()
{
    QTest::addColumn<QString>("service"); // the body of one service named web
    QTest::addColumn<int>("refused");     // values refused and listed
    QTest::newRow("deploy is a number") << "    image: example/web\n    deploy: 3\n" << 0;
    QTest::newRow("replicas is a list")
        << "    image: example/web\n    deploy:\n      replicas: [1, 2]\n"
        << 2;
    QTest::newRow("ports is a string") << "    image: example/web\n    ports: \"80:80\"\n" << 0;
    QTest::newRow("depends_on is a number") << "    depends_on: 5\n" << 0;
    QTest::newRow("environment is a number") << "    environment: 7\n" << 0;
    QTest::newRow("image is a map") << "    image: {name: nginx}\n" << 0;
    QTest::newRow("networks is a number") << "    networks: 4\n" << 0;
    QTest::newRow("no body at all") << "" << 0;
    QTest::newRow("replicas is huge") << "    deploy:\n      replicas: 1e300\n" << 2;
}

void TestImportRobustness::valuesOfTheWrongShape()
{
    QFETCH(QString, service);
    QFETCH(int, refused);
    const std::string text =
        "services:\n  web:\n" + service.toStdString() + "  db:\n    image: redis\n";
    const ImportResult result = importFiles({{"odd.yaml", text}});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.summary.nodes, 2);
    int listed = 0;
    for (const ReviewItem &item : result.review)
        listed += item.kind == ReviewKind::AssumedValue &&
                  item.nodeId == result.project->candidates.front().nodes.front().id;
    QCOMPARE(listed, refused);
    QVERIFY(validateProject(*result.project).empty());
}

QTEST_GUILESS_MAIN(TestImportRobustness)
#include "tst_importrobustness.moc"
