// The .skyline file format (DESIGN.md §4, model/io/ProjectJson.h): every example file round
// trips to the byte, broken files are refused with the JSON pointer of the bad value and a
// message that says what was expected, and no input crashes the reader. Also the domain
// helpers the editor relies on when it creates entities (uniqueId, makeDefaultNode).
#include "domain/ParamSchema.h"
#include "domain/Project.h"
#include "io/ProjectJson.h"
#include "io/Utf8.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace skyline;

namespace {

constexpr double nodeWidthPx = 140;
constexpr double nodeHeightPx = 60;

QString examplesDir()
{
    return QStringLiteral(SKYLINE_SOURCE_DIR "/resources/examples");
}

std::string readWholeFile(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

QStringList exampleFiles()
{
    return QDir(examplesDir()).entryList({QStringLiteral("*.skyline")}, QDir::Files,
                                         QDir::Name);
}

/// "line N: expected | actual" for the first line where two texts differ, for readable failures.
QByteArray firstDifference(const std::string &expected, const std::string &actual)
{
    std::istringstream a(expected), b(actual);
    std::string la, lb;
    for (int line = 1;; ++line) {
        const bool moreA = bool(std::getline(a, la));
        const bool moreB = bool(std::getline(b, lb));
        if (!moreA && !moreB)
            return "texts are equal line by line (difference in the final newline?)";
        if (!moreA || !moreB || la != lb)
            return QByteArray("line ") + QByteArray::number(line) + ": expected '" +
                   QByteArray::fromStdString(moreA ? la : "<end>") + "', got '" +
                   QByteArray::fromStdString(moreB ? lb : "<end>") + "'";
    }
}

QByteArray problemList(const std::vector<Problem> &problems)
{
    QByteArray out;
    for (const Problem &p : problems)
        out += QByteArray::fromStdString(describe(p)) + "; ";
    return out.isEmpty() ? QByteArray("(no problems)") : out;
}

/// A small, valid project exercising every node kind, a context, a trace and both edge kinds.
/// Node indices: 0 client, 1 gateway, 2 function, 3 service, 4 queue, 5 datastore.
OrderedJson baseProject()
{
    return OrderedJson::parse(R"({
      "format": "skyline", "version": 1, "name": "Shop", "description": "A test shop.",
      "pricing": { "catalog": "aws-us-east-1", "freeTier": false, "hoursPerMonth": 730,
                   "overrides": { "aws.lambda.requestsPerMillionUsd": 0.2 } },
      "workloads": [
        { "id": "w1", "name": "Weekday", "shape": "diurnal",
          "peakRps": 120, "troughRps": 8, "peakHour": 14 },
        { "id": "w2", "name": "Replay", "shape": "trace", "points": [[0, 3.5], [60, 3.9]] }
      ],
      "candidates": [ {
        "id": "c1", "name": "Serverless",
        "contexts": [ { "id": "x1", "name": "Ordering", "rect": [180, 0, 600, 400] } ],
        "nodes": [
          { "id": "n1", "kind": "client", "name": "Web", "pos": [20, 80], "workload": "w1" },
          { "id": "n2", "kind": "gateway", "name": "API", "pos": [200, 80], "context": "x1",
            "params": { "product": "aws-http-api", "latencyMs": 8 } },
          { "id": "n3", "kind": "function", "name": "Place order", "pos": [400, 80],
            "context": "x1",
            "params": { "provider": "aws-lambda", "memoryMb": 512, "durationMs": 120,
                        "concurrencyLimit": 100, "provisionedConcurrency": 0,
                        "needsState": true } },
          { "id": "n4", "kind": "service", "name": "Catalog", "pos": [400, 240],
            "params": { "hosting": "aws-fargate", "minReplicas": 2, "maxReplicas": 20 } },
          { "id": "n5", "kind": "queue", "name": "Orders", "pos": [600, 80],
            "params": { "product": "aws-sqs", "batchSize": 1 } },
          { "id": "n6", "kind": "datastore", "name": "Orders DB", "pos": [600, 240],
            "params": { "product": "aws-dynamodb-on-demand", "latencyMs": 6 } }
        ],
        "edges": [
          { "id": "e1", "kind": "api", "from": "n1", "to": "n2", "perRequest": 1,
            "latencyMs": 20 },
          { "id": "e2", "kind": "api", "from": "n2", "to": "n3", "perRequest": 0.3,
            "latencyMs": 1 },
          { "id": "e3", "kind": "api", "from": "n2", "to": "n4", "perRequest": 0.7,
            "latencyMs": 1, "parallel": true },
          { "id": "e4", "kind": "event", "from": "n3", "to": "n5", "perRequest": 1 },
          { "id": "e5", "kind": "api", "from": "n3", "to": "n6", "perRequest": 2,
            "latencyMs": 1, "fallback": true }
        ]
      } ]
    })");
}

using JsonEdit = std::function<void(OrderedJson &)>;

QByteArray edited(const JsonEdit &edit)
{
    OrderedJson json = baseProject();
    edit(json);
    return QByteArray::fromStdString(json.dump());
}

JsonEdit set(const std::string &pointer, OrderedJson value)
{
    return [pointer, value](OrderedJson &json) { json[OrderedJson::json_pointer(pointer)] = value; };
}

/// Removes the value at `pointer` (an object member).
JsonEdit erase(const std::string &pointer)
{
    return [pointer](OrderedJson &json) {
        const OrderedJson::json_pointer at(pointer);
        json[at.parent_pointer()].erase(at.back());
    };
}

std::string nested(int depth, bool balanced)
{
    return std::string(static_cast<size_t>(depth), '[') +
           (balanced ? std::string(static_cast<size_t>(depth), ']') : std::string());
}

struct Box
{
    double x0, y0, x1, y1;
    bool overlaps(const Box &o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const RectF &r) const
    {
        return x0 >= r.x && y0 >= r.y && x1 <= r.x + r.width && y1 <= r.y + r.height;
    }
};

Box nodeBox(const Node &n)
{
    return {n.pos.x, n.pos.y, n.pos.x + nodeWidthPx, n.pos.y + nodeHeightPx};
}

Box contextBox(const Context &c)
{
    return {c.rect.x, c.rect.y, c.rect.x + c.rect.width, c.rect.y + c.rect.height};
}

int countSentences(const std::string &text)
{
    static const std::regex end(R"([.?!](\s|$))");
    return int(std::distance(std::sregex_iterator(text.begin(), text.end(), end),
                             std::sregex_iterator()));
}

} // namespace

class TestFileFormat : public QObject
{
    Q_OBJECT

private slots:
    void examplesArePresent();
    void exampleRoundTrip_data();
    void exampleRoundTrip();
    void exampleTellsAStory_data();
    void exampleTellsAStory();
    void exampleLayoutIsReadable_data();
    void exampleLayoutIsReadable();
    void oneExampleReplaysATrace();

    void writerKeepsEveryField();
    void absentParamsTakeDefaultsAndAreWritten();
    void runTimeIsStatedAtOwnMemoryWhenAbsent_data();
    void runTimeIsStatedAtOwnMemoryWhenAbsent();
    void unknownFieldsAreIgnored();
    void rangesRoundTrip();
    void canonicalTextShape();

    void brokenFile_data();
    void brokenFile();
    void everyProblemIsReported();
    void deepNestingDoesNotCrash_data();
    void deepNestingDoesNotCrash();
    void everyMessageIsValidUtf8AndNamesItsPlace_data();
    void everyMessageIsValidUtf8AndNamesItsPlace();
    void randomMutationsNeverCrash();

    void uniqueIdSkipsUsedIds_data();
    void uniqueIdSkipsUsedIds();
    void defaultNodeFillsEverySpec_data();
    void defaultNodeFillsEverySpec();
    void defaultWorkloadFillsEverySpec();
};

// ---------------------------------------------------------------------------------------------
// Example files

void TestFileFormat::examplesArePresent()
{
    const QStringList files = exampleFiles();
    for (const char *name : {"thumbnails.skyline", "checkout.skyline", "iot-telemetry.skyline"})
        QVERIFY2(files.contains(QLatin1String(name)), name);
}

void TestFileFormat::exampleRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &file : exampleFiles())
        QTest::newRow(qPrintable(file)) << examplesDir() + '/' + file;
}

void TestFileFormat::exampleRoundTrip()
{
    QFETCH(QString, path);
    const std::string text = readWholeFile(path);
    QVERIFY2(!text.empty(), qPrintable(path));

    const ReadResult<Project> first = readProject(text);
    QVERIFY2(first.ok(), problemList(first.problems).constData());
    QVERIFY(first.problems.empty());

    // Canonical: the file is exactly what Save writes for it.
    const std::string written = writeProject(*first.value);
    QVERIFY2(written == text, firstDifference(text, written).constData());

    // Read -> write -> read gives the same project, and writing again changes nothing.
    const ReadResult<Project> second = readProject(written);
    QVERIFY2(second.ok(), problemList(second.problems).constData());
    QVERIFY(*second.value == *first.value);
    QVERIFY(writeProject(*second.value) == written);

    // The in-memory validator agrees with the reader.
    QVERIFY2(validateProject(*first.value).empty(),
             problemList(validateProject(*first.value)).constData());
}

void TestFileFormat::exampleTellsAStory_data()
{
    exampleRoundTrip_data();
}

void TestFileFormat::exampleTellsAStory()
{
    QFETCH(QString, path);
    const ReadResult<Project> read = readProject(readWholeFile(path));
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    const Project &project = *read.value;

    QVERIFY(!project.name.empty());
    const int sentences = countSentences(project.description);
    QVERIFY2(sentences >= 3 && sentences <= 6,
             qPrintable(QStringLiteral("description has %1 sentences").arg(sentences)));

    // Candidates compare only if they draw the same product: the same entry points, driven
    // by the same workloads.
    QVERIFY2(project.candidates.size() >= 2, "an example compares at least two candidates");
    auto entryPoints = [](const Candidate &c) {
        std::set<std::pair<std::string, std::string>> entries;
        for (const Node &n : c.nodes)
            if (n.kind == NodeKind::Client)
                entries.insert({n.name, n.workload});
        return entries;
    };
    const auto reference = entryPoints(project.candidates.front());
    QVERIFY(!reference.empty());
    std::set<std::string> usedWorkloads;
    for (const Candidate &c : project.candidates) {
        QVERIFY2(entryPoints(c) == reference, c.id.c_str());
        QVERIFY2(!c.name.empty(), c.id.c_str());
        for (const Node &n : c.nodes)
            if (n.kind == NodeKind::Client)
                usedWorkloads.insert(n.workload);
        bool hasApi = false, hasEvent = false, hasQueue = false, hasStore = false;
        for (const Edge &e : c.edges)
            (e.kind == EdgeKind::Api ? hasApi : hasEvent) = true;
        for (const Node &n : c.nodes) {
            hasQueue = hasQueue || n.kind == NodeKind::Queue;
            hasStore = hasStore || n.kind == NodeKind::Datastore;
        }
        QVERIFY2(hasApi && hasEvent && hasQueue && hasStore, c.id.c_str());
    }
    // No workload is dead weight.
    for (const Workload &w : project.workloads)
        QVERIFY2(usedWorkloads.count(w.id), w.id.c_str());
}

void TestFileFormat::exampleLayoutIsReadable_data()
{
    exampleRoundTrip_data();
}

void TestFileFormat::exampleLayoutIsReadable()
{
    QFETCH(QString, path);
    const ReadResult<Project> read = readProject(readWholeFile(path));
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    for (const Candidate &c : read.value->candidates) {
        QVERIFY2(!c.contexts.empty(), c.id.c_str());
        for (size_t i = 0; i < c.contexts.size(); ++i)
            for (size_t j = i + 1; j < c.contexts.size(); ++j)
                QVERIFY2(!contextBox(c.contexts[i]).overlaps(contextBox(c.contexts[j])),
                         (c.id + ": " + c.contexts[i].id + " overlaps " + c.contexts[j].id)
                             .c_str());
        for (size_t i = 0; i < c.nodes.size(); ++i) {
            const Node &n = c.nodes[i];
            const std::string where = c.id + "/" + n.id;
            QVERIFY2(n.pos.x >= 0 && n.pos.y >= 0, where.c_str());
            // A node drawn in a context box belongs to it, and only then.
            for (const Context &x : c.contexts) {
                if (n.context == x.id)
                    QVERIFY2(nodeBox(n).inside(x.rect), (where + " outside " + x.id).c_str());
                else
                    QVERIFY2(!nodeBox(n).overlaps(contextBox(x)),
                             (where + " drawn over " + x.id).c_str());
            }
            // Side by side at least 180 px apart, or clearly on another row.
            for (size_t j = i + 1; j < c.nodes.size(); ++j) {
                const Node &m = c.nodes[j];
                const bool apart = std::abs(n.pos.x - m.pos.x) >= 180 ||
                                   std::abs(n.pos.y - m.pos.y) >= 100;
                QVERIFY2(apart, (where + " crowds " + m.id).c_str());
            }
        }
        // Left to right: every api edge leaves its caller towards the right or straight down.
        for (const Edge &e : c.edges) {
            const Node *from = c.findNode(e.from);
            const Node *to = c.findNode(e.to);
            QVERIFY(from && to);
            QVERIFY2(to->pos.x > from->pos.x ||
                         (to->pos.x == from->pos.x && to->pos.y > from->pos.y),
                     (c.id + "/" + e.id + " runs backwards").c_str());
        }
    }
}

void TestFileFormat::oneExampleReplaysATrace()
{
    int traces = 0;
    for (const QString &file : exampleFiles()) {
        const ReadResult<Project> read = readProject(readWholeFile(examplesDir() + '/' + file));
        QVERIFY2(read.ok(), qPrintable(file));
        for (const Workload &w : read.value->workloads)
            if (w.shape == WorkloadShape::Trace) {
                ++traces;
                QVERIFY2(w.points.size() >= 8 && w.points.size() <= 200, w.id.c_str());
                QVERIFY(std::is_sorted(w.points.begin(), w.points.end()));
            }
    }
    QVERIFY(traces >= 1);
}

// ---------------------------------------------------------------------------------------------
// Writer

void TestFileFormat::writerKeepsEveryField()
{
    Project p;
    p.name = "Ünïcode \"quoted\" / name";
    p.description = "Line one.\nLine two with a tab\t.";
    p.pricing.freeTier = true;
    p.pricing.hoursPerMonth = 720;
    p.pricing.overrides = {{"aws.lambda.requestsPerMillionUsd", 0.17},
                           {"aws.rds.defaultInstances", 2}};
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Spiky, "w1", "Spikes"));
    p.workloads[0].params["spikeRps"] = 333.25;
    Workload trace = makeDefaultWorkload(WorkloadShape::Trace, "w2", "Replay");
    trace.points = {{0, 1.1}, {61.5, 0.1}, {1439, 1234567.125}};
    p.workloads.push_back(trace);
    Candidate c;
    c.id = "c1";
    c.name = "Mixed";
    c.contexts.push_back({"x1", "Team A", {-10.5, 20, 300.25, 200}});
    Node client = makeDefaultNode(NodeKind::Client, "n1", "Web", {-40, 80});
    client.workload = "w2";
    Node fn = makeDefaultNode(NodeKind::Function, "n2", "Resize", {200.5, 80});
    fn.context = "x1";
    fn.params["memoryMb"] = 1536.0;
    fn.params["durationMs"] = 0.1;
    fn.params["needsState"] = true;
    fn.params["runtime"] = std::string("python3.12");
    Node store = makeDefaultNode(NodeKind::Datastore, "n3", "DB", {400, 80});
    store.params["product"] = std::string("redis");
    c.nodes = {client, fn, store};
    c.edges.push_back({"e1", EdgeKind::Api, "n1", "n2", 2.5, 35.75, true, false});
    c.edges.push_back({"e2", EdgeKind::Api, "n2", "n3", 0.3, 1, false, true});
    p.candidates.push_back(c);
    QVERIFY2(validateProject(p).empty(), problemList(validateProject(p)).constData());

    const std::string text = writeProject(p);
    const ReadResult<Project> back = readProject(text);
    QVERIFY2(back.ok(), problemList(back.problems).constData());
    QVERIFY(*back.value == p);
    QVERIFY(writeProject(*back.value) == text);
}

void TestFileFormat::absentParamsTakeDefaultsAndAreWritten()
{
    // The base file gives only some function params; Save writes all of them, with defaults.
    const ReadResult<Project> read = readProject(baseProject().dump());
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    const Node *fn = read.value->candidates[0].findNode("n3");
    QVERIFY(fn);
    const ParamSpec *coldStart = findNodeParamSpec(NodeKind::Function, "coldStartMs");
    QVERIFY(coldStart);
    QCOMPARE(fn->number("coldStartMs"), std::get<double>(coldStart->defaultValue));
    QCOMPARE(fn->number("memoryMb"), 512.0);

    const OrderedJson written = OrderedJson::parse(writeProject(*read.value));
    const OrderedJson &params = written["candidates"][0]["nodes"][2]["params"];
    std::vector<std::string> keys;
    for (const auto &[key, value] : params.items())
        keys.push_back(key);
    std::vector<std::string> specKeys;
    for (const ParamSpec &spec : nodeParamSpecs(NodeKind::Function))
        specKeys.push_back(spec.key);
    QVERIFY(keys == specKeys); // every key, in schema order
    QCOMPARE(params["coldStartMs"].get<double>(), std::get<double>(coldStart->defaultValue));
}

void TestFileFormat::runTimeIsStatedAtOwnMemoryWhenAbsent_data()
{
    QTest::addColumn<double>("memoryMb");
    QTest::addColumn<double>("statedInFile"); // 0: the file has no runTimeAtMemoryMb
    QTest::addColumn<double>("statedRead");
    // Files from before issue 11.3 keep their figures: the run time is at the function's own
    // memory, and Save writes that down (so a later memory edit keeps the stated size).
    QTest::newRow("absent, 1,024 MB: at 1,024 MB") << 1024.0 << 0.0 << 1024.0;
    QTest::newRow("absent, 128 MB: at 128 MB, not the 512 MB default") << 128.0 << 0.0 << 128.0;
    QTest::newRow("given: kept apart from the memory") << 2048.0 << 512.0 << 512.0;
}

void TestFileFormat::runTimeIsStatedAtOwnMemoryWhenAbsent()
{
    QFETCH(double, memoryMb);
    QFETCH(double, statedInFile);
    QFETCH(double, statedRead);
    OrderedJson json = baseProject();
    OrderedJson &params = json["candidates"][0]["nodes"][2]["params"];
    params["memoryMb"] = memoryMb;
    params.erase("runTimeAtMemoryMb");
    if (statedInFile > 0)
        params["runTimeAtMemoryMb"] = statedInFile;
    const ReadResult<Project> read = readProject(json.dump());
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    const Node *fn = read.value->candidates[0].findNode("n3");
    QCOMPARE(fn->number("runTimeAtMemoryMb"), statedRead);
    const OrderedJson written = OrderedJson::parse(writeProject(*read.value));
    QCOMPARE(written["candidates"][0]["nodes"][2]["params"]["runTimeAtMemoryMb"].get<double>(),
             statedRead);
    // A node built in code without the key is written at its own memory too.
    Project built = *read.value;
    built.candidates[0].findNode("n3")->params.erase("runTimeAtMemoryMb");
    const OrderedJson builtJson = OrderedJson::parse(writeProject(built));
    QCOMPARE(builtJson["candidates"][0]["nodes"][2]["params"]["runTimeAtMemoryMb"].get<double>(),
             memoryMb);
}

void TestFileFormat::rangesRoundTrip()
{
    // Ranges in each object that holds parameters: a node's params, an edge, a workload.
    OrderedJson json = baseProject();
    json["workloads"][0]["ranges"] = {{"peakRps", {60, 300}}};
    json["candidates"][0]["nodes"][2]["params"]["ranges"] = {{"durationMs", {80, 200}},
                                                             {"memoryMb", {512, 1024}}};
    json["candidates"][0]["edges"][0]["ranges"] = {{"latencyMs", {5, 80.5}}};
    const ReadResult<Project> read = readProject(json.dump());
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    const Project &p = *read.value;
    QCOMPARE(p.workloads[0].ranges.at("peakRps"), (ParamRange{60, 300}));
    QCOMPARE(p.candidates[0].nodes[2].ranges.at("durationMs"), (ParamRange{80, 200}));
    QCOMPARE(p.candidates[0].nodes[2].ranges.size(), std::size_t(2));
    QCOMPARE(p.candidates[0].edges[0].ranges.at("latencyMs"), (ParamRange{5, 80.5}));
    QVERIFY(p.candidates[0].nodes[1].ranges.empty());

    const std::string text = writeProject(p);
    QVERIFY2(text.find("\"ranges\": {\n              \"durationMs\": [80, 200],") != std::string::npos,
             text.c_str());
    const ReadResult<Project> back = readProject(text);
    QVERIFY2(back.ok(), problemList(back.problems).constData());
    QVERIFY(*back.value == p);
    QCOMPARE(writeProject(*back.value), text);
    // Without ranges nothing is written: files without them are unchanged.
    Project plain = p;
    plain.workloads[0].ranges.clear();
    plain.candidates[0].nodes[2].ranges.clear();
    plain.candidates[0].edges[0].ranges.clear();
    QVERIFY(writeProject(plain).find("ranges") == std::string::npos);
}

void TestFileFormat::unknownFieldsAreIgnored()
{
    // A newer Skyline of the same version may add fields; this one still opens the file.
    OrderedJson json = baseProject();
    json["generator"] = "Skyline 9";
    json["candidates"][0]["nodes"][2]["colour"] = "#ff0000";
    json["candidates"][0]["nodes"][2]["params"]["futureKnob"] = 3;
    const ReadResult<Project> read = readProject(json.dump());
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    QCOMPARE(read.value->candidates[0].nodes.size(), size_t(6));
}

void TestFileFormat::canonicalTextShape()
{
    const ReadResult<Project> read = readProject(baseProject().dump());
    QVERIFY2(read.ok(), problemList(read.problems).constData());
    const std::string text = writeProject(*read.value);
    QVERIFY(text.rfind("{\n  \"format\": \"skyline\",\n  \"version\": 1,\n", 0) == 0);
    QVERIFY(text.back() == '\n');
    QVERIFY(text.find("\"pos\": [20, 80]") != std::string::npos);        // numbers on one line
    QVERIFY(text.find("\"points\": [\n") != std::string::npos);          // pairs one per line
    QVERIFY(text.find("[60, 3.9]") != std::string::npos);
    QVERIFY(text.find("\"memoryMb\": 512,") != std::string::npos);       // no "512.0"
    QVERIFY(text.find("\"perRequest\": 0.3,") != std::string::npos);     // shortest decimal
    QVERIFY(text.find('\t') == std::string::npos);
    // Flags are written only when set.
    size_t parallelFlags = 0;
    for (size_t at = text.find("\"parallel\""); at != std::string::npos;
         at = text.find("\"parallel\"", at + 1))
        ++parallelFlags;
    QCOMPARE(parallelFlags, size_t(1));
}

// ---------------------------------------------------------------------------------------------
// Broken files

void TestFileFormat::brokenFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("message");

    const std::string base = baseProject().dump(2);
    const std::string example = readWholeFile(examplesDir() + "/checkout.skyline");
    const QString node = QStringLiteral("/candidates/0/nodes/");
    const QString edge = QStringLiteral("/candidates/0/edges/");

    // Not a document at all
    QTest::newRow("empty file") << QByteArray() << "" << "the file is empty";
    QTest::newRow("only whitespace") << QByteArray(" \n\t\r\n ") << "" << "the file is empty";
    QTest::newRow("truncated JSON")
        << QByteArray::fromStdString(base.substr(0, base.size() * 3 / 5)) << ""
        << "not valid JSON at line";
    QTest::newRow("truncated example")
        << QByteArray::fromStdString(example.substr(0, example.size() / 2)) << ""
        << "not valid JSON at line";
    QTest::newRow("plain text") << QByteArray("Checkout, serverless") << ""
                                << "not valid JSON at line 1";
    QTest::newRow("error on line 3") << QByteArray("{\n  \"format\": \"skyline\",\n  oops\n}")
                                     << "" << "not valid JSON at line 3";
    QTest::newRow("root is an array") << QByteArray("[1, 2]") << ""
                                      << "at line 1, column 1: expected a Skyline project";
    QTest::newRow("root is a string") << QByteArray("\n\n  \"skyline\"") << ""
                                      << "at line 3, column 3: expected a Skyline project, a "
                                         "JSON object with \"format\": \"skyline\", found a string";

    // A key twice in one object: JSON leaves it undefined, the last would win silently
    QTest::newRow("duplicate key at the root")
        << QByteArray::fromStdString(base).replace("\"name\": \"Shop\"",
                                                   "\"name\": \"Shop\", \"name\": \"Shop 2\"")
        << "/name" << "the key 'name' appears twice in this object";
    QTest::newRow("duplicate key in a node")
        << QByteArray::fromStdString(base).replace("\"memoryMb\": 512",
                                                   "\"memoryMb\": 512, \"memoryMb\": 1024")
        << node + "2/params/memoryMb" << "appears twice";
    QTest::newRow("duplicate key needing escapes")
        << QByteArray(R"({"format": "skyline", "pricing": {"overrides": {"a/b~c": 1, "a/b~c": 2}}})")
        << "/pricing/overrides/a~1b~0c" << "the key 'a/b~c' appears twice";
    QTest::newRow("same key in two objects is fine, the third node's twice is not")
        << QByteArray(R"({"candidates": [{"nodes": [{"id": "a"}, {"id": "b"}, [], {"id": 1, "x": {"id": 2}, "id": 3}]}]})")
        << "/candidates/0/nodes/3/id" << "appears twice";

    // Not a Skyline file, or not this version
    QTest::newRow("format missing") << edited(erase("/format")) << "/format"
                                    << "not a Skyline file";
    QTest::newRow("some other JSON") << QByteArray(R"({"name": "package.json"})") << "/format"
                                     << "not a Skyline file";
    QTest::newRow("price catalog") << edited(set("/format", "skyline-price-catalog"))
                                   << "/format" << "expected \"skyline\"";
    QTest::newRow("future version") << edited(set("/version", 2)) << "/version"
                                    << "version 2 was written by a newer Skyline";
    QTest::newRow("version as text") << edited(set("/version", "1")) << "/version"
                                     << "a whole number";
    QTest::newRow("version 1.5") << edited(set("/version", 1.5)) << "/version"
                                 << "a whole number";
    QTest::newRow("version 0") << edited(set("/version", 0)) << "/version" << "at least 1";

    // Wrong types
    QTest::newRow("name is a number") << edited(set("/name", 42)) << "/name"
                                      << "expected a string, found a number";
    // Ranges (issue 11 point 4)
    QTest::newRow("range low above the value")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"durationMs", {150, 200}}}))
        << node + "2/params/ranges/durationMs" << "low 150 must not be above the value 120";
    QTest::newRow("range high below the value")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"durationMs", {80, 100}}}))
        << node + "2/params/ranges/durationMs" << "high 100 must not be below the value 120";
    QTest::newRow("negative range")
        << edited(set("/workloads/0/ranges", {{"peakRps", {-10, 200}}}))
        << "/workloads/0/ranges/peakRps" << "low must be between 0 and 10,000,000 req/s";
    QTest::newRow("range on a choice")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"provider", {1, 2}}}))
        << node + "2/params/ranges/provider" << "only numeric parameters can have a range";
    QTest::newRow("range on a flag")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"needsState", {0, 1}}}))
        << node + "2/params/ranges/needsState" << "only numeric parameters can have a range";
    QTest::newRow("range on the memory a run time is stated at")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"runTimeAtMemoryMb", {256, 1024}}}))
        << node + "2/params/ranges/runTimeAtMemoryMb"
        << "the memory the run time is stated at cannot have a range";
    QTest::newRow("range of an unknown parameter")
        << edited(set("/candidates/0/edges/0/ranges", {{"bandwidth", {1, 2}}}))
        << edge + "0/ranges/bandwidth" << "'bandwidth' is not a parameter here";
    QTest::newRow("range of a trace")
        << edited(set("/workloads/1/ranges", {{"rps", {1, 2}}}))
        << "/workloads/1/ranges/rps" << "'rps' is not a parameter here";
    QTest::newRow("range not a pair")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"durationMs", {80, 150, 200}}}))
        << node + "2/params/ranges/durationMs" << "expected [low, high], two numbers";
    QTest::newRow("range of text")
        << edited(set("/candidates/0/nodes/2/params/ranges", {{"durationMs", {"80", "200"}}}))
        << node + "2/params/ranges/durationMs" << "expected [low, high], two numbers";
    QTest::newRow("ranges not an object")
        << edited(set("/workloads/0/ranges", {60, 300}))
        << "/workloads/0/ranges" << "expected an object, found an array";
    QTest::newRow("memoryMb is a string")
        << edited(set("/candidates/0/nodes/2/params/memoryMb", "512"))
        << node + "2/params/memoryMb" << "must be a number";
    QTest::newRow("needsState is a string")
        << edited(set("/candidates/0/nodes/2/params/needsState", "yes"))
        << node + "2/params/needsState" << "must be true or false";
    QTest::newRow("params is an array") << edited(set("/candidates/0/nodes/3/params", {1, 2}))
                                        << node + "3/params" << "expected an object";
    QTest::newRow("pos is text") << edited(set("/candidates/0/nodes/1/pos", "200,80"))
                                 << node + "1/pos" << "expected an array of 2 numbers";
    QTest::newRow("pos missing") << edited(erase("/candidates/0/nodes/1/pos"))
                                 << node + "1/pos" << "is missing";
    QTest::newRow("perRequest is text") << edited(set("/candidates/0/edges/1/perRequest", "1"))
                                        << edge + "1/perRequest" << "expected a number";
    QTest::newRow("parallel is a number") << edited(set("/candidates/0/edges/2/parallel", 1))
                                          << edge + "2/parallel" << "expected true or false";
    QTest::newRow("nodes is an object") << edited(set("/candidates/0/nodes", OrderedJson::object()))
                                        << "/candidates/0/nodes"
                                        << "expected an array, found an object";
    QTest::newRow("candidates missing") << edited(erase("/candidates")) << "/candidates"
                                        << "is missing";
    QTest::newRow("node is a string") << edited(set("/candidates/0/nodes/4", "queue"))
                                      << node + "4" << "expected an object, found a string";

    // Unknown names
    QTest::newRow("unknown node kind") << edited(set("/candidates/0/nodes/2/kind", "lambda"))
                                       << node + "2/kind" << "unknown node kind 'lambda'";
    QTest::newRow("unknown edge kind") << edited(set("/candidates/0/edges/0/kind", "rpc"))
                                       << edge + "0/kind" << "unknown edge kind 'rpc'";
    QTest::newRow("unknown shape") << edited(set("/workloads/0/shape", "weekly"))
                                   << "/workloads/0/shape" << "unknown shape 'weekly'";
    QTest::newRow("unknown provider")
        << edited(set("/candidates/0/nodes/2/params/provider", "aws-lambada"))
        << node + "2/params/provider" << "must be one of aws-lambda";

    // Identity and references
    QTest::newRow("duplicate node id") << edited(set("/candidates/0/nodes/3/id", "n3"))
                                       << node + "3/id" << "duplicate id 'n3'";
    QTest::newRow("edge id equals a node id") << edited(set("/candidates/0/edges/0/id", "n1"))
                                              << edge + "0/id" << "duplicate id 'n1'";
    QTest::newRow("empty node id") << edited(set("/candidates/0/nodes/3/id", ""))
                                   << node + "3/id" << "must not be empty";
    QTest::newRow("duplicate workload id") << edited(set("/workloads/1/id", "w1"))
                                           << "/workloads/1/id" << "duplicate workload id 'w1'";
    QTest::newRow("duplicate candidate id")
        << edited([](OrderedJson &j) { j["candidates"].push_back(j["candidates"][0]); })
        << "/candidates/1/id" << "duplicate candidate id 'c1'";
    QTest::newRow("edge from unknown node") << edited(set("/candidates/0/edges/1/from", "n99"))
                                            << edge + "1/from"
                                            << "refers to node 'n99', which does not exist";
    QTest::newRow("edge to unknown node") << edited(set("/candidates/0/edges/1/to", "n42"))
                                          << edge + "1/to"
                                          << "refers to node 'n42', which does not exist";
    QTest::newRow("edge to itself") << edited(set("/candidates/0/edges/1/to", "n2"))
                                    << edge + "1/to" << "cannot connect a node to itself";
    QTest::newRow("edge into a client") << edited(set("/candidates/0/edges/1/to", "n1"))
                                        << edge + "1/to" << "a client cannot receive calls";
    QTest::newRow("client without workload")
        << edited(erase("/candidates/0/nodes/0/workload")) << node + "0/workload"
        << "is missing (expected a string)";
    QTest::newRow("client with empty workload")
        << edited(set("/candidates/0/nodes/0/workload", "")) << node + "0/workload"
        << "a client needs a workload";
    QTest::newRow("client with unknown workload")
        << edited(set("/candidates/0/nodes/0/workload", "w9")) << node + "0/workload"
        << "refers to workload 'w9', which does not exist";
    QTest::newRow("node in unknown context") << edited(set("/candidates/0/nodes/2/context", "x9"))
                                             << node + "2/context"
                                             << "refers to context 'x9'";

    // Out of range
    QTest::newRow("negative memory") << edited(set("/candidates/0/nodes/2/params/memoryMb", -512))
                                     << node + "2/params/memoryMb"
                                     << "must be between 128 and 10,240 MB";
    QTest::newRow("memory 20000") << edited(set("/candidates/0/nodes/2/params/memoryMb", 20000))
                                  << node + "2/params/memoryMb"
                                  << "must be between 128 and 10,240 MB";
    QTest::newRow("run time stated at 64 MB")
        << edited(set("/candidates/0/nodes/2/params/runTimeAtMemoryMb", 64))
        << node + "2/params/runTimeAtMemoryMb" << "must be between 128 and 10,240 MB";
    QTest::newRow("fractional memory")
        << edited(set("/candidates/0/nodes/2/params/memoryMb", 512.5))
        << node + "2/params/memoryMb" << "must be a whole number";
    QTest::newRow("minReplicas above maxReplicas")
        << edited([](OrderedJson &j) {
               j["candidates"][0]["nodes"][3]["params"]["minReplicas"] = 30;
           })
        << node + "3/params/maxReplicas" << "must be at least Min replicas (30 replicas)";
    QTest::newRow("provisioned above limit")
        << edited(set("/candidates/0/nodes/2/params/provisionedConcurrency", 101))
        << node + "2/params/provisionedConcurrency" << "must not exceed Concurrency limit";
    QTest::newRow("negative perRequest") << edited(set("/candidates/0/edges/1/perRequest", -1))
                                         << edge + "1/perRequest" << "must be between 0 and 1,000";
    QTest::newRow("edge latency of two minutes")
        << edited(set("/candidates/0/edges/1/latencyMs", 120000)) << edge + "1/latencyMs"
        << "must be between 0 and 60,000";
    QTest::newRow("context without width") << edited(set("/candidates/0/contexts/0/rect/2", 0))
                                           << "/candidates/0/contexts/0/rect"
                                           << "width and height must be positive";
    QTest::newRow("hours per month 800") << edited(set("/pricing/hoursPerMonth", 800))
                                         << "/pricing/hoursPerMonth"
                                         << "must be between 1 and 744";
    QTest::newRow("negative price override")
        << edited(set("/pricing/overrides/aws.lambda.requestsPerMillionUsd", -0.2))
        << "/pricing/overrides/aws.lambda.requestsPerMillionUsd" << "expected a price";
    QTest::newRow("override key with a slash is escaped")
        << edited([](OrderedJson &j) { j["pricing"]["overrides"]["a/b~c"] = "free"; })
        << "/pricing/overrides/a~1b~0c" << "expected a price";
    QTest::newRow("key twice, with a slash and a tilde, is escaped")
        << QByteArray("{\"format\": \"skyline\", \"version\": 1, \"pricing\": {\"overrides\": "
                      "{\"a/b~c\": 1, \"a/b~c\": 2}}, \"candidates\": []}")
        << "/pricing/overrides/a~1b~0c" << "the key 'a/b~c' appears twice";
    QTest::newRow("param key of a node with a slash is escaped in the parse pointer")
        << QByteArray("{\"format\": \"skyline\", \"version\": 1, \"candidates\": "
                      "[{\"id\": \"c1\", \"nodes\": [{\"~x/\": 1, \"~x/\": 2}]}]}")
        << "/candidates/0/nodes/0/~0x~1" << "appears twice";
    QTest::newRow("business hours close before they open")
        << edited([](OrderedJson &j) {
               j["workloads"][0] = {{"id", "w1"}, {"shape", "business-hours"},
                                    {"startHour", 18}, {"endHour", 9}};
           })
        << "/workloads/0/endHour" << "must be later than Opens (18 h)";

    // Traces
    QTest::newRow("trace point with one number")
        << edited(set("/workloads/1/points/1", {60})) << "/workloads/1/points/1"
        << "expected [minute, rps]";
    QTest::newRow("trace point with text") << edited(set("/workloads/1/points/1", {"noon", 4}))
                                           << "/workloads/1/points/1" << "expected [minute, rps]";
    QTest::newRow("trace point with negative rate")
        << edited(set("/workloads/1/points/1", {60, -4})) << "/workloads/1/points/1/1"
        << "rate must be between 0 and";
    QTest::newRow("trace point at negative minute")
        << edited(set("/workloads/1/points/0", {-1, 4})) << "/workloads/1/points/0/0"
        << "minute must be between 0 and";
    QTest::newRow("trace without points") << edited(erase("/workloads/1/points"))
                                          << "/workloads/1/points"
                                          << "at least one pair";
}

void TestFileFormat::brokenFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, pointer);
    QFETCH(QString, message);

    const ReadResult<Project> read = readProject(text.toStdString());
    QVERIFY2(!read.ok(), "a broken file must not load");
    QVERIFY(!read.value.has_value()); // nothing half-loaded
    QVERIFY(!read.problems.empty());
    bool found = false;
    for (const Problem &p : read.problems) {
        QVERIFY2(!p.message.empty(), describe(p).c_str());
        if (QString::fromStdString(p.pointer) == pointer &&
            QString::fromStdString(p.message).contains(message))
            found = true;
    }
    const QByteArray why = "expected '" + pointer.toUtf8() + ": " + message.toUtf8() +
                           "', got " + problemList(read.problems);
    QVERIFY2(found, why.constData());
    // The pointer names the place in the file's own terms.
    const std::string shown = describe(read.problems.front());
    QVERIFY(pointer.isEmpty() || QString::fromStdString(shown).startsWith('/'));
}

void TestFileFormat::everyProblemIsReported()
{
    // Fixing one problem at a time is tedious: the reader lists every bad value it can see.
    const QByteArray text = edited([](OrderedJson &j) {
        j["candidates"][0]["nodes"][2]["params"]["memoryMb"] = 20000;
        j["candidates"][0]["nodes"][3]["params"]["vcpu"] = "two";
        j["candidates"][0]["edges"][0]["perRequest"] = -3;
    });
    const ReadResult<Project> read = readProject(text.toStdString());
    QVERIFY(!read.ok());
    std::set<std::string> pointers;
    for (const Problem &p : read.problems)
        pointers.insert(p.pointer);
    const QByteArray all = problemList(read.problems);
    QVERIFY2(pointers.count("/candidates/0/nodes/2/params/memoryMb"), all.constData());
    QVERIFY2(pointers.count("/candidates/0/nodes/3/params/vcpu"), all.constData());
    QVERIFY2(pointers.count("/candidates/0/edges/0/perRequest"), all.constData());
}

void TestFileFormat::deepNestingDoesNotCrash_data()
{
    // A value nested 100,000 deep, alone or among ordinary fields, is refused with a message
    // (and no stack overflow); ordinary nesting inside unknown fields still loads.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("loads");
    constexpr int depth = 100000;
    QTest::newRow("unterminated [[[") << QByteArray::fromStdString(nested(depth, false)) << false;
    QTest::newRow("balanced [[[ ]]]") << QByteArray::fromStdString(nested(depth, true)) << false;
    QTest::newRow("deep objects") << QByteArray::fromStdString([] {
        std::string s;
        for (int i = 0; i < depth; ++i)
            s += "{\"a\":";
        return s + "1" + std::string(depth, '}');
    }()) << false;
    auto nestedAt = [&](const std::string &pointer, int levels) {
        return edited(set(pointer, "@DEEP@"))
            .replace("\"@DEEP@\"", QByteArray::fromStdString(nested(levels, true)));
    };
    for (const char *pointer :
         {"/name", "/candidates/0/nodes/2/params/memoryMb", "/candidates/0/nodes/3/params",
          "/candidates/0/nodes/1/pos", "/candidates/0/contexts/0/rect",
          "/candidates/0/edges/1/perRequest", "/workloads/0/peakRps", "/workloads/1/points/1",
          "/pricing/overrides/deep", "/candidates/0/nodes/0/workload", "/unknownField"})
        QTest::newRow((std::string("deep value at ") + pointer).c_str())
            << nestedAt(pointer, depth) << false;
    QTest::newRow("100 levels in an unknown field") << nestedAt("/unknownField", 100) << true;
    QTest::newRow("100 levels in a node's unknown field")
        << nestedAt("/candidates/0/nodes/2/notes", 100) << true;
}

void TestFileFormat::deepNestingDoesNotCrash()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, loads);
    const ReadResult<Project> read = readProject(text.toStdString());
    QCOMPARE(read.ok(), loads);
    if (loads)
        return;
    QVERIFY(!read.problems.empty());
    const QString message = QString::fromStdString(read.problems.front().message);
    QVERIFY2(message.contains(QLatin1String("nested deeper than 256 levels")), qPrintable(message));
    // The place: 257 levels below the root, e.g. /name/0/0/.../0.
    const QString pointer = QString::fromStdString(read.problems.front().pointer);
    QVERIFY2(pointer.count(QLatin1Char('/')) >= 257, qPrintable(pointer.left(80)));
}

void TestFileFormat::everyMessageIsValidUtf8AndNamesItsPlace_data()
{
    QTest::addColumn<QByteArray>("text");
    // Names with characters of two, three and four bytes, cut at every byte: the parser's
    // "last read" then ends inside a character (issue 12 item 9: 444 of 4,352 fuzzed runs).
    std::string named = baseProject().dump(2);
    const std::string multiByte = "Z\u00fcrich \u2192 K\u00f6ln \u2713 \U0001F680";
    for (std::size_t at = named.find("\"Shop\""); at != std::string::npos;
         at = named.find("\"Shop\"", at + 1))
        named.replace(at, 6, "\"" + multiByte + "\"");
    const std::size_t from = named.find(multiByte);
    for (std::size_t cut = from; cut < from + multiByte.size(); ++cut)
        QTest::newRow(("cut at byte " + std::to_string(cut)).c_str())
            << QByteArray::fromStdString(named.substr(0, cut));
    QTest::newRow("Latin-1 byte in a string") << QByteArray("{\"name\": \"Z\xfcrich\"}");
    QTest::newRow("multi-byte bare word") << QByteArray("{\"name\": \xc3\xbc}");
    QTest::newRow("lone continuation bytes") << QByteArray("\x80\x80\x80");
    QTest::newRow("overlong slash") << QByteArray("{\"a\": \"\xc0\xaf\"}");
    QTest::newRow("surrogate half") << QByteArray("{\"a\": \"\xed\xa0\x80\"}");
    QTest::newRow("key twice, multi-byte")
        << QByteArray("{\"format\": \"skyline\", \"\xc3\xbc\": 1, \"\xc3\xbc\": 2}");
    QTest::newRow("root is a number") << QByteArray("  42");
}

void TestFileFormat::everyMessageIsValidUtf8AndNamesItsPlace()
{
    QFETCH(QByteArray, text);
    const ReadResult<Project> read = readProject(text.toStdString());
    QVERIFY(!read.ok());
    QVERIFY(!read.problems.empty());
    for (const Problem &p : read.problems) {
        const std::string shown = describe(p);
        QVERIFY2(validUtf8(shown) == shown, validUtf8(shown).c_str());
        const QString message = QString::fromStdString(p.message);
        const bool lineAndColumn =
            QRegularExpression(QStringLiteral("line \\d+, column \\d+")).match(message).hasMatch();
        QVERIFY2(!p.pointer.empty() || lineAndColumn, shown.c_str());
    }
}

void TestFileFormat::randomMutationsNeverCrash()
{
    // Seeded, so a failure reproduces: flip, insert and delete bytes of every example.
    std::mt19937 random(20261126);
    const char interesting[] = "{}[]\",:0123456789-.eEtrufalsn \n\\/";
    int loaded = 0, refused = 0;
    for (const QString &file : exampleFiles()) {
        const std::string original = readWholeFile(examplesDir() + '/' + file);
        QVERIFY(!original.empty());
        for (int round = 0; round < 150; ++round) {
            std::string text = original;
            const int edits = 1 + int(random() % 6);
            for (int k = 0; k < edits && !text.empty(); ++k) {
                const size_t at = random() % text.size();
                const char byte = random() % 2 ? interesting[random() % (sizeof interesting - 1)]
                                               : char(random() % 256);
                switch (random() % 3) {
                case 0: text[at] = byte; break;
                case 1: text.insert(text.begin() + long(at), byte); break;
                default: text.erase(at, 1 + random() % 8); break;
                }
            }
            const ReadResult<Project> read = readProject(text);
            if (read.ok()) {
                ++loaded;
                QVERIFY(read.problems.empty());
                // Whatever loaded is a valid project that saves and reopens as itself.
                QVERIFY(validateProject(*read.value).empty());
                const ReadResult<Project> again = readProject(writeProject(*read.value));
                QVERIFY2(again.ok(), problemList(again.problems).constData());
                QVERIFY(*again.value == *read.value);
            } else {
                ++refused;
                QVERIFY(!read.problems.empty());
                for (const Problem &p : read.problems)
                    QVERIFY2(!p.message.empty(), qPrintable(file));
            }
        }
    }
    // Both outcomes occur, or the mutations are not testing anything.
    QVERIFY2(loaded > 0 && refused > 0,
             qPrintable(QStringLiteral("loaded %1, refused %2").arg(loaded).arg(refused)));
}

// ---------------------------------------------------------------------------------------------
// Domain helpers

void TestFileFormat::uniqueIdSkipsUsedIds_data()
{
    QTest::addColumn<QStringList>("workloadIds");
    QTest::addColumn<QStringList>("firstCandidateIds"); // node, edge and context ids
    QTest::addColumn<QStringList>("secondCandidateIds");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty project") << QStringList() << QStringList() << QStringList() << "n"
                                   << "n1";
    QTest::newRow("next after n1 n2") << QStringList() << QStringList{"n1", "n2"}
                                      << QStringList() << "n" << "n3";
    QTest::newRow("fills a gap") << QStringList() << QStringList{"n1", "n3"} << QStringList()
                                 << "n" << "n2";
    QTest::newRow("ids of other candidates count") << QStringList() << QStringList{"n1"}
                                                   << QStringList{"n2", "n3"} << "n" << "n4";
    QTest::newRow("other prefixes do not count") << QStringList() << QStringList{"n1", "n2"}
                                                 << QStringList() << "e" << "e1";
    QTest::newRow("edges and contexts count") << QStringList() << QStringList{"e1", "x1", "e2"}
                                              << QStringList() << "e" << "e3";
    QTest::newRow("workloads count") << QStringList{"w1", "w2"} << QStringList() << QStringList()
                                     << "w" << "w3";
    QTest::newRow("candidates count") << QStringList() << QStringList() << QStringList() << "c"
                                      << "c3";
    QTest::newRow("n10 is not n1") << QStringList() << QStringList{"n10", "n11"} << QStringList()
                                   << "n" << "n1";
}

void TestFileFormat::uniqueIdSkipsUsedIds()
{
    QFETCH(QStringList, workloadIds);
    QFETCH(QStringList, firstCandidateIds);
    QFETCH(QStringList, secondCandidateIds);
    QFETCH(QString, prefix);
    QFETCH(QString, expected);

    Project p;
    for (const QString &id : workloadIds)
        p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, id.toStdString(), ""));
    auto fill = [](Candidate &c, const QStringList &ids) {
        for (const QString &qid : ids) {
            const std::string id = qid.toStdString();
            if (id[0] == 'e')
                c.edges.push_back({id, EdgeKind::Api, "a", "b"});
            else if (id[0] == 'x')
                c.contexts.push_back({id, "", {0, 0, 10, 10}});
            else
                c.nodes.push_back(makeDefaultNode(NodeKind::Queue, id, "", {}));
        }
    };
    p.candidates.resize(2);
    p.candidates[0].id = "c1";
    p.candidates[1].id = "c2";
    fill(p.candidates[0], firstCandidateIds);
    fill(p.candidates[1], secondCandidateIds);

    const std::string id = uniqueId(p, prefix.toStdString());
    QCOMPARE(QString::fromStdString(id), expected);
}

void TestFileFormat::defaultNodeFillsEverySpec_data()
{
    QTest::addColumn<int>("kind");
    for (NodeKind kind : allNodeKinds)
        QTest::newRow(toString(kind)) << int(kind);
}

void TestFileFormat::defaultNodeFillsEverySpec()
{
    QFETCH(int, kind);
    const NodeKind nodeKind = NodeKind(kind);
    const Node node = makeDefaultNode(nodeKind, "n7", "New node", {12.5, -3});
    QCOMPARE(QString::fromStdString(node.id), QStringLiteral("n7"));
    QCOMPARE(QString::fromStdString(node.name), QStringLiteral("New node"));
    QVERIFY(node.kind == nodeKind);
    QVERIFY((node.pos == PointF{12.5, -3}));
    QVERIFY(node.context.empty());

    const auto &specs = nodeParamSpecs(nodeKind);
    QCOMPARE(node.params.size(), specs.size());
    for (const ParamSpec &spec : specs) {
        const auto it = node.params.find(spec.key);
        QVERIFY2(it != node.params.end(), spec.key.c_str());
        QVERIFY2(it->second == spec.defaultValue, spec.key.c_str());
        // Every default is a value the validator accepts (the palette never makes a bad node).
        QVERIFY2(checkParamValue(spec, spec.defaultValue).empty(), spec.key.c_str());
        QVERIFY2(!spec.help.empty() && !spec.label.empty(), spec.key.c_str());
    }
    if (nodeKind == NodeKind::Client)
        QVERIFY(specs.empty());
    else
        QVERIFY(!specs.empty());

    // A fresh node saves and reopens unchanged.
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Diurnal, "w1", "Day"));
    p.candidates.push_back({"c1", "Only", {}, {node}, {}});
    if (nodeKind == NodeKind::Client)
        p.candidates[0].nodes[0].workload = "w1";
    const ReadResult<Project> back = readProject(writeProject(p));
    QVERIFY2(back.ok(), problemList(back.problems).constData());
    QVERIFY(*back.value == p);
}

void TestFileFormat::defaultWorkloadFillsEverySpec()
{
    for (WorkloadShape shape : allWorkloadShapes) {
        const Workload w = makeDefaultWorkload(shape, "w3", "Load");
        const auto &specs = workloadParamSpecs(shape);
        QCOMPARE(w.params.size(), specs.size());
        for (const ParamSpec &spec : specs) {
            QVERIFY2(w.params.count(spec.key), spec.key.c_str());
            QVERIFY2(checkParamValue(spec, w.params.at(spec.key)).empty(), spec.key.c_str());
        }
        Project p;
        p.workloads.push_back(w);
        if (shape == WorkloadShape::Trace) // a trace needs points; the default has none
            p.workloads[0].points = {{0, 1}};
        QVERIFY2(validateProject(p).empty(), problemList(validateProject(p)).constData());
    }
}

QTEST_GUILESS_MAIN(TestFileFormat)
#include "tst_fileformat.moc"
