#pragma once
// An edge on the canvas: api = solid line, event = dashed line, both with an arrowhead at the
// target, drawn between the borders of the two node boxes, with a "×perRequest" label when
// perRequest is not 1. It holds the edge id and the two node items it joins (both owned by
// the scene, which removes the edge item before either node item).

#include "domain/Project.h"

#include <QGraphicsLineItem>
#include <QString>

namespace skyline {

class NodeItem;

class EdgeItem : public QGraphicsLineItem
{
public:
    enum { Type = UserType + 2 };

    EdgeItem(const QString &edgeId, NodeItem *source, NodeItem *target);

    int type() const override { return Type; }
    QString edgeId() const { return m_edgeId; }
    NodeItem *sourceItem() const { return m_source; }
    NodeItem *targetItem() const { return m_target; }
    EdgeKind kind() const { return m_kind; }
    double perRequest() const { return m_perRequest; }
    /// The label drawn at the middle ("×2.5"), empty when perRequest is 1.
    QString label() const;

    /// Copies kind, perRequest and flags from the model edge.
    void updateFrom(const Edge &edge);
    /// Sideways shift so that two edges between the same nodes do not overlap.
    void setLateralOffset(double offsetPx);
    /// Recomputes the line after a node moved.
    void adjust();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    QPolygonF arrowHead() const;
    void applyPen();

    QString m_edgeId;
    NodeItem *m_source;
    NodeItem *m_target;
    EdgeKind m_kind = EdgeKind::Api;
    double m_perRequest = 1.0;
    bool m_parallel = false;
    bool m_fallback = false;
    double m_lateralOffsetPx = 0;
};

} // namespace skyline
