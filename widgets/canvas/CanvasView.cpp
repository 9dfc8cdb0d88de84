#include "CanvasView.h"

#include "NodeKindInfo.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QToolTip>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace skyline {

namespace {

constexpr double pasteOffsetPx = 20;
constexpr double fitMarginPx = 40;

/// What this process copied last, so a paste into the same candidate lands beside the original.
struct LastCopy
{
    const Document *document = nullptr;
    QString candidateId;
    QByteArray fragment;
};
LastCopy &lastCopy()
{
    static LastCopy copy;
    return copy;
}

QByteArray fragmentFromClipboard()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (!mime)
        return {};
    if (mime->hasFormat(QString::fromLatin1(fragmentMimeType)))
        return mime->data(QString::fromLatin1(fragmentMimeType));
    return mime->text().toUtf8(); // another instance, or a fragment pasted as text
}

} // namespace

CanvasView::CanvasView(Document *document, const QString &candidateId, QWidget *parent)
    : QGraphicsView(parent), m_document(document),
      m_scene(new CanvasScene(document, candidateId, this))
{
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(QString());
    updateDragMode();

    connect(m_scene, &CanvasScene::selectionIdsChanged, this, [this] {
        emit selectionChanged(m_scene->selectedNodeIds(), m_scene->selectedEdgeIds(),
                              m_scene->selectedContextIds());
    });
    connect(m_scene, &CanvasScene::toolChanged, this, [this](CanvasScene::Tool tool) {
        updateDragMode();
        emit toolChanged(tool);
    });
    connect(m_scene, &CanvasScene::connectionRefused, this, &CanvasView::showRefusal);
    connect(m_scene, &CanvasScene::renameRequested, this, &CanvasView::startRename);
    // The empty-canvas hint comes and goes with the first node.
    auto updateHint = [this](const QString &candidateId) {
        if (candidateId == currentCandidateId())
            viewport()->update();
    };
    connect(m_document, &Document::nodeAdded, this, updateHint);
    connect(m_document, &Document::nodeRemoved, this, updateHint);
    connect(m_document, &Document::projectReset, viewport(), qOverload<>(&QWidget::update));
}

QString CanvasView::currentCandidateId() const { return m_scene->candidateId(); }

double CanvasView::zoom() const { return transform().m11(); }

// --- zoom ------------------------------------------------------------------------------------

void CanvasView::applyScale(double factor)
{
    const double current = zoom();
    const double target = std::clamp(current * factor, minimumZoom, maximumZoom);
    m_fitFollowsResize = false; // the user chose a zoom
    if (std::abs(target - current) < 1e-12)
        return;
    scale(target / current, target / current);
    emit zoomChanged(zoom());
}

void CanvasView::zoomBy(double factor)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    applyScale(factor);
    setTransformationAnchor(anchor);
}

void CanvasView::zoomIn() { zoomBy(zoomStep); }

void CanvasView::zoomOut() { zoomBy(1.0 / zoomStep); }

void CanvasView::resetZoom()
{
    m_fitFollowsResize = false;
    const QPointF center = viewCenterInScene();
    setTransform(QTransform());
    centerOn(center);
    emit zoomChanged(zoom());
}

void CanvasView::zoomToFit()
{
    m_scene->updateBounds();
    QRectF bounds;
    for (QGraphicsItem *item : m_scene->items())
        if (item->type() == NodeItem::Type || item->type() == ContextItem::Type)
            bounds |= item->sceneBoundingRect();
    if (bounds.isEmpty()) {
        resetZoom();
        return;
    }
    bounds.adjust(-fitMarginPx, -fitMarginPx, fitMarginPx, fitMarginPx);
    fitInView(bounds, Qt::KeepAspectRatio);
    m_fitFollowsResize = true;
    const double fitted = zoom();
    const double clamped = std::clamp(fitted, minimumZoom, maximumZoom);
    if (clamped != fitted) {
        setTransform(QTransform::fromScale(clamped, clamped));
        centerOn(bounds.center());
    }
    emit zoomChanged(zoom());
}

QPointF CanvasView::viewCenterInScene() const
{
    return mapToScene(viewport()->rect().center());
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitFollowsResize)
        zoomToFit();
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // Zoom around the cursor: the scene point under it stays under it.
    const QPointF cursor = event->position();
    const QPointF before = mapToScene(cursor.toPoint());
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    applyScale(std::pow(zoomStep, steps));
    setTransformationAnchor(anchor);
    const QPointF after = mapFromScene(before);
    const QPointF shift = after - cursor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(std::round(shift.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::round(shift.y())));
    event->accept();
}

// --- modes -----------------------------------------------------------------------------------

void CanvasView::setTool(CanvasScene::Tool tool) { m_scene->setTool(tool); }

void CanvasView::setSnapToGrid(bool on)
{
    m_scene->setSnapToGrid(on);
    viewport()->update();
}

void CanvasView::updateDragMode()
{
    if (m_spaceHeld)
        setDragMode(ScrollHandDrag);
    else if (m_scene->tool() == CanvasScene::Tool::Select)
        setDragMode(RubberBandDrag);
    else
        setDragMode(NoDrag);
    viewport()->setCursor(m_scene->tool() == CanvasScene::Tool::Select || m_spaceHeld
                              ? (m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor)
                              : Qt::CrossCursor);
}

void CanvasView::showRefusal(const QString &reason)
{
    setStatusTip(reason);
    viewport()->setToolTip(reason);
    QToolTip::showText(QCursor::pos(), reason, this);
    emit statusMessage(reason);
}

// --- edits -----------------------------------------------------------------------------------

void CanvasView::deleteSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList edges = m_scene->selectedEdgeIds();
    const QStringList contexts = m_scene->selectedContextIds();
    if (nodes.isEmpty() && edges.isEmpty() && contexts.isEmpty())
        return;
    m_document->removeItems(currentCandidateId(), nodes, edges, contexts);
}

void CanvasView::copySelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty())
        return;
    const QByteArray fragment = m_document->copyFragment(currentCandidateId(), nodes);
    if (fragment.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(fragmentMimeType), fragment);
    mime->setText(QString::fromUtf8(fragment));
    QGuiApplication::clipboard()->setMimeData(mime);
    lastCopy() = {m_document, currentCandidateId(), fragment};
    m_lastPasted.clear();
    m_pasteCount = 0;
}

void CanvasView::cutSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty())
        return;
    copySelection();
    m_document->removeItems(currentCandidateId(), nodes, m_scene->selectedEdgeIds(), {},
                            tr("Cut %n node(s)", "", int(nodes.size())));
    // The originals are gone: the first paste may land where they were.
    lastCopy().document = nullptr;
}

void CanvasView::paste()
{
    const QByteArray fragment = fragmentFromClipboard();
    if (fragment.isEmpty()) {
        emit statusMessage(tr("The clipboard holds no Skyline nodes."));
        return;
    }
    // Repeated pastes cascade; the first paste next to its own originals is offset as well.
    if (fragment == m_lastPasted) {
        ++m_pasteCount;
    } else {
        const LastCopy &copy = lastCopy();
        const bool besideOriginals = copy.document == m_document
                                     && copy.candidateId == currentCandidateId()
                                     && copy.fragment == fragment;
        m_pasteCount = besideOriginals ? 1 : 0;
        m_lastPasted = fragment;
    }
    const double offset = m_pasteCount * pasteOffsetPx;
    QString error;
    const QStringList ids =
        m_document->pasteFragment(currentCandidateId(), fragment, PointF{offset, offset}, &error);
    if (ids.isEmpty()) {
        emit statusMessage(error);
        return;
    }
    m_scene->selectIds(ids);
}

void CanvasView::selectAll()
{
    QStringList nodes, edges, contexts;
    const Candidate *c = m_document->candidate(currentCandidateId());
    if (!c)
        return;
    for (const Node &n : c->nodes)
        nodes << toQ(n.id);
    for (const Edge &e : c->edges)
        edges << toQ(e.id);
    for (const Context &x : c->contexts)
        contexts << toQ(x.id);
    m_scene->selectIds(nodes, edges, contexts);
}

void CanvasView::addNodeAtViewCenter(NodeKind kind)
{
    // Repeated clicks used to stack every node on the same spot.
    m_scene->addNodeAt(kind, m_scene->freeSpotNear(viewCenterInScene()));
}

void CanvasView::duplicateSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    if (nodes.isEmpty())
        return;
    const QByteArray fragment = m_document->copyFragment(currentCandidateId(), nodes);
    QString error;
    const QStringList ids = m_document->pasteFragment(
        currentCandidateId(), fragment, PointF{2 * pasteOffsetPx, 2 * pasteOffsetPx}, &error);
    if (ids.isEmpty()) {
        emit statusMessage(error);
        return;
    }
    m_scene->selectIds(ids);
}

void CanvasView::bringSelectionIntoContext(const QString &contextId)
{
    const ContextItem *context = m_scene->contextItem(contextId);
    const QStringList nodes = m_scene->selectedNodeIds();
    if (!context || nodes.isEmpty())
        return;
    // Inside the box, below its title strip; each placed node counts for the next one.
    const RectF r = context->sceneRectF();
    const QRectF inside = QRectF(r.x, r.y + ContextItem::titleHeightPx, r.width,
                                 r.height - ContextItem::titleHeightPx);
    std::map<QString, PointF> positions;
    QList<QRectF> placed;
    for (const QString &id : nodes) {
        const NodeItem *item = m_scene->nodeItem(id);
        if (!item || inside.contains(item->sceneBoundingRect()))
            continue;
        QPointF spot = m_scene->freeSpotNear(inside.center(), inside, nodes, placed);
        if (!inside.contains(NodeItem::boxRect().translated(spot)))
            spot = inside.center(); // a full box: the centre, visibly overlapping
        placed << item->boundingRect().translated(spot);
        positions[id] = PointF{spot.x(), spot.y()};
    }
    if (positions.empty())
        return;
    m_document->moveNodes(currentCandidateId(), positions);
}

void CanvasView::renameSelection()
{
    const QStringList nodes = m_scene->selectedNodeIds();
    const QStringList contexts = m_scene->selectedContextIds();
    if (nodes.size() == 1 && contexts.isEmpty())
        startRename(nodes.front());
    else if (contexts.size() == 1 && nodes.isEmpty())
        startRename(contexts.front());
}

void CanvasView::startRename(const QString &id)
{
    finishRename(false);
    QRectF titleRect;
    QString name;
    if (NodeItem *node = m_scene->nodeItem(id)) {
        const QRectF box = NodeItem::boxRect().translated(node->pos());
        titleRect = QRectF(box.left() + 36, box.top() + 6, box.width() - 42, 22);
        name = node->name();
    } else if (ContextItem *context = m_scene->contextItem(id)) {
        const RectF r = context->sceneRectF();
        titleRect = QRectF(r.x + ContextLabelItem::insetPx, r.y + 2,
                           std::min(220.0, r.width - 2 * ContextLabelItem::insetPx), 24);
        name = context->name();
    } else {
        return;
    }
    m_renameId = id;
    m_renameEditor = new QLineEdit(name, viewport());
    m_renameEditor->setObjectName(QStringLiteral("renameEditor"));
    m_renameEditor->setToolTip(tr("Enter renames, Esc cancels"));
    const QRect onScreen = mapFromScene(titleRect).boundingRect();
    m_renameEditor->setGeometry(onScreen.x(), onScreen.y(), std::max(onScreen.width(), 120),
                                std::max(onScreen.height(), m_renameEditor->sizeHint().height()));
    m_renameEditor->selectAll();
    m_renameEditor->installEventFilter(this);
    connect(m_renameEditor, &QLineEdit::returnPressed, this, [this] { finishRename(true); });
    connect(m_renameEditor, &QLineEdit::editingFinished, this, [this] { finishRename(true); });
    m_renameEditor->show();
    m_renameEditor->setFocus();
}

void CanvasView::finishRename(bool commit)
{
    if (!m_renameEditor)
        return;
    QLineEdit *editor = m_renameEditor;
    m_renameEditor = nullptr; // re-entry from editingFinished as the editor goes away
    const QString name = editor->text().trimmed();
    editor->hide();
    editor->deleteLater();
    const QString id = m_renameId;
    m_renameId.clear();
    setFocus();
    if (!commit)
        return;
    if (name.isEmpty()) {
        emit statusMessage(tr("A name cannot be empty; the name was kept."));
        return;
    }
    if (const Node *node = m_document->node(currentCandidateId(), id)) {
        if (toQ(node->name) != name)
            m_document->renameNode(currentCandidateId(), id, name);
    } else if (const Context *context = m_document->context(currentCandidateId(), id)) {
        if (toQ(context->name) != name)
            m_document->renameContext(currentCandidateId(), id, name);
    }
}

bool CanvasView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_renameEditor && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishRename(false);
        return true;
    }
    return QGraphicsView::eventFilter(watched, event);
}

void CanvasView::contextMenuEvent(QContextMenuEvent *event)
{
    QGraphicsItem *item = itemAt(event->pos());
    if (item && item->type() == ContextLabelItem::Type)
        item = static_cast<ContextLabelItem *>(item)->owner();
    while (item && item->type() != NodeItem::Type && item->type() != EdgeItem::Type
           && item->type() != ContextItem::Type)
        item = item->parentItem();
    if (!item) {
        m_scene->clearSelection();
    } else if (!item->isSelected()) {
        m_scene->clearSelection();
        item->setSelected(true);
    }
    emit contextMenuRequested(event->globalPos());
    event->accept();
}

// --- keyboard and mouse ----------------------------------------------------------------------

void CanvasView::keyPressEvent(QKeyEvent *event)
{
    // Menu actions with these shortcuts take precedence; these keep a bare view usable.
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
    } else if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::Cut)) {
        cutSelection();
    } else if (event->matches(QKeySequence::Paste)) {
        paste();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->matches(QKeySequence::ZoomIn)
               || (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_Equal)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_0) {
        zoomToFit();
    } else if (event->key() == Qt::Key_Escape) {
        setTool(CanvasScene::Tool::Select);
        m_scene->clearSelection();
    } else if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        updateDragMode();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CanvasView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        updateDragMode();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || dragMode() == ScrollHandDrag)
        m_fitFollowsResize = false; // the user pans: the view is theirs
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint p = event->position().toPoint();
        const QPoint delta = p - m_panLast;
        m_panLast = p;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        updateDragMode();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

// --- palette drops ---------------------------------------------------------------------------

void CanvasView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(nodeKindMimeType)))
        event->acceptProposedAction();
    else if (event->mimeData()->hasUrls())
        event->ignore(); // files: the main window opens or imports them
    else
        QGraphicsView::dragEnterEvent(event);
}

void CanvasView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(nodeKindMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void CanvasView::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (!mime->hasFormat(QString::fromLatin1(nodeKindMimeType))) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const auto kind = nodeKindFromMimeData(mime->data(QString::fromLatin1(nodeKindMimeType)));
    if (!kind) {
        event->ignore();
        return;
    }
    m_scene->addNodeAt(*kind, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

QString CanvasView::emptyHint() const
{
    if (m_scene->nodeItemCount() > 0)
        return {};
    return tr("This candidate is empty.\n"
              "Click a component in the Components panel (or drag it here) to add it.\n"
              "Then draw calls with the API Call (A) or Event (E) tool, or Alt+drag from a node.\n"
              "Help ▸ Getting Started explains the rest.");
}

void CanvasView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    const QString hint = emptyHint();
    if (hint.isEmpty())
        return;
    painter->save();
    painter->resetTransform(); // viewport pixels: the hint does not zoom
    painter->setPen(palette().color(QPalette::PlaceholderText));
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter->setFont(font);
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                      Qt::AlignCenter | Qt::TextWordWrap, hint);
    painter->restore();
}

void CanvasView::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawBackground(painter, rect);
    const double grid = CanvasScene::gridSizePx;
    const double pixelsPerCell = grid * zoom();
    // Fine lines only where they are far enough apart to help; else one line every 5 cells.
    const double step = pixelsPerCell >= 8 ? grid : grid * 5;
    if (step * zoom() < 8)
        return;
    const QColor minor(0, 0, 0, m_scene->snapToGrid() ? 28 : 14);
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    QVector<QLineF> lines;
    for (double x = left; x < rect.right(); x += step)
        lines.append(QLineF(x, rect.top(), x, rect.bottom()));
    for (double y = top; y < rect.bottom(); y += step)
        lines.append(QLineF(rect.left(), y, rect.right(), y));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(minor, 0));
    painter->drawLines(lines);
    painter->restore();
}

} // namespace skyline
