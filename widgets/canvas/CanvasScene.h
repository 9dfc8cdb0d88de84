#pragma once
// The scene of ONE candidate of a document. It keeps a map from id to item, mirrors the
// document through its fine-grained signals and never writes model fields: every gesture ends
// in one call of the document's edit API (a drag of several items commits once, when the mouse
// is released, like the Diagram Scene example's itemMoved).

#include "EdgeItem.h"
#include "NodeItem.h"
#include "ContextItem.h"

#include "Document.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <functional>
#include <map>
#include <optional>

class QGraphicsLineItem;
class QGraphicsRectItem;

namespace skyline {

class CanvasScene : public QGraphicsScene
{
    Q_OBJECT
public:
    enum class Tool { Select, ConnectApi, ConnectEvent, AddContext };
    Q_ENUM(Tool)
    static constexpr double gridSizePx = 20;

    CanvasScene(Document *document, const QString &candidateId, QObject *parent = nullptr);
    ~CanvasScene() override;

    Document *document() const { return m_document; }
    QString candidateId() const { return m_candidateId; }

    NodeItem *nodeItem(const QString &nodeId) const { return m_nodes.value(nodeId); }
    EdgeItem *edgeItem(const QString &edgeId) const { return m_edges.value(edgeId); }
    ContextItem *contextItem(const QString &contextId) const { return m_contexts.value(contextId); }
    int nodeItemCount() const { return int(m_nodes.size()); }
    int edgeItemCount() const { return int(m_edges.size()); }
    int contextItemCount() const { return int(m_contexts.size()); }

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    bool snapToGrid() const { return m_snapToGrid; }
    /// When on, positions are rounded to the 20 px grid as a gesture is committed.
    void setSnapToGrid(bool on);
    /// `p` rounded to the grid when snapping is on, else `p`.
    QPointF snapped(const QPointF &p) const;

    QStringList selectedNodeIds() const;
    QStringList selectedEdgeIds() const;
    QStringList selectedContextIds() const;
    /// Replaces the selection with these items (unknown ids are ignored).
    void selectIds(const QStringList &nodeIds, const QStringList &edgeIds = {},
                   const QStringList &contextIds = {});

    /// Badges for one node (the latest evaluation's figures).
    void setNodeBadges(const QString &nodeId, const NodeBadges &badges);

    /// Asks which edge kind an Alt+drag in Select mode should create (a small menu by default;
    /// tests replace it). Returning nothing cancels.
    using EdgeKindChooser = std::function<std::optional<EdgeKind>(const QPoint &screenPos)>;
    void setEdgeKindChooser(EdgeKindChooser chooser) { m_edgeKindChooser = std::move(chooser); }

    /// The centre nearest to `centre` where a new node overlaps no node (its badges included),
    /// searched on rings of node-sized steps; inside `within` when that is not empty. Nodes
    /// in `ignored` are no obstacle; `alsoTaken` are further obstacles (scene rectangles).
    QPointF freeSpotNear(const QPointF &centre, const QRectF &within = {},
                         const QStringList &ignored = {},
                         const QList<QRectF> &alsoTaken = {}) const;
    /// Adds a node of `kind` centred at `scenePos` (snapped); returns its id.
    QString addNodeAt(NodeKind kind, const QPointF &scenePos);
    /// Connects two nodes through the document; on refusal emits connectionRefused(reason)
    /// and returns an empty id.
    QString connectNodes(EdgeKind kind, const QString &fromNodeId, const QString &toNodeId);
    /// Adds a context box with a default name; returns its id.
    QString addContextRect(const QRectF &sceneRect);

    /// Drops every item and recreates them from the document.
    void rebuild();
    /// Fits the scene rectangle around the items, with a margin to scroll into. Runs by itself
    /// shortly after edits; call it before anything that needs the bounds at once.
    void updateBounds();

    // --- called by the items ----------------------------------------------------------------
    void nodeItemMoved(NodeItem *item);
    void contextItemMoved(ContextItem *item);
    void commitContextResize(ContextItem *item);
    /// A double-click on a node's or a context's title: asks the view to rename it in place.
    void requestRename(const QString &id);

signals:
    /// A connection the document refused, with its reason (shown as a status tip).
    void connectionRefused(const QString &reason);
    void toolChanged(skyline::CanvasScene::Tool tool);
    /// The ids of the selected items changed.
    void selectionIdsChanged();
    /// A node or context (by id) is to be renamed in place.
    void renameRequested(const QString &id);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    // mirroring the document
    void onNodeAdded(const QString &candidateId, const QString &nodeId);
    void onNodeRemoved(const QString &candidateId, const QString &nodeId);
    void onNodeChanged(const QString &candidateId, const QString &nodeId);
    void onEdgeAdded(const QString &candidateId, const QString &edgeId);
    void onEdgeRemoved(const QString &candidateId, const QString &edgeId);
    void onEdgeChanged(const QString &candidateId, const QString &edgeId);
    void onContextAdded(const QString &candidateId, const QString &contextId);
    void onContextRemoved(const QString &candidateId, const QString &contextId);
    void onContextChanged(const QString &candidateId, const QString &contextId);
    void onCandidateRemoved(const QString &candidateId);
    void onCandidateAdded(const QString &candidateId);

    NodeItem *createNodeItem(const Node &node);
    EdgeItem *createEdgeItem(const Edge &edge);
    ContextItem *createContextItem(const Context &context);
    void removeEdgeItem(const QString &edgeId);
    void spreadParallelEdges(const QString &nodeA, const QString &nodeB);
    void clearItems();
    void scheduleBoundsUpdate();
    /// Moves every context's name tag off the nodes (after nodes moved, came or went).
    void followContextLabels();

    // gestures
    void beginMove();
    void commitMove();
    void beginConnect(NodeItem *from, const QPointF &scenePos, bool askKind);
    void finishConnect(const QPointF &scenePos, const QPoint &screenPos);
    void cancelConnect();
    NodeItem *nodeItemAt(const QPointF &scenePos) const;
    void resyncFromDocument(const QStringList &nodeIds, const QStringList &contextIds);

    Document *m_document;
    QString m_candidateId;
    QHash<QString, NodeItem *> m_nodes;
    QHash<QString, EdgeItem *> m_edges;
    QHash<QString, ContextItem *> m_contexts;
    QMultiHash<QString, EdgeItem *> m_edgesByNode;

    Tool m_tool = Tool::Select;
    bool m_snapToGrid = false;
    bool m_rebuilding = false;
    bool m_boundsPending = false;
    EdgeKindChooser m_edgeKindChooser;

    // a move gesture in progress: start positions by id
    bool m_moving = false;
    std::map<QString, QPointF> m_moveNodeStart;
    std::map<QString, QPointF> m_moveContextStart;
    std::map<QString, QPointF> m_carriedNodeStart; ///< unselected members of moved contexts
    std::map<QString, QString> m_carriedBy;        ///< carried node -> its context

    // a connect gesture in progress
    QString m_connectFrom;
    bool m_connectAsksKind = false;
    QGraphicsLineItem *m_connectLine = nullptr;

    // an add-context gesture in progress
    QPointF m_contextOrigin;
    QGraphicsRectItem *m_contextPreview = nullptr;
};

} // namespace skyline
