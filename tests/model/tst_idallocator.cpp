// Fresh ids for pasted, duplicated and imported entities (model/domain/IdAllocator): the same
// ids uniqueId() gives, references followed, and linear in the number of entities.
#include "domain/IdAllocator.h"

#include <QtTest>

#include <set>

using namespace skyline;

class TestIdAllocator : public QObject
{
    Q_OBJECT
private slots:
    void freshIdsAreTheFirstFreeOnes_data();
    void freshIdsAreTheFirstFreeOnes();
    void keepOrRenewKeepsFreeIds();
    void renamingFollowsContextsAndEdgeEnds_data();
    void renamingFollowsContextsAndEdgeEnds();
    void twoThousandFreshIdsAreDistinctAndUnused();
};

namespace {

Project projectWithIds(const QStringList &nodeIds)
{
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Load"));
    Candidate c;
    c.id = "c1";
    for (const QString &id : nodeIds)
        c.nodes.push_back(makeDefaultNode(NodeKind::Function, id.toStdString(), "F", {}));
    p.candidates.push_back(c);
    return p;
}

} // namespace

void TestIdAllocator::freshIdsAreTheFirstFreeOnes_data()
{
    QTest::addColumn<QStringList>("used");
    QTest::addColumn<QStringList>("expected"); // three fresh "n" ids in turn
    QTest::newRow("none used") << QStringList{} << QStringList{"n1", "n2", "n3"};
    QTest::newRow("gaps are filled") << QStringList{"n1", "n3"} << QStringList{"n2", "n4", "n5"};
    QTest::newRow("other prefixes do not count")
        << QStringList{"e1", "x1", "n10"} << QStringList{"n1", "n2", "n3"};
}

void TestIdAllocator::freshIdsAreTheFirstFreeOnes()
{
    QFETCH(QStringList, used);
    QFETCH(QStringList, expected);
    Project p = projectWithIds(used);
    IdAllocator ids(p);
    for (const QString &id : expected) {
        QCOMPARE(uniqueId(p, "n"), id.toStdString()); // as the one-at-a-time function says
        QCOMPARE(ids.fresh("n"), id.toStdString());
        p.candidates[0].nodes.push_back(makeDefaultNode(NodeKind::Queue, id.toStdString(), "", {}));
    }
    QCOMPARE(ids.fresh("c"), std::string("c2")); // c1 is the candidate
    QCOMPARE(ids.fresh("w"), std::string("w2"));
}

void TestIdAllocator::keepOrRenewKeepsFreeIds()
{
    IdAllocator ids(projectWithIds({"n1", "orders"}));
    QCOMPARE(ids.keepOrRenew("api", "n"), std::string("api"));
    QCOMPARE(ids.keepOrRenew("api", "n"), std::string("n2")); // taken by the first call now
    QCOMPARE(ids.keepOrRenew("orders", "n"), std::string("n3"));
    QVERIFY(ids.taken("api"));
}

void TestIdAllocator::renamingFollowsContextsAndEdgeEnds_data()
{
    QTest::addColumn<int>("renaming");
    QTest::addColumn<QString>("nodeA");
    QTest::addColumn<QString>("nodeB");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("edge");
    // The project already uses n1, e1 and x1; the candidate to add uses them too and "api".
    QTest::newRow("every id") << int(Renaming::Every) << "n2" << "n3" << "x2" << "e2";
    QTest::newRow("only clashing ids") << int(Renaming::OnlyClashing) << "n2" << "api" << "x2"
                                       << "e2";
}

void TestIdAllocator::renamingFollowsContextsAndEdgeEnds()
{
    QFETCH(int, renaming);
    QFETCH(QString, nodeA);
    QFETCH(QString, nodeB);
    QFETCH(QString, context);
    QFETCH(QString, edge);
    Project p = projectWithIds({"n1"});
    p.candidates[0].contexts.push_back(Context{"x1", "Box", {0, 0, 10, 10}});
    p.candidates[0].edges.push_back(Edge{"e1", EdgeKind::Api, "n1", "n1", 1, 0, false, false});
    Candidate added;
    added.contexts.push_back(Context{"x1", "Box", {0, 0, 10, 10}});
    added.nodes.push_back(makeDefaultNode(NodeKind::Function, "n1", "A", {}));
    added.nodes.push_back(makeDefaultNode(NodeKind::Service, "api", "B", {}));
    added.nodes[0].context = "x1";
    added.edges.push_back(Edge{"e1", EdgeKind::Api, "n1", "api", 1, 0, false, false});
    IdAllocator ids(p);
    const auto changed = renameIds(added, ids, Renaming(renaming));
    QCOMPARE(QString::fromStdString(added.nodes[0].id), nodeA);
    QCOMPARE(QString::fromStdString(added.nodes[1].id), nodeB);
    QCOMPARE(QString::fromStdString(added.contexts[0].id), context);
    QCOMPARE(QString::fromStdString(added.nodes[0].context), context);
    QCOMPARE(QString::fromStdString(added.edges[0].id), edge);
    QCOMPARE(QString::fromStdString(added.edges[0].from), nodeA);
    QCOMPARE(QString::fromStdString(added.edges[0].to), nodeB);
    QCOMPARE(QString::fromStdString(changed.at("n1")), nodeA);
    QCOMPARE(changed.count("api"), size_t(nodeB == "api" ? 0 : 1));
}

void TestIdAllocator::twoThousandFreshIdsAreDistinctAndUnused()
{
    QStringList used;
    for (int i = 1; i <= 2000; i += 2)
        used << QString("n%1").arg(i); // every odd id is taken
    IdAllocator ids(projectWithIds(used));
    std::set<std::string> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::string id = ids.fresh("n");
        QVERIFY(seen.insert(id).second);
        QVERIFY(!used.contains(QString::fromStdString(id)));
    }
    QCOMPARE(*seen.begin(), std::string("n10")); // n2, n4 ... in turn; the set sorts as text
    QVERIFY(seen.count("n2") && seen.count("n2000") && seen.count("n3000"));
}

QTEST_GUILESS_MAIN(TestIdAllocator)
#include "tst_idallocator.moc"
