// The import review list: one row per review item of an import, grouped by kind (unresolved
// first), with the node's or edge's current name and the place in the input; a summary line
// on top; a click on a row selects its node or edge on the canvas; rows grey out when the
// imported candidate is undone.
#include "Document.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "import/Import.h"
#include "panels/ReviewPanel.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace skyline;
using importing::ReviewItem;
using importing::ReviewKind;

namespace {

importing::ImportResult importShop()
{
    QFile file(QStringLiteral(SKYLINE_SOURCE_DIR "/tests/widgets/data/shop-compose.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return importing::importFiles({{"/fixtures/shop-compose.yaml", file.readAll().toStdString()}});
}

/// A hand-made review over a project with three nodes and two edges.
Project smallProject()
{
    Project p;
    p.name = "Shop";
    p.workloads.push_back(makeDefaultWorkload(WorkloadShape::Constant, "w1", "Flat"));
    Candidate c;
    c.id = "c1";
    c.name = "compose";
    Node client = makeDefaultNode(NodeKind::Client, "n1", "web clients", {0, 0});
    client.workload = "w1";
    c.nodes.push_back(client);
    c.nodes.push_back(makeDefaultNode(NodeKind::Service, "n2", "orders", {300, 0}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Datastore, "n3", "db", {600, 0}));
    c.edges.push_back({"e1", EdgeKind::Api, "n1", "n2"});
    c.edges.push_back({"e2", EdgeKind::Api, "n2", "n3"});
    p.candidates.push_back(c);
    return p;
}

std::vector<ReviewItem> handMadeReview()
{
    return {
        {ReviewKind::AssumedValue,
         "n2",
         "",
         "durationMs",
         {"/in/compose.yaml", 7, 5},
         "orders: run time not in the source, assumed 50 ms"},
        {ReviewKind::InferredEdge,
         "",
         "e2",
         "",
         {"/in/compose.yaml", 12, 18},
         "orders calls db: inferred from depends_on"},
        {ReviewKind::Unresolved,
         "",
         "",
         "",
         {"/in/compose.yaml", 20, 3},
         "env_file .env cannot be read offline"},
        {ReviewKind::DefaultWorkload, "n1", "", "", {}, "web clients: a default workload"},
    };
}

} // namespace

class TestReviewPanel : public QObject
{
    Q_OBJECT

private slots:
    void rowsGroupedByKind()
    {
        Document doc;
        doc.resetProject(smallProject());
        ReviewPanel panel(&doc);
        importing::ImportSummary summary;
        summary.nodes = 3;
        summary.edges = 2;
        summary.carriedValues = 4;
        summary.assumedValues = 1;
        summary.inferredEdges = 1;
        summary.unresolved = 1;
        panel.setReview("c1", handMadeReview(), summary, {"/in/compose.yaml"});

        QCOMPARE(panel.rowCount(), 4);
        // Unresolved first, then inferred edges, assumed values, default workloads.
        QCOMPARE(panel.kindAt(0), ReviewKind::Unresolved);
        QCOMPARE(panel.kindAt(1), ReviewKind::InferredEdge);
        QCOMPARE(panel.kindAt(2), ReviewKind::AssumedValue);
        QCOMPARE(panel.kindAt(3), ReviewKind::DefaultWorkload);
        QVERIFY(!panel.groupItem(ReviewKind::Ignored));
        QCOMPARE(panel.groupItem(ReviewKind::InferredEdge)->text(0),
                 QStringLiteral("Inferred edges: 1"));

        // The names of what each row concerns, and the place in the input (file name only).
        QTreeWidgetItem *edgeRow = panel.groupItem(ReviewKind::InferredEdge)->child(0);
        QCOMPARE(edgeRow->text(ReviewPanel::ItemColumn), QStringLiteral("orders → db"));
        QCOMPARE(edgeRow->text(ReviewPanel::SourceColumn), QStringLiteral("compose.yaml:12:18"));
        QCOMPARE(edgeRow->text(ReviewPanel::MessageColumn),
                 QStringLiteral("orders calls db: inferred from depends_on"));
        QTreeWidgetItem *valueRow = panel.groupItem(ReviewKind::AssumedValue)->child(0);
        QCOMPARE(valueRow->text(ReviewPanel::ItemColumn), QStringLiteral("orders · durationMs"));
        QCOMPARE(
            panel.groupItem(ReviewKind::DefaultWorkload)->child(0)->text(ReviewPanel::SourceColumn),
            QString());

        const QString line = panel.summaryText();
        for (const char *part : {"compose.yaml —", "nodes: 3", "edges: 2", "values carried over: 4",
                                 "assumed: 1", "inferred edges: 1", "unresolved: 1"})
            QVERIFY2(line.contains(QString::fromUtf8(part)),
                     qPrintable(QString::fromUtf8(part) + ": " + line));
    }

    void rowsFromARealImport()
    {
        const importing::ImportResult result = importShop();
        QVERIFY2(result.ok(), result.errors.empty() ? "no project" : result.errors.front().c_str());
        Document doc;
        doc.resetProject(*result.project);
        ReviewPanel panel(&doc);
        const QString candidateId = toQ(result.project->candidates.front().id);
        panel.setReview(candidateId, result.review, result.summary, {"shop-compose.yaml"});
        QCOMPARE(panel.rowCount(), int(result.review.size()));
        QVERIFY(panel.rowCount() > 0);
        // Every review item is a row with its message; inferred edges name both ends.
        for (const ReviewItem &item : result.review) {
            bool found = false;
            for (int row = 0; row < panel.rowCount() && !found; ++row)
                found = panel.messageAt(row) == QString::fromStdString(item.message) &&
                        panel.kindAt(row) == item.kind;
            QVERIFY2(found, item.message.c_str());
        }
        QTreeWidgetItem *inferred = panel.groupItem(ReviewKind::InferredEdge);
        QVERIFY(inferred); // depends_on gives inferred edges
        QVERIFY(inferred->child(0)->text(ReviewPanel::ItemColumn).contains(QStringLiteral(" → ")));
        QVERIFY(inferred->child(0)
                    ->text(ReviewPanel::SourceColumn)
                    .startsWith(QStringLiteral("shop-compose.yaml:")));
        QVERIFY(panel.summaryText().contains(
            QStringLiteral("nodes: %1").arg(result.project->candidates.front().nodes.size())));
    }

    void clickSelectsOnTheCanvas_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("edges");
        QTest::newRow("inferred edge") << 1 << QStringList() << QStringList{"e2"};
        QTest::newRow("assumed value") << 2 << QStringList{"n2"} << QStringList();
        QTest::newRow("default workload") << 3 << QStringList{"n1"} << QStringList();
    }

    void clickSelectsOnTheCanvas()
    {
        QFETCH(int, row);
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, edges);
        Document doc;
        doc.resetProject(smallProject());
        CanvasView canvas(&doc, QStringLiteral("c1"));
        ReviewPanel panel(&doc);
        panel.setReview("c1", handMadeReview(), {}, {"/in/compose.yaml"});
        // As the main window does: the activated row's node or edge becomes the selection.
        connect(&panel, &ReviewPanel::itemActivated, &canvas,
                [&canvas](const QString &, const QString &nodeId, const QString &edgeId) {
                    canvas.canvasScene()->selectIds(
                        nodeId.isEmpty() ? QStringList() : QStringList{nodeId},
                        edgeId.isEmpty() ? QStringList() : QStringList{edgeId});
                });
        QSignalSpy spy(&panel, &ReviewPanel::itemActivated);
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        // A real click on the row.
        QTreeWidget *list = panel.list();
        int seen = 0;
        QTreeWidgetItem *target = nullptr;
        for (int g = 0; g < list->topLevelItemCount() && !target; ++g)
            for (int c = 0; c < list->topLevelItem(g)->childCount() && !target; ++c)
                if (seen++ == row)
                    target = list->topLevelItem(g)->child(c);
        QVERIFY(target);
        const QRect rect = list->visualItemRect(target);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("c1"));
        QCOMPARE(canvas.canvasScene()->selectedNodeIds(), nodes);
        QCOMPARE(canvas.canvasScene()->selectedEdgeIds(), edges);
    }

    void rowsWithoutATargetAndGroupsDoNothing()
    {
        Document doc;
        doc.resetProject(smallProject());
        ReviewPanel panel(&doc);
        panel.setReview("c1", handMadeReview(), {}, {});
        QSignalSpy spy(&panel, &ReviewPanel::itemActivated);
        panel.activateRow(0); // unresolved: names no node or edge
        QCOMPARE(spy.count(), 0);
        emit panel.list()->itemClicked(panel.groupItem(ReviewKind::InferredEdge), 0);
        QCOMPARE(spy.count(), 0);
    }

    void undoneCandidateGreysTheRows()
    {
        Document doc;
        const Project base = smallProject();
        Project other = base;
        other.candidates.clear();
        other.candidates.push_back(Candidate{"c9", "drawn", {}, {}, {}});
        doc.resetProject(other);
        const QString id = doc.addImportedCandidate(base.candidates.front(), base.workloads);
        ReviewPanel panel(&doc);
        panel.setReview(id, handMadeReview(), {}, {});
        QVERIFY(panel.list()->isEnabled());
        doc.undoStack()->undo();
        QVERIFY(!panel.list()->isEnabled());
        doc.undoStack()->redo();
        QVERIFY(panel.list()->isEnabled());

        // Another project (New, Open) may reuse the ids: the list empties.
        doc.resetProject(smallProject());
        QCOMPARE(panel.rowCount(), 0);
        QCOMPARE(panel.candidate(), QString());
    }
};

QTEST_MAIN(TestReviewPanel)
#include "tst_reviewpanel.moc"
