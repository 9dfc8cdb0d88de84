#include "CanvasScene.h"

#include <QAction>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QInputDialog>
#include <QMenu>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace skyline {

namespace {

constexpr double sceneMarginPx = 1000;
constexpr double minimumContextDragPx = 20;
constexpr double defaultContextWidthPx = 320;
constexpr double defaultContextHeightPx = 220;
constexpr double parallelEdgeGapPx = 10;

PointF toPointF(const QPointF &p) { return {p.x(), p.y()}; }

/// The default menu of an Alt+drag: "API call" or "Event".
std::optional<EdgeKind> askEdgeKindWithMenu(const QPoint &screenPos)
{
    QMenu menu;
    QAction *api = menu.addAction(QIcon(QStringLiteral(":/icons/connect-api.svg")),
                                  CanvasScene::tr("API call"));
    QAction *event = menu.addAction(QIcon(QStringLiteral(":/icons/connect-event.svg")),
                                    CanvasScene::tr("Event"));
    api->setToolTip(CanvasScene::tr("A synchronous request/response call"));
    event->setToolTip(CanvasScene::tr("An asynchronous message"));
    QAction *chosen = menu.exec(screenPos);
    if (chosen == api)
        return EdgeKind::Api;
    if (chosen == event)
        return EdgeKind::Event;
    return std::nullopt;
}

} // namespace

CanvasScene::CanvasScene(Document *document, const QString &candidateId, QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_candidateId(candidateId),
      m_edgeKindChooser(askEdgeKindWithMenu)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));

    connect(document, &Document::nodeAdded, this, &CanvasScene::onNodeAdded);
    connect(document, &Document::nodeRemoved, this, &CanvasScene::onNodeRemoved);
    connect(document, &Document::nodeChanged, this, &CanvasScene::onNodeChanged);
    connect(document, &Document::edgeAdded, this, &CanvasScene::onEdgeAdded);
    connect(document, &Document::edgeRemoved, this, &CanvasScene::onEdgeRemoved);
    connect(document, &Document::edgeChanged, this, &CanvasScene::onEdgeChanged);
    connect(document, &Document::contextAdded, this, &CanvasScene::onContextAdded);
    connect(document, &Document::contextRemoved, this, &CanvasScene::onContextRemoved);
    connect(document, &Document::contextChanged, this, &CanvasScene::onContextChanged);
    connect(document, &Document::candidateRemoved, this, &CanvasScene::onCandidateRemoved);
    connect(document, &Document::candidateAdded, this, &CanvasScene::onCandidateAdded);
    connect(document, &Document::projectReset, this, &CanvasScene::rebuild);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!m_rebuilding)
            emit selectionIdsChanged();
    });
    rebuild();
}

CanvasScene::~CanvasScene()
{
    // Delete the items while this object is whole, and quietly: the base destructor would
    // otherwise announce a selection change from a half-destroyed scene.
    m_rebuilding = true;
    clearItems();
}

// --- settings --------------------------------------------------------------------------------

void CanvasScene::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    cancelConnect();
    if (m_contextPreview) {
        delete m_contextPreview;
        m_contextPreview = nullptr;
    }
    m_tool = tool;
    emit toolChanged(tool);
}

void CanvasScene::setSnapToGrid(bool on) { m_snapToGrid = on; }

QPointF CanvasScene::snapped(const QPointF &p) const
{
    if (!m_snapToGrid)
        return p;
    return QPointF(std::round(p.x() / gridSizePx) * gridSizePx,
                   std::round(p.y() / gridSizePx) * gridSizePx);
}

// --- selection -------------------------------------------------------------------------------

QStringList CanvasScene::selectedNodeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            ids << node->nodeId();
    ids.sort();
    return ids;
}

QStringList CanvasScene::selectedEdgeIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *edge = qgraphicsitem_cast<EdgeItem *>(item))
            ids << edge->edgeId();
    ids.sort();
    return ids;
}

QStringList CanvasScene::selectedContextIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (auto *context = qgraphicsitem_cast<ContextItem *>(item))
            ids << context->contextId();
    ids.sort();
    return ids;
}

void CanvasScene::selectIds(const QStringList &nodeIds, const QStringList &edgeIds,
                            const QStringList &contextIds)
{
    const bool wasRebuilding = m_rebuilding;
    m_rebuilding = true; // one selectionIdsChanged for the whole change, below
    clearSelection();
    for (const QString &id : nodeIds)
        if (NodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    for (const QString &id : edgeIds)
        if (EdgeItem *item = m_edges.value(id))
            item->setSelected(true);
    for (const QString &id : contextIds)
        if (ContextItem *item = m_contexts.value(id))
            item->setSelected(true);
    m_rebuilding = wasRebuilding;
    if (!m_rebuilding)
        emit selectionIdsChanged();
}

void CanvasScene::setNodeBadges(const QString &nodeId, const NodeBadges &badges)
{
    if (NodeItem *item = m_nodes.value(nodeId))
        item->setBadges(badges);
}

// --- edits through the document --------------------------------------------------------------

QPointF CanvasScene::freeSpotNear(const QPointF &centre, const QRectF &within,
                                  const QStringList &ignored,
                                  const QList<QRectF> &alsoTaken) const
{
    constexpr double gapPx = 20;
    const QRectF box = NodeItem::boxRect();
    QList<QRectF> taken;
    for (const NodeItem *item : m_nodes)
        if (!ignored.contains(item->nodeId()))
            taken << item->sceneBoundingRect().adjusted(-gapPx, -gapPx, gapPx, gapPx);
    for (const QRectF &rect : alsoTaken)
        taken << rect.adjusted(-gapPx, -gapPx, gapPx, gapPx);
    const auto isFree = [&](const QPointF &c) {
        const QRectF rect = box.translated(c);
        if (!within.isEmpty() && !within.contains(rect))
            return false;
        return std::none_of(taken.begin(), taken.end(),
                            [&](const QRectF &t) { return t.intersects(rect); });
    };
    // Rings of cells one node (plus a gap) wide and high, nearest cells first.
    const double stepX = box.width() + gapPx;
    const double stepY = box.height() + 2 * gapPx; // room for the badges below a node
    const QPointF start = within.isEmpty() ? centre : within.center();
    for (int ring = 0; ring <= 12; ++ring) {
        QList<QPointF> cells;
        for (int dx = -ring; dx <= ring; ++dx)
            for (int dy = -ring; dy <= ring; ++dy)
                if (std::max(std::abs(dx), std::abs(dy)) == ring)
                    cells << start + QPointF(dx * stepX, dy * stepY);
        std::sort(cells.begin(), cells.end(), [&](const QPointF &x, const QPointF &y) {
            return QLineF(start, x).length() < QLineF(start, y).length();
        });
        for (const QPointF &cell : cells)
            if (isFree(cell))
                return cell;
    }
    return start; // a crowded canvas: the centre, as before
}

QString CanvasScene::addNodeAt(NodeKind kind, const QPointF &scenePos)
{
    const QString id = m_document->addNode(m_candidateId, kind, toPointF(snapped(scenePos)));
    if (!id.isEmpty())
        selectIds({id});
    return id;
}

QString CanvasScene::connectNodes(EdgeKind kind, const QString &fromNodeId,
                                  const QString &toNodeId)
{
    QString error;
    const QString id = m_document->addEdge(m_candidateId, kind, fromNodeId, toNodeId, &error);
    if (id.isEmpty())
        emit connectionRefused(error.isEmpty() ? tr("These nodes cannot be connected.") : error);
    return id;
}

QString CanvasScene::addContextRect(const QRectF &sceneRect)
{
    const QRectF r = sceneRect.normalized();
    const QString name = tr("Context %1").arg(m_contexts.size() + 1);
    const QString id = m_document->addContext(m_candidateId, name,
                                              RectF{r.x(), r.y(), r.width(), r.height()});
    if (!id.isEmpty())
        selectIds({}, {}, {id});
    return id;
}

void CanvasScene::commitContextResize(ContextItem *item)
{
    const QString id = item->contextId();
    RectF rect = item->sceneRectF();
    if (m_snapToGrid) {
        const QPointF bottomRight = snapped(QPointF(rect.x + rect.width, rect.y + rect.height));
        rect.width = std::max(ContextItem::minimumSizePx, bottomRight.x() - rect.x);
        rect.height = std::max(ContextItem::minimumSizePx, bottomRight.y() - rect.y);
    }
    m_document->setContextRect(m_candidateId, id, rect);
    resyncFromDocument({}, {id});
}

void CanvasScene::requestRename(const QString &id)
{
    if (m_nodes.contains(id) || m_contexts.contains(id))
        emit renameRequested(id);
}

// --- mirroring -------------------------------------------------------------------------------

void CanvasScene::rebuild()
{
    m_rebuilding = true;
    cancelConnect();
    m_moving = false;
    clearItems();
    if (const Candidate *c = m_document->candidate(m_candidateId)) {
        for (const Context &context : c->contexts)
            createContextItem(context);
        for (const Node &node : c->nodes)
            createNodeItem(node);
        for (const Edge &edge : c->edges)
            createEdgeItem(edge);
        // Spread edges sharing both ends, once per pair.
        QSet<QString> pairs;
        for (const Edge &edge : c->edges) {
            const QString a = toQ(std::min(edge.from, edge.to));
            const QString b = toQ(std::max(edge.from, edge.to));
            const QString key = a + QLatin1Char('\n') + b;
            if (!pairs.contains(key)) {
                pairs.insert(key);
                spreadParallelEdges(a, b);
            }
        }
    }
    m_rebuilding = false;
    followContextLabels();
    updateBounds();
    emit selectionIdsChanged();
}

void CanvasScene::clearItems()
{
    if (m_connectLine) {
        removeItem(m_connectLine);
        delete m_connectLine;
        m_connectLine = nullptr;
    }
    if (m_contextPreview) {
        removeItem(m_contextPreview);
        delete m_contextPreview;
        m_contextPreview = nullptr;
    }
    // Edges first: they point at node items.
    qDeleteAll(m_edges);
    m_edges.clear();
    m_edgesByNode.clear();
    qDeleteAll(m_nodes);
    m_nodes.clear();
    qDeleteAll(m_contexts);
    m_contexts.clear();
}

NodeItem *CanvasScene::createNodeItem(const Node &node)
{
    auto *item = new NodeItem(toQ(node.id), node.kind);
    item->updateFrom(node);
    addItem(item);
    m_nodes.insert(item->nodeId(), item);
    return item;
}

EdgeItem *CanvasScene::createEdgeItem(const Edge &edge)
{
    NodeItem *from = m_nodes.value(toQ(edge.from));
    NodeItem *to = m_nodes.value(toQ(edge.to));
    if (!from || !to)
        return nullptr;
    auto *item = new EdgeItem(toQ(edge.id), from, to);
    item->updateFrom(edge);
    addItem(item);
    m_edges.insert(item->edgeId(), item);
    m_edgesByNode.insert(from->nodeId(), item);
    m_edgesByNode.insert(to->nodeId(), item);
    return item;
}

ContextItem *CanvasScene::createContextItem(const Context &context)
{
    auto *item = new ContextItem(toQ(context.id));
    item->updateFrom(context);
    addItem(item);
    m_contexts.insert(item->contextId(), item);
    return item;
}

void CanvasScene::removeEdgeItem(const QString &edgeId)
{
    EdgeItem *item = m_edges.take(edgeId);
    if (!item)
        return;
    const QString a = item->sourceItem()->nodeId();
    const QString b = item->targetItem()->nodeId();
    m_edgesByNode.remove(a, item);
    m_edgesByNode.remove(b, item);
    delete item;
    spreadParallelEdges(a, b);
}

void CanvasScene::spreadParallelEdges(const QString &nodeA, const QString &nodeB)
{
    QList<EdgeItem *> between;
    for (EdgeItem *edge : m_edgesByNode.values(nodeA)) {
        const QString other = edge->sourceItem()->nodeId() == nodeA
                                  ? edge->targetItem()->nodeId()
                                  : edge->sourceItem()->nodeId();
        if (other == nodeB && !between.contains(edge))
            between << edge;
    }
    std::sort(between.begin(), between.end(),
              [](EdgeItem *x, EdgeItem *y) { return x->edgeId() < y->edgeId(); });
    const double middle = (between.size() - 1) / 2.0;
    for (int i = 0; i < between.size(); ++i) {
        // The normal flips with the direction: measure offsets along one canonical direction.
        const bool canonical = between[i]->sourceItem()->nodeId() < between[i]->targetItem()->nodeId();
        const double offset = (i - middle) * parallelEdgeGapPx;
        between[i]->setLateralOffset(canonical ? offset : -offset);
    }
}

void CanvasScene::onNodeAdded(const QString &candidateId, const QString &nodeId)
{
    if (candidateId != m_candidateId || m_nodes.contains(nodeId))
        return;
    if (const Node *node = m_document->node(candidateId, nodeId)) {
        createNodeItem(*node);
        followContextLabels();
        scheduleBoundsUpdate();
    }
}

void CanvasScene::onNodeRemoved(const QString &candidateId, const QString &nodeId)
{
    if (candidateId != m_candidateId)
        return;
    for (EdgeItem *edge : m_edgesByNode.values(nodeId))
        removeEdgeItem(edge->edgeId());
    m_moveNodeStart.erase(nodeId);
    m_carriedNodeStart.erase(nodeId);
    if (m_connectFrom == nodeId)
        cancelConnect();
    delete m_nodes.take(nodeId);
    followContextLabels();
    scheduleBoundsUpdate();
}

void CanvasScene::onNodeChanged(const QString &candidateId, const QString &nodeId)
{
    if (candidateId != m_candidateId)
        return;
    NodeItem *item = m_nodes.value(nodeId);
    const Node *node = m_document->node(candidateId, nodeId);
    if (!item || !node)
        return;
    item->updateFrom(*node); // a position change adjusts the edges through nodeItemMoved()
    scheduleBoundsUpdate();
}

void CanvasScene::onEdgeAdded(const QString &candidateId, const QString &edgeId)
{
    if (candidateId != m_candidateId || m_edges.contains(edgeId))
        return;
    if (const Edge *edge = m_document->edge(candidateId, edgeId))
        if (createEdgeItem(*edge))
            spreadParallelEdges(toQ(edge->from), toQ(edge->to));
}

void CanvasScene::onEdgeRemoved(const QString &candidateId, const QString &edgeId)
{
    if (candidateId == m_candidateId)
        removeEdgeItem(edgeId);
}

void CanvasScene::onEdgeChanged(const QString &candidateId, const QString &edgeId)
{
    if (candidateId != m_candidateId)
        return;
    EdgeItem *item = m_edges.value(edgeId);
    const Edge *edge = m_document->edge(candidateId, edgeId);
    if (item && edge)
        item->updateFrom(*edge);
}

void CanvasScene::onContextAdded(const QString &candidateId, const QString &contextId)
{
    if (candidateId != m_candidateId || m_contexts.contains(contextId))
        return;
    if (const Context *context = m_document->context(candidateId, contextId)) {
        createContextItem(*context);
        scheduleBoundsUpdate();
    }
}

void CanvasScene::onContextRemoved(const QString &candidateId, const QString &contextId)
{
    if (candidateId != m_candidateId)
        return;
    m_moveContextStart.erase(contextId);
    delete m_contexts.take(contextId);
    scheduleBoundsUpdate();
}

void CanvasScene::onContextChanged(const QString &candidateId, const QString &contextId)
{
    if (candidateId != m_candidateId)
        return;
    ContextItem *item = m_contexts.value(contextId);
    const Context *context = m_document->context(candidateId, contextId);
    if (item && context && !item->isResizing())
        item->updateFrom(*context);
    scheduleBoundsUpdate();
}

void CanvasScene::onCandidateRemoved(const QString &candidateId)
{
    if (candidateId == m_candidateId)
        rebuild(); // the candidate is gone: an empty scene (until an undo brings it back)
}

void CanvasScene::onCandidateAdded(const QString &candidateId)
{
    if (candidateId == m_candidateId)
        rebuild();
}

void CanvasScene::nodeItemMoved(NodeItem *item)
{
    if (m_rebuilding)
        return;
    for (auto it = m_edgesByNode.constFind(item->nodeId());
         it != m_edgesByNode.cend() && it.key() == item->nodeId(); ++it)
        it.value()->adjust();
    followContextLabels();
}

void CanvasScene::followContextLabels()
{
    for (ContextItem *context : std::as_const(m_contexts))
        if (ContextLabelItem *label = context->labelItem())
            label->follow();
}

void CanvasScene::contextItemMoved(ContextItem *item)
{
    if (!m_moving)
        return;
    const auto start = m_moveContextStart.find(item->contextId());
    if (start == m_moveContextStart.end())
        return;
    // Show the member nodes travelling with their box; the document carries them on commit.
    const QPointF delta = item->pos() - start->second;
    for (const auto &[nodeId, contextId] : m_carriedBy) {
        if (contextId != item->contextId())
            continue;
        if (NodeItem *node = m_nodes.value(nodeId))
            node->setPos(m_carriedNodeStart[nodeId] + delta);
    }
}

void CanvasScene::scheduleBoundsUpdate()
{
    if (m_rebuilding || m_boundsPending)
        return;
    m_boundsPending = true;
    QTimer::singleShot(0, this, [this] {
        m_boundsPending = false;
        updateBounds();
    });
}

void CanvasScene::updateBounds()
{
    QRectF bounds = itemsBoundingRect();
    if (bounds.isEmpty())
        bounds = QRectF(0, 0, 800, 600);
    setSceneRect(bounds.adjusted(-sceneMarginPx, -sceneMarginPx, sceneMarginPx, sceneMarginPx));
}

void CanvasScene::resyncFromDocument(const QStringList &nodeIds, const QStringList &contextIds)
{
    for (const QString &id : nodeIds)
        if (NodeItem *item = m_nodes.value(id))
            if (const Node *node = m_document->node(m_candidateId, id))
                item->updateFrom(*node);
    for (const QString &id : contextIds)
        if (ContextItem *item = m_contexts.value(id))
            if (const Context *context = m_document->context(m_candidateId, id))
                item->updateFrom(*context);
}

// --- gestures --------------------------------------------------------------------------------

NodeItem *CanvasScene::nodeItemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            return node;
    return nullptr;
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const QPointF p = event->scenePos();
    switch (m_tool) {
    case Tool::ConnectApi:
    case Tool::ConnectEvent:
        if (NodeItem *from = nodeItemAt(p))
            beginConnect(from, p, false);
        event->accept();
        return;
    case Tool::AddContext:
        m_contextOrigin = p;
        m_contextPreview = addRect(QRectF(p, p), QPen(Qt::darkGray, 1, Qt::DashLine),
                                   QColor(0x90, 0xa4, 0xae, 40));
        m_contextPreview->setZValue(10);
        event->accept();
        return;
    case Tool::Select:
        break;
    }
    if (event->modifiers() & Qt::AltModifier) {
        if (NodeItem *from = nodeItemAt(p)) {
            beginConnect(from, p, true);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    beginMove();
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectLine) {
        m_connectLine->setLine(QLineF(m_connectLine->line().p1(), event->scenePos()));
        return;
    }
    if (m_contextPreview) {
        m_contextPreview->setRect(QRectF(m_contextOrigin, event->scenePos()).normalized());
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mouseReleaseEvent(event);
        return;
    }
    if (m_connectLine) {
        finishConnect(event->scenePos(), event->screenPos());
        return;
    }
    if (m_contextPreview) {
        QRectF r = QRectF(m_contextOrigin, event->scenePos()).normalized();
        delete m_contextPreview;
        m_contextPreview = nullptr;
        if (r.width() < minimumContextDragPx || r.height() < minimumContextDragPx)
            r = QRectF(m_contextOrigin, QSizeF(defaultContextWidthPx, defaultContextHeightPx));
        r.moveTopLeft(snapped(r.topLeft()));
        if (m_snapToGrid)
            r.setBottomRight(snapped(r.bottomRight()));
        addContextRect(r);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    commitMove();
}

void CanvasScene::beginMove()
{
    m_moving = false;
    m_moveNodeStart.clear();
    m_moveContextStart.clear();
    m_carriedNodeStart.clear();
    m_carriedBy.clear();
    QGraphicsItem *grabber = mouseGrabberItem();
    if (!grabber || !(grabber->flags() & QGraphicsItem::ItemIsMovable))
        return;
    if (auto *context = qgraphicsitem_cast<ContextItem *>(grabber); context && context->isResizing())
        return;
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *node = qgraphicsitem_cast<NodeItem *>(item))
            m_moveNodeStart[node->nodeId()] = node->pos();
        else if (auto *context = qgraphicsitem_cast<ContextItem *>(item))
            m_moveContextStart[context->contextId()] = context->pos();
    }
    if (const Candidate *c = m_document->candidate(m_candidateId)) {
        for (const Node &node : c->nodes) {
            const QString nodeId = toQ(node.id);
            const QString contextId = toQ(node.context);
            if (node.context.empty() || !m_moveContextStart.count(contextId)
                || m_moveNodeStart.count(nodeId))
                continue;
            if (NodeItem *item = m_nodes.value(nodeId)) {
                m_carriedNodeStart[nodeId] = item->pos();
                m_carriedBy[nodeId] = contextId;
            }
        }
    }
    m_moving = !m_moveNodeStart.empty() || !m_moveContextStart.empty();
}

void CanvasScene::commitMove()
{
    if (!m_moving)
        return;
    m_moving = false;
    const auto nodeStart = std::move(m_moveNodeStart);
    const auto contextStart = std::move(m_moveContextStart);
    const auto carried = std::move(m_carriedBy);
    m_moveNodeStart.clear();
    m_moveContextStart.clear();
    m_carriedNodeStart.clear();
    m_carriedBy.clear();

    std::map<QString, RectF> contextRects;
    for (const auto &[id, start] : contextStart) {
        ContextItem *item = m_contexts.value(id);
        if (!item || item->pos() == start)
            continue;
        RectF rect = item->sceneRectF();
        const QPointF topLeft = snapped(QPointF(rect.x, rect.y));
        rect.x = topLeft.x();
        rect.y = topLeft.y();
        contextRects[id] = rect;
    }
    // Members of a moved box travel with it (the document carries them), whether they were
    // selected too or not; the other moved nodes are moved on their own.
    std::map<QString, PointF> nodePositions;
    if (const Candidate *c = m_document->candidate(m_candidateId)) {
        for (const auto &[id, start] : nodeStart) {
            NodeItem *item = m_nodes.value(id);
            const Node *node = c->findNode(toStd(id));
            if (!item || !node || item->pos() == start)
                continue;
            if (!node->context.empty() && contextRects.count(toQ(node->context)))
                continue;
            nodePositions[id] = toPointF(snapped(item->pos()));
        }
    }
    {
        const EditGroup gesture(m_document, tr("Move %n item(s)", "",
                                               int(contextRects.size() + nodePositions.size())));
        for (const auto &[id, rect] : contextRects)
            m_document->setContextRect(m_candidateId, id, rect);
        if (!nodePositions.empty())
            m_document->moveNodes(m_candidateId, nodePositions);
    }

    // Whatever the document made of it (snapped, refused, unchanged), show its positions.
    QStringList nodeIds, contextIds;
    for (const auto &entry : nodeStart)
        nodeIds << entry.first;
    for (const auto &entry : carried)
        nodeIds << entry.first;
    for (const auto &entry : contextStart)
        contextIds << entry.first;
    resyncFromDocument(nodeIds, contextIds);
}

void CanvasScene::beginConnect(NodeItem *from, const QPointF &scenePos, bool askKind)
{
    cancelConnect();
    m_connectFrom = from->nodeId();
    m_connectAsksKind = askKind;
    QPen pen(QColor(0x45, 0x5a, 0x64), 2, m_tool == Tool::ConnectEvent ? Qt::DashLine
                                                                         : Qt::SolidLine);
    m_connectLine = addLine(QLineF(from->scenePos(), scenePos), pen);
    m_connectLine->setZValue(10);
}

void CanvasScene::cancelConnect()
{
    if (m_connectLine) {
        delete m_connectLine;
        m_connectLine = nullptr;
    }
    m_connectFrom.clear();
}

void CanvasScene::finishConnect(const QPointF &scenePos, const QPoint &screenPos)
{
    const QString from = m_connectFrom;
    const bool askKind = m_connectAsksKind;
    cancelConnect();
    NodeItem *target = nodeItemAt(scenePos);
    if (!target || from.isEmpty())
        return;
    std::optional<EdgeKind> kind;
    if (askKind)
        kind = m_edgeKindChooser ? m_edgeKindChooser(screenPos) : std::nullopt;
    else
        kind = m_tool == Tool::ConnectEvent ? EdgeKind::Event : EdgeKind::Api;
    if (!kind)
        return;
    const QString edgeId = connectNodes(*kind, from, target->nodeId());
    if (!edgeId.isEmpty())
        selectIds({}, {edgeId});
}

} // namespace skyline
