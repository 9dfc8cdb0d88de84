#include "ContextItem.h"

#include "CanvasScene.h"
#include "NodeItem.h"

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace skyline {

namespace {
const QColor fillColor(0x90, 0xa4, 0xae, 40);
const QColor borderColor(0x60, 0x7d, 0x8b);
const QColor labelColor(0xfa, 0xfb, 0xfc, 235); // nearly opaque: the name reads over a node
} // namespace

// --- the name tag ----------------------------------------------------------------------------

ContextLabelItem::ContextLabelItem(ContextItem *owner) : m_owner(owner)
{
    setZValue(labelZ);
    setAcceptedMouseButtons(Qt::NoButton); // presses reach the node or the box below
    setAcceptHoverEvents(false);
    setFlag(ItemIsSelectable, false);
}

ContextLabelItem::~ContextLabelItem()
{
    // The scene may delete the tag before its box (QGraphicsScene::clear).
    if (m_owner)
        m_owner->m_label = nullptr;
}

QFont ContextLabelItem::labelFont()
{
    QFont font;
    font.setBold(true);
    return font;
}

void ContextLabelItem::follow()
{
    if (!m_owner)
        return;
    const QFontMetricsF metrics(labelFont());
    const double widestPx = std::max(0.0, m_owner->rect().width() - 2 * insetPx);
    const double textPx = metrics.horizontalAdvance(m_owner->name());
    const QSizeF size(m_owner->name().isEmpty() ? 0.0 : std::min(widestPx, textPx + 2 * paddingPx),
                      metrics.height() + paddingPx);
    if (size != m_sizePx) {
        prepareGeometryChange();
        m_sizePx = size;
    }
    setPos(freeSpot());
    setVisible(m_owner->isVisible());
    update();
}

QPointF ContextLabelItem::freeSpot() const
{
    // The first place where the tag covers no node (its title, body or badges): inside the
    // box at its top-left or top-right corner, just above the box, or at its bottom. A node
    // on the box's top edge used to lie under the tag, its title hidden.
    const QRectF box = m_owner->rect().translated(m_owner->pos());
    const double width = m_sizePx.width();
    const double height = m_sizePx.height();
    const double left = box.left() + insetPx;
    const double right = std::max(left, box.right() - insetPx - width);
    const double gap = 2;
    const QPointF spots[] = {
        {left, box.top() + paddingPx},
        {right, box.top() + paddingPx},
        {left, box.top() - height - gap},
        {right, box.top() - height - gap},
        {left, box.bottom() - height - paddingPx},
        {right, box.bottom() - height - paddingPx},
        {left, box.bottom() + gap},
        {right, box.bottom() + gap},
    };
    const auto coversANode = [this](const QRectF &tag) {
        if (!scene())
            return false;
        const QList<QGraphicsItem *> below = scene()->items(tag, Qt::IntersectsItemBoundingRect);
        return std::any_of(below.begin(), below.end(), [](const QGraphicsItem *item) {
            return item->type() == NodeItem::Type;
        });
    };
    for (const QPointF &spot : spots)
        if (!coversANode(QRectF(spot, m_sizePx)))
            return spot;
    return spots[0]; // a crowded box: the usual place
}

QRectF ContextLabelItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_sizePx).adjusted(-1, -1, 1, 1);
}

void ContextLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!m_owner || m_sizePx.isEmpty())
        return;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.3)
        return; // too small to read: the box alone shows the grouping
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF tag(QPointF(0, 0), m_sizePx);
    const bool selected = m_owner->isSelected();
    painter->setPen(QPen(selected ? borderColor.darker(150) : borderColor, selected ? 1.5 : 1));
    painter->setBrush(labelColor);
    painter->drawRoundedRect(tag, 4, 4);
    const QFont font = labelFont();
    painter->setFont(font);
    painter->setPen(borderColor.darker(130));
    const QRectF text = tag.adjusted(paddingPx, 0, -paddingPx, 0);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(font).elidedText(m_owner->name(), Qt::ElideRight,
                                                     text.width()));
}

// --- the box ---------------------------------------------------------------------------------

ContextItem::ContextItem(const QString &contextId)
    : m_contextId(contextId), m_label(new ContextLabelItem(this))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
}

ContextItem::~ContextItem()
{
    if (m_label) {
        m_label->m_owner = nullptr;
        delete m_label;
    }
}

RectF ContextItem::sceneRectF() const
{
    const QRectF r = rect().translated(pos());
    return {r.x(), r.y(), r.width(), r.height()};
}

void ContextItem::updateFrom(const Context &context)
{
    const QString name = toQ(context.name);
    if (name != m_name) {
        m_name = name;
        setToolTip(QCoreApplication::translate("skyline::ContextItem",
                                               "Context \"%1\" (double-click to rename)")
                       .arg(m_name));
        update();
    }
    const QRectF local(0, 0, context.rect.width, context.rect.height);
    if (rect() != local)
        setRect(local);
    const QPointF topLeft(context.rect.x, context.rect.y);
    if (pos() != topLeft)
        setPos(topLeft);
    // Smaller boxes sit above larger ones, so a box nested in another stays reachable.
    const double area = std::min(1e9, context.rect.width * context.rect.height);
    setZValue(-2.0 + 1.0 - area / 1e9);
    if (m_label)
        m_label->follow();
}

QRectF ContextItem::handleRect() const
{
    const QRectF r = rect();
    return QRectF(r.right() - handleSizePx, r.bottom() - handleSizePx, handleSizePx,
                  handleSizePx);
}

QRectF ContextItem::boundingRect() const { return rect().adjusted(-2, -2, 2, 2); }

QPainterPath ContextItem::shape() const
{
    QPainterPath outer;
    outer.addRect(rect().adjusted(-2, -2, 2, 2));
    QPainterPath inner;
    inner.addRect(rect().adjusted(borderGripPx, titleHeightPx, -borderGripPx, -borderGripPx));
    QPainterPath grip;
    grip.addRect(handleRect());
    return outer.subtracted(inner).united(grip);
}

void ContextItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QPen pen(isSelected() ? borderColor.darker(150) : borderColor, isSelected() ? 2.5 : 1.5);
    pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(isSelected() ? fillColor.darker(110) : fillColor);
    painter->drawRoundedRect(rect(), 10, 10);

    // The name is drawn by m_label, above the nodes.
    // The resize grip: three short diagonal strokes in the corner.
    const QRectF h = handleRect();
    painter->setPen(QPen(borderColor, 1.5));
    for (int i = 1; i <= 3; ++i) {
        const double d = i * h.width() / 4;
        painter->drawLine(QPointF(h.right() - d, h.bottom() - 2), QPointF(h.right() - 2,
                                                                          h.bottom() - d));
    }
}

void ContextItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && handleRect().contains(event->pos())) {
        m_resizing = true;
        m_rectBeforeResize = rect();
        event->accept();
        return;
    }
    QGraphicsRectItem::mousePressEvent(event);
}

void ContextItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_resizing) {
        QGraphicsRectItem::mouseMoveEvent(event);
        return;
    }
    // Relative to where the grip was grabbed, so the corner does not jump under the pointer.
    const QPointF delta = event->scenePos() - event->buttonDownScenePos(Qt::LeftButton);
    const double width = std::max(minimumSizePx, m_rectBeforeResize.width() + delta.x());
    const double height = std::max(minimumSizePx, m_rectBeforeResize.height() + delta.y());
    prepareGeometryChange();
    setRect(QRectF(0, 0, width, height));
    if (m_label)
        m_label->follow();
}

void ContextItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_resizing) {
        QGraphicsRectItem::mouseReleaseEvent(event);
        return;
    }
    m_resizing = false;
    if (rect() != m_rectBeforeResize) {
        if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
            canvas->commitContextResize(this);
    }
}

void ContextItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
        canvas->requestRename(m_contextId);
    event->accept();
}

void ContextItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(handleRect().contains(event->pos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsRectItem::hoverMoveEvent(event);
}

QVariant ContextItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (m_label) {
        // The tag lives in the same scene as its box, and shows and moves with it.
        if (change == ItemSceneChange && m_label->scene())
            m_label->scene()->removeItem(m_label);
        else if (change == ItemSceneHasChanged && value.value<QGraphicsScene *>())
            value.value<QGraphicsScene *>()->addItem(m_label);
        if (change == ItemSceneHasChanged || change == ItemPositionHasChanged
            || change == ItemVisibleHasChanged || change == ItemSelectedHasChanged)
            m_label->follow();
    }
    if (change == ItemPositionHasChanged) {
        if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
            canvas->contextItemMoved(this);
    }
    return QGraphicsRectItem::itemChange(change, value);
}

} // namespace skyline
