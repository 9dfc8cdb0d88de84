#include "ContextItem.h"

#include "CanvasScene.h"

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace skyline {

namespace {
const QColor fillColor(0x90, 0xa4, 0xae, 40);
const QColor borderColor(0x60, 0x7d, 0x8b);
} // namespace

ContextItem::ContextItem(const QString &contextId) : m_contextId(contextId)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
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

    if (lod >= 0.3) {
        QFont font = painter->font();
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(borderColor.darker(130));
        const QRectF title = rect().adjusted(12, 6, -12, 0);
        painter->drawText(title, Qt::AlignLeft | Qt::AlignTop,
                          QFontMetricsF(font).elidedText(m_name, Qt::ElideRight, title.width()));
    }
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
        canvas->requestContextRename(m_contextId);
    event->accept();
}

void ContextItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(handleRect().contains(event->pos()) ? Qt::SizeFDiagCursor : Qt::ArrowCursor);
    QGraphicsRectItem::hoverMoveEvent(event);
}

QVariant ContextItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
            canvas->contextItemMoved(this);
    }
    return QGraphicsRectItem::itemChange(change, value);
}

} // namespace skyline
