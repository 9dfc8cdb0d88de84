// The node-kind table (model/domain/NodeKinds) and the product table (model/domain/Products):
// every kind's facts come from its row, and every product belongs to a kind that names it.
#include "domain/NodeKinds.h"
#include "domain/ParamSchema.h"
#include "domain/Products.h"

#include <QtTest>

#include <set>

using namespace skyline;

class TestNodeKinds : public QObject
{
    Q_OBJECT
private slots:
    void fileNamesRoundTripThroughTheTable_data();
    void fileNamesRoundTripThroughTheTable();
    void tableFollowsAllNodeKinds();
    void unknownKindNameIsRefused();
    void productChoicesAreTheProductTable();
    void productsAreUniqueAndFitTheirKind();
};

void TestNodeKinds::fileNamesRoundTripThroughTheTable_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("deployable");
    QTest::addColumn<bool>("instances");
    QTest::addColumn<bool>("coldStarts");
    QTest::newRow("client") << int(NodeKind::Client) << "client" << false << false << false;
    QTest::newRow("gateway") << int(NodeKind::Gateway) << "gateway" << false << false << false;
    QTest::newRow("function") << int(NodeKind::Function) << "function" << true << true << true;
    QTest::newRow("service") << int(NodeKind::Service) << "service" << true << true << false;
    QTest::newRow("queue") << int(NodeKind::Queue) << "queue" << false << false << false;
    QTest::newRow("datastore") << int(NodeKind::Datastore) << "datastore" << false << false
                               << false;
}

void TestNodeKinds::fileNamesRoundTripThroughTheTable()
{
    QFETCH(int, kind);
    QFETCH(QString, id);
    QFETCH(bool, deployable);
    QFETCH(bool, instances);
    QFETCH(bool, coldStarts);
    const NodeKindTraits &row = nodeKindTraits(NodeKind(kind));
    QCOMPARE(QString(toString(NodeKind(kind))), id);
    QCOMPARE(QString(row.id), id);
    QCOMPARE(int(*nodeKindFromString(id.toStdString())), kind);
    QCOMPARE(row.deployable, deployable);
    QCOMPARE(row.figures.instances, instances);
    QCOMPARE(row.figures.coldStarts, coldStarts);
    QCOMPARE(row.figures.p99, NodeKind(kind) != NodeKind::Client);
    QVERIFY(std::string(row.displayName).size() > 0);
    QVERIFY(std::string(row.description).size() > 20);
    QCOMPARE(QString(row.iconName), id);
    QCOMPARE(QString(row.addText), "Add " + id);
    QCOMPARE(QString(row.shortName).toLower(), id);
}

void TestNodeKinds::tableFollowsAllNodeKinds()
{
    const auto &table = nodeKindTable();
    for (std::size_t i = 0; i < allNodeKinds.size(); ++i)
        QCOMPARE(int(table[i].kind), int(allNodeKinds[i]));
}

void TestNodeKinds::unknownKindNameIsRefused()
{
    QVERIFY(!nodeKindFromString("lambda"));
    QVERIFY(!nodeKindFromString(""));
    QVERIFY(!nodeKindFromString("Function"));
}

void TestNodeKinds::productChoicesAreTheProductTable()
{
    // The schema's product parameter of each kind offers exactly the table's rows of that kind,
    // the first row being the default.
    for (const NodeKindTraits &row : nodeKindTable()) {
        const std::string param = row.productParam;
        QCOMPARE(productParamKey(row.kind), param);
        if (param.empty()) {
            QVERIFY(productIds(row.kind).empty());
            continue;
        }
        const ParamSpec *spec = findNodeParamSpec(row.kind, param);
        QVERIFY2(spec, row.id);
        QCOMPARE(spec->choices, productIds(row.kind));
        QCOMPARE(std::get<std::string>(spec->defaultValue), productIds(row.kind).front());
    }
}

void TestNodeKinds::productsAreUniqueAndFitTheirKind()
{
    std::set<std::string> ids;
    for (const ProductInfo &product : products()) {
        QVERIFY2(ids.insert(product.id).second, product.id.c_str());
        QVERIFY2(nodeKindTraits(product.kind).productParam[0] != '\0', product.id.c_str());
        QVERIFY2(product.pricing != PricingRule::None, product.id.c_str());
        QVERIFY2(!product.displayName.empty(), product.id.c_str());
        QCOMPARE(findProduct(product.id), &product);
        // A provider's products carry its prefix; vendor-neutral ones none.
        if (!product.provider.empty())
            QVERIFY2(product.id.rfind(product.provider + "-", 0) == 0, product.id.c_str());
        QCOMPARE(product.timeLimitS > 0, product.kind == NodeKind::Function);
    }
    QVERIFY(!findProduct("pigeon-post"));
}

QTEST_GUILESS_MAIN(TestNodeKinds)
#include "tst_nodekinds.moc"
