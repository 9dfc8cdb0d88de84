// The import builder's rules (ModelBuilder) and the entry point importFiles(): values outside
// the schema are refused and listed, ids stay unique, entry points get a client and a
// workload, the summary counts what happened, and bad input gives a message with its place.

#include "import/Import.h"
#include "support/ImportExpectations.h"
#include "import/ModelBuilder.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace skyline;
using namespace skyline::importing;

Q_DECLARE_METATYPE(skyline::NodeKind)

namespace {
const SourceLocation here{"app.yaml", 3, 5};

std::vector<ReviewItem> itemsOf(const ImportResult &result, ReviewKind kind)
{
    std::vector<ReviewItem> out;
    for (const ReviewItem &item : result.review)
        if (item.kind == kind)
            out.push_back(item);
    return out;
}


} // namespace

class TestImportCore : public QObject
{
    Q_OBJECT
private slots:
    void valuesInsideTheSchemaAreCarried_data();
    void valuesInsideTheSchemaAreCarried();
    void valuesOutsideTheSchemaAreRefusedAndListed_data();
    void valuesOutsideTheSchemaAreRefusedAndListed();
    void assumedValuesAreListed();
    void idsAreUniqueAndNamesReadable();
    void entryPointGetsAClientWithADefaultWorkload();
    void entryPointWithAGivenWorkloadIsNotListed();
    void aClientAddedAsANodeGetsAWorkload();
    void inferredEdgesAreListedOnce();
    void impossibleEdgesAreNotAdded();
    void inconsistentLimitsAreReconciledAndListed();
    void summaryCountsWhatHappened();
    void errorsImportNothing();
    void reviewFollowsTheFiles();
    void malformedYamlGivesLineAndColumn_data();
    void malformedYamlGivesLineAndColumn();
    void bytesThatAreNotUtf8AreRefusedAtTheirPlace_data();
    void bytesThatAreNotUtf8AreRefusedAtTheirPlace();
    void validYamlOfNoKnownFormatIsNamed_data();
    void validYamlOfNoKnownFormatIsNamed();
    void formatNamesRoundTrip();
};

void TestImportCore::valuesInsideTheSchemaAreCarried_data()
{
    QTest::addColumn<NodeKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::newRow("function memory") << NodeKind::Function << "memoryMb" << 1024.0;
    QTest::newRow("service vCPU") << NodeKind::Service << "vcpu" << 2.0;
    QTest::newRow("service replicas") << NodeKind::Service << "maxReplicas" << 7.0;
}

void TestImportCore::valuesInsideTheSchemaAreCarried()
{
    QFETCH(NodeKind, kind);
    QFETCH(QString, key);
    QFETCH(double, value);
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string id = builder.addNode(kind, "orders", here);
    builder.setParam(id, key.toStdString(), value, here);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    QCOMPARE(testing::candidateOf(result).findNode(id)->number(key.toStdString()), value);
    QCOMPARE(result.summary.carriedValues, 1);
    QVERIFY(result.review.empty());
}

void TestImportCore::valuesOutsideTheSchemaAreRefusedAndListed_data()
{
    QTest::addColumn<NodeKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("why");
    QTest::newRow("memory above the maximum")
        << NodeKind::Function << "memoryMb" << QVariant(20000.0)
        << "must be between 128 and 10,240 MB";
    QTest::newRow("fractional instances")
        << NodeKind::Function << "concurrencyLimit" << QVariant(2.5) << "must be a whole number";
    QTest::newRow("unknown architecture")
        << NodeKind::Service << "arch" << QVariant(QString("sparc")) << "must be one of x86, arm";
    QTest::newRow("text where a number belongs")
        << NodeKind::Service << "minReplicas" << QVariant(QString("many")) << "must be a number";
    QTest::newRow("tiny vCPU") << NodeKind::Service << "vcpu" << QVariant(0.05)
                               << "must be between 0.125 and 192 vCPU";
    QTest::newRow("no such parameter") << NodeKind::Queue << "memoryMb" << QVariant(512.0)
                                       << "a queue has no parameter 'memoryMb'";
}

void TestImportCore::valuesOutsideTheSchemaAreRefusedAndListed()
{
    QFETCH(NodeKind, kind);
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QFETCH(QString, why);
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string id = builder.addNode(kind, "orders", here);
    const Node before = *builder.node(id);
    const ParamValue v = value.typeId() == QMetaType::Double
                             ? ParamValue(value.toDouble())
                             : ParamValue(value.toString().toStdString());
    builder.setParam(id, key.toStdString(), v, here);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    // The default stays ...
    QCOMPARE(testing::candidateOf(result).findNode(id)->params, before.params);
    // ... and the refusal is listed with the node, the key, the place and the reason.
    const auto assumed = itemsOf(result, ReviewKind::AssumedValue);
    QCOMPARE(assumed.size(), size_t(1));
    QCOMPARE(assumed.front().nodeId, id);
    QCOMPARE(assumed.front().key, key.toStdString());
    QCOMPARE(assumed.front().where, here);
    const QString message = QString::fromStdString(assumed.front().message);
    QVERIFY2(message.contains(why), qPrintable(message));
    QVERIFY2(message.contains("orders"), qPrintable(message));
    QCOMPARE(result.summary.carriedValues, 0);
    QCOMPARE(result.summary.assumedValues, 1);
}

void TestImportCore::assumedValuesAreListed()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string id = builder.addNode(NodeKind::Datastore, "db", here);
    builder.assumeParam(id, "product", std::string("aws-rds"), "mongo has no product", here);
    const ImportResult result = builder.finish();
    QVERIFY(result.ok());
    QCOMPARE(testing::candidateOf(result).findNode(id)->text("product"), std::string("aws-rds"));
    const auto assumed = itemsOf(result, ReviewKind::AssumedValue);
    QCOMPARE(assumed.size(), size_t(1));
    QVERIFY(QString::fromStdString(assumed.front().message).contains("mongo has no product"));
    QCOMPARE(result.summary.assumedValues, 1);
    QCOMPARE(result.summary.carriedValues, 0);
}

void TestImportCore::idsAreUniqueAndNamesReadable()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    std::vector<std::string> ids;
    for (const char *name : {"orders", "orders", "orders", "cache"})
        ids.push_back(builder.addNode(NodeKind::Service, name, here));
    const std::string x = builder.addContext("backend");
    QCOMPARE(builder.addContext("backend"), x); // same name, same context
    ids.push_back(builder.addEntryPoint(ids[0], "orders", here));
    ids.push_back(x);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    QCOMPARE(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
    QCOMPARE(builder.findNode("orders"), ids[0]);
    std::set<std::string> names;
    for (const Node &n : testing::candidateOf(result).nodes)
        QVERIFY2(names.insert(n.name).second, n.name.c_str());
    QVERIFY(names.count("orders"));
    QVERIFY(names.count("orders 2"));
    QVERIFY(names.count("orders 3"));
    QVERIFY(validateProject(*result.project).empty());
}

void TestImportCore::entryPointGetsAClientWithADefaultWorkload()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string web = builder.addNode(NodeKind::Service, "web", here);
    const std::string client = builder.addEntryPoint(web, "web clients", here);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    const Node *c = testing::candidateOf(result).findNode(client);
    QVERIFY(c);
    QCOMPARE(c->kind, NodeKind::Client);
    QCOMPARE(c->name, std::string("web clients"));
    const Workload *w = result.project->findWorkload(c->workload);
    QVERIFY(w);
    QCOMPARE(w->shape, WorkloadShape::Constant);
    QVERIFY(w->number("rps") > 0);
    QCOMPARE(testing::candidateOf(result).edges.size(), size_t(1));
    const Edge &e = testing::candidateOf(result).edges.front();
    QCOMPARE(e.kind, EdgeKind::Api);
    QCOMPARE(e.from, client);
    QCOMPARE(e.to, web);
    const auto listed = itemsOf(result, ReviewKind::DefaultWorkload);
    QCOMPARE(listed.size(), size_t(1));
    QCOMPARE(listed.front().nodeId, client);
    QVERIFY(QString::fromStdString(listed.front().message).contains("web"));
}

void TestImportCore::entryPointWithAGivenWorkloadIsNotListed()
{
    ModelBuilder builder(SourceFormat::Sam, "app");
    const std::string fn = builder.addNode(NodeKind::Function, "Nightly", here);
    Workload schedule = makeDefaultWorkload(WorkloadShape::Constant, "", "every minute");
    schedule.params["rps"] = 1.0 / 60.0;
    const std::string client = builder.addEntryPoint(fn, "schedule", here, schedule);
    const ImportResult result = builder.finish();
    QVERIFY(result.ok());
    QVERIFY(itemsOf(result, ReviewKind::DefaultWorkload).empty());
    const Workload *w = result.project->findWorkload(testing::candidateOf(result).findNode(client)->workload);
    QVERIFY(w);
    QCOMPARE(w->name, std::string("every minute"));
    QCOMPARE(w->number("rps"), 1.0 / 60.0);
}

void TestImportCore::aClientAddedAsANodeGetsAWorkload()
{
    ModelBuilder builder(SourceFormat::Kubernetes, "app");
    const std::string client = builder.addNode(NodeKind::Client, "browser", here);
    const std::string web = builder.addNode(NodeKind::Service, "web", here);
    builder.addEdge(EdgeKind::Api, client, web, here);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    QVERIFY(result.project->findWorkload(testing::candidateOf(result).findNode(client)->workload));
    QCOMPARE(itemsOf(result, ReviewKind::DefaultWorkload).size(), size_t(1));
    QCOMPARE(builder.findNode("browser"), client);
}

void TestImportCore::inferredEdgesAreListedOnce()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string a = builder.addNode(NodeKind::Service, "orders", here);
    const std::string b = builder.addNode(NodeKind::Datastore, "db", here);
    const std::string c = builder.addNode(NodeKind::Service, "billing", here);
    const std::string e1 = builder.addInferredEdge(EdgeKind::Api, a, b, "depends_on", here);
    // The same edge inferred again (an env URL too) stays one edge with one review line.
    QCOMPARE(builder.addInferredEdge(EdgeKind::Api, a, b, "env", here), e1);
    // An inferred edge the source later states is no longer listed.
    const std::string e2 = builder.addInferredEdge(EdgeKind::Api, a, c, "depends_on", here);
    QCOMPARE(builder.addEdge(EdgeKind::Api, a, c, here), e2);
    const ImportResult result = builder.finish();
    QVERIFY(result.ok());
    QCOMPARE(testing::candidateOf(result).edges.size(), size_t(2));
    const auto inferred = itemsOf(result, ReviewKind::InferredEdge);
    QCOMPARE(inferred.size(), size_t(1));
    QCOMPARE(inferred.front().edgeId, e1);
    QVERIFY(QString::fromStdString(inferred.front().message).contains("orders"));
    QVERIFY(QString::fromStdString(inferred.front().message).contains("db"));
    QCOMPARE(result.summary.inferredEdges, 1);
}

void TestImportCore::impossibleEdgesAreNotAdded()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string a = builder.addNode(NodeKind::Service, "orders", here);
    const std::string client = builder.addEntryPoint(a, "users", here);
    QVERIFY(builder.addInferredEdge(EdgeKind::Api, a, a, "env", here).empty());
    QVERIFY(builder.addEdge(EdgeKind::Api, a, client, here).empty());
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    QCOMPARE(testing::candidateOf(result).edges.size(), size_t(1));
    QCOMPARE(itemsOf(result, ReviewKind::Ignored).size(), size_t(2));
}

void TestImportCore::inconsistentLimitsAreReconciledAndListed()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    // The source gives only the minimum, above the default maximum: the maximum follows.
    const std::string a = builder.addNode(NodeKind::Service, "orders", here);
    builder.setParam(a, "minReplicas", 30.0, here);
    // The source gives both the wrong way round: the minimum comes down to the maximum.
    const std::string b = builder.addNode(NodeKind::Service, "billing", here);
    builder.setParam(b, "minReplicas", 5.0, here);
    builder.setParam(b, "maxReplicas", 3.0, here);
    const ImportResult result = builder.finish();
    QVERIFY2(result.ok(), qPrintable(testing::joined(result.errors)));
    QCOMPARE(testing::candidateOf(result).findNode(a)->number("minReplicas"), 30.0);
    QCOMPARE(testing::candidateOf(result).findNode(a)->number("maxReplicas"), 30.0);
    QCOMPARE(testing::candidateOf(result).findNode(b)->number("minReplicas"), 3.0);
    QCOMPARE(testing::candidateOf(result).findNode(b)->number("maxReplicas"), 3.0);
    const auto assumed = itemsOf(result, ReviewKind::AssumedValue);
    QCOMPARE(assumed.size(), size_t(2));
    QCOMPARE(assumed[0].key, std::string("maxReplicas"));
    QCOMPARE(assumed[1].key, std::string("minReplicas"));
}

void TestImportCore::summaryCountsWhatHappened()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    const std::string a = builder.addNode(NodeKind::Service, "orders", here);
    const std::string b = builder.addNode(NodeKind::Datastore, "db", here);
    builder.putInContext(a, builder.addContext("backend"));
    builder.setParam(a, "vcpu", 1.0, here);
    builder.setParam(a, "memoryGb", 2.0, here);
    builder.setParam(a, "memoryGb", -1.0, here); // refused
    builder.assumeParam(b, "latencyMs", 3.0, "typical", here);
    builder.addInferredEdge(EdgeKind::Api, a, b, "depends_on", here);
    builder.addEntryPoint(a, "users", here);
    builder.unresolved("${TAG} has no default", here);
    builder.ignored("volumes are not modelled", here);
    const ImportResult result = builder.finish();
    QVERIFY(result.ok());
    QCOMPARE(result.summary.nodes, 3);
    QCOMPARE(result.summary.edges, 2);
    QCOMPARE(result.summary.contexts, 1);
    QCOMPARE(result.summary.carriedValues, 2);
    QCOMPARE(result.summary.assumedValues, 2);
    QCOMPARE(result.summary.inferredEdges, 1);
    QCOMPARE(result.summary.unresolved, 1);
    QCOMPARE(result.review.size(), size_t(6));
}

void TestImportCore::errorsImportNothing()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    builder.addNode(NodeKind::Service, "orders", here);
    builder.error("service 'x' must be a map", here);
    QVERIFY(builder.hasErrors());
    const ImportResult result = builder.finish();
    QVERIFY(!result.ok());
    QVERIFY(!result.project);
    QCOMPARE(result.errors, std::vector<std::string>{"app.yaml:3:5: service 'x' must be a map"});
}

void TestImportCore::reviewFollowsTheFiles()
{
    ModelBuilder builder(SourceFormat::Compose, "app");
    builder.setFileOrder({"b.yaml", "a.yaml"});
    builder.unresolved("4", {"a.yaml", 3, 1});
    builder.unresolved("5", {"a.yaml", 0, 0}); // no line: last of its file
    builder.unresolved("2", {"b.yaml", 7, 9});
    builder.unresolved("3", {"a.yaml", 2, 8});
    builder.unresolved("1", {"b.yaml", 7, 2});
    builder.addNode(NodeKind::Service, "web", here);
    const ImportResult result = builder.finish();
    QVERIFY(result.ok());
    std::string order;
    for (const ReviewItem &item : result.review)
        order += item.message;
    QCOMPARE(order, std::string("12345"));
}

void TestImportCore::malformedYamlGivesLineAndColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("place");
    QTest::newRow("unclosed flow sequence") << "services:\n  web:\n    ports: [\"80:80\"\n"
                                            << "compose.yaml:4:1";
    QTest::newRow("bad indentation") << "services:\n  web:\n    image: nginx\n   ports: []\n"
                                     << "compose.yaml:4:4";
    QTest::newRow("tab indentation") << "services:\n  web:\n\timage: nginx\n"
                                     << "compose.yaml:3:2";
    QTest::newRow("unknown alias") << "services:\n  web: *missing\n"
                                   << "compose.yaml:2:8";
    // Found by fuzzing: yaml-cpp 0.7 exhausts memory on a JSON-like document whose brackets
    // do not pair up; it is refused before yaml-cpp reads it.
    QTest::newRow("JSON root closed, text follows") << "{\n  },\n  \"Resources\": {\n  }\n}\n"
                                                    << "compose.yaml:2:4";
    QTest::newRow("a bracket that closes nothing") << "[1, 2]]\n" << "compose.yaml:1:7";
    // Found by fuzzing: yaml-cpp 0.7's LoadAll never ends (and fills memory) on a ',' outside
    // brackets where a document's value belongs; it is refused at its place.
    QTest::newRow("a line starting with a comma") << "# services\n, web: {}\n"
                                                  << "compose.yaml:2:1";
    QTest::newRow("a comma after the document's value") << "\"services\" ,\n"
                                                        << "compose.yaml:1:12";
    QTest::newRow("a comma as the second document") << "services: {}\n---\n  ,\n"
                                                    << "compose.yaml:3:3";
}

void TestImportCore::malformedYamlGivesLineAndColumn()
{
    QFETCH(QString, text);
    QFETCH(QString, place);
    const SourceFile file{"compose.yaml", text.toStdString()};
    for (auto format : {std::optional<SourceFormat>(), std::optional(SourceFormat::Compose)}) {
        const ImportResult result = importFiles({file}, format);
        QVERIFY(!result.ok());
        QVERIFY(!result.project);
        QCOMPARE(result.errors.size(), size_t(1));
        const QString error = QString::fromStdString(result.errors.front());
        QVERIFY2(error.startsWith(place + ": not valid YAML"), qPrintable(error));
    }
    QVERIFY(!detectFormat(file));
}

void TestImportCore::bytesThatAreNotUtf8AreRefusedAtTheirPlace_data()
{
    // Found by fuzzing: a resource name with a stray byte became a node name, and Save threw
    // on it (nlohmann refuses to write invalid UTF-8).
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("Latin-1 in a name") << QByteArray("services:\n  caf\xe9:\n    image: nginx\n")
                                       << "compose.yaml:2:6: not valid UTF-8 (byte 0xE9)";
    QTest::newRow("after a multi-byte character")
        << QByteArray("services:\n  \xc3\xa9t\xe9:\n    image: nginx\n")
        << "compose.yaml:2:5: not valid UTF-8 (byte 0xE9)";
    QTest::newRow("first byte") << QByteArray("\xff\xfeservices: {}\n")
                                << "compose.yaml:1:1: not valid UTF-8 (byte 0xFF)";
}

void TestImportCore::bytesThatAreNotUtf8AreRefusedAtTheirPlace()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const SourceFile file{"compose.yaml", text.toStdString()};
    for (auto format : {std::optional<SourceFormat>(), std::optional(SourceFormat::Compose),
                        std::optional(SourceFormat::CloudFormation)}) {
        const ImportResult result = importFiles({file}, format);
        QVERIFY(!result.project);
        QCOMPARE(result.errors.size(), size_t(1));
        const QString error = QString::fromStdString(result.errors.front());
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }
}

void TestImportCore::validYamlOfNoKnownFormatIsNamed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("GitHub workflow")
        << "name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: "
           "ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";
    QTest::newRow("Ansible playbook")
        << "- hosts: web\n  tasks:\n    - name: install nginx\n      apt: name=nginx\n";
    QTest::newRow("plain JSON") << "{\"name\": \"x\", \"version\": 1}";
    QTest::newRow("a scalar") << "hello";
    QTest::newRow("services but also Serverless keys")
        << "service: shop\nprovider:\n  name: aws\nservices:\n  web: {}\n";
}

void TestImportCore::validYamlOfNoKnownFormatIsNamed()
{
    QFETCH(QString, text);
    const SourceFile file{".github/workflows/ci.yml", text.toStdString()};
    QVERIFY(!detectFormat(file));
    const ImportResult result = importFiles({file});
    QVERIFY(!result.ok());
    QVERIFY(!result.project);
    QCOMPARE(result.errors.size(), size_t(1));
    const QString error = QString::fromStdString(result.errors.front());
    QVERIFY2(error.startsWith(".github/workflows/ci.yml: valid YAML, but not a format"),
             qPrintable(error));
    QVERIFY2(error.contains("tried compose"), qPrintable(error));
}

void TestImportCore::formatNamesRoundTrip()
{
    for (SourceFormat f : {SourceFormat::Compose, SourceFormat::Sam, SourceFormat::CloudFormation,
                           SourceFormat::Serverless, SourceFormat::Kubernetes})
        QCOMPARE(sourceFormatFromString(toString(f)), std::optional(f));
    QVERIFY(!sourceFormatFromString("terraform"));
    QCOMPARE(std::string(toString(ReviewKind::InferredEdge)), std::string("inferred-edge"));
    QCOMPARE(describe(SourceLocation{"a.yaml", 4, 0}), std::string("a.yaml:4"));
    QCOMPARE(describe(SourceLocation{"a.yaml", 4, 2}), std::string("a.yaml:4:2"));
}

QTEST_GUILESS_MAIN(TestImportCore)
#include "tst_importcore.moc"
