// The layered layout of imported candidates (Layout.h): no two nodes overlap, every context
// box holds its nodes (below its name tag) and no other node, boxes do not overlap, and every
// api edge runs left to right or downwards, for 3 services as for 100 and for every Compose
// fixture.

#include "import/Import.h"
#include "import/Layout.h"
#include "import/ModelBuilder.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace skyline;
using namespace skyline::importing;

namespace {
const SourceLocation nowhere{};

/// What a node covers on the canvas: its box and the badge strip below it.
RectF footprint(const Node &n)
{
    return {n.pos.x - nodeWidthPx / 2, n.pos.y - nodeHeightPx / 2, nodeWidthPx,
            nodeHeightPx + nodeBadgePx};
}

bool overlap(const RectF &a, const RectF &b)
{
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
           b.y < a.y + a.height;
}

bool inside(const RectF &inner, const RectF &outer)
{
    return inner.x >= outer.x && inner.y >= outer.y &&
           inner.x + inner.width <= outer.x + outer.width &&
           inner.y + inner.height <= outer.y + outer.height;
}

Candidate threeServices()
{
    ModelBuilder b(SourceFormat::Compose, "small");
    const std::string gw = b.addNode(NodeKind::Gateway, "api", nowhere);
    const std::string orders = b.addNode(NodeKind::Service, "orders", nowhere);
    const std::string stock = b.addNode(NodeKind::Service, "stock", nowhere);
    const std::string mail = b.addNode(NodeKind::Function, "mail", nowhere);
    const std::string db = b.addNode(NodeKind::Datastore, "db", nowhere);
    const std::string q = b.addNode(NodeKind::Queue, "events", nowhere);
    b.addEdge(EdgeKind::Api, gw, orders, nowhere);
    b.addEdge(EdgeKind::Api, orders, stock, nowhere);
    b.addEdge(EdgeKind::Api, orders, db, nowhere);
    b.addEdge(EdgeKind::Api, stock, db, nowhere);
    b.addEdge(EdgeKind::Event, orders, q, nowhere);
    b.addEdge(EdgeKind::Event, q, mail, nowhere);
    const std::string audit = b.addNode(NodeKind::Queue, "audit", nowhere);
    b.addEdge(EdgeKind::Event, stock, audit, nowhere);
    b.addEntryPoint(gw, "shoppers", nowhere);
    return b.finish().project->candidates.front();
}

/// A gateway in front of `services` services that call each other as a tree (three callees
/// each) spread over `contexts` contexts, with datastores and queues at the leaves.
Candidate tree(int services, int contexts)
{
    ModelBuilder b(SourceFormat::Compose, "large");
    const std::string gw = b.addNode(NodeKind::Gateway, "edge", nowhere);
    std::vector<std::string> ids;
    for (int i = 0; i < services; ++i) {
        ids.push_back(b.addNode(NodeKind::Service, "service " + std::to_string(i), nowhere));
        if (contexts > 0)
            b.putInContext(ids.back(), b.addContext("team " + std::to_string(i % contexts)));
        if (i > 0)
            b.addEdge(EdgeKind::Api, ids[(i - 1) / 3], ids.back(), nowhere);
    }
    b.addEdge(EdgeKind::Api, gw, ids.front(), nowhere);
    for (int i = 0; i < services / 10; ++i) {
        const std::string db = b.addNode(NodeKind::Datastore, "db " + std::to_string(i), nowhere);
        if (contexts > 0)
            b.putInContext(db, b.addContext("team " + std::to_string(i % contexts)));
        b.addEdge(EdgeKind::Api, ids[ids.size() - 1 - i], db, nowhere);
        const std::string q = b.addNode(NodeKind::Queue, "queue " + std::to_string(i), nowhere);
        b.addEdge(EdgeKind::Event, ids[ids.size() - 1 - i], q, nowhere);
    }
    b.addEntryPoint(gw, "users", nowhere);
    b.addEntryPoint(ids[1], "partners", nowhere);
    const ImportResult result = b.finish();
    return result.project->candidates.front();
}

Candidate composeFixture(const char *name)
{
    std::ifstream in(std::string(SKYLINE_SOURCE_DIR "/tests/import/data/compose/") + name);
    std::ostringstream text;
    text << in.rdbuf();
    const ImportResult result = importFiles({{name, text.str()}});
    return result.ok() ? result.project->candidates.front() : Candidate{};
}

/// The context the studio would put a node in (the smallest box containing its position).
std::string contextAt(const Candidate &c, PointF pos)
{
    const Context *best = nullptr;
    for (const Context &x : c.contexts)
        if (x.rect.contains(pos) &&
            (!best || x.rect.width * x.rect.height < best->rect.width * best->rect.height))
            best = &x;
    return best ? best->id : std::string();
}
} // namespace

Q_DECLARE_METATYPE(skyline::Candidate)

class TestImportLayout : public QObject
{
    Q_OBJECT
private slots:
    void noTwoNodesOverlap_data() { candidates_data(); }
    void noTwoNodesOverlap();
    void contextBoxesHoldTheirNodesBelowTheirName_data() { candidates_data(); }
    void contextBoxesHoldTheirNodesBelowTheirName();
    void apiEdgesRunRightOrDown_data() { candidates_data(); }
    void apiEdgesRunRightOrDown();
    void columnsFollowTheKinds();
    void tallLayersWrapIntoColumns();
    void cyclesStillGetALayout();

private:
    static void candidates_data();
};

void TestImportLayout::candidates_data()
{
    QTest::addColumn<Candidate>("candidate");
    QTest::newRow("3 services") << threeServices();
    QTest::newRow("100 services, 4 contexts") << tree(100, 4);
    QTest::newRow("100 services, no context") << tree(100, 0);
    QTest::newRow("compose shop") << composeFixture("shop.yaml");
    QTest::newRow("compose v2") << composeFixture("legacy-v2.yml");
    QTest::newRow("compose anchors") << composeFixture("anchors.yaml");
    QTest::newRow("compose depends_on map") << composeFixture("depends-map.yaml");
    QTest::newRow("compose voting app") << composeFixture("voting.yaml");
}

void TestImportLayout::noTwoNodesOverlap()
{
    QFETCH(Candidate, candidate);
    QVERIFY(!candidate.nodes.empty());
    for (size_t i = 0; i < candidate.nodes.size(); ++i)
        for (size_t j = i + 1; j < candidate.nodes.size(); ++j)
            QVERIFY2(!overlap(footprint(candidate.nodes[i]), footprint(candidate.nodes[j])),
                     qPrintable(QString::fromStdString(candidate.nodes[i].name + " and " +
                                                       candidate.nodes[j].name)));
}

void TestImportLayout::contextBoxesHoldTheirNodesBelowTheirName()
{
    QFETCH(Candidate, candidate);
    for (const Node &n : candidate.nodes) {
        // The studio derives membership from positions: it must find the same context.
        QCOMPARE(contextAt(candidate, n.pos), n.context);
        const RectF f = footprint(n);
        for (const Context &x : candidate.contexts) {
            if (x.id == n.context) {
                QVERIFY2(inside(f, x.rect), qPrintable(QString::fromStdString(n.name)));
                QVERIFY2(
                    f.y >= x.rect.y + contextLabelPx,
                    qPrintable(QString::fromStdString(n.name + " under the name of " + x.name)));
            } else {
                QVERIFY2(!overlap(f, x.rect),
                         qPrintable(QString::fromStdString(n.name + " in the box of " + x.name)));
            }
        }
    }
    for (size_t i = 0; i < candidate.contexts.size(); ++i)
        for (size_t j = i + 1; j < candidate.contexts.size(); ++j)
            QVERIFY(!overlap(candidate.contexts[i].rect, candidate.contexts[j].rect));
}

void TestImportLayout::apiEdgesRunRightOrDown()
{
    QFETCH(Candidate, candidate);
    for (const Edge &e : candidate.edges) {
        if (e.kind != EdgeKind::Api)
            continue;
        const Node *from = candidate.findNode(e.from);
        const Node *to = candidate.findNode(e.to);
        const bool right = to->pos.x > from->pos.x;
        const bool down = to->pos.x == from->pos.x && to->pos.y > from->pos.y;
        QVERIFY2(right || down, qPrintable(QString::fromStdString(from->name + " -> " + to->name)));
    }
}

void TestImportLayout::columnsFollowTheKinds()
{
    const Candidate c = threeServices();
    auto x = [&](const char *name) {
        for (const Node &n : c.nodes)
            if (n.name == name)
                return n.pos.x;
        return -1.0;
    };
    QVERIFY(x("shoppers") < x("api"));
    QVERIFY(x("api") < x("orders"));
    QVERIFY(x("orders") < x("stock"));  // called by orders: one column further
    QVERIFY(x("orders") < x("events")); // the queue between its publisher ...
    QVERIFY(x("events") < x("mail"));   // ... and its consumer
    QVERIFY(x("stock") < x("db"));
    QVERIFY(x("mail") < x("db"));
    QVERIFY(x("audit") > x("mail")); // a queue nobody consumes: with the queues on the right
    QVERIFY(x("audit") < x("db"));
}

void TestImportLayout::tallLayersWrapIntoColumns()
{
    // 100 services of which 60 are leaves at one depth: without wrapping, one column 6,000
    // pixels tall. The layout gives the drawing about the shape of a screen instead.
    for (const Candidate &c : {tree(100, 0), tree(100, 4)}) {
        double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
        for (const Node &n : c.nodes) {
            left = std::min(left, n.pos.x);
            right = std::max(right, n.pos.x);
            top = std::min(top, n.pos.y);
            bottom = std::max(bottom, n.pos.y);
        }
        const double width = right - left + nodeWidthPx;
        const double height = bottom - top + nodeHeightPx;
        const QString size = QString("%1 x %2").arg(width).arg(height);
        QVERIFY2(width / height > 1.0 && width / height < 2.5, qPrintable(size));
        QVERIFY2(height < 2500, qPrintable(size));
    }
}

void TestImportLayout::cyclesStillGetALayout()
{
    ModelBuilder b(SourceFormat::Compose, "cycle");
    const std::string a = b.addNode(NodeKind::Service, "a", nowhere);
    const std::string bb = b.addNode(NodeKind::Service, "b", nowhere);
    const std::string c = b.addNode(NodeKind::Service, "c", nowhere);
    b.addEdge(EdgeKind::Api, a, bb, nowhere);
    b.addEdge(EdgeKind::Api, bb, c, nowhere);
    b.addEdge(EdgeKind::Api, c, a, nowhere);
    b.addEntryPoint(a, "users", nowhere);
    const ImportResult result = b.finish();
    QVERIFY(result.ok());
    const Candidate &cand = result.project->candidates.front();
    for (size_t i = 0; i < cand.nodes.size(); ++i)
        for (size_t j = i + 1; j < cand.nodes.size(); ++j)
            QVERIFY(!overlap(footprint(cand.nodes[i]), footprint(cand.nodes[j])));
    // The cycle is cut once: two of its three edges still run to the right.
    int rightward = 0;
    for (const Edge &e : cand.edges)
        rightward += cand.findNode(e.to)->pos.x > cand.findNode(e.from)->pos.x;
    QCOMPARE(rightward, 3); // users -> a, a -> b, b -> c
}

QTEST_GUILESS_MAIN(TestImportLayout)
#include "tst_importlayout.moc"
