// skyline-cli export FILE --as mermaid: every example exports; api edges solid, event edges
// dotted, perRequest as a label; contexts as subgraphs; hostile names stay inside their labels.
// No Mermaid renderer is available offline, so the output is checked structurally: every line
// must be one of the statements the exporter writes (a strict grammar), and every label must
// decode back to the name it came from.
#include "Cli.h"
#include "support/CliRun.h"

#include "io/MermaidExport.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace {

using skyline::test::CliResult;
using skyline::test::runCli;
using skyline::test::shown;
using skyline::test::readWholeFile;
using skyline::test::writeWholeFile;

/// The inside of a quoted label back to plain text: entity codes decoded, <br/> as newline.
/// Returns nullopt for a '#' that starts no entity or a '<' that is not <br/>: a renderer
/// would read those differently from the name.
std::optional<QString> decodeLabel(const QString &label)
{
    static const QRegularExpression entity(QStringLiteral("^#(quot|amp|lt|gt|[0-9]+);"));
    static const std::map<QString, QChar> named = {
        {"quot", '"'}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}};
    QString out;
    for (qsizetype i = 0; i < label.size();) {
        const QStringView rest = QStringView(label).mid(i);
        if (label[i] == '#') {
            const auto m = entity.match(rest.toString());
            if (!m.hasMatch())
                return std::nullopt;
            const QString code = m.captured(1);
            out += named.count(code) ? named.at(code) : QChar(code.toInt());
            i += m.capturedLength();
        } else if (label[i] == '<') {
            if (!rest.startsWith(QLatin1String("<br/>")))
                return std::nullopt;
            out += '\n';
            i += 5;
        } else if (label[i] == '"' || label[i] == '\n' || label[i] == '`' || label[i] == '|') {
            return std::nullopt;
        } else {
            out += label[i++];
        }
    }
    return out;
}

struct MermaidNode
{
    QString open;
    QString label; ///< decoded
    QString subgraph;
};

struct MermaidEdge
{
    QString from;
    QString arrow;
    QString label; ///< decoded, empty when none
    QString to;
};

/// The statements of an exported flowchart, or a failure naming the first line that is none.
struct MermaidDiagram
{
    std::map<QString, MermaidNode> nodes;
    std::map<QString, QString> subgraphs; ///< id -> decoded name
    std::vector<MermaidEdge> edges;
    QString error;
};

MermaidDiagram parseMermaid(const std::string &text)
{
    static const QString id = QStringLiteral("([A-Za-z][A-Za-z0-9_]*)");
    static const QString label = QStringLiteral("\"([^\"\\n]*)\"");
    static const QRegularExpression comment(QStringLiteral("^%% [^{\\n][^\\n]*$"));
    static const QRegularExpression subgraph("^    subgraph " + id + "\\[" + label + "\\]$");
    static const QRegularExpression node("^ +" + id + "(\\(\\[|\\{\\{|\\(|\\[\\(|\\[|>)" + label +
                                         "(\\]\\)|\\}\\}|\\)|\\)\\]|\\])$");
    static const QRegularExpression edge("^    " + id + " (-->|-\\.->)(?:\\|" + label + "\\|)? " +
                                         id + "$");
    static const std::map<QString, QString> closeOf = {{"([", "])"}, {"{{", "}}"}, {"(", ")"},
                                                       {"[(", ")]"}, {"[", "]"},   {">", "]"}};

    MermaidDiagram d;
    const QStringList lines = QString::fromStdString(text).split('\n');
    if (lines.size() < 2 || !comment.match(lines[0]).hasMatch() || lines[1] != "flowchart LR") {
        d.error = "header: " + lines.value(0) + " / " + lines.value(1);
        return d;
    }
    if (!lines.last().isEmpty()) {
        d.error = QStringLiteral("no newline at the end");
        return d;
    }
    QString openSubgraph;
    for (qsizetype i = 2; i + 1 < lines.size(); ++i) {
        const QString &line = lines[i];
        auto fail = [&](const char *why) {
            d.error = QString("line %1 (%2): %3").arg(i + 1).arg(why, line);
        };
        auto decoded = [&](const QString &raw) {
            const auto text = decodeLabel(raw);
            if (!text)
                fail("label does not decode");
            return text.value_or(QString());
        };
        if (const auto m = subgraph.match(line); m.hasMatch()) {
            if (!openSubgraph.isEmpty())
                return fail("nested subgraph"), d;
            openSubgraph = m.captured(1);
            d.subgraphs[openSubgraph] = decoded(m.captured(2));
        } else if (line == "    end") {
            if (openSubgraph.isEmpty())
                return fail("end without subgraph"), d;
            openSubgraph.clear();
        } else if (const auto m = node.match(line); m.hasMatch()) {
            if (closeOf.at(m.captured(2)) != m.captured(4))
                return fail("shape brackets do not pair"), d;
            const int indent = openSubgraph.isEmpty() ? 4 : 8;
            if (!line.startsWith(QString(indent, ' ')) || line[indent] == ' ')
                return fail("indentation"), d;
            if (d.nodes.count(m.captured(1)) || d.subgraphs.count(m.captured(1)))
                return fail("id used twice"), d;
            d.nodes[m.captured(1)] = {m.captured(2), decoded(m.captured(3)), openSubgraph};
        } else if (const auto m = edge.match(line); m.hasMatch()) {
            if (!openSubgraph.isEmpty())
                return fail("edge inside a subgraph"), d;
            d.edges.push_back({m.captured(1), m.captured(2),
                               m.captured(3).isEmpty() ? QString() : decoded(m.captured(3)),
                               m.captured(4)});
        } else {
            return fail("not a statement of the grammar"), d;
        }
        if (!d.error.isEmpty())
            return d;
    }
    if (!openSubgraph.isEmpty())
        d.error = "subgraph " + openSubgraph + " not closed";
    for (const MermaidEdge &e : d.edges)
        if (!d.nodes.count(e.from) || !d.nodes.count(e.to))
            d.error = "edge to an undefined node: " + e.from + " -> " + e.to;
    return d;
}

QString expectedLabel(const skyline::Node &node)
{
    QString name = QString::fromStdString(node.name);
    name.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace('\r', '\n').replace('\t', ' ');
    return name + '\n' + QString::fromLatin1(skyline::toString(node.kind));
}

/// A project with one candidate: a client, a gateway, a function, a queue, a datastore and a
/// service; two contexts.
skyline::Project smallProject()
{
    using namespace skyline;
    Project p;
    p.name = "Shop";
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat"));
    Candidate c;
    c.id = "c1";
    c.name = "Serverless";
    c.contexts.push_back({"x1", "Ordering", {300, 0, 400, 200}});
    c.contexts.push_back({"x2", "Billing", {800, 0, 400, 200}});
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web shop", {0, 0});
    client.workload = "w1";
    c.nodes.push_back(client);
    c.nodes.push_back(makeDefaultNode(NodeKind::Gateway, "n2", "HTTP API", {150, 0}));
    Node order = makeDefaultNode(NodeKind::Function, "n3", "Place order", {350, 50});
    order.context = "x1";
    c.nodes.push_back(order);
    Node queue = makeDefaultNode(NodeKind::Queue, "n4", "Orders", {500, 50});
    queue.context = "x1";
    c.nodes.push_back(queue);
    Node table = makeDefaultNode(NodeKind::Datastore, "n5", "Orders table", {850, 50});
    table.context = "x2";
    c.nodes.push_back(table);
    c.nodes.push_back(makeDefaultNode(NodeKind::Service, "n6", "Billing service", {1000, 50}));
    c.edges.push_back({"e1", EdgeKind::Api, "n1", "n2"});
    c.edges.push_back({"e2", EdgeKind::Api, "n2", "n3"});
    c.edges.push_back({"e3", EdgeKind::Event, "n3", "n4", 2.5});
    c.edges.push_back({"e4", EdgeKind::Api, "n3", "n5", 0.5});
    c.edges.push_back({"e5", EdgeKind::Api, "n4", "n6"});
    p.candidates.push_back(c);
    Candidate second = c;
    second.id = "c2";
    second.name = "Microservices";
    p.candidates.push_back(second);
    return p;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void everyExampleExports_data();
    void everyExampleExports();
    void arrowsShapesAndLabels();
    void contextsAreSubgraphs();
    void hostileNamesStayInsideTheirLabels_data();
    void hostileNamesStayInsideTheirLabels();
    void awkwardIdsAreReplaced();
    void candidateOption();
    void outWritesTheFile();
    void usageErrors_data();
    void usageErrors();

private:
    std::string tempPath(const char *name) const
    {
        return (m_dir->path() + '/' + QLatin1String(name)).toStdString();
    }
    std::string writeProjectFile(const skyline::Project &project)
    {
        const std::string path = tempPath("project.skyline");
        writeWholeFile(path, skyline::writeProject(project));
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExport::everyExampleExports_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples"));
    const QStringList files = dir.entryList({QStringLiteral("*.skyline")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestExport::everyExampleExports()
{
    QFETCH(QString, path);
    const auto project = skyline::readProject(readWholeFile(path.toStdString()));
    QVERIFY(project.ok());
    for (const skyline::Candidate &c : project.value->candidates) {
        const CliResult r =
            runCli({"export", path.toStdString(), "--as", "mermaid", "--candidate", c.id});
        QVERIFY2(r.exitCode == skyline::cli::exitOk && r.err.empty(), shown(r).constData());
        const MermaidDiagram d = parseMermaid(r.out);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error + "\n" + QString::fromStdString(r.out)));
        QCOMPARE(d.nodes.size(), c.nodes.size());
        QCOMPARE(d.edges.size(), c.edges.size());
        QCOMPARE(d.subgraphs.size(), c.contexts.size());
        for (const skyline::Node &n : c.nodes) {
            QVERIFY2(d.nodes.count(QString::fromStdString(n.id)), n.id.c_str());
            QCOMPARE(d.nodes.at(QString::fromStdString(n.id)).label, expectedLabel(n));
        }
    }
}

void TestExport::arrowsShapesAndLabels()
{
    const skyline::Project project = smallProject();
    const CliResult r = runCli({"export", writeProjectFile(project), "--as", "mermaid"});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    const MermaidDiagram d = parseMermaid(r.out);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));

    // One consistent shape per kind.
    const std::map<QString, QString> shapes = {{"n1", "(["}, {"n2", "{{"}, {"n3", "("},
                                               {"n4", ">"},  {"n5", "[("}, {"n6", "["}};
    for (const auto &[id, open] : shapes)
        QCOMPARE(d.nodes.at(id).open, open);
    QCOMPARE(d.nodes.at("n3").label, QStringLiteral("Place order\nfunction"));

    // api solid, event dotted, perRequest other than 1 as the label, in the file's order.
    QCOMPARE(d.edges.size(), size_t(5));
    const std::vector<std::array<QString, 4>> expected = {{"n1", "-->", "", "n2"},
                                                          {"n2", "-->", "", "n3"},
                                                          {"n3", "-.->", "2.5 per request", "n4"},
                                                          {"n3", "-->", "0.5 per request", "n5"},
                                                          {"n4", "-->", "", "n6"}};
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(d.edges[i].from, expected[i][0]);
        QCOMPARE(d.edges[i].arrow, expected[i][1]);
        QCOMPARE(d.edges[i].label, expected[i][2]);
        QCOMPARE(d.edges[i].to, expected[i][3]);
    }
    QVERIFY2(r.out.find("    n3 -.->|\"2.5 per request\"| n4\n") != std::string::npos,
             r.out.c_str());
}

void TestExport::contextsAreSubgraphs()
{
    const CliResult r = runCli({"export", writeProjectFile(smallProject()), "--as", "mermaid"});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    const MermaidDiagram d = parseMermaid(r.out);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.subgraphs.size(), size_t(2));
    QCOMPARE(d.subgraphs.at("x1"), QStringLiteral("Ordering"));
    QCOMPARE(d.subgraphs.at("x2"), QStringLiteral("Billing"));
    QCOMPARE(d.nodes.at("n3").subgraph, QStringLiteral("x1"));
    QCOMPARE(d.nodes.at("n4").subgraph, QStringLiteral("x1"));
    QCOMPARE(d.nodes.at("n5").subgraph, QStringLiteral("x2"));
    QCOMPARE(d.nodes.at("n1").subgraph, QString());
    QCOMPARE(d.nodes.at("n6").subgraph, QString());
}

void TestExport::hostileNamesStayInsideTheirLabels_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("double quotes") << QStringLiteral("The \"big\" one");
    QTest::newRow("brackets of every shape") << QStringLiteral("a]) b}} c)] d] e) [x] {y} (z)");
    QTest::newRow("html") << QStringLiteral("<script>alert(1)</script><b>bold</b> & <br/>");
    QTest::newRow("entity lookalikes") << QStringLiteral("#quot; &amp; #35; #9829; #");
    QTest::newRow("comment and directive") << QStringLiteral("%%{init: {'theme':'dark'}}%%");
    QTest::newRow("keywords") << QStringLiteral("end");
    QTest::newRow("arrows and pipes") << QStringLiteral("a --> b -.-> c |x| ---o d");
    QTest::newRow("style injection") << QStringLiteral("style n1 fill:#f00;");
    QTest::newRow("markdown backticks") << QStringLiteral("`**bold**`");
    QTest::newRow("semicolons and colons") << QStringLiteral("a; b: c; click n1 call f()");
    QTest::newRow("unicode") << QStringLiteral("Zahlung prüfen → 注文 ✓ 😀");
    QTest::newRow("newlines") << QStringLiteral("first line\nsecond\r\nthird\rfourth");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("backslashes") << QStringLiteral("C:\\path\\n \\\"");
}

void TestExport::hostileNamesStayInsideTheirLabels()
{
    QFETCH(QString, name);
    skyline::Project project = smallProject();
    skyline::Candidate &c = project.candidates.front();
    for (skyline::Node &n : c.nodes)
        n.name = name.toStdString();
    for (skyline::Context &x : c.contexts)
        x.name = name.toStdString();
    c.name = name.toStdString();
    project.name = name.toStdString();

    const CliResult r = runCli({"export", writeProjectFile(project), "--as", "mermaid"});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    const MermaidDiagram d = parseMermaid(r.out);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error + "\n" + QString::fromStdString(r.out)));
    QCOMPARE(d.nodes.size(), c.nodes.size());
    QCOMPARE(d.edges.size(), c.edges.size());
    for (const skyline::Node &n : c.nodes)
        QCOMPARE(d.nodes.at(QString::fromStdString(n.id)).label, expectedLabel(n));
    QString contextName = name;
    contextName.replace(QLatin1String("\r\n"), QLatin1String("\n"))
        .replace('\r', '\n')
        .replace('\t', ' ');
    QCOMPARE(d.subgraphs.at("x1"), contextName);
}

void TestExport::awkwardIdsAreReplaced()
{
    // Ids are free text in a file: ones Mermaid cannot take as ids get generated ones.
    skyline::Project project = smallProject();
    skyline::Candidate &c = project.candidates.front();
    const std::map<std::string, std::string> renamed = {
        {"n1", "end"}, {"n2", "a b"}, {"n3", "x\"];"}, {"n4", "id_1"}, {"n5", "1st"}};
    for (skyline::Node &n : c.nodes)
        if (renamed.count(n.id))
            n.id = renamed.at(n.id);
    for (skyline::Edge &e : c.edges) {
        if (renamed.count(e.from))
            e.from = renamed.at(e.from);
        if (renamed.count(e.to))
            e.to = renamed.at(e.to);
    }
    QVERIFY(skyline::validateProject(project).empty());
    const CliResult r = runCli({"export", writeProjectFile(project), "--as", "mermaid"});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    const MermaidDiagram d = parseMermaid(r.out);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error + "\n" + QString::fromStdString(r.out)));
    QCOMPARE(d.nodes.size(), c.nodes.size());
    QCOMPARE(d.edges.size(), c.edges.size());
    QVERIFY(!d.nodes.count("end"));
    QVERIFY(d.nodes.count("id_1")); // a plain id is kept ...
    QCOMPARE(d.nodes.at("id_1").open, QStringLiteral(">"));
    for (const auto &[id, node] : d.nodes) // ... and no generated one takes it twice
        QVERIFY(id == "id_1" || node.open != ">");
}

void TestExport::candidateOption()
{
    const std::string path = writeProjectFile(smallProject());
    const CliResult first = runCli({"export", path, "--as", "mermaid"});
    QVERIFY2(first.exitCode == skyline::cli::exitOk, shown(first).constData());
    QVERIFY(first.out.find("Serverless") != std::string::npos);

    const CliResult second = runCli({"export", path, "--as", "mermaid", "--candidate", "c2"});
    QVERIFY2(second.exitCode == skyline::cli::exitOk, shown(second).constData());
    QVERIFY(second.out.find("Microservices") != std::string::npos);

    const CliResult unknown = runCli({"export", path, "--as", "mermaid", "--candidate", "c9"});
    QCOMPARE(unknown.exitCode, skyline::cli::exitUsage);
    QVERIFY(unknown.out.empty());
    QVERIFY2(unknown.err.find("'c9'") != std::string::npos &&
                 unknown.err.find("c1, c2") != std::string::npos,
             shown(unknown).constData());
}

void TestExport::outWritesTheFile()
{
    const std::string path = writeProjectFile(smallProject());
    const std::string out = tempPath("diagram.mmd");
    const CliResult r = runCli({"export", path, "--as", "mermaid", "--out", out});
    QVERIFY2(r.exitCode == skyline::cli::exitOk, shown(r).constData());
    QVERIFY(r.out.empty());
    const CliResult printed = runCli({"export", path, "--as", "mermaid"});
    QCOMPARE(readWholeFile(out), printed.out);

    const CliResult unwritable =
        runCli({"export", path, "--as", "mermaid", "--out", tempPath("missing/dir/d.mmd")});
    QCOMPARE(unwritable.exitCode, skyline::cli::exitBadInput);
    QVERIFY2(unwritable.err.find("missing/dir/d.mmd") != std::string::npos,
             shown(unwritable).constData());
}

void TestExport::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --as") << QStringList{"export", "FILE"} << "--as: missing";
    QTest::newRow("unknown --as") << QStringList{"export", "FILE", "--as", "dot"}
                                  << "unknown format 'dot'";
    QTest::newRow("no file") << QStringList{"export", "--as", "mermaid"}
                             << "expected exactly one FILE";
    QTest::newRow("missing file") << QStringList{"export", "/nonexistent/x.skyline", "--as",
                                                 "mermaid"}
                                  << "/nonexistent/x.skyline";
}

void TestExport::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const std::string path = writeProjectFile(smallProject());
    std::vector<std::string> argv;
    for (const QString &a : args)
        argv.push_back(a == "FILE" ? path : a.toStdString());
    const CliResult r = runCli(argv);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.empty());
    QVERIFY2(r.err.find(message.toStdString()) != std::string::npos, shown(r).constData());
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
