#pragma once
// A bounded context on the canvas: a named translucent rectangle behind the nodes. Dragging it
// by its title or border moves it (the document carries its nodes when the drag is
// committed); the handle at the
// bottom-right corner resizes it; a double-click asks the scene to rename it.

#include "domain/Project.h"

#include <QGraphicsRectItem>
#include <QString>

namespace skyline {

class ContextItem : public QGraphicsRectItem
{
public:
    enum { Type = UserType + 3 };
    static constexpr double handleSizePx = 14;
    static constexpr double minimumSizePx = 60;
    static constexpr double titleHeightPx = 28;
    static constexpr double borderGripPx = 6;

    explicit ContextItem(const QString &contextId);

    int type() const override { return Type; }
    QString contextId() const { return m_contextId; }
    QString name() const { return m_name; }
    /// The rectangle in scene coordinates.
    RectF sceneRectF() const;
    /// Copies name and rectangle from the model context.
    void updateFrom(const Context &context);
    /// The resize handle in item coordinates.
    QRectF handleRect() const;
    bool isResizing() const { return m_resizing; }

    QRectF boundingRect() const override;
    /// Only the title strip, the border and the grip: a press inside the box reaches the
    /// canvas, so rubber-band selection of the nodes in a box works.
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString m_contextId;
    QString m_name;
    bool m_resizing = false;
    QRectF m_rectBeforeResize;
};

} // namespace skyline
