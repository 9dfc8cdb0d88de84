// skyline-cli (DESIGN.md §5), run in-process through skyline::cli::run: exit codes, what goes
// to stdout and what to stderr, `validate` summaries and problem lines, `format` output.
#include "Cli.h"
#include "support/CliRun.h"

#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;
using skyline::test::readWholeFile;
using skyline::test::writeWholeFile;

QString examplesDir()
{
    return QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples");
}

QStringList exampleFiles()
{
    return QDir(examplesDir()).entryList({QStringLiteral("*.skyline")}, QDir::Files,
                                         QDir::Name);
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

/// A small valid project, written compactly (not in canonical form).
std::string compactProject()
{
    return R"({"format":"skyline","version":1,"name":"Tiny","description":"",)"
           R"("workloads":[{"id":"w1","name":"Flat","shape":"constant","rps":2.5}],)"
           R"("candidates":[{"id":"c1","name":"One function","nodes":[)"
           R"({"id":"n1","kind":"client","name":"Web","pos":[0,0],"workload":"w1"},)"
           R"({"id":"n2","kind":"function","name":"Fn","pos":[200,0],)"
           R"("params":{"memoryMb":256}}],)"
           R"("edges":[{"id":"e1","kind":"api","from":"n1","to":"n2"}]}]})";
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void validateExample_data();
    void validateExample();
    void validateBrokenFile_data();
    void validateBrokenFile();
    void missingFile_data();
    void missingFile();
    void usageErrors_data();
    void usageErrors();
    void helpGoesToStdout();

    void formatExampleIsIdentity_data();
    void formatExampleIsIdentity();
    void formatCanonicalisesAndIsIdempotent();
    void formatBrokenFilePrintsNothing();

private:
    std::string tempPath(const char *name) const
    {
        return (m_dir->path() + '/' + QLatin1String(name)).toStdString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// ---------------------------------------------------------------------------------------------
// validate

void TestCli::validateExample_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = exampleFiles();
    QVERIFY(files.size() >= 3);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << examplesDir() + '/' + file;
}

void TestCli::validateExample()
{
    QFETCH(QString, path);
    const std::string file = path.toStdString();
    const CliResult r = runCli({"validate", file});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    QVERIFY2(r.err.empty(), shown(r).constData());

    // The summary names the file, the project and each candidate with its counts.
    const auto project = skyline::readProject(readWholeFile(file));
    QVERIFY(project.ok());
    const std::vector<std::string> out = lines(r.out);
    QVERIFY(out.size() >= 4);
    QCOMPARE(QString::fromStdString(out[0]), path + QStringLiteral(": valid Skyline file, version 1"));
    QCOMPARE(QString::fromStdString(out[1]),
             QStringLiteral("project: ") + QString::fromStdString(project.value->name));
    QVERIFY2(r.out.find("workloads: " + std::to_string(project.value->workloads.size())) !=
                 std::string::npos,
             shown(r).constData());
    QVERIFY2(r.out.find("candidates: " + std::to_string(project.value->candidates.size()) +
                        "\n") != std::string::npos,
             shown(r).constData());
    for (const skyline::Candidate &c : project.value->candidates) {
        const std::string line = "  " + c.id + " \"" + c.name + "\": " +
                                 std::to_string(c.nodes.size()) + " nodes";
        QVERIFY2(r.out.find(line) != std::string::npos, (line + "\n" + r.out).c_str());
    }
}

void TestCli::validateBrokenFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expectedLines"); // after "FILE: "

    std::string badMemory = compactProject();
    badMemory.replace(badMemory.find("\"memoryMb\":256"), 14, "\"memoryMb\":20000");
    QTest::newRow("memory out of range")
        << QByteArray::fromStdString(badMemory)
        << QStringList{"/candidates/0/nodes/1/params/memoryMb: must be between 128 and 10,240 MB"};

    std::string twoProblems = compactProject();
    twoProblems.replace(twoProblems.find("\"memoryMb\":256"), 14, "\"memoryMb\":\"big\"");
    twoProblems.replace(twoProblems.find("\"name\":\"Tiny\""), 13, "\"name\":7");
    QTest::newRow("two problems, one line each")
        << QByteArray::fromStdString(twoProblems)
        << QStringList{"/name: expected a string, found a number",
                       "/candidates/0/nodes/1/params/memoryMb: must be a number"};

    std::string dangling = compactProject();
    dangling.replace(dangling.find("\"to\":\"n2\""), 9, "\"to\":\"n9\"");
    QTest::newRow("dangling edge")
        << QByteArray::fromStdString(dangling)
        << QStringList{"/candidates/0/edges/0/to: refers to node 'n9', which does not exist"};

    std::string future = compactProject();
    future.replace(future.find("\"version\":1"), 11, "\"version\":2");
    QTest::newRow("future version")
        << QByteArray::fromStdString(future)
        << QStringList{"/version: version 2 was written by a newer Skyline; this one reads up "
                       "to 1. Update Skyline to open it."};

    QTest::newRow("empty file") << QByteArray()
                                << QStringList{"the file is empty (expected a Skyline JSON "
                                               "document)"};
    QTest::newRow("not a Skyline file")
        << QByteArray(R"({"name": "package"})")
        << QStringList{"/format: expected \"skyline\" (this is not a Skyline file)"};
}

void TestCli::validateBrokenFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expectedLines);
    const std::string path = tempPath("broken.skyline");
    writeWholeFile(path, text.toStdString());

    const CliResult r = runCli({"validate", path});
    QVERIFY2(r.exitCode == skyline::cli::exitBadInput, shown(r).constData());
    QCOMPARE(skyline::cli::exitBadInput, 2);
    QVERIFY2(r.out.empty(), shown(r).constData()); // no summary for a file that did not load

    // One line per problem, each "FILE: POINTER: MESSAGE".
    const std::vector<std::string> err = lines(r.err);
    QCOMPARE(int(err.size()), expectedLines.size());
    for (int i = 0; i < expectedLines.size(); ++i)
        QCOMPARE(QString::fromStdString(err[size_t(i)]),
                 QString::fromStdString(path) + QStringLiteral(": ") + expectedLines[i]);
}

void TestCli::missingFile_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("validate") << "validate";
    QTest::newRow("format") << "format";
}

void TestCli::missingFile()
{
    QFETCH(QString, command);
    const std::string missing = tempPath("no-such-file.skyline");
    const CliResult r = runCli({command.toStdString(), missing});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(r.err.find(missing) != std::string::npos, shown(r).constData());
    QVERIFY2(r.err.find("no such file") != std::string::npos, shown(r).constData());

    // A folder is not a file either.
    const CliResult folder = runCli({command.toStdString(), m_dir->path().toStdString()});
    QCOMPARE(folder.exitCode, 2);
    QVERIFY(folder.out.empty());
    QVERIFY2(folder.err.find("folder") != std::string::npos, shown(folder).constData());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expectedError");
    const QString example = examplesDir() + QStringLiteral("/checkout.skyline");

    QTest::newRow("no arguments") << QStringList() << "usage: skyline-cli COMMAND";
    QTest::newRow("unknown command") << QStringList{"frobnicate", example}
                                     << "unknown command 'frobnicate'";
    QTest::newRow("unknown option to validate")
        << QStringList{"validate", "--frobnicate", example} << "unknown option --frobnicate";
    QTest::newRow("unknown option to format") << QStringList{"format", "--width=80", example}
                                              << "unknown option --width";
    QTest::newRow("validate without a file") << QStringList{"validate"}
                                             << "usage: skyline-cli validate FILE";
    QTest::newRow("validate with two files") << QStringList{"validate", example, example}
                                             << "usage: skyline-cli validate FILE";
    QTest::newRow("format without a file") << QStringList{"format"}
                                           << "usage: skyline-cli format FILE";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expectedError);
    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a.toStdString());
    const CliResult r = runCli(argv);
    QVERIFY2(r.exitCode == skyline::cli::exitUsage, shown(r).constData());
    QCOMPARE(skyline::cli::exitUsage, 2);
    QVERIFY2(r.out.empty(), shown(r).constData()); // scripts piping stdout get nothing
    QVERIFY2(QString::fromStdString(r.err).contains(expectedError), shown(r).constData());
}

void TestCli::helpGoesToStdout()
{
    for (const char *flag : {"--help", "-h", "help"}) {
        const CliResult r = runCli({flag});
        QVERIFY2(r.exitCode == 0, shown(r).constData());
        QVERIFY(r.err.empty());
        QVERIFY2(r.out.find("validate FILE") != std::string::npos, shown(r).constData());
        QVERIFY2(r.out.find("format FILE") != std::string::npos, shown(r).constData());
    }
}

// ---------------------------------------------------------------------------------------------
// format

void TestCli::formatExampleIsIdentity_data()
{
    validateExample_data();
}

void TestCli::formatExampleIsIdentity()
{
    QFETCH(QString, path);
    const std::string original = readWholeFile(path.toStdString());
    const CliResult r = runCli({"format", path.toStdString()});
    QVERIFY2(r.exitCode == 0, shown(r).constData());
    QVERIFY(r.err.empty());
    // The examples are stored in canonical form: formatting them changes nothing.
    QVERIFY2(r.out == original, "format output differs from the file");

    // And formatting the output again is the identity too.
    const std::string copy = tempPath("copy.skyline");
    writeWholeFile(copy, r.out);
    const CliResult again = runCli({"format", copy});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out == r.out);
}

void TestCli::formatCanonicalisesAndIsIdempotent()
{
    const std::string compact = tempPath("compact.skyline");
    writeWholeFile(compact, compactProject());
    const CliResult first = runCli({"format", compact});
    QVERIFY2(first.exitCode == 0, shown(first).constData());
    QVERIFY(first.out != compactProject());

    // What format prints is what Save writes for the same project.
    const auto project = skyline::readProject(compactProject());
    QVERIFY(project.ok());
    QVERIFY(first.out == skyline::writeProject(*project.value));
    QVERIFY(first.out.find("\"memoryMb\": 256,") != std::string::npos);
    QVERIFY(first.out.find("\"coldStartMs\"") != std::string::npos); // defaults written out

    const std::string formatted = tempPath("formatted.skyline");
    writeWholeFile(formatted, first.out);
    const CliResult second = runCli({"format", formatted});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out == first.out, "format is not idempotent");
    // The formatted file still validates.
    QCOMPARE(runCli({"validate", formatted}).exitCode, 0);
}

void TestCli::formatBrokenFilePrintsNothing()
{
    // `format FILE > tmp && mv tmp FILE` must never replace a file with half a document.
    const std::string broken = tempPath("broken.skyline");
    const std::string text = compactProject();
    writeWholeFile(broken, text.substr(0, text.size() / 2));
    const CliResult r = runCli({"format", broken});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(r.err.find(broken + ": not valid JSON at line 1") != std::string::npos,
             shown(r).constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
