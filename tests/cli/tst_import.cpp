// `skyline-cli import FILE... [--as FORMAT] [--out OUT.skyline]` (issue 13), run in-process:
// the canonical project on stdout or in --out, the summary and review lines on stderr, and
// exit 2 with a clear message and nothing written for every kind of bad input.
#include "Cli.h"
#include "support/CliRun.h"

#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;
using skyline::test::readWholeFile;
using skyline::test::writeWholeFile;

namespace {
std::string fixture(const char *name)
{
    return std::string(SKYLINE_SOURCE_DIR "/tests/import/data/compose/") + name;
}

QStringList lines(const std::string &text)
{
    return QString::fromStdString(text).split('\n', Qt::SkipEmptyParts);
}

const char *workflow = "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                       "    steps:\n      - uses: actions/checkout@v4\n";
} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void printsTheCanonicalProject();
    void summaryAndOneLinePerReviewItem();
    void writesOutAtomically();
    void forcedFormat();
    void severalFilesMakeOneCandidate();
    void badInputExitsTwoAndWritesNothing_data();
    void badInputExitsTwoAndWritesNothing();
    void listedInTheHelp();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::string path(const char *name) const { return (m_dir->path() + "/" + name).toStdString(); }
};

void TestImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestImport::printsTheCanonicalProject()
{
    const CliResult r = runCli({"import", fixture("shop.yaml")});
    QVERIFY2(r.exitCode == 0, shown(r));
    const auto project = skyline::readProject(r.out);
    QVERIFY2(project.ok(), shown(r));
    QCOMPARE(skyline::writeProject(*project.value), r.out); // canonical: as `format` writes it
    QCOMPARE(project.value->candidates.size(), size_t(1));
    QCOMPARE(project.value->candidates.front().nodes.size(), size_t(12));
    // The printed project evaluates like any saved one.
    writeWholeFile(path("shop.skyline"), r.out);
    const CliResult evaluated = runCli({"evaluate", path("shop.skyline")});
    QVERIFY2(evaluated.exitCode == 0, shown(evaluated));
}

void TestImport::summaryAndOneLinePerReviewItem()
{
    const CliResult r = runCli({"import", fixture("depends-map.yaml")});
    QVERIFY2(r.exitCode == 0, shown(r));
    const QStringList err = lines(r.err);
    QVERIFY2(err.size() >= 2, shown(r));
    QVERIFY2(err[0].endsWith("depends-map.yaml as compose: 6 nodes, 6 edges, 0 contexts"),
             shown(r));
    // 5 assumed: the gateway's two routes get an even share each (the input does not say how
    // traffic splits), the gateway product, the refused maxReplicas, the hosting.
    QCOMPARE(err[1], QString("  3 values carried over, 5 assumed, 5 edges inferred, 5 unresolved"));
    // every review item on one line: place, kind, message
    const QStringList review = err.mid(2);
    QCOMPARE(review.filter(": inferred-edge: ").size(), 5);
    QCOMPARE(review.filter(": unresolved: ").size(), 5);
    QCOMPARE(review.filter(": default-workload: ").size(), 1);
    QCOMPARE(review.filter(": assumed-value: ").size(), 5);
    QCOMPARE(review.filter("0.5 per request assumed").size(), 2);
    QVERIFY2(
        review.filter(QRegularExpression("depends-map\\.yaml:24:7: unresolved: ledger extends "))
                .size() == 1,
        shown(r));
    QVERIFY2(review.filter(QRegularExpression("depends-map\\.yaml:6:7: inferred-edge: gateway → "
                                              "accounts"))
                     .size() == 1,
             shown(r));
}

void TestImport::writesOutAtomically()
{
    const std::string out = path("shop.skyline");
    writeWholeFile(out, "old content");
    const CliResult r = runCli({"import", fixture("shop.yaml"), "--out", out});
    QVERIFY2(r.exitCode == 0, shown(r));
    QVERIFY(r.out.empty());
    const std::string written = readWholeFile(out);
    const auto project = skyline::readProject(written);
    QVERIFY(project.ok());
    QCOMPARE(skyline::writeProject(*project.value), written);
    QVERIFY(r.err.find("12 nodes, 14 edges, 2 contexts") != std::string::npos);
    // no temporary file left next to it
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype(1));
}

void TestImport::forcedFormat()
{
    const CliResult r = runCli({"import", "--as", "compose", fixture("legacy-v2.yml")});
    QVERIFY2(r.exitCode == 0, shown(r));
    QVERIFY(skyline::readProject(r.out).ok());
}

void TestImport::severalFilesMakeOneCandidate()
{
    writeWholeFile(path("compose.yaml"), "services:\n  web:\n    image: example/web\n");
    writeWholeFile(path("compose.override.yaml"), "services:\n  db:\n    image: postgres\n");
    const CliResult r = runCli({"import", path("compose.yaml"), path("compose.override.yaml")});
    QVERIFY2(r.exitCode == 0, shown(r));
    const auto project = skyline::readProject(r.out);
    QVERIFY(project.ok());
    QCOMPARE(project.value->candidates.size(), size_t(1));
    QCOMPARE(project.value->candidates.front().nodes.size(), size_t(2));
    QVERIFY2(lines(r.err).front().contains("and 1 more file(s) as compose"), shown(r));
}

void TestImport::badInputExitsTwoAndWritesNothing_data()
{
    QTest::addColumn<QString>("content");  // written to input.yaml unless empty
    QTest::addColumn<QStringList>("args"); // {in} and {out} are replaced by paths
    QTest::addColumn<QString>("message");  // a line of stderr starts with it ({in}: the input)
    QTest::newRow("unknown --as")
        << "services: {web: {image: x}}"
        << QStringList{"{in}", "--as", "terraform", "--out", "{out}"}
        << "skyline-cli import: --as: unknown format 'terraform' (compose, sam";
    QTest::newRow("malformed YAML")
        << "services:\n  web:\n    ports: [\"80:80\"\n"
        << QStringList{"{in}", "--out", "{out}"} << "{in}:4:1: not valid YAML: ";
    QTest::newRow("GitHub workflow") << workflow << QStringList{"{in}", "--out", "{out}"}
                                     << "{in}: valid YAML, but not a format Skyline imports "
                                        "(tried compose";
    QTest::newRow("forced on a workflow")
        << workflow << QStringList{"{in}", "--as", "compose", "--out", "{out}"}
        << "{in}: no services in the compose file";
    QTest::newRow("missing file") << "" << QStringList{"{in}", "--out", "{out}"}
                                  << "{in}: cannot open: no such file";
    QTest::newRow("a folder") << "" << QStringList{"{dir}", "--out", "{out}"}
                              << "{dir}: cannot open: it is a folder";
    QTest::newRow("empty file") << " \n"
                                << QStringList{"{in}", "--out", "{out}"}
                                << "{in}: the file is empty (no YAML document in it)";
    QTest::newRow("no file") << "" << QStringList{"--out", "{out}"} << "usage: skyline-cli import";
    QTest::newRow("out in a missing folder")
        << "services: {web: {image: x}}" << QStringList{"{in}", "--out", "{dir}/no/such/x.skyline"}
        << "skyline-cli import: cannot write '{dir}/no/such/x.skyline': ";
}

void TestImport::badInputExitsTwoAndWritesNothing()
{
    QFETCH(QString, content);
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString in = QString::fromStdString(path("input.yaml"));
    const QString out = QString::fromStdString(path("out.skyline"));
    if (!content.isEmpty())
        writeWholeFile(in.toStdString(), content.toStdString());
    auto expand = [&](QString text) {
        return text.replace("{in}", in).replace("{out}", out).replace("{dir}", m_dir->path());
    };
    std::vector<std::string> command{"import"};
    for (const QString &arg : args)
        command.push_back(expand(arg).toStdString());
    const CliResult r = runCli(command);
    QVERIFY2(r.exitCode == 2, shown(r));
    QVERIFY2(r.out.empty(), shown(r));
    QVERIFY2(!lines(r.err)
                  .filter(QRegularExpression("^" + QRegularExpression::escape(expand(message))))
                  .isEmpty(),
             shown(r));
    QVERIFY(!QFileInfo::exists(out));
    // nothing else appeared either (no temporary file)
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(),
             qsizetype(content.isEmpty() ? 0 : 1));
}

void TestImport::listedInTheHelp()
{
    const CliResult r = runCli({"--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.find("import FILE... [--as compose|sam|cloudformation|serverless|kubernetes] [--out OUT.skyline]") != std::string::npos,
             shown(r));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
