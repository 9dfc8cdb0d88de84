// The canvas: the scene mirrors the document, gestures end in one document edit (one undo
// step), connections, contexts, clipboard, reset and zoom. Runs offscreen.

#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "canvas/NodeKindInfo.h"
#include "canvas/NodePalette.h"

#include "Document.h"
#include "support/Examples.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace skyline;

namespace {

/// A document with one candidate and nodes at the given centres (ids returned in order).
struct Fixture
{
    Document document;
    QString candidateId;
    std::unique_ptr<CanvasView> view;

    Fixture()
    {
        document.resetProject(Document::newProject());
        candidateId = toQ(document.project().candidates.front().id);
        view = std::make_unique<CanvasView>(&document, candidateId);
        view->resize(900, 700);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        view->resetZoom();
        view->centerOn(300, 200);
    }
    CanvasScene *scene() const { return view->canvasScene(); }
    QString addNode(NodeKind kind, double x, double y)
    {
        return document.addNode(candidateId, kind, PointF{x, y});
    }
    PointF posOf(const QString &nodeId) const
    {
        const Node *n = document.node(candidateId, nodeId);
        return n ? n->pos : PointF{-1e9, -1e9};
    }
    QPoint toView(QPointF scenePoint) const { return view->mapFromScene(scenePoint); }

    void send(QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons buttons,
              Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *viewport = view->viewport();
        QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), button,
                          buttons, modifiers);
        QApplication::sendEvent(viewport, &event);
    }
    /// A left-button drag in scene coordinates, in a few steps, as a user would make it.
    void drag(QPointF fromScene, QPointF toScene, Qt::KeyboardModifiers modifiers = {})
    {
        const QPoint from = toView(fromScene), to = toView(toScene);
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
        const int steps = 5;
        for (int i = 1; i <= steps; ++i)
            send(QEvent::MouseMove, from + (to - from) * i / steps, Qt::NoButton,
                 Qt::LeftButton, modifiers);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
    }
};

} // namespace

Q_DECLARE_METATYPE(skyline::EdgeKind)
Q_DECLARE_METATYPE(skyline::CanvasScene::Tool)

class TestCanvas : public QObject
{
    Q_OBJECT
private slots:
    void sceneMirrorsDocumentEdits();
    void deleteFromViewRemovesNodeAndItsEdgesAndUndoRestoresBoth();
    void multiNodeDragIsOneUndoStep();
    void dragWithSnapCommitsGridPositions();
    void connectToolCreatesEdgeWithPenStyle_data();
    void connectToolCreatesEdgeWithPenStyle();
    void refusedConnectionExplainsWhy();
    void altDragAsksForTheEdgeKind();
    void edgeLabelShowsPerRequestOnlyWhenNotOne();
    void movingContextCarriesItsNodes();
    void resizingContextKeepsNodesInPlace();
    void rubberBandInsideABoxSelectsItsNodes();
    void droppingNodeIntoBoxSetsItsContext();
    void addContextToolDrawsABox();
    void contextNameStaysAboveANodeAtTheTopEdge();
    void contextNamesCoverNoNodeInTheExamples_data();
    void contextNamesCoverNoNodeInTheExamples();
    void contextNameFollowsItsBox();
    void copyPasteWithinCandidateOffsetsTheCopy();
    void pasteAcrossCandidatesKeepsLayout();
    void projectResetRebuildsScene();
    void removingCandidateEmptiesItsScene();
    void zoomSlotsChangeTheTransform();
    void zoomToFitShowsEveryNode();
    void fittedDiagramFollowsTheViewSize();
    void wheelZoomKeepsThePointUnderTheCursor();
    void middleMouseDragPans();
    void selectionSignalCarriesIds();
    void paletteListsSixKindsAndRequestsNodes();
    void paletteDropAddsNodeAtDropPoint();
    void badgesAreEmptyUntilSet();
    void paletteClicksPlaceNodesApartAndSelectTheNew();
    void doubleClickRenamesANodeInPlace();
    void doubleClickRenamesAContextInPlace_data();
    void doubleClickRenamesAContextInPlace();
    void duplicateCopiesTheSelectionBesideIt();
    void bringIntoContextMovesTheNodesInsideTheBox();
    void emptyCanvasShowsAHint();
    void rightClickSelectsTheItemUnderTheCursor();
    void oppositeEdgesAreDrawnApartAndBothClickable();
};

void TestCanvas::sceneMirrorsDocumentEdits()
{
    Fixture f;
    QCOMPARE(f.scene()->nodeItemCount(), 0);
    const QString a = f.addNode(NodeKind::Function, 100, 120);
    NodeItem *item = f.scene()->nodeItem(a);
    QVERIFY(item);
    QCOMPARE(item->kind(), NodeKind::Function);
    QCOMPARE(item->pos(), QPointF(100, 120)); // the item's position is the node's centre
    QVERIFY(item->sceneBoundingRect().contains(QPointF(100, 120)));

    f.document.renameNode(f.candidateId, a, QStringLiteral("Checkout"));
    QCOMPARE(item->name(), QStringLiteral("Checkout"));
    f.document.moveNodes(f.candidateId, {{a, PointF{300, 40}}});
    QCOMPARE(item->pos(), QPointF(300, 40));
    f.document.undoStack()->undo();
    QCOMPARE(item->pos(), QPointF(100, 120));

    const QString b = f.addNode(NodeKind::Queue, 400, 120);
    const QString e = f.document.addEdge(f.candidateId, EdgeKind::Event, a, b);
    QVERIFY(!e.isEmpty());
    EdgeItem *edge = f.scene()->edgeItem(e);
    QVERIFY(edge);
    // Drawn between the borders of the boxes, not centre to centre.
    QCOMPARE(edge->line().p1().x(), 100 + NodeItem::widthPx / 2);
    QCOMPARE(edge->line().p2().x(), 400 - NodeItem::widthPx / 2);
    f.document.moveNodes(f.candidateId, {{b, PointF{400, 400}}});
    QVERIFY(edge->line().p2().y() > 300); // follows its node
}

void TestCanvas::deleteFromViewRemovesNodeAndItsEdgesAndUndoRestoresBoth()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Gateway, 0, 0);
    const QString b = f.addNode(NodeKind::Function, 250, 0);
    const QString c = f.addNode(NodeKind::Datastore, 500, 0);
    const QString ab = f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    const QString bc = f.document.addEdge(f.candidateId, EdgeKind::Api, b, c);
    QCOMPARE(f.scene()->edgeItemCount(), 2);
    const int undoBefore = f.document.undoStack()->count();

    f.scene()->selectIds({b});
    QTest::keyClick(f.view.get(), Qt::Key_Delete);

    QVERIFY(!f.document.node(f.candidateId, b));
    QVERIFY(!f.document.edge(f.candidateId, ab));
    QVERIFY(!f.document.edge(f.candidateId, bc));
    QVERIFY(!f.scene()->nodeItem(b));
    QCOMPARE(f.scene()->nodeItemCount(), 2);
    QCOMPARE(f.scene()->edgeItemCount(), 0);
    QCOMPARE(f.document.undoStack()->count(), undoBefore + 1);

    f.document.undoStack()->undo();
    QVERIFY(f.scene()->nodeItem(b));
    QVERIFY(f.scene()->edgeItem(ab));
    QVERIFY(f.scene()->edgeItem(bc));
    QCOMPARE(f.scene()->edgeItem(ab)->targetItem(), f.scene()->nodeItem(b));

    // Deleting an edge alone keeps its nodes.
    f.scene()->selectIds({}, {ab});
    f.view->deleteSelection();
    QVERIFY(!f.document.edge(f.candidateId, ab));
    QCOMPARE(f.scene()->nodeItemCount(), 3);
}

void TestCanvas::multiNodeDragIsOneUndoStep()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Function, 100, 300);
    const QString c = f.addNode(NodeKind::Service, 500, 300);
    f.scene()->selectIds({a, b});
    const int undoBefore = f.document.undoStack()->count();

    f.drag(QPointF(100, 100), QPointF(180, 140));

    QCOMPARE(f.posOf(a), (PointF{180, 140}));
    QCOMPARE(f.posOf(b), (PointF{180, 340}));
    QCOMPARE(f.posOf(c), (PointF{500, 300})); // not selected: stays
    QCOMPARE(f.document.undoStack()->count(), undoBefore + 1);

    f.document.undoStack()->undo();
    QCOMPARE(f.posOf(a), (PointF{100, 100}));
    QCOMPARE(f.posOf(b), (PointF{100, 300}));
    QCOMPARE(f.scene()->nodeItem(a)->pos(), QPointF(100, 100));
    QCOMPARE(f.scene()->nodeItem(b)->pos(), QPointF(100, 300));

    // A click without movement commits nothing.
    const int undoAfter = f.document.undoStack()->count();
    f.drag(QPointF(500, 300), QPointF(500, 300));
    QCOMPARE(f.document.undoStack()->count(), undoAfter);
}

void TestCanvas::dragWithSnapCommitsGridPositions()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    f.view->setSnapToGrid(true);
    f.drag(QPointF(100, 100), QPointF(147, 113));
    const PointF p = f.posOf(a);
    QCOMPARE(p, (PointF{140, 120}));
    QCOMPARE(f.scene()->nodeItem(a)->pos(), QPointF(140, 120));
}

void TestCanvas::connectToolCreatesEdgeWithPenStyle_data()
{
    QTest::addColumn<CanvasScene::Tool>("tool");
    QTest::addColumn<EdgeKind>("kind");
    QTest::addColumn<int>("penStyle");
    QTest::newRow("api") << CanvasScene::Tool::ConnectApi << EdgeKind::Api << int(Qt::SolidLine);
    QTest::newRow("event") << CanvasScene::Tool::ConnectEvent << EdgeKind::Event
                           << int(Qt::DashLine);
}

void TestCanvas::connectToolCreatesEdgeWithPenStyle()
{
    QFETCH(CanvasScene::Tool, tool);
    QFETCH(EdgeKind, kind);
    QFETCH(int, penStyle);
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Queue, 400, 100);
    f.view->setTool(tool);
    QCOMPARE(f.view->dragMode(), QGraphicsView::NoDrag); // no rubber band while connecting

    f.drag(QPointF(100, 100), QPointF(400, 110));

    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->edges.size()), 1);
    const Edge &edge = c->edges.front();
    QCOMPARE(edge.kind, kind);
    QCOMPARE(toQ(edge.from), a);
    QCOMPARE(toQ(edge.to), b);
    EdgeItem *item = f.scene()->edgeItem(toQ(edge.id));
    QVERIFY(item);
    QCOMPARE(int(item->pen().style()), penStyle);
    // Nodes did not move while connecting.
    QCOMPARE(f.posOf(a), (PointF{100, 100}));
    // A drag that ends on empty canvas connects nothing.
    f.drag(QPointF(400, 100), QPointF(700, 500));
    QCOMPARE(int(f.document.candidate(f.candidateId)->edges.size()), 1);
}

void TestCanvas::refusedConnectionExplainsWhy()
{
    Fixture f;
    const QString client = f.addNode(NodeKind::Client, 100, 100);
    const QString fn = f.addNode(NodeKind::Function, 400, 100);
    QSignalSpy status(f.view.get(), &CanvasView::statusMessage);
    f.view->setConnectApiTool();
    f.drag(QPointF(400, 100), QPointF(100, 100)); // into a client: refused by the document
    QVERIFY(f.document.candidate(f.candidateId)->edges.empty());
    QCOMPARE(status.count(), 1);
    const QString reason = status.first().first().toString();
    QVERIFY(!reason.isEmpty());
    QCOMPARE(f.view->statusTip(), reason);
    // A node onto itself is refused too, without a crash.
    f.drag(QPointF(400, 100), QPointF(410, 105));
    QVERIFY(f.document.candidate(f.candidateId)->edges.empty());
    Q_UNUSED(client);
    Q_UNUSED(fn);
}

void TestCanvas::altDragAsksForTheEdgeKind()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Queue, 400, 100);
    int asked = 0;
    f.scene()->setEdgeKindChooser([&asked](const QPoint &) {
        ++asked;
        return std::optional<EdgeKind>(EdgeKind::Event);
    });
    f.drag(QPointF(100, 100), QPointF(400, 100), Qt::AltModifier);
    QCOMPARE(asked, 1);
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->edges.size()), 1);
    QCOMPARE(c->edges.front().kind, EdgeKind::Event);
    QCOMPARE(f.posOf(a), (PointF{100, 100})); // Alt+drag connects, it does not move

    // Cancelling the menu creates nothing.
    f.scene()->setEdgeKindChooser([](const QPoint &) { return std::optional<EdgeKind>(); });
    f.drag(QPointF(400, 100), QPointF(100, 100), Qt::AltModifier);
    QCOMPARE(int(f.document.candidate(f.candidateId)->edges.size()), 1);
    Q_UNUSED(b);
}

void TestCanvas::edgeLabelShowsPerRequestOnlyWhenNotOne()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Datastore, 400, 100);
    const QString e = f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    QVERIFY(f.scene()->edgeItem(e)->label().isEmpty());
    Edge edge = *f.document.edge(f.candidateId, e);
    edge.perRequest = 2.5;
    QVERIFY(f.document.setEdge(f.candidateId, edge).isEmpty());
    QCOMPARE(f.scene()->edgeItem(e)->label(), QStringLiteral("×2.5"));
    edge.kind = EdgeKind::Event;
    f.document.setEdge(f.candidateId, edge);
    QCOMPARE(f.scene()->edgeItem(e)->pen().style(), Qt::DashLine);
}

void TestCanvas::movingContextCarriesItsNodes()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Ordering"),
                                              RectF{0, 0, 400, 300});
    const QString inside = f.addNode(NodeKind::Function, 150, 150);
    const QString outside = f.addNode(NodeKind::Service, 700, 150);
    QCOMPARE(toQ(f.document.node(f.candidateId, inside)->context), box);
    const int undoBefore = f.document.undoStack()->count();

    // Grab the box by its title strip and move it by (60, 40).
    f.drag(QPointF(350, 12), QPointF(410, 52));

    const Context *context = f.document.context(f.candidateId, box);
    QCOMPARE(context->rect, (RectF{60, 40, 400, 300}));
    QCOMPARE(f.posOf(inside), (PointF{210, 190}));
    QCOMPARE(f.posOf(outside), (PointF{700, 150}));
    QCOMPARE(f.scene()->nodeItem(inside)->pos(), QPointF(210, 190));
    QCOMPARE(f.document.undoStack()->count(), undoBefore + 1);

    f.document.undoStack()->undo();
    QCOMPARE(f.posOf(inside), (PointF{150, 150}));
    QCOMPARE(f.scene()->contextItem(box)->sceneRectF(), (RectF{0, 0, 400, 300}));
}

void TestCanvas::resizingContextKeepsNodesInPlace()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Ordering"),
                                              RectF{0, 0, 400, 300});
    const QString inside = f.addNode(NodeKind::Function, 150, 150);
    // Drag the bottom-right grip.
    f.drag(QPointF(395, 295), QPointF(495, 355));
    const Context *context = f.document.context(f.candidateId, box);
    QCOMPARE(context->rect.x, 0.0);
    QCOMPARE(context->rect.y, 0.0);
    QCOMPARE(context->rect.width, 500.0);
    QCOMPARE(context->rect.height, 360.0);
    QCOMPARE(f.posOf(inside), (PointF{150, 150}));
}

void TestCanvas::rubberBandInsideABoxSelectsItsNodes()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Ordering"),
                                              RectF{0, 0, 600, 400});
    const QString a = f.addNode(NodeKind::Function, 150, 150);
    const QString b = f.addNode(NodeKind::Function, 350, 150);
    const QString c = f.addNode(NodeKind::Function, 450, 320);
    // A drag from an empty spot inside the box draws a rubber band; it does not move the box.
    f.drag(QPointF(60, 80), QPointF(400, 200));
    QCOMPARE(f.scene()->selectedNodeIds(), (QStringList{a, b}));
    QCOMPARE(f.document.context(f.candidateId, box)->rect, (RectF{0, 0, 600, 400}));
    Q_UNUSED(c);
}

void TestCanvas::droppingNodeIntoBoxSetsItsContext()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Payments"),
                                              RectF{300, 0, 300, 300});
    const QString node = f.addNode(NodeKind::Function, 100, 150);
    QVERIFY(f.document.node(f.candidateId, node)->context.empty());
    f.drag(QPointF(100, 150), QPointF(450, 150));
    QCOMPARE(toQ(f.document.node(f.candidateId, node)->context), box);
    f.drag(QPointF(450, 150), QPointF(100, 500));
    QVERIFY(f.document.node(f.candidateId, node)->context.empty());
}

void TestCanvas::addContextToolDrawsABox()
{
    Fixture f;
    f.view->setAddContextTool();
    f.drag(QPointF(50, 50), QPointF(350, 250));
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->contexts.size()), 1);
    QCOMPARE(c->contexts.front().rect, (RectF{50, 50, 300, 200}));
    QVERIFY(f.scene()->contextItem(toQ(c->contexts.front().id)));
    QVERIFY(!c->contexts.front().name.empty());
}

void TestCanvas::contextNameStaysAboveANodeAtTheTopEdge()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Fulfilment"),
                                              RectF{0, 0, 400, 300});
    ContextLabelItem *label = f.scene()->contextItem(box)->labelItem();
    QVERIFY(label);
    QCOMPARE(label->scene(), f.scene());
    const QRectF tag = label->sceneBoundingRect();
    QVERIFY(tag.width() > 40); // room for the name
    QVERIFY(QRectF(0, 0, 400, 300).contains(tag));
    QVERIFY(label->zValue() > 1); // drawn above nodes and edges

    // A node moved onto the top edge, where the name is: the name moves off its title
    // (it used to cover it), and stays close to the box.
    const QString node = f.addNode(NodeKind::Function, tag.center().x() + 20, tag.center().y());
    NodeItem *nodeItem = f.scene()->nodeItem(node);
    QVERIFY(nodeItem->sceneBoundingRect().contains(tag.center()));
    const QRectF moved = label->sceneBoundingRect();
    QVERIFY2(!moved.intersects(nodeItem->sceneBoundingRect()), "the name covers the node");
    QVERIFY(QRectF(0, 0, 400, 300).adjusted(-1, -40, 1, 40).contains(moved));
    QVERIFY(label->isVisible());

    // A press on the node reaches it: dragging it moves the node, and the name comes back.
    const PointF before = f.posOf(node);
    f.drag(tag.center(), tag.center() + QPointF(0, 200));
    QCOMPARE(f.posOf(node).y, before.y + 200);
    QCOMPARE(f.document.context(f.candidateId, box)->rect, (RectF{0, 0, 400, 300}));
    QCOMPARE(label->sceneBoundingRect(), tag);
}

void TestCanvas::contextNamesCoverNoNodeInTheExamples_data()
{
    QTest::addColumn<QString>("example");
    QTest::newRow("checkout") << "checkout.skyline";
    QTest::newRow("iot-telemetry") << "iot-telemetry.skyline";
    QTest::newRow("thumbnails") << "thumbnails.skyline";
}

void TestCanvas::contextNamesCoverNoNodeInTheExamples()
{
    // In all three examples a context's name used to hide the title of a node at its edge.
    QFETCH(QString, example);
    Document document;
    document.resetProject(skyline::test::loadExample(example));
    int labels = 0;
    for (const Candidate &candidate : document.project().candidates) {
        CanvasView view(&document, toQ(candidate.id));
        CanvasScene *scene = view.canvasScene();
        for (const Context &context : candidate.contexts) {
            const ContextLabelItem *label = scene->contextItem(toQ(context.id))->labelItem();
            const QRectF tag = label->sceneBoundingRect().adjusted(1, 1, -1, -1);
            ++labels;
            for (const Node &node : candidate.nodes) {
                const NodeItem *item = scene->nodeItem(toQ(node.id));
                QVERIFY2(!tag.intersects(item->sceneBoundingRect()),
                         qPrintable(QStringLiteral("%1: context “%2” covers node “%3”")
                                        .arg(toQ(candidate.name), toQ(context.name),
                                             toQ(node.name))));
            }
        }
    }
    QVERIFY(labels > 0);
}

void TestCanvas::contextNameFollowsItsBox()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, QStringLiteral("Ordering"),
                                              RectF{0, 0, 400, 300});
    auto labelsInScene = [&f] {
        int count = 0;
        for (QGraphicsItem *item : f.scene()->items())
            count += item->type() == ContextLabelItem::Type;
        return count;
    };
    QCOMPARE(labelsInScene(), 1);
    const QPointF offset = f.scene()->contextItem(box)->labelItem()->pos();

    // Moved by its title strip: the name goes along.
    f.drag(QPointF(350, 12), QPointF(410, 52));
    QCOMPARE(f.scene()->contextItem(box)->labelItem()->pos(), offset + QPointF(60, 40));

    // A long name is cut to the box's width.
    f.document.renameContext(f.candidateId, box, QString(200, QLatin1Char('W')));
    QVERIFY(f.scene()->contextItem(box)->labelItem()->boundingRect().width() <= 400);

    // Deleted with its box, back with an undo.
    f.document.removeItems(f.candidateId, {}, {}, {box});
    QCOMPARE(labelsInScene(), 0);
    f.document.undoStack()->undo();
    QCOMPARE(labelsInScene(), 1);
}

void TestCanvas::copyPasteWithinCandidateOffsetsTheCopy()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Datastore, 300, 100);
    f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    f.scene()->selectIds({a, b});
    f.view->copySelection();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(QString::fromLatin1(fragmentMimeType)));
    QVERIFY(mime->text().contains(QStringLiteral("skyline-fragment")));

    f.view->paste();
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->nodes.size()), 4);
    QCOMPARE(int(c->edges.size()), 2);
    QCOMPARE(f.scene()->nodeItemCount(), 4);
    QCOMPARE(f.scene()->edgeItemCount(), 2);
    // The pasted nodes are selected, beside the originals.
    const QStringList pasted = f.scene()->selectedNodeIds();
    QCOMPARE(pasted.size(), 2);
    QVERIFY(!pasted.contains(a) && !pasted.contains(b));
    QList<double> xs;
    for (const QString &id : pasted)
        xs << f.posOf(id).x;
    std::sort(xs.begin(), xs.end());
    QCOMPARE(xs, (QList<double>{120, 320}));

    // Cut removes from the document and is one undo step.
    const int undoBefore = f.document.undoStack()->count();
    f.view->cutSelection();
    QCOMPARE(int(f.document.candidate(f.candidateId)->nodes.size()), 2);
    QCOMPARE(f.document.undoStack()->count(), undoBefore + 1);
}

void TestCanvas::pasteAcrossCandidatesKeepsLayout()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Gateway, 100, 100);
    const QString b = f.addNode(NodeKind::Function, 300, 100);
    f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    const QString other = f.document.addCandidate(QStringLiteral("Microservices"));
    CanvasView otherView(&f.document, other);
    QCOMPARE(otherView.currentCandidateId(), other);

    f.scene()->selectIds({a, b});
    f.view->copySelection();
    otherView.paste();

    const Candidate *target = f.document.candidate(other);
    QCOMPARE(int(target->nodes.size()), 2);
    QCOMPARE(int(target->edges.size()), 1);
    QCOMPARE(otherView.canvasScene()->nodeItemCount(), 2);
    QCOMPARE(otherView.canvasScene()->edgeItemCount(), 1);
    QCOMPARE(f.scene()->nodeItemCount(), 2); // the source canvas is untouched
    QCOMPARE(target->nodes[0].pos, (PointF{100, 100}));

    // A fragment that arrives only as text (e.g. from another program) pastes too.
    const QByteArray fragment = f.document.copyFragment(f.candidateId, {a});
    QGuiApplication::clipboard()->setText(QString::fromUtf8(fragment));
    otherView.paste();
    QCOMPARE(int(f.document.candidate(other)->nodes.size()), 3);
    // Anything else is refused with a message.
    QSignalSpy status(&otherView, &CanvasView::statusMessage);
    QGuiApplication::clipboard()->setText(QStringLiteral("hello"));
    otherView.paste();
    QCOMPARE(status.count(), 1);
    QCOMPARE(int(f.document.candidate(other)->nodes.size()), 3);
}

void TestCanvas::projectResetRebuildsScene()
{
    Fixture f;
    f.addNode(NodeKind::Function, 0, 0);
    f.addNode(NodeKind::Function, 200, 0);
    QCOMPARE(f.scene()->nodeItemCount(), 2);

    Project replacement = Document::newProject();
    Candidate &c = replacement.candidates.front();
    c.id = toStd(f.candidateId);
    c.nodes.push_back(makeDefaultNode(NodeKind::Service, "s1", "Orders", PointF{10, 20}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Datastore, "d1", "DB", PointF{300, 20}));
    c.nodes.push_back(makeDefaultNode(NodeKind::Queue, "q1", "Q", PointF{600, 20}));
    Edge e;
    e.id = "e1";
    e.from = "s1";
    e.to = "d1";
    c.edges.push_back(e);
    c.contexts.push_back(Context{"x1", "Core", RectF{0, 0, 500, 200}});
    f.document.resetProject(replacement);

    QCOMPARE(f.scene()->nodeItemCount(), 3);
    QCOMPARE(f.scene()->edgeItemCount(), 1);
    QCOMPARE(f.scene()->contextItemCount(), 1);
    QVERIFY(f.scene()->nodeItem(QStringLiteral("s1")));
    QCOMPARE(f.scene()->nodeItem(QStringLiteral("d1"))->pos(), QPointF(300, 20));
    QCOMPARE(f.scene()->nodeItem(QStringLiteral("s1"))->name(), QStringLiteral("Orders"));
}

void TestCanvas::removingCandidateEmptiesItsScene()
{
    Fixture f;
    const QString other = f.document.addCandidate(QStringLiteral("B"));
    CanvasView otherView(&f.document, other);
    f.document.addNode(other, NodeKind::Function, PointF{0, 0});
    QCOMPARE(otherView.canvasScene()->nodeItemCount(), 1);
    f.document.removeCandidate(other);
    QCOMPARE(otherView.canvasScene()->nodeItemCount(), 0);
    f.document.undoStack()->undo();
    QCOMPARE(otherView.canvasScene()->nodeItemCount(), 1);
}

void TestCanvas::zoomSlotsChangeTheTransform()
{
    Fixture f;
    QCOMPARE(f.view->zoom(), 1.0);
    f.view->zoomIn();
    QCOMPARE(f.view->zoom(), CanvasView::zoomStep);
    f.view->zoomOut();
    QCOMPARE(f.view->zoom(), 1.0);
    f.view->zoomOut();
    QVERIFY(f.view->zoom() < 1.0);
    f.view->resetZoom();
    QCOMPARE(f.view->zoom(), 1.0);
    for (int i = 0; i < 100; ++i)
        f.view->zoomIn();
    QCOMPARE(f.view->zoom(), CanvasView::maximumZoom); // clamped
    QTest::keyClick(f.view.get(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(f.view->zoom() <= 1.0); // an empty canvas fits at 100 %
}

void TestCanvas::zoomToFitShowsEveryNode()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Client, -2000, -1500);
    const QString b = f.addNode(NodeKind::Datastore, 3000, 2500);
    f.view->zoomToFit();
    QVERIFY(f.view->zoom() < 0.5);
    const QRect visible = f.view->viewport()->rect();
    for (const QString &id : {a, b}) {
        const QRectF box = f.scene()->nodeItem(id)->sceneBoundingRect();
        QVERIFY2(visible.contains(f.toView(box.topLeft())) && visible.contains(
                     f.toView(box.bottomRight())),
                 qPrintable(id));
    }
}

void TestCanvas::fittedDiagramFollowsTheViewSize()
{
    // A diagram fitted while the window is small (just opened) fills it once it grows.
    Fixture f;
    f.addNode(NodeKind::Client, 0, 0);
    f.addNode(NodeKind::Datastore, 1200, 600);
    f.view->resize(400, 300);
    QTRY_COMPARE(f.view->size(), QSize(400, 300));
    f.view->zoomToFit();
    const double small = f.view->zoom();
    QVERIFY(f.view->fitFollowsResize());
    f.view->resize(1200, 900);
    QTRY_VERIFY(f.view->zoom() > 2 * small);

    // Once the user zooms, the zoom is theirs: a resize keeps it.
    f.view->zoomIn();
    QVERIFY(!f.view->fitFollowsResize());
    const double chosen = f.view->zoom();
    f.view->resize(500, 400);
    QTRY_COMPARE(f.view->size(), QSize(500, 400));
    QCOMPARE(f.view->zoom(), chosen);
}

void TestCanvas::wheelZoomKeepsThePointUnderTheCursor()
{
    Fixture f;
    f.addNode(NodeKind::Client, -800, -600);
    f.addNode(NodeKind::Datastore, 1400, 1000);
    f.scene()->updateBounds();
    f.view->centerOn(300, 200);
    const QPoint cursor = f.toView(QPointF(420, 260));
    const QPointF before = f.view->mapToScene(cursor);
    QWheelEvent wheel(QPointF(cursor), QPointF(f.view->viewport()->mapToGlobal(cursor)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.view->viewport(), &wheel);
    QCOMPARE(f.view->zoom(), CanvasView::zoomStep);
    const QPointF after = f.view->mapToScene(cursor);
    QVERIFY2(QLineF(before, after).length() < 2.0,
             qPrintable(QStringLiteral("moved by %1").arg(QLineF(before, after).length())));
}

void TestCanvas::middleMouseDragPans()
{
    Fixture f;
    f.addNode(NodeKind::Client, -800, -600);
    f.addNode(NodeKind::Datastore, 1400, 1000);
    f.scene()->updateBounds();
    f.view->centerOn(300, 200);
    const QPointF centreBefore = f.view->mapToScene(f.view->viewport()->rect().center());
    const QPoint start(400, 300);
    f.send(QEvent::MouseButtonPress, start, Qt::MiddleButton, Qt::MiddleButton);
    f.send(QEvent::MouseMove, start + QPoint(-100, -50), Qt::NoButton, Qt::MiddleButton);
    f.send(QEvent::MouseButtonRelease, start + QPoint(-100, -50), Qt::MiddleButton, Qt::NoButton);
    const QPointF centreAfter = f.view->mapToScene(f.view->viewport()->rect().center());
    QCOMPARE(centreAfter - centreBefore, QPointF(100, 50)); // the content follows the hand
    QVERIFY(f.scene()->selectedItems().isEmpty());
}

void TestCanvas::selectionSignalCarriesIds()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 100);
    const QString b = f.addNode(NodeKind::Queue, 400, 100);
    const QString e = f.document.addEdge(f.candidateId, EdgeKind::Event, a, b);
    QSignalSpy spy(f.view.get(), &CanvasView::selectionChanged);
    f.view->selectAll();
    QVERIFY(spy.count() >= 1);
    const QList<QVariant> last = spy.last();
    QCOMPARE(last.at(0).toStringList(), (QStringList{a, b}));
    QCOMPARE(last.at(1).toStringList(), QStringList{e});
    // Ctrl-click toggles one node out of the selection.
    const QPoint at = f.toView(QPointF(100, 100));
    f.send(QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton, Qt::ControlModifier);
    f.send(QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton, Qt::ControlModifier);
    QCOMPARE(f.scene()->selectedNodeIds(), QStringList{b});
    QCOMPARE(spy.last().at(0).toStringList(), QStringList{b});
}

void TestCanvas::paletteListsSixKindsAndRequestsNodes()
{
    NodePalette palette;
    QCOMPARE(palette.count(), 6);
    QSet<QString> names;
    for (int row = 0; row < palette.count(); ++row) {
        QVERIFY(!palette.item(row)->toolTip().isEmpty());
        QVERIFY(!palette.item(row)->icon().isNull());
        names.insert(palette.item(row)->text());
    }
    QCOMPARE(names.size(), 6);
    QSignalSpy spy(&palette, &NodePalette::addNodeRequested);
    palette.show();
    const QRect rect = palette.visualItemRect(palette.item(4));
    QTest::mouseClick(palette.viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<NodeKind>(), palette.kindAt(4));
    QCOMPARE(palette.kindAt(4), NodeKind::Queue);

    // The view adds the requested node at the centre of what it shows (the canvas is empty).
    Fixture f;
    QObject::connect(&palette, &NodePalette::addNodeRequested, f.view.get(),
                     &CanvasView::addNodeAtViewCenter);
    QTest::mouseClick(palette.viewport(), Qt::LeftButton, {}, rect.center());
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->nodes.size()), 1);
    QCOMPARE(c->nodes.front().kind, NodeKind::Queue);
    const QPointF centre = f.view->mapToScene(f.view->viewport()->rect().center());
    QVERIFY(std::abs(c->nodes.front().pos.x - centre.x()) < 2);
    QVERIFY(std::abs(c->nodes.front().pos.y - centre.y()) < 2);
}

void TestCanvas::paletteDropAddsNodeAtDropPoint()
{
    Fixture f;
    std::unique_ptr<QMimeData> mime(NodePalette::mimeDataForKind(NodeKind::Datastore));
    const QPoint at = f.toView(QPointF(220, 160));
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view->viewport(), &drop);
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->nodes.size()), 1);
    QCOMPARE(c->nodes.front().kind, NodeKind::Datastore);
    QVERIFY(std::abs(c->nodes.front().pos.x - 220) <= 1);
    QVERIFY(std::abs(c->nodes.front().pos.y - 160) <= 1);
    QVERIFY(f.scene()->nodeItem(toQ(c->nodes.front().id)));
}

void TestCanvas::badgesAreEmptyUntilSet()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 0, 0);
    NodeItem *item = f.scene()->nodeItem(a);
    QCOMPARE(item->badges(), NodeBadges{});
    const QRectF plain = item->boundingRect();
    NodeBadges badges;
    badges.monthlyCostUsd = 12.5;
    badges.warningText = QStringLiteral("throttled");
    f.scene()->setNodeBadges(a, badges);
    QCOMPARE(item->badges(), badges);
    QVERIFY(item->boundingRect().height() > plain.height()); // room for the badge strip
    QVERIFY(item->toolTip().contains(QStringLiteral("throttled")));
}

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"

void TestCanvas::paletteClicksPlaceNodesApartAndSelectTheNew()
{
    // Five clicks on the palette used to stack five nodes on one spot.
    Fixture f;
    QStringList added;
    for (int i = 0; i < 5; ++i) {
        f.view->addNodeAtViewCenter(NodeKind::Function);
        const Candidate *c = f.document.candidate(f.candidateId);
        QCOMPARE(int(c->nodes.size()), i + 1);
        added << toQ(c->nodes.back().id);
        QCOMPARE(f.scene()->selectedNodeIds(), QStringList{added.back()}); // the new one
    }
    const QPointF centre = f.view->mapToScene(f.view->viewport()->rect().center());
    for (int i = 0; i < added.size(); ++i) {
        const QRectF a = f.scene()->nodeItem(added[i])->sceneBoundingRect();
        QVERIFY2(f.view->mapToScene(f.view->viewport()->rect()).boundingRect().contains(a),
                 "every new node is visible");
        QVERIFY(QLineF(a.center(), centre).length() < 400); // near the centre
        for (int j = i + 1; j < added.size(); ++j)
            QVERIFY2(!a.intersects(f.scene()->nodeItem(added[j])->sceneBoundingRect()),
                     qPrintable(QStringLiteral("nodes %1 and %2 overlap").arg(i).arg(j)));
    }
    // The first lands on the centre itself; and a new node can still be dragged away.
    QVERIFY(QLineF(f.scene()->nodeItem(added[0])->pos(), centre).length() < 2);
    const QPointF before = f.scene()->nodeItem(added[4])->pos();
    f.drag(before, before + QPointF(0, 200));
    QCOMPARE(f.posOf(added[4]).y, before.y() + 200);
}

void TestCanvas::doubleClickRenamesANodeInPlace()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 300, 200);
    f.document.undoStack()->clear();
    const QPoint title = f.toView(QPointF(300, 190));
    QTest::mouseDClick(f.view->viewport(), Qt::LeftButton, {}, title);
    QLineEdit *editor = f.view->renameEditor();
    QVERIFY(editor);
    QVERIFY(editor->isVisible());
    QCOMPARE(editor->text(), f.scene()->nodeItem(a)->name());
    QVERIFY(editor->geometry().intersects(
        f.view->mapFromScene(f.scene()->nodeItem(a)->sceneBoundingRect()).boundingRect()));
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, "Resize images");
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(toQ(f.document.node(f.candidateId, a)->name), QString("Resize images"));
    QCOMPARE(f.document.undoStack()->count(), 1);
    QVERIFY(!f.view->renameEditor());

    // Esc cancels; an empty name is refused with a message and the name is kept.
    f.view->startRename(a);
    QTest::keyClicks(f.view->renameEditor(), "Other");
    QTest::keyClick(f.view->renameEditor(), Qt::Key_Escape);
    QCOMPARE(toQ(f.document.node(f.candidateId, a)->name), QString("Resize images"));
    QSignalSpy status(f.view.get(), &CanvasView::statusMessage);
    f.view->startRename(a);
    QTest::keyClick(f.view->renameEditor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(f.view->renameEditor(), Qt::Key_Delete);
    QTest::keyClick(f.view->renameEditor(), Qt::Key_Return);
    QCOMPARE(toQ(f.document.node(f.candidateId, a)->name), QString("Resize images"));
    QCOMPARE(status.count(), 1);
    QCOMPARE(f.document.undoStack()->count(), 1);
}

void TestCanvas::doubleClickRenamesAContextInPlace_data()
{
    QTest::addColumn<bool>("onLabel");
    QTest::newRow("on the title strip") << false;
    QTest::newRow("on the name tag") << true;
}

void TestCanvas::doubleClickRenamesAContextInPlace()
{
    QFETCH(bool, onLabel);
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, "Ordering", RectF{100, 100, 400, 300});
    f.document.undoStack()->clear();
    ContextItem *item = f.scene()->contextItem(box);
    const QPointF at = onLabel ? item->labelItem()->sceneBoundingRect().center()
                               : QPointF(400, 110); // the title strip, right of the tag
    QTest::mouseDClick(f.view->viewport(), Qt::LeftButton, {}, f.toView(at));
    QVERIFY(f.view->renameEditor());
    QCOMPARE(f.view->renameEditor()->text(), QString("Ordering"));
    QTest::keyClick(f.view->renameEditor(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(f.view->renameEditor(), "Payments");
    QTest::keyClick(f.view->renameEditor(), Qt::Key_Return);
    QCOMPARE(toQ(f.document.context(f.candidateId, box)->name), QString("Payments"));
    QCOMPARE(f.document.undoStack()->count(), 1);
}

void TestCanvas::duplicateCopiesTheSelectionBesideIt()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 200, 200);
    const QString b = f.addNode(NodeKind::Datastore, 400, 200);
    f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    QGuiApplication::clipboard()->setText("untouched");
    f.document.undoStack()->clear();
    f.scene()->selectIds({a, b});
    f.view->duplicateSelection();
    const Candidate *c = f.document.candidate(f.candidateId);
    QCOMPARE(int(c->nodes.size()), 4);
    QCOMPARE(int(c->edges.size()), 2);
    QCOMPARE(f.document.undoStack()->count(), 1);
    QCOMPARE(f.scene()->selectedNodeIds().size(), 2);
    QVERIFY(!f.scene()->selectedNodeIds().contains(a));
    QCOMPARE(QGuiApplication::clipboard()->text(), QString("untouched"));
}

void TestCanvas::bringIntoContextMovesTheNodesInsideTheBox()
{
    Fixture f;
    const QString box = f.document.addContext(f.candidateId, "Ordering", RectF{0, 0, 500, 300});
    const QString a = f.addNode(NodeKind::Function, 700, 100);
    const QString b = f.addNode(NodeKind::Function, 700, 300);
    const QString inside = f.addNode(NodeKind::Datastore, 250, 150);
    f.document.undoStack()->clear();
    f.scene()->selectIds({a, b});
    f.view->bringSelectionIntoContext(box);
    QCOMPARE(f.document.undoStack()->count(), 1);
    const QRectF rect(0, 0, 500, 300);
    QRectF placed[2];
    int i = 0;
    for (const QString &id : {a, b}) {
        placed[i] = f.scene()->nodeItem(id)->sceneBoundingRect();
        QVERIFY2(rect.contains(placed[i]), qPrintable(id));
        QVERIFY(!placed[i].intersects(f.scene()->nodeItem(inside)->sceneBoundingRect()));
        ++i;
    }
    QVERIFY(!placed[0].intersects(placed[1]));
}

void TestCanvas::emptyCanvasShowsAHint()
{
    Fixture f;
    QVERIFY(f.view->emptyHint().contains("Components"));
    const QString a = f.addNode(NodeKind::Function, 0, 0);
    QVERIFY(f.view->emptyHint().isEmpty());
    f.document.removeNodes(f.candidateId, {a});
    QVERIFY(!f.view->emptyHint().isEmpty());
}

void TestCanvas::rightClickSelectsTheItemUnderTheCursor()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 200, 200);
    const QString b = f.addNode(NodeKind::Function, 500, 200);
    f.scene()->selectIds({b});
    QSignalSpy menu(f.view.get(), &CanvasView::contextMenuRequested);
    const QPoint at = f.toView(QPointF(200, 200));
    QContextMenuEvent onNode(QContextMenuEvent::Mouse, at, f.view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(f.view->viewport(), &onNode);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(f.scene()->selectedNodeIds(), QStringList{a});

    const QPoint empty = f.toView(QPointF(350, 600));
    QContextMenuEvent onCanvas(QContextMenuEvent::Mouse, empty,
                               f.view->viewport()->mapToGlobal(empty));
    QApplication::sendEvent(f.view->viewport(), &onCanvas);
    QCOMPARE(menu.count(), 2);
    QVERIFY(f.scene()->selectedNodeIds().isEmpty());
}

void TestCanvas::oppositeEdgesAreDrawnApartAndBothClickable()
{
    Fixture f;
    const QString a = f.addNode(NodeKind::Function, 100, 200);
    const QString b = f.addNode(NodeKind::Function, 500, 200);
    const QString there = f.document.addEdge(f.candidateId, EdgeKind::Api, a, b);
    const QString back = f.document.addEdge(f.candidateId, EdgeKind::Event, b, a);
    QVERIFY(!there.isEmpty() && !back.isEmpty());
    auto sceneLine = [&f](const QString &edgeId) {
        const EdgeItem *item = f.scene()->edgeItem(edgeId);
        return QLineF(item->mapToScene(item->line().p1()), item->mapToScene(item->line().p2()));
    };
    const QLineF l1 = sceneLine(there), l2 = sceneLine(back);
    const QPointF m1 = l1.center(), m2 = l2.center();
    QVERIFY2(QLineF(m1, m2).length() >= 8, "the two lines lie apart");
    // A click on each line's middle selects that edge, not the other.
    for (const auto &[point, id] : {std::pair{m1, there}, std::pair{m2, back}}) {
        f.scene()->clearSelection();
        QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, f.toView(point));
        QCOMPARE(f.scene()->selectedEdgeIds(), QStringList{id});
    }
}
