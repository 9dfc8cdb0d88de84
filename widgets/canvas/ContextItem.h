#pragma once
// A bounded context on the canvas: a named translucent rectangle behind the nodes. Dragging it
// by its title or border moves it (the document carries its nodes when the drag is
// committed); the handle at the bottom-right corner resizes it; a double-click asks the scene
// to rename it. Its name is drawn by a ContextLabelItem stacked above the nodes, so a node
// placed at the top edge of the box cannot hide it.

#include "domain/Project.h"

#include <QFont>
#include <QGraphicsRectItem>
#include <QString>

namespace skyline {

class ContextItem;

/// The name of a context on an opaque tag in its top-left corner. A separate top-level item
/// (a child would be stacked with the box, behind the nodes) that follows its box and lets
/// every mouse press through to what lies below it.
class ContextLabelItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };
    /// Above nodes (1) and edges (0), below the scene's drag previews (10).
    static constexpr double labelZ = 5;
    static constexpr double insetPx = 8;
    static constexpr double paddingPx = 4;

    explicit ContextLabelItem(ContextItem *owner);
    ~ContextLabelItem() override;

    int type() const override { return Type; }
    ContextItem *owner() const { return m_owner; }
    /// Takes the owner's name, position and width, and moves to the first corner of the box
    /// where it covers no node (call after any of them, or a node near it, changes).
    void follow();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    friend class ContextItem;
    static QFont labelFont();
    /// Where the tag covers no node, in scene coordinates (see follow()).
    QPointF freeSpot() const;

    ContextItem *m_owner = nullptr;
    QSizeF m_sizePx;
};

class ContextItem : public QGraphicsRectItem
{
public:
    enum { Type = UserType + 3 };
    static constexpr double handleSizePx = 14;
    static constexpr double minimumSizePx = 60;
    static constexpr double titleHeightPx = 28;
    static constexpr double borderGripPx = 6;

    explicit ContextItem(const QString &contextId);
    ~ContextItem() override;

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
    /// The tag showing the name (in the same scene as the box, above the nodes).
    ContextLabelItem *labelItem() const { return m_label; }

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
    friend class ContextLabelItem;

    QString m_contextId;
    ContextLabelItem *m_label = nullptr;
    QString m_name;
    bool m_resizing = false;
    QRectF m_rectBeforeResize;
};

} // namespace skyline
