// The Kubernetes importer (model/import/KubernetesReader.cpp) on the manifests in
// tests/import/data/k8s-*.yaml: nodes, kinds, products, values, edges and the review list.

#include "engine/Evaluation.h"
#include "import/Import.h"
#include "import/KubernetesQuantity.h"
#include "import/KnownImages.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace skyline;
using namespace skyline::importing;

namespace {

SourceFile fixture(const std::string &name)
{
    const std::string path = std::string(SKYLINE_SOURCE_DIR) + "/tests/import/data/" + name;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return {path, text.str()};
}

/// Imports fixtures (comma-separated names) once per test run: every row of a table reuses it.
const ImportResult &imported(const QString &names)
{
    static std::map<QString, ImportResult> cache;
    auto it = cache.find(names);
    if (it == cache.end()) {
        std::vector<SourceFile> files;
        for (const QString &name : names.split(','))
            files.push_back(fixture(name.toStdString()));
        it = cache.emplace(names, importFiles(files, SourceFormat::Kubernetes)).first;
    }
    return it->second;
}

const Candidate &candidateOf(const ImportResult &result)
{
    static const Candidate none;
    return result.ok() && !result.project->candidates.empty() ? result.project->candidates.front()
                                                              : none;
}

const Node *nodeNamed(const Candidate &candidate, const std::string &name)
{
    for (const Node &node : candidate.nodes)
        if (node.name == name)
            return &node;
    return nullptr;
}

QString errorsOf(const ImportResult &result)
{
    QStringList lines;
    for (const std::string &error : result.errors)
        lines << QString::fromStdString(error);
    return lines.join('\n');
}

bool hasReview(const ImportResult &result, ReviewKind kind, const std::string &nodeId,
               const std::string &key)
{
    return std::any_of(result.review.begin(), result.review.end(), [&](const ReviewItem &item) {
        return item.kind == kind && item.nodeId == nodeId && item.key == key;
    });
}

QStringList reviewMessages(const ImportResult &result, ReviewKind kind)
{
    QStringList messages;
    for (const ReviewItem &item : result.review)
        if (item.kind == kind)
            messages << QString::fromStdString(item.message);
    return messages;
}

} // namespace

class TestKubernetesImport : public QObject
{
    Q_OBJECT

private slots:
    void quantities_data();
    void quantities();
    void wellKnownImages_data();
    void wellKnownImages();
    void counts_data();
    void counts();
    void nodes_data();
    void nodes();
    void values_data();
    void values();
    void edges_data();
    void edges();
    void gatewayRoutesAreSharesOfItsRequests_data();
    void gatewayRoutesAreSharesOfItsRequests();
    void review_data();
    void review();
    void places_data();
    void places();
    void detection_data();
    void detection();
    void evaluates_data();
    void evaluates();
    void nothingToImport();
    void helmTemplate();
    void otherBracesAreNoHelm();
};

void TestKubernetesImport::quantities_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::newRow("millicores") << "100m" << true << 0.1;
    QTest::newRow("half a core") << "0.5" << true << 0.5;
    QTest::newRow("one core") << "1" << true << 1.0;
    QTest::newRow("leading dot") << ".5" << true << 0.5;
    QTest::newRow("mebibytes") << "64Mi" << true << 64.0 * 1048576;
    QTest::newRow("gibibyte") << "1Gi" << true << 1073741824.0;
    QTest::newRow("fraction of Gi") << "1.5Gi" << true << 1.5 * 1073741824;
    QTest::newRow("megabytes") << "512M" << true << 512e6;
    QTest::newRow("gigabyte") << "1G" << true << 1e9;
    QTest::newRow("kilo is lower case") << "2k" << true << 2000.0;
    QTest::newRow("kibibytes") << "128Ki" << true << 131072.0;
    QTest::newRow("exponent") << "1e3" << true << 1000.0;
    QTest::newRow("exponent upper case") << "5E-1" << true << 0.5;
    QTest::newRow("exa alone") << "1E" << true << 1e18;
    QTest::newRow("micro") << "250u" << true << 250e-6;
    QTest::newRow("unknown suffix") << "12Qx" << false << 0.0;
    QTest::newRow("upper-case K is not kilo") << "2K" << false << 0.0;
    QTest::newRow("lower-case mi is not mebi") << "64mi" << false << 0.0;
    QTest::newRow("no number") << "lots" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("exponent without digits") << "1e" << false << 0.0;
    QTest::newRow("space inside") << "1 Gi" << false << 0.0;
}

void TestKubernetesImport::quantities()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    std::string problem;
    const std::optional<double> parsed = parseKubernetesQuantity(text.toStdString(), problem);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
    else
        QVERIFY2(!problem.empty(), "an invalid quantity must say what is wrong");
}

void TestKubernetesImport::wellKnownImages_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("product"); // empty: not a well-known image
    QTest::newRow("official with tag") << "postgres:16" << "postgres" << "aws-rds";
    QTest::newRow("docker hub library path")
        << "docker.io/library/redis:7.2-alpine" << "redis" << "redis";
    QTest::newRow("bitnami kafka") << "bitnami/kafka:3.7" << "kafka" << "kafka";
    QTest::newRow("confluent") << "confluentinc/cp-kafka:7.6.0" << "cp-kafka" << "kafka";
    QTest::newRow("registry with port and digest")
        << "registry.example.com:5000/team/mysql@sha256:0123" << "mysql" << "aws-rds";
    QTest::newRow("localhost registry") << "localhost/mariadb:11" << "mariadb" << "aws-rds";
    QTest::newRow("rabbitmq") << "rabbitmq:3.13-management" << "rabbitmq" << "kafka";
    QTest::newRow("nats") << "nats:2.10" << "nats" << "kafka";
    QTest::newRow("upper case") << "acme/Redis:7" << "redis" << "redis";
    QTest::newRow("reverse proxy") << "nginx:1.27" << "nginx" << "aws-alb";
    QTest::newRow("memcached") << "memcached" << "memcached" << "redis";
    QTest::newRow("mongo") << "mongo:7" << "mongo" << "aws-rds";
    QTest::newRow("elasticsearch") << "docker.elastic.co/elasticsearch/elasticsearch:8.13.0"
                                   << "elasticsearch" << "aws-rds";
    QTest::newRow("an application") << "ghcr.io/acme/shop-frontend:2.4.1" << "shop-frontend"
                                    << "";
    QTest::newRow("name containing redis") << "acme/redis-exporter:1" << "redis-exporter" << "";
}

void TestKubernetesImport::wellKnownImages()
{
    QFETCH(QString, image);
    QFETCH(QString, name);
    QFETCH(QString, product);
    QCOMPARE(QString::fromStdString(imageName(image.toStdString())), name);
    const KnownImage *known = knownImage(image.toStdString());
    QCOMPARE(known != nullptr, !product.isEmpty());
    if (known)
        QCOMPARE(QString(known->product), product);
}

void TestKubernetesImport::counts_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("edges");
    QTest::addColumn<QStringList>("contexts");
    // frontend cart catalog redis orders payments postgres rabbitmq + ingress gateway + client
    QTest::newRow("shop") << "k8s-shop.yaml" << 10 << 11
                          << QStringList{"storefront", "backoffice"};
    QTest::newRow("single deployment without Service")
        << "k8s-single.yaml" << 1 << 0 << QStringList{"default"};
    QTest::newRow("mixed kinds") << "k8s-mixed.yaml" << 4 << 3 << QStringList{"default"};
    QTest::newRow("kind List") << "k8s-list.yaml" << 4 << 3 << QStringList{"demo"};
    QTest::newRow("bad quantities") << "k8s-bad-quantities.yaml" << 1 << 0
                                    << QStringList{"default"};
    QTest::newRow("HPA naming a missing Deployment")
        << "k8s-hpa-missing.yaml" << 1 << 0 << QStringList{"prod"};
    QTest::newRow("cyclic env references") << "k8s-cycle.yaml" << 2 << 1
                                           << QStringList{"default"};
    QTest::newRow("unresolved references") << "k8s-unresolved.yaml" << 2 << 0
                                           << QStringList{"shop"};
    QTest::newRow("Gateway API") << "k8s-gateway-api.yaml" << 4 << 4
                                 << QStringList{"edge", "store"};
    QTest::newRow("KEDA") << "k8s-keda.yaml" << 3 << 2 << QStringList{"orders"};
    QTest::newRow("bare words are no calls") << "k8s-env-words.yaml" << 3 << 1
                                             << QStringList{"default"};
    QTest::newRow("kubectl get output") << "k8s-get-all.yaml" << 2 << 0 << QStringList{"shop"};
    QTest::newRow("kubectl get -o json") << "k8s-get-all.json" << 2 << 0 << QStringList{"shop"};
    QTest::newRow("odd shapes") << "k8s-odd-shapes.yaml" << 2 << 0 << QStringList{"default"};
    QTest::newRow("two files, one candidate")
        << "k8s-hpa-missing.yaml,k8s-single.yaml" << 2 << 0 << QStringList{"prod", "default"};
}

void TestKubernetesImport::counts()
{
    QFETCH(QString, files);
    QFETCH(int, nodes);
    QFETCH(int, edges);
    QFETCH(QStringList, contexts);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    QCOMPARE(result.format, SourceFormat::Kubernetes);
    QCOMPARE(result.project->candidates.size(), std::size_t(1));
    const Candidate &candidate = candidateOf(result);
    QCOMPARE(int(candidate.nodes.size()), nodes);
    QCOMPARE(int(candidate.edges.size()), edges);
    QStringList names;
    for (const Context &context : candidate.contexts)
        names << QString::fromStdString(context.name);
    names.sort();
    contexts.sort();
    QCOMPARE(names, contexts);
}

void TestKubernetesImport::nodes_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("key");   // product, hosting or arch
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("context");
    const QString shop = "k8s-shop.yaml";
    QTest::newRow("shop frontend") << shop << "frontend" << "service" << "hosting" << "kubernetes"
                                   << "storefront";
    QTest::newRow("shop cart") << shop << "cart" << "service" << "hosting" << "kubernetes"
                               << "storefront";
    QTest::newRow("shop catalog on arm") << shop << "catalog" << "service" << "arch" << "arm"
                                         << "storefront";
    QTest::newRow("shop orders") << shop << "orders" << "service" << "hosting" << "kubernetes"
                                 << "backoffice";
    QTest::newRow("shop payments x86") << shop << "payments" << "service" << "arch" << "x86"
                                       << "backoffice";
    QTest::newRow("shop redis") << shop << "redis" << "datastore" << "product" << "redis"
                                << "storefront";
    QTest::newRow("shop postgres") << shop << "postgres" << "datastore" << "product" << "aws-rds"
                                   << "backoffice";
    QTest::newRow("shop rabbitmq") << shop << "rabbitmq" << "queue" << "product" << "kafka"
                                   << "backoffice";
    QTest::newRow("shop ingress") << shop << "shop (Ingress)" << "gateway" << "product"
                                  << "aws-alb" << "storefront";
    QTest::newRow("shop users") << shop << "Users of shop" << "client" << "" << "" << "";
    QTest::newRow("single worker") << "k8s-single.yaml" << "worker" << "service" << "hosting"
                                   << "kubernetes" << "default";
    QTest::newRow("mixed api") << "k8s-mixed.yaml" << "api" << "service" << "hosting"
                               << "kubernetes" << "default";
    QTest::newRow("mixed mongo") << "k8s-mixed.yaml" << "mongo" << "datastore" << "product"
                                 << "aws-rds" << "default";
    QTest::newRow("mixed load balancer") << "k8s-mixed.yaml" << "api (Service)" << "gateway"
                                         << "product" << "aws-alb" << "default";
    QTest::newRow("list nginx stays a service") << "k8s-list.yaml" << "web" << "service"
                                                << "hosting" << "kubernetes" << "demo";
    QTest::newRow("kubectl Deployment") << "k8s-get-all.yaml" << "checkout" << "service"
                                        << "hosting" << "kubernetes" << "shop";
    QTest::newRow("ReplicaSet without owner") << "k8s-get-all.yaml" << "legacy" << "service"
                                              << "hosting" << "kubernetes" << "shop";
    QTest::newRow("Gateway API gateway") << "k8s-gateway-api.yaml" << "public (Gateway)"
                                         << "gateway" << "product" << "aws-alb" << "edge";
    QTest::newRow("list kafka") << "k8s-list.yaml" << "kafka" << "queue" << "product" << "kafka"
                                << "demo";
    QTest::newRow("list node port") << "k8s-list.yaml" << "web (Service)" << "gateway"
                                    << "product" << "aws-alb" << "demo";
}

void TestKubernetesImport::nodes()
{
    QFETCH(QString, files);
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, context);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const Candidate &candidate = candidateOf(result);
    const Node *node = nodeNamed(candidate, name.toStdString());
    QVERIFY2(node, qPrintable("no node named " + name));
    QCOMPARE(QString(toString(node->kind)), kind);
    if (!key.isEmpty())
        QCOMPARE(QString::fromStdString(node->text(key.toStdString())), value);
    const Context *box = candidate.findContext(node->context);
    QCOMPARE(box ? QString::fromStdString(box->name) : QString(), context);
}

void TestKubernetesImport::values_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("assumed"); // listed for review as an assumed value
    const QString shop = "k8s-shop.yaml";
    // frontend: replicas 3 without autoscaler, requests 250m / 256Mi (limits not used).
    QTest::newRow("frontend min") << shop << "frontend" << "minReplicas" << 3.0 << false;
    QTest::newRow("frontend max") << shop << "frontend" << "maxReplicas" << 3.0 << false;
    QTest::newRow("frontend vcpu") << shop << "frontend" << "vcpu" << 0.25 << false;
    QTest::newRow("frontend memory") << shop << "frontend" << "memoryGb" << 0.25 << false;
    QTest::newRow("cart memory 1Gi") << shop << "cart" << "memoryGb" << 1.0 << false;
    // catalog: two containers summed (0.5 + 250m; 512M + 64Mi), noted.
    QTest::newRow("catalog vcpu summed") << shop << "catalog" << "vcpu" << 0.75 << true;
    QTest::newRow("catalog memory summed")
        << shop << "catalog" << "memoryGb" << 512e6 / 1073741824.0 + 0.0625 << true;
    // orders: limits only (noted); autoscaling/v2 HPA 2..12 at 70 % CPU over replicas 2.
    QTest::newRow("orders vcpu from limit") << shop << "orders" << "vcpu" << 2.0 << true;
    QTest::newRow("orders memory from limit") << shop << "orders" << "memoryGb" << 2.0 << true;
    QTest::newRow("orders HPA min") << shop << "orders" << "minReplicas" << 2.0 << false;
    QTest::newRow("orders HPA max") << shop << "orders" << "maxReplicas" << 12.0 << false;
    QTest::newRow("orders HPA target") << shop << "orders" << "targetUtilization" << 0.7 << false;
    QTest::newRow("orders HPA scale-down window")
        << shop << "orders" << "scaleDownDelayS" << 600.0 << false;
    // payments: autoscaling/v1 HPA; 100m is below the smallest vCPU Skyline models.
    QTest::newRow("payments v1 min") << shop << "payments" << "minReplicas" << 1.0 << false;
    QTest::newRow("payments v1 max") << shop << "payments" << "maxReplicas" << 4.0 << false;
    QTest::newRow("payments v1 target") << shop << "payments" << "targetUtilization" << 0.5
                                        << false;
    QTest::newRow("payments 100m raised") << shop << "payments" << "vcpu" << 0.125 << true;
    QTest::newRow("payments 128Mi") << shop << "payments" << "memoryGb" << 0.125 << false;
    // worker: no replicas (Kubernetes runs 1), 1500m and 1.5Gi.
    QTest::newRow("worker default replicas") << "k8s-single.yaml" << "worker" << "minReplicas"
                                             << 1.0 << true;
    QTest::newRow("worker default max") << "k8s-single.yaml" << "worker" << "maxReplicas" << 1.0
                                        << true;
    QTest::newRow("worker vcpu") << "k8s-single.yaml" << "worker" << "vcpu" << 1.5 << false;
    QTest::newRow("worker memory") << "k8s-single.yaml" << "worker" << "memoryGb" << 1.5 << false;
    // api: 4 replicas, 4G (decimal) memory.
    QTest::newRow("api replicas") << "k8s-mixed.yaml" << "api" << "maxReplicas" << 4.0 << false;
    QTest::newRow("api 4G") << "k8s-mixed.yaml" << "api" << "memoryGb" << 4e9 / 1073741824.0
                            << false;
    QTest::newRow("web 1G") << "k8s-list.yaml" << "web" << "memoryGb" << 1e9 / 1073741824.0
                            << false;
    QTest::newRow("web 0.25 cpu") << "k8s-list.yaml" << "web" << "vcpu" << 0.25 << false;
    // kubectl output: the Deployment's figures, not its ReplicaSet's; a ReplicaSet of its own.
    QTest::newRow("kubectl replicas") << "k8s-get-all.yaml" << "checkout" << "maxReplicas" << 3.0
                                      << false;
    QTest::newRow("kubectl memory") << "k8s-get-all.yaml" << "checkout" << "memoryGb" << 0.375
                                    << false;
    QTest::newRow("ReplicaSet replicas") << "k8s-get-all.yaml" << "legacy" << "minReplicas" << 2.0
                                         << false;
    // KEDA ScaledObjects: a CPU trigger with limits; a kafka trigger scaling from zero.
    QTest::newRow("KEDA cpu min") << "k8s-keda.yaml" << "checkout" << "minReplicas" << 2.0
                                  << false;
    QTest::newRow("KEDA cpu max") << "k8s-keda.yaml" << "checkout" << "maxReplicas" << 15.0
                                  << false;
    QTest::newRow("KEDA cpu target") << "k8s-keda.yaml" << "checkout" << "targetUtilization"
                                     << 0.65 << false;
    QTest::newRow("KEDA scale to zero") << "k8s-keda.yaml" << "billing" << "minReplicas" << 0.0
                                        << true;
    QTest::newRow("KEDA max") << "k8s-keda.yaml" << "billing" << "maxReplicas" << 30.0 << false;
    QTest::newRow("KEDA lag trigger keeps target") << "k8s-keda.yaml" << "billing"
                                                   << "targetUtilization" << 0.6 << true;
    // 12Qx and "lots" are not quantities: the defaults stay and say so.
    QTest::newRow("12Qx keeps default") << "k8s-bad-quantities.yaml" << "broken" << "vcpu" << 0.5
                                        << true;
    QTest::newRow("lots keeps default") << "k8s-bad-quantities.yaml" << "broken" << "memoryGb"
                                        << 1.0 << true;
    QTest::newRow("bad quantities keep replicas") << "k8s-bad-quantities.yaml" << "broken"
                                                  << "minReplicas" << 2.0 << false;
    // HPA without minReplicas and metrics: Kubernetes' defaults 1 and 80 % CPU.
    QTest::newRow("HPA default min") << "k8s-hpa-missing.yaml" << "api" << "minReplicas" << 1.0
                                     << true;
    QTest::newRow("HPA max") << "k8s-hpa-missing.yaml" << "api" << "maxReplicas" << 6.0 << false;
    QTest::newRow("HPA default target") << "k8s-hpa-missing.yaml" << "api" << "targetUtilization"
                                        << 0.8 << true;
    // autoscaling/v2beta1 targetAverageUtilization; a v2 HPA on memory and an External metric.
    QTest::newRow("v2beta1 target") << "k8s-unresolved.yaml" << "api" << "targetUtilization"
                                    << 0.65 << false;
    QTest::newRow("v2beta1 max") << "k8s-unresolved.yaml" << "api" << "maxReplicas" << 5.0
                                 << false;
    QTest::newRow("memory HPA min") << "k8s-unresolved.yaml" << "worker" << "minReplicas" << 3.0
                                    << false;
    QTest::newRow("memory HPA keeps default target")
        << "k8s-unresolved.yaml" << "worker" << "targetUtilization" << 0.6 << true;
}

void TestKubernetesImport::values()
{
    QFETCH(QString, files);
    QFETCH(QString, name);
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(bool, assumed);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const Node *node = nodeNamed(candidateOf(result), name.toStdString());
    QVERIFY2(node, qPrintable("no node named " + name));
    QVERIFY2(node->params.count(key.toStdString()), "the value is written into the node");
    QCOMPARE(node->number(key.toStdString()), value);
    QCOMPARE(hasReview(result, ReviewKind::AssumedValue, node->id, key.toStdString()), assumed);
}

void TestKubernetesImport::edges_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("inferred");
    const QString shop = "k8s-shop.yaml";
    QTest::newRow("users to ingress") << shop << "Users of shop" << "shop (Ingress)" << "api"
                                      << false;
    QTest::newRow("ingress rule /") << shop << "shop (Ingress)" << "frontend" << "api" << false;
    QTest::newRow("ingress rule /api/cart") << shop << "shop (Ingress)" << "cart" << "api"
                                            << false;
    QTest::newRow("URL with path") << shop << "frontend" << "cart" << "api" << true;
    QTest::newRow("host:port") << shop << "frontend" << "catalog" << "api" << true;
    QTest::newRow("cluster DNS across namespaces") << shop << "frontend" << "orders" << "api"
                                                   << true;
    QTest::newRow("redis URL") << shop << "cart" << "redis" << "api" << true;
    QTest::newRow("ConfigMap via envFrom, svc.ns") << shop << "catalog" << "postgres" << "api"
                                                   << true;
    QTest::newRow("configMapKeyRef") << shop << "orders" << "postgres" << "api" << true;
    QTest::newRow("bare Service name") << shop << "orders" << "payments" << "api" << true;
    QTest::newRow("amqp URL with credentials, to a queue")
        << shop << "orders" << "rabbitmq" << "event" << true;
    QTest::newRow("load balancer Service") << "k8s-mixed.yaml" << "api (Service)" << "api"
                                           << "api" << false;
    QTest::newRow("mongodb URL") << "k8s-mixed.yaml" << "api" << "mongo" << "api" << true;
    QTest::newRow("node port Service") << "k8s-list.yaml" << "web (Service)" << "web" << "api"
                                       << false;
    QTest::newRow("broker list") << "k8s-list.yaml" << "web" << "kafka" << "event" << true;
    QTest::newRow("a calls b") << "k8s-cycle.yaml" << "a" << "b" << "api" << true;
    QTest::newRow("HTTPRoute backend in another namespace")
        << "k8s-gateway-api.yaml" << "public (Gateway)" << "web" << "api" << false;
    QTest::newRow("HTTPRoute and GRPCRoute to one Service, one edge")
        << "k8s-gateway-api.yaml" << "public (Gateway)" << "api" << "api" << false;
    QTest::newRow("Gateway API entry point")
        << "k8s-gateway-api.yaml" << "Users of public" << "public (Gateway)" << "api" << false;
    QTest::newRow("KEDA kafka trigger: billing consumes")
        << "k8s-keda.yaml" << "kafka" << "billing" << "event" << true;
    QTest::newRow("producer env to the broker") << "k8s-keda.yaml" << "checkout" << "kafka"
                                                << "event" << true;
    QTest::newRow("cluster DNS name without port or scheme")
        << "k8s-env-words.yaml" << "a" << "c" << "api" << true;
}

void TestKubernetesImport::edges()
{
    QFETCH(QString, files);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, kind);
    QFETCH(bool, inferred);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const Candidate &candidate = candidateOf(result);
    const Node *source = nodeNamed(candidate, from.toStdString());
    const Node *target = nodeNamed(candidate, to.toStdString());
    QVERIFY(source && target);
    const Edge *found = nullptr;
    for (const Edge &edge : candidate.edges)
        if (edge.from == source->id && edge.to == target->id)
            found = &edge;
    QVERIFY2(found, qPrintable("no edge " + from + " -> " + to));
    QCOMPARE(QString(toString(found->kind)), kind);
    const bool listed =
        std::any_of(result.review.begin(), result.review.end(), [&](const ReviewItem &item) {
            return item.kind == ReviewKind::InferredEdge && item.edgeId == found->id;
        });
    QCOMPARE(listed, inferred);
}

void TestKubernetesImport::gatewayRoutesAreSharesOfItsRequests_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<int>("routes");
    QTest::newRow("Ingress with two rules") << "k8s-shop.yaml" << "shop (Ingress)" << 2;
    QTest::newRow("Gateway API routes") << "k8s-gateway-api.yaml" << "public (Gateway)" << 2;
    QTest::newRow("load balancer Service, one route") << "k8s-mixed.yaml" << "api (Service)" << 1;
}

void TestKubernetesImport::gatewayRoutesAreSharesOfItsRequests()
{
    // A gateway forwards each request to one of its routes: the shares add up to one (an even
    // split, listed for review, as the files do not say), not 1 per route (issue 10.5).
    QFETCH(QString, files);
    QFETCH(QString, gateway);
    QFETCH(int, routes);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const Candidate &candidate = candidateOf(result);
    const Node *g = nodeNamed(candidate, gateway.toStdString());
    QVERIFY(g);
    int count = 0;
    double sum = 0;
    for (const Edge &e : candidate.edges) {
        if (e.from != g->id)
            continue;
        ++count;
        sum += e.perRequest;
        QCOMPARE(e.perRequest, 1.0 / routes);
        const bool listed = std::any_of(
            result.review.begin(), result.review.end(), [&](const ReviewItem &item) {
                return item.kind == ReviewKind::AssumedValue && item.edgeId == e.id &&
                       item.key == "perRequest";
            });
        QCOMPARE(listed, routes > 1);
    }
    QCOMPARE(count, routes);
    QVERIFY(std::fabs(sum - 1.0) < 1e-9);
}

void TestKubernetesImport::review_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("kind"); // "unresolved" or "ignored"
    QTest::addColumn<QStringList>("expected"); // as many messages with each as it is listed
    QTest::newRow("shop unresolved: none") << "k8s-shop.yaml" << "unresolved" << QStringList{};
    QTest::newRow("shop ignored")
        << "k8s-shop.yaml" << "ignored"
        << QStringList{"2 Namespace objects", "2 ConfigMap objects",
                       "frontend reads env values from Secrets (SESSION_SECRET)"};
    QTest::newRow("single: nothing to review") << "k8s-single.yaml" << "ignored"
                                               << QStringList{};
    QTest::newRow("mixed ignored, one per kind with the count")
        << "k8s-mixed.yaml" << "ignored"
        << QStringList{"1 ServiceAccount:", "1 Role:", "1 RoleBinding:", "2 Secret objects",
                       "1 PersistentVolumeClaim:", "1 CronJob:", "1 Job:", "1 DaemonSet:",
                       "1 NetworkPolicy:", "api reads env values from Secrets (all of Secret "
                                           "api-secrets)"};
    QTest::newRow("mixed unresolved cluster name")
        << "k8s-mixed.yaml" << "unresolved"
        << QStringList{"env CACHE_URL of api names Service cache.default.svc.cluster.local"};
    QTest::newRow("list: nothing ignored") << "k8s-list.yaml" << "ignored" << QStringList{};
    QTest::newRow("missing HPA target")
        << "k8s-hpa-missing.yaml" << "unresolved"
        << QStringList{"HorizontalPodAutoscaler checkout scales Deployment checkout in namespace "
                       "prod, which is not in the input"};
    QTest::newRow("references outside the input")
        << "k8s-unresolved.yaml" << "unresolved"
        << QStringList{"Service api selects pods labelled app=api-v2 in namespace shop; no "
                       "workload in the input has those labels",
                       "Ingress edge sends traffic to Service web in namespace shop, which is "
                       "not in the input",
                       "api reads env values from ConfigMap shared-config in namespace shop, "
                       "which is not in the input",
                       "env SEARCH_HOST of api reads key search_host of ConfigMap api-config, "
                       "which has no such key"};
    QTest::newRow("metrics Skyline does not follow")
        << "k8s-unresolved.yaml" << "ignored"
        << QStringList{"HorizontalPodAutoscaler api also scales on Pods metric", "1 ConfigMap:"};
    QTest::newRow("a Deployment's ReplicaSet and Pod are not nodes")
        << "k8s-get-all.yaml" << "ignored"
        << QStringList{"1 ReplicaSet: managed by a Deployment in the input",
                       "1 Pod: pods are read from the templates of their workloads"};
    QTest::newRow("Gateway API unresolved")
        << "k8s-gateway-api.yaml" << "unresolved"
        << QStringList{"GRPCRoute rpc attaches to Gateway partners in namespace edge, which is "
                       "not in the input"};
    QTest::newRow("Gateway API ignored")
        << "k8s-gateway-api.yaml" << "ignored"
        << QStringList{"1 GatewayClass:", "Gateway internal has no route in the input",
                       "HTTPRoute store has a backend that is not a Service (Backend)",
                       "HTTPRoute mesh attaches to a Service (a service mesh route)"};
    QTest::newRow("KEDA target missing")
        << "k8s-keda.yaml" << "unresolved"
        << QStringList{"ScaledObject reports scales Deployment reports in namespace orders, "
                       "which is not in the input"};
    QTest::newRow("odd shapes unresolved")
        << "k8s-odd-shapes.yaml" << "unresolved"
        << QStringList{"HorizontalPodAutoscaler h names no target",
                       "Ingress i1 names no backend Service",
                       "w1 reads env values from ConfigMap"};
    QTest::newRow("odd shapes ignored, each named")
        << "k8s-odd-shapes.yaml" << "ignored"
        << QStringList{"A Deployment without metadata.name", "Deployment w2 has no containers",
                       "Service s1 has no selector", "Ingress i1 has a backend that is not a "
                                                     "Service",
                       "w1 reads env values from Secrets", "1 Pod:",
                       "A second workload named w1 in namespace default (Deployment); the first "
                       "one is used",
                       "A document without a kind is not a Kubernetes object",
                       "A document without a kind is not a Kubernetes object"};
    QTest::newRow("cycle not closed")
        << "k8s-cycle.yaml" << "unresolved"
        << QStringList{"env A_URL of b names Service a, but a already calls b"};
}

void TestKubernetesImport::review()
{
    QFETCH(QString, files);
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const QStringList messages = reviewMessages(
        result, kind == "unresolved" ? ReviewKind::Unresolved : ReviewKind::Ignored);
    QCOMPARE(messages.size(), expected.size());
    for (const QString &part : expected)
        QVERIFY2(messages.filter(part).size() == expected.count(part),
                 qPrintable(QString("not %1 message(s) with '%2' in:\n%3")
                                .arg(expected.count(part))
                                .arg(part, messages.join('\n'))));
}

void TestKubernetesImport::places_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("message"); // part of one review message
    QTest::addColumn<QString>("place");   // where it points: file:line:column
    QTest::newRow("bad cpu quantity") << "k8s-bad-quantities.yaml" << "'12Qx'"
                                      << "k8s-bad-quantities.yaml:14:29";
    QTest::newRow("bad memory quantity") << "k8s-bad-quantities.yaml" << "'lots'"
                                         << "k8s-bad-quantities.yaml:14:43";
    QTest::newRow("HPA target") << "k8s-hpa-missing.yaml" << "scales Deployment checkout"
                                << "k8s-hpa-missing.yaml:19:19";
    QTest::newRow("env value closing a cycle") << "k8s-cycle.yaml" << "would close a cycle"
                                               << "k8s-cycle.yaml:39:36";
    QTest::newRow("env value naming a missing Service")
        << "k8s-mixed.yaml" << "CACHE_URL" << "k8s-mixed.yaml:90:22";
    QTest::newRow("inferred edge from a ConfigMap value")
        << "k8s-shop.yaml" << "catalog → postgres" << "k8s-shop.yaml:112:17";
    QTest::newRow("second file of an import") << "k8s-hpa-missing.yaml,k8s-single.yaml"
                                              << "worker: minReplicas" << "k8s-single.yaml:1:1";
}

void TestKubernetesImport::places()
{
    QFETCH(QString, files);
    QFETCH(QString, message);
    QFETCH(QString, place);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    QStringList found;
    for (const ReviewItem &item : result.review)
        if (QString::fromStdString(item.message).contains(message))
            found << QString::fromStdString(describe(item.where));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.front().endsWith("/" + place), qPrintable(found.front()));
}

void TestKubernetesImport::detection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("kubernetes");
    QTest::newRow("deployment") << "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n"
                                << true;
    QTest::newRow("second document") << "---\nfoo: 1\n---\napiVersion: v1\nkind: Service\n"
                                     << true;
    QTest::newRow("list") << "apiVersion: v1\nkind: List\nitems: []\n" << true;
    QTest::newRow("json") << "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\"}" << true;
    QTest::newRow("github workflow")
        << "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n" << false;
    QTest::newRow("compose") << "services:\n  web:\n    image: nginx\n" << false;
    QTest::newRow("kind without version") << "kind: Deployment\nname: x\n" << false;
    QTest::newRow("helm chart") << "apiVersion: v2\nname: shop\nversion: 1.0.0\n" << false;
}

void TestKubernetesImport::detection()
{
    QFETCH(QString, text);
    QFETCH(bool, kubernetes);
    const std::optional<SourceFormat> format = detectFormat({"input.yaml", text.toStdString()});
    QCOMPARE(format == SourceFormat::Kubernetes, kubernetes);
}

void TestKubernetesImport::evaluates_data()
{
    QTest::addColumn<QString>("files");
    for (const char *name :
         {"k8s-shop.yaml", "k8s-single.yaml", "k8s-mixed.yaml", "k8s-list.yaml",
          "k8s-bad-quantities.yaml", "k8s-hpa-missing.yaml", "k8s-cycle.yaml", "k8s-unresolved.yaml",
          "k8s-odd-shapes.yaml", "k8s-get-all.yaml", "k8s-env-words.yaml",
          "k8s-gateway-api.yaml", "k8s-keda.yaml"})
        QTest::newRow(name) << QString(name);
}

/// Every import opens as a candidate the engine evaluates: no cycle, no invalid value.
void TestKubernetesImport::evaluates()
{
    QFETCH(QString, files);
    const ImportResult &result = imported(files);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    const Evaluation evaluation = evaluate(*result.project);
    QCOMPARE(evaluation.candidates.size(), std::size_t(1));
    QStringList errors;
    for (const Diagnostic &error : evaluation.candidates.front().errors)
        errors << QString::fromStdString(error.message);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
}

void TestKubernetesImport::nothingToImport()
{
    const ImportResult result = importFiles(
        {{"config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n"}},
        SourceFormat::Kubernetes);
    QVERIFY(!result.ok());
    QVERIFY(!result.project);
    QVERIFY2(errorsOf(result).contains("nothing to import"), qPrintable(errorsOf(result)));
    QVERIFY2(errorsOf(result).contains("config.yaml"), qPrintable(errorsOf(result)));
}

/// A chart template cannot be read before Helm renders it: the message says so and where.
void TestKubernetesImport::helmTemplate()
{
    const ImportResult result = importFiles(
        {{"deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ "
                             ".Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n"}},
        SourceFormat::Kubernetes);
    QVERIFY(!result.ok());
    QVERIFY2(errorsOf(result).contains("deployment.yaml:4:9: a Helm chart template"),
             qPrintable(errorsOf(result)));
    QVERIFY2(errorsOf(result).contains("helm template"), qPrintable(errorsOf(result)));
}

/// Go templates inside a ConfigMap (alert texts) are data, not Helm: no review item for them.
void TestKubernetesImport::otherBracesAreNoHelm()
{
    const std::string text = fixture("k8s-single.yaml").text +
                             "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\n"
                             "data:\n  summary: \"{{ $labels.instance }} is down\"\n";
    const ImportResult result = importFiles({{"app.yaml", text}}, SourceFormat::Kubernetes);
    QVERIFY2(result.ok(), qPrintable(errorsOf(result)));
    QCOMPARE(reviewMessages(result, ReviewKind::Unresolved), QStringList());
}

QTEST_GUILESS_MAIN(TestKubernetesImport)
#include "tst_kubernetesimport.moc"
