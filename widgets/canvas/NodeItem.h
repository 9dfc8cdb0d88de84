#pragma once
// A node on the canvas: a rounded box with the kind's icon, the name and a kind-coloured
// accent. It holds ids and a copy of what it paints; the scene refreshes it from the document.

#include "canvas/NodeBadges.h"
#include "domain/Project.h"

#include <QGraphicsItem>
#include <QString>

#include <optional>

namespace skyline {

class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr double widthPx = 150;
    static constexpr double heightPx = 56;

    NodeItem(const QString &nodeId, NodeKind kind);

    int type() const override { return Type; }
    QString nodeId() const { return m_nodeId; }
    NodeKind kind() const { return m_kind; }
    QString name() const { return m_name; }

    /// Copies what the item paints from the model node (position is the node's centre).
    void updateFrom(const Node &node);
    /// Badges from the latest evaluation; empty badges draw nothing.
    void setBadges(const NodeBadges &badges);
    const NodeBadges &badges() const { return m_badges; }

    /// The box in item coordinates (centred on the origin).
    static QRectF boxRect();
    /// Where the straight line from the centre towards `scenePoint` leaves the box.
    QPointF borderPointTowards(const QPointF &scenePoint) const;

    /// Texts and badges again, in the current language and locale (the badge strip is sized
    /// to its text, which a decimal comma changes).
    void refreshTexts();
    /// The badge line as painted (NodeBadges.h: badgeText).
    QString badgeText() const;
    /// The badge strip in item coordinates (empty without badges): sized to its text.
    QRectF badgeRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void paintBadges(QPainter *painter) const;
    void refreshToolTip();

    QString m_nodeId;
    NodeKind m_kind;
    QString m_name;
    NodeBadges m_badges;
};

} // namespace skyline
