// The clipboard's fragment format and pasting (model/io/Fragment): what is copied comes back,
// a damaged fragment names its place, and a paste gets fresh ids with every reference followed.
#include "io/Fragment.h"

#include <QtTest>

#include <set>

using namespace skyline;

class TestFragment : public QObject
{
    Q_OBJECT
private slots:
    void copiedNodesComeBack();
    void notAFragment_data();
    void notAFragment();
    void damagedFragmentNamesItsPlace();
    void pasteGivesFreshIdsAndFollowsEdges();
    void pastedClientKeepsOrFindsAWorkload();
};

namespace {

/// A candidate c1 with a client (workload w1) calling a chain of `count` functions n2 ...
Project chainProject(int count)
{
    Project p;
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Load"));
    Candidate c;
    c.id = "c1";
    c.nodes.push_back(makeDefaultNode(NodeKind::Client, "n1", "Web", {0, 0}));
    c.nodes.back().workload = "w1";
    for (int i = 2; i <= count + 1; ++i) {
        c.nodes.push_back(makeDefaultNode(NodeKind::Function, "n" + std::to_string(i), "F",
                                          {double(i) * 10, 0}));
        c.edges.push_back(Edge{"e" + std::to_string(i - 1), EdgeKind::Api,
                               "n" + std::to_string(i - 1), "n" + std::to_string(i), 1, 1, false,
                               false});
    }
    p.candidates.push_back(c);
    return p;
}

std::set<std::string> allNodeIds(const Candidate &c)
{
    std::set<std::string> ids;
    for (const Node &n : c.nodes)
        ids.insert(n.id);
    return ids;
}

} // namespace

void TestFragment::copiedNodesComeBack()
{
    const Project p = chainProject(3);
    const Candidate &c = p.candidates[0];
    const std::string text = writeFragment(p, c, {"n1", "n2", "n4"});
    std::vector<Problem> problems;
    const auto fragment = readFragment(text, problems);
    QVERIFY(fragment);
    QVERIFY(problems.empty());
    QCOMPARE(fragment->nodes.size(), size_t(3));
    QVERIFY(fragment->nodes[0] == c.nodes[0]);
    QVERIFY(fragment->nodes[2] == c.nodes[3]);
    QCOMPARE(fragment->edges.size(), size_t(1)); // n1 -> n2 only: n3 was not copied
    QVERIFY(fragment->edges[0] == c.edges[0]);
    QCOMPARE(fragment->workloads.size(), size_t(1)); // the client's
    QVERIFY(fragment->workloads[0] == p.workloads[0]);
}

void TestFragment::notAFragment_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("plain text") << QByteArray("Checkout");
    QTest::newRow("a project") << QByteArray("{\"format\": \"skyline\", \"version\": 1}");
    QTest::newRow("an array") << QByteArray("[1, 2]");
}

void TestFragment::notAFragment()
{
    QFETCH(QByteArray, text);
    std::vector<Problem> problems;
    QVERIFY(!readFragment(text.toStdString(), problems));
}

void TestFragment::damagedFragmentNamesItsPlace()
{
    Project p = chainProject(2);
    OrderedJson json = OrderedJson::parse(writeFragment(p, p.candidates[0], {"n2", "n3"}));
    json["nodes"][1]["params"]["memoryMb"] = -512;
    std::vector<Problem> problems;
    QVERIFY(readFragment(json.dump(), problems));
    QCOMPARE(problems.size(), size_t(1));
    QCOMPARE(QString::fromStdString(problems[0].pointer), QString("/nodes/1/params/memoryMb"));
    QVERIFY(QString::fromStdString(problems[0].message).contains("between 128 and 10,240 MB"));
}

void TestFragment::pasteGivesFreshIdsAndFollowsEdges()
{
    // 2,000 pasted nodes into the project they were copied from: every id clashes.
    const Project p = chainProject(2000);
    Candidate target = p.candidates[0];
    target.contexts.push_back(Context{"x1", "Box", {0, 500, 100000, 200}});
    Project into = p;
    into.candidates[0] = target;
    std::set<std::string> copied = allNodeIds(p.candidates[0]);
    copied.erase("n1"); // the functions only
    std::vector<Problem> problems;
    const auto fragment = readFragment(writeFragment(p, p.candidates[0], copied), problems);
    QVERIFY(fragment && problems.empty());
    const Fragment placed = placeFragment(into, target, *fragment, {5, 550});

    QCOMPARE(placed.nodes.size(), size_t(2000));
    QCOMPARE(placed.edges.size(), size_t(1999));
    QVERIFY(placed.workloads.empty()); // w1 is there already
    std::set<std::string> ids = allNodeIds(target);
    for (const Edge &e : target.edges)
        ids.insert(e.id);
    for (const Node &n : placed.nodes) {
        QVERIFY2(ids.insert(n.id).second, n.id.c_str()); // fresh and distinct
        QCOMPARE(n.context, std::string("x1"));           // placed into the box under it
    }
    QCOMPARE(placed.nodes[0].id, std::string("n2002")); // the first free ones, in order
    QCOMPARE(placed.nodes[0].pos.x, 25.0);
    for (size_t i = 0; i < placed.edges.size(); ++i) {
        QVERIFY2(ids.insert(placed.edges[i].id).second, placed.edges[i].id.c_str());
        QCOMPARE(placed.edges[i].from, placed.nodes[i].id); // the chain, renamed
        QCOMPARE(placed.edges[i].to, placed.nodes[i + 1].id);
    }
}

void TestFragment::pastedClientKeepsOrFindsAWorkload()
{
    const Project source = chainProject(1);
    std::vector<Problem> problems;
    const auto fragment =
        readFragment(writeFragment(source, source.candidates[0], {"n1"}), problems);
    QVERIFY(fragment);

    Project other; // has a workload of its own, not w1
    other.workloads.push_back(makeDefaultWorkload(WorkloadShape::Diurnal, "w7", "Day"));
    other.candidates.push_back(Candidate{"c1", "C", {}, {}, {}});
    const Fragment withWorkload = placeFragment(other, other.candidates[0], *fragment, {});
    QCOMPARE(withWorkload.workloads.size(), size_t(1)); // w1 comes along
    QCOMPARE(withWorkload.nodes[0].workload, std::string("w1"));

    Fragment withoutWorkloads = *fragment;
    withoutWorkloads.workloads.clear();
    const Fragment fallback = placeFragment(other, other.candidates[0], withoutWorkloads, {});
    QVERIFY(fallback.workloads.empty());
    QCOMPARE(fallback.nodes[0].workload, std::string("w7")); // the project's first
}

QTEST_GUILESS_MAIN(TestFragment)
#include "tst_fragment.moc"
