// Docker Compose files (tests/import/data/compose): a 10-service shop with Redis, PostgreSQL
// and RabbitMQ, a version 2 file, anchors with `x-` extension fields and merge keys, and the
// map form of depends_on. Each asserts the nodes, their kinds, products and values, the
// edges (inferred or stated) and what could not be resolved.

#include "import/Import.h"
#include "io/ProjectJson.h"

#include <QtTest>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace skyline;
using namespace skyline::importing;

namespace {
std::string fixturePath(const QString &name)
{
    return QStringLiteral(SKYLINE_SOURCE_DIR "/tests/import/data/compose/%1")
        .arg(name)
        .toStdString();
}

SourceFile fixture(const QString &name)
{
    std::ifstream in(fixturePath(name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return {name.toStdString(), text.str()};
}

QString joined(const std::vector<std::string> &lines)
{
    QStringList out;
    for (const std::string &line : lines)
        out << QString::fromStdString(line);
    return out.join('\n');
}

/// Imports a fixture once per test run (several tests read the same file).
const ImportResult &imported(const QString &name)
{
    static std::map<QString, ImportResult> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.emplace(name, importFiles({fixture(name)})).first;
    return it->second;
}

const Node *nodeNamed(const Candidate &c, const std::string &name)
{
    auto it =
        std::find_if(c.nodes.begin(), c.nodes.end(), [&](const Node &n) { return n.name == name; });
    return it == c.nodes.end() ? nullptr : &*it;
}

QStringList reviewOf(const ImportResult &result, ReviewKind kind)
{
    QStringList out;
    for (const ReviewItem &item : result.review)
        if (item.kind == kind)
            out << QString::fromStdString(describe(item.where) + " " + item.message);
    return out;
}

/// The assumed shares of gateway routes, without their place.
QStringList assumedRouteShares(const ImportResult &result)
{
    QStringList out;
    for (const ReviewItem &item : result.review)
        if (item.kind == ReviewKind::AssumedValue && item.key == "perRequest")
            out << QString::fromStdString(item.message.substr(0, item.message.find(" (")));
    return out;
}

const QStringList fixtures = {"shop.yaml", "legacy-v2.yml", "anchors.yaml", "depends-map.yaml",
                              "voting.yaml"};
} // namespace

class TestComposeImport : public QObject
{
    Q_OBJECT
private slots:
    void everyFixtureImportsAsAValidProject_data();
    void everyFixtureImportsAsAValidProject();
    void nodesKindsProductsAndValues_data();
    void nodesKindsProductsAndValues();
    void edgesAndWhetherTheyAreInferred_data();
    void edgesAndWhetherTheyAreInferred();
    void unresolvedAndIgnored_data();
    void unresolvedAndIgnored();
    void networksBecomeContexts();
    void publishedPortsBecomeEntryPoints();
    void summaryOfTheShop();
    void overrideFilesAddToTheFirst();
    void imageNamesIgnoreRegistryAndTag_data();
    void imageNamesIgnoreRegistryAndTag();
    void memoryAndCpuNotations_data();
    void memoryAndCpuNotations();
};

void TestComposeImport::everyFixtureImportsAsAValidProject_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : fixtures)
        QTest::newRow(qPrintable(name)) << name;
}

void TestComposeImport::everyFixtureImportsAsAValidProject()
{
    QFETCH(QString, name);
    const SourceFile file = fixture(name);
    QVERIFY(!file.text.empty());
    QCOMPARE(detectFormat(file), std::optional(SourceFormat::Compose));
    const ImportResult &result = imported(name);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    QCOMPARE(result.format, SourceFormat::Compose);
    QCOMPARE(result.project->candidates.size(), size_t(1));
    QVERIFY(validateProject(*result.project).empty());
    // What is written reads back as the same project.
    const ReadResult<Project> back = readProject(writeProject(*result.project));
    QVERIFY(back.ok());
    QCOMPARE(*back.value, *result.project);
}

void TestComposeImport::nodesKindsProductsAndValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("product"); // hosting for services
    QTest::addColumn<double>("vcpu");     // services only; 0 elsewhere
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<double>("minReplicas");
    QTest::addColumn<double>("maxReplicas");
    auto row = [](const char *file, const char *node, const char *kind, const char *product,
                  double vcpu = 0, double memoryGb = 0, double minR = 0, double maxR = 0) {
        QTest::addRow("%s %s", file, node) << QString(file) << QString(node) << QString(kind)
                                           << QString(product) << vcpu << memoryGb << minR << maxR;
    };
    // limits win over reservations; "512M" is half a GB; no replicas: one container
    row("shop.yaml", "proxy", "gateway", "aws-alb");
    row("shop.yaml", "web", "service", "aws-ec2", 0.5, 0.5, 2, 2);
    row("shop.yaml", "api", "service", "aws-ec2", 1, 1, 3, 3);
    row("shop.yaml", "catalog", "service", "aws-ec2", 0.5, 1, 1, 1);
    row("shop.yaml", "orders", "service", "aws-ec2", 2, 2, 1, 1);
    row("shop.yaml", "payments", "service", "aws-ec2", 0.5, 1, 1, 1);
    row("shop.yaml", "notifications", "service", "aws-ec2", 0.5, 1, 1, 1);
    row("shop.yaml", "worker", "service", "aws-ec2", 0.25, 0.25, 4, 4);
    row("shop.yaml", "db", "datastore", "aws-rds");
    row("shop.yaml", "cache", "datastore", "redis");
    row("shop.yaml", "broker", "queue", "kafka");
    // version 2: scale, cpus and mem_limit at the service level
    row("legacy-v2.yml", "app", "service", "aws-ec2", 1.5, 1, 2, 2);
    row("legacy-v2.yml", "db", "datastore", "aws-rds");
    row("legacy-v2.yml", "memcache", "datastore", "redis");
    row("legacy-v2.yml", "admin", "service", "aws-ec2", 0.5, 1, 1, 1);
    // merge keys: the service's own keys win, then the merged maps in order (so indexer
    // takes `deploy` from *bigger, without resources)
    row("anchors.yaml", "search", "service", "aws-ec2", 2, 0.75, 2, 2);
    row("anchors.yaml", "indexer", "service", "aws-ec2", 0.5, 1, 5, 5);
    row("anchors.yaml", "reports", "service", "aws-ec2", 2, 0.75, 2, 2);
    row("anchors.yaml", "cache", "datastore", "redis");
    row("anchors.yaml", "store", "datastore", "aws-rds");
    // replicas: 0 is below the schema's maximum range: min 0 carried, max refused (default)
    row("depends-map.yaml", "gateway", "gateway", "aws-alb");
    row("depends-map.yaml", "accounts", "service", "aws-ec2", 0.5, 1, 1, 1);
    row("depends-map.yaml", "ledger", "service", "aws-ec2", 0.5, 1, 0, 20);
    row("depends-map.yaml", "events", "queue", "kafka");
    row("depends-map.yaml", "events-2", "queue", "kafka");
}

void TestComposeImport::nodesKindsProductsAndValues()
{
    QFETCH(QString, file);
    QFETCH(QString, node);
    QFETCH(QString, kind);
    QFETCH(QString, product);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(double, minReplicas);
    QFETCH(double, maxReplicas);
    const ImportResult &result = imported(file);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Node *n = nodeNamed(result.project->candidates.front(), node.toStdString());
    QVERIFY2(n, qPrintable(node));
    QCOMPARE(QString(toString(n->kind)), kind);
    const bool service = n->kind == NodeKind::Service;
    QCOMPARE(QString::fromStdString(n->text(service ? "hosting" : "product")), product);
    if (!service)
        return;
    QCOMPARE(n->number("vcpu"), vcpu);
    QCOMPARE(n->number("memoryGb"), memoryGb);
    QCOMPARE(n->number("minReplicas"), minReplicas);
    QCOMPARE(n->number("maxReplicas"), maxReplicas);
}

void TestComposeImport::edgesAndWhetherTheyAreInferred_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("edges"); // "from -> to kind [inferred]", in any order
    QTest::newRow("shop")
        << QString("shop.yaml")
        << QStringList{
               "proxy clients -> proxy api",        "proxy -> web api inferred",
               "proxy -> api api inferred",         "web -> api api inferred",
               "api -> orders api inferred",        "api -> catalog api inferred",
               "api -> cache api inferred",         "catalog -> db api inferred",
               "orders -> db api inferred",         "orders -> broker event inferred",
               "payments -> broker event inferred", "notifications -> broker event inferred",
               "worker -> broker event inferred",   "worker -> db api inferred"};
    // links ("db:mysql" is the service db) and an env value naming a linked service: one edge
    QTest::newRow("version 2") << QString("legacy-v2.yml")
                               << QStringList{
                                      "app clients -> app api", "admin clients -> admin api",
                                      "app -> db api inferred", "app -> memcache api inferred",
                                      "admin -> db api inferred"};
    // docker/example-voting-app (build: instead of images, healthcheck conditions, a profile)
    QTest::newRow("voting app") << QString("voting.yaml")
                                << QStringList{"vote clients -> vote api",
                                               "result clients -> result api",
                                               "vote -> redis api inferred",
                                               "result -> db api inferred",
                                               "worker -> redis api inferred",
                                               "worker -> db api inferred",
                                               "seed -> vote api inferred"};
    QTest::newRow("anchors") << QString("anchors.yaml")
                             << QStringList{"search -> cache api inferred",
                                            "indexer -> cache api inferred",
                                            "reports -> cache api inferred",
                                            "reports -> store api inferred"};
    // comma-separated bootstrap servers name two brokers; "ledger:9000" is host:port
    QTest::newRow("depends_on map")
        << QString("depends-map.yaml")
        << QStringList{"gateway clients -> gateway api",      "gateway -> accounts api inferred",
                       "gateway -> ledger api inferred",      "accounts -> events event inferred",
                       "accounts -> events-2 event inferred", "accounts -> ledger api inferred"};
}

void TestComposeImport::edgesAndWhetherTheyAreInferred()
{
    QFETCH(QString, file);
    QFETCH(QStringList, edges);
    const ImportResult &result = imported(file);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Candidate &c = result.project->candidates.front();
    std::set<std::string> inferred;
    for (const ReviewItem &item : result.review)
        if (item.kind == ReviewKind::InferredEdge)
            inferred.insert(item.edgeId);
    QStringList actual;
    for (const Edge &e : c.edges)
        actual << QString("%1 -> %2 %3%4")
                      .arg(QString::fromStdString(c.findNode(e.from)->name),
                           QString::fromStdString(c.findNode(e.to)->name), toString(e.kind),
                           inferred.count(e.id) ? " inferred" : "");
    actual.sort();
    edges.sort();
    QCOMPARE(actual, edges);
    QCOMPARE(result.summary.inferredEdges, static_cast<int>(inferred.size()));
}

void TestComposeImport::unresolvedAndIgnored_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("unresolved"); // place and the start of each message
    QTest::addColumn<QStringList>("ignored");
    QTest::newRow("shop") << QString("shop.yaml") << QStringList{"shop.yaml:79:18 ${SMTP_HOST}"}
                          << QStringList{"shop.yaml:46:15 api is also on network(s) backend",
                                         "shop.yaml:96:7 db publishes a port",
                                         "shop.yaml:107:12 broker publishes a port"};
    QTest::newRow("version 2") << QString("legacy-v2.yml") << QStringList{} << QStringList{};
    QTest::newRow("anchors") << QString("anchors.yaml") << QStringList{} << QStringList{};
    QTest::newRow("voting app") << QString("voting.yaml") << QStringList{}
                                << QStringList{
                                       "voting.yaml:19:7 vote is also on network(s) back-tier",
                                       "voting.yaml:34:7 result is also on network(s) back-tier",
                                       "voting.yaml:74:15 seed runs only with the profile(s) seed"};
    QTest::newRow("depends_on map")
        << QString("depends-map.yaml")
        << QStringList{"depends-map.yaml:12:12 ${ACCOUNTS_VERSION}",
                       "depends-map.yaml:20:9 accounts reads environment variables from .env,",
                       "depends-map.yaml:21:9 accounts reads environment variables from "
                       "accounts.env,",
                       "depends-map.yaml:24:7 ledger extends jvm-service of common-services.yml",
                       "depends-map.yaml:35:3 include is not followed"}
        << QStringList{};
}

void TestComposeImport::unresolvedAndIgnored()
{
    QFETCH(QString, file);
    QFETCH(QStringList, unresolved);
    QFETCH(QStringList, ignored);
    const ImportResult &result = imported(file);
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    for (auto [kind, expected] :
         {std::pair{ReviewKind::Unresolved, unresolved}, std::pair{ReviewKind::Ignored, ignored}}) {
        const QStringList actual = reviewOf(result, kind);
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i)
            QVERIFY2(actual[i].startsWith(expected[i]), qPrintable(actual[i]));
    }
    QCOMPARE(result.summary.unresolved, static_cast<int>(unresolved.size()));
}

void TestComposeImport::networksBecomeContexts()
{
    const ImportResult &result = imported("shop.yaml");
    QVERIFY(result.ok());
    const Candidate &c = result.project->candidates.front();
    QCOMPARE(c.contexts.size(), size_t(2));
    auto contextOf = [&](const char *name) {
        const Context *x = c.findContext(nodeNamed(c, name)->context);
        return x ? QString::fromStdString(x->name) : QString();
    };
    QCOMPARE(contextOf("proxy"), QString("frontend"));
    QCOMPARE(contextOf("web"), QString("frontend"));
    QCOMPARE(contextOf("api"), QString("frontend")); // the first of its two networks
    QCOMPARE(contextOf("orders"), QString("backend"));
    QCOMPARE(contextOf("db"), QString("backend"));
    QCOMPARE(contextOf("proxy clients"), QString()); // clients stay outside every box
    // Without any `networks`, no contexts at all (one network says nothing).
    QVERIFY(imported("legacy-v2.yml").project->candidates.front().contexts.empty());
}

void TestComposeImport::publishedPortsBecomeEntryPoints()
{
    const ImportResult &result = imported("shop.yaml");
    QVERIFY(result.ok());
    const Candidate &c = result.project->candidates.front();
    const auto clients = std::count_if(c.nodes.begin(), c.nodes.end(),
                                       [](const Node &n) { return n.kind == NodeKind::Client; });
    QCOMPARE(clients, 1); // proxy only: db and broker publish administration ports
    const Node *client = nodeNamed(c, "proxy clients");
    QVERIFY(client);
    const Workload *w = result.project->findWorkload(client->workload);
    QVERIFY(w);
    QCOMPARE(w->shape, WorkloadShape::Constant);
    const QStringList defaults = reviewOf(result, ReviewKind::DefaultWorkload);
    QCOMPARE(defaults.size(), 1);
    QVERIFY2(defaults.front().startsWith("shop.yaml:10:7 proxy clients calls proxy"),
             qPrintable(defaults.front()));
}

void TestComposeImport::summaryOfTheShop()
{
    const ImportResult &result = imported("shop.yaml");
    QVERIFY(result.ok());
    QCOMPARE(result.summary.nodes, 12);
    QCOMPARE(result.summary.edges, 14);
    QCOMPARE(result.summary.contexts, 2);
    QCOMPARE(result.summary.inferredEdges, 13);
    QCOMPARE(result.summary.unresolved, 1);
    // db, cache: product; web, api, worker: vcpu, memory, min, max; orders: vcpu, memory
    QCOMPARE(result.summary.carriedValues, 16);
    // proxy and broker products, one line for the hosting of all seven services, and the even
    // shares of the proxy's two routes (each request takes one of them)
    QCOMPARE(result.summary.assumedValues, 5);
    QCOMPARE(assumedRouteShares(result), QStringList({"proxy → web: 0.5 per request assumed",
                                                       "proxy → api: 0.5 per request assumed"}));
    const QStringList assumed = reviewOf(result, ReviewKind::AssumedValue);
    QVERIFY(assumed.filter("7 service(s) hosted on aws-ec2").size() == 1);
}

void TestComposeImport::overrideFilesAddToTheFirst()
{
    const SourceFile base{"compose.yaml",
                          "services:\n"
                          "  web:\n    image: example/web:1\n    ports: [\"80:80\"]\n"
                          "  db:\n    image: postgres:16\n"};
    const SourceFile override{"compose.override.yaml",
                              "services:\n"
                              "  web:\n    deploy:\n      replicas: 6\n"
                              "    environment:\n      DB: postgres://db/app\n"
                              "  cache:\n    image: redis:7\n"};
    const ImportResult result = importFiles({base, override});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Candidate &c = result.project->candidates.front();
    QCOMPARE(c.name, std::string("compose.yaml + 1 more"));
    QCOMPARE(c.nodes.size(), size_t(4)); // web, db, cache, web's client: one node per service
    QCOMPARE(nodeNamed(c, "web")->number("maxReplicas"), 6.0);
    QCOMPARE(nodeNamed(c, "cache")->kind, NodeKind::Datastore);
    QCOMPARE(c.edges.size(), size_t(2)); // client -> web, web -> db
}

void TestComposeImport::imageNamesIgnoreRegistryAndTag_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("product");
    QTest::newRow("registry with port and digest")
        << "registry.local:5000/library/postgres:16@sha256:abcdef"
        << "datastore"
        << "aws-rds";
    QTest::newRow("bitnami kafka") << "docker.io/bitnami/kafka:3.7"
                                   << "queue"
                                   << "kafka";
    QTest::newRow("confluent") << "confluentinc/cp-kafka:7.6.0"
                               << "queue"
                               << "kafka";
    QTest::newRow("nats") << "nats:2.10-alpine"
                          << "queue"
                          << "kafka";
    QTest::newRow("elasticsearch") << "docker.elastic.co/elasticsearch/elasticsearch:8.13.0"
                                   << "datastore"
                                   << "aws-rds";
    QTest::newRow("mariadb") << "mariadb"
                             << "datastore"
                             << "aws-rds";
    QTest::newRow("valkey") << "valkey/valkey:7.2"
                            << "datastore"
                            << "redis";
    QTest::newRow("own image named after nothing") << "example/redis-exporter:1"
                                                   << "service"
                                                   << "aws-ec2";
}

void TestComposeImport::imageNamesIgnoreRegistryAndTag()
{
    QFETCH(QString, image);
    QFETCH(QString, kind);
    QFETCH(QString, product);
    const std::string text = "services:\n  thing:\n    image: \"" + image.toStdString() + "\"\n";
    const ImportResult result = importFiles({{"compose.yaml", text}});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Node &n = result.project->candidates.front().nodes.front();
    QCOMPARE(QString(toString(n.kind)), kind);
    QCOMPARE(QString::fromStdString(n.text(n.kind == NodeKind::Service ? "hosting" : "product")),
             product);
}

void TestComposeImport::memoryAndCpuNotations_data()
{
    QTest::addColumn<QString>("cpus");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<double>("vcpu");
    QTest::addColumn<double>("memoryGb");
    QTest::addColumn<int>("refused");
    QTest::newRow("strings") << "\"0.5\""
                             << "512M" << 0.5 << 0.5 << 0;
    QTest::newRow("numbers and lower case") << "2"
                                            << "1g" << 2.0 << 1.0 << 0;
    QTest::newRow("GB suffix") << "1.5"
                               << "1.5GB" << 1.5 << 1.5 << 0;
    QTest::newRow("kilobytes") << "0.25"
                               << "262144k" << 0.25 << 0.25 << 0;
    QTest::newRow("bytes") << "1"
                           << "2147483648" << 1.0 << 2.0 << 0;
    // below the schema's minimum (0.125 vCPU, 0.125 GB): refused, defaults kept, listed
    QTest::newRow("too small") << "0.1"
                               << "64M" << 0.5 << 1.0 << 2;
    QTest::newRow("not a size") << "lots"
                                << "big" << 0.5 << 1.0 << 2;
}

void TestComposeImport::memoryAndCpuNotations()
{
    QFETCH(QString, cpus);
    QFETCH(QString, memory);
    QFETCH(double, vcpu);
    QFETCH(double, memoryGb);
    QFETCH(int, refused);
    const std::string text = "services:\n  api:\n    image: example/api\n    deploy:\n"
                             "      resources:\n        limits:\n          cpus: " +
                             cpus.toStdString() + "\n          memory: " + memory.toStdString() +
                             "\n";
    const ImportResult result = importFiles({{"compose.yaml", text}});
    QVERIFY2(result.ok(), qPrintable(joined(result.errors)));
    const Node &n = result.project->candidates.front().nodes.front();
    QCOMPARE(n.number("vcpu"), vcpu);
    QCOMPARE(n.number("memoryGb"), memoryGb);
    const QStringList assumed = reviewOf(result, ReviewKind::AssumedValue);
    QCOMPARE(assumed.filter("refused").size(), refused);
    for (const QString &line : assumed.filter("refused"))
        QVERIFY2(line.startsWith("compose.yaml:7:") || line.startsWith("compose.yaml:8:"),
                 qPrintable(line));
}

QTEST_GUILESS_MAIN(TestComposeImport)
#include "tst_composeimport.moc"
