#include "EdgeItem.h"

#include "report/NumberFormat.h"

#include "NodeItem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace skyline {

namespace {
constexpr double arrowSizePx = 11;
constexpr double hitWidthPx = 10;
const QColor apiColor(0x45, 0x5a, 0x64);
const QColor eventColor(0xd8, 0x1b, 0x60);
} // namespace

EdgeItem::EdgeItem(const QString &edgeId, NodeItem *source, NodeItem *target)
    : m_edgeId(edgeId), m_source(source), m_target(target)
{
    setFlag(ItemIsSelectable);
    setZValue(0);
    applyPen();
    adjust();
}

QString EdgeItem::label() const
{
    if (m_perRequest == 1.0)
        return {};
    return QStringLiteral("×%1").arg(formatNumber(m_perRequest, 3));
}

void EdgeItem::updateFrom(const Edge &edge)
{
    m_kind = edge.kind;
    m_perRequest = edge.perRequest;
    m_parallel = edge.parallel;
    m_fallback = edge.fallback;
    QStringList tip;
    tip << (m_kind == EdgeKind::Api ? QCoreApplication::translate("skyline::EdgeItem",
                                                                  "API call (synchronous)")
                                    : QCoreApplication::translate("skyline::EdgeItem",
                                                                  "Event (asynchronous)"));
    tip << QCoreApplication::translate("skyline::EdgeItem", "%1 per request")
               .arg(formatNumber(m_perRequest, 3));
    if (m_parallel)
        tip << QCoreApplication::translate("skyline::EdgeItem", "parallel");
    if (m_fallback)
        tip << QCoreApplication::translate("skyline::EdgeItem", "with fallback");
    setToolTip(tip.join(QStringLiteral(", ")));
    applyPen();
    prepareGeometryChange();
    update();
}

void EdgeItem::setLateralOffset(double offsetPx)
{
    if (offsetPx == m_lateralOffsetPx)
        return;
    m_lateralOffsetPx = offsetPx;
    adjust();
}

void EdgeItem::applyPen()
{
    QPen pen(m_kind == EdgeKind::Api ? apiColor : eventColor, 2.0);
    pen.setStyle(m_kind == EdgeKind::Api ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    setPen(pen);
}

void EdgeItem::adjust()
{
    const QPointF a = m_source->scenePos();
    const QPointF b = m_target->scenePos();
    QPointF shift;
    const QLineF centres(a, b);
    if (m_lateralOffsetPx != 0 && centres.length() > 1e-6) {
        const QLineF normal = centres.normalVector().unitVector();
        shift = (normal.p2() - normal.p1()) * m_lateralOffsetPx;
    }
    const QPointF start = m_source->borderPointTowards(b + shift) + shift;
    const QPointF end = m_target->borderPointTowards(a + shift) + shift;
    prepareGeometryChange();
    setLine(QLineF(start, end));
}

QPolygonF EdgeItem::arrowHead() const
{
    const QLineF l = line();
    if (l.length() < 1e-6)
        return {};
    const double angle = std::atan2(-l.dy(), l.dx());
    const QPointF tip = l.p2();
    const QPointF p1 = tip - QPointF(std::sin(angle + M_PI / 3) * arrowSizePx,
                                     std::cos(angle + M_PI / 3) * arrowSizePx);
    const QPointF p2 = tip - QPointF(std::sin(angle + M_PI - M_PI / 3) * arrowSizePx,
                                     std::cos(angle + M_PI - M_PI / 3) * arrowSizePx);
    return QPolygonF() << tip << p1 << p2;
}

QRectF EdgeItem::boundingRect() const
{
    const double extra = arrowSizePx + hitWidthPx + 30; // arrowhead, pick width, label
    return QRectF(line().p1(), line().p2()).normalized().adjusted(-extra, -extra, extra, extra);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPath path(line().p1());
    path.lineTo(line().p2());
    QPainterPathStroker stroker;
    stroker.setWidth(hitWidthPx);
    QPainterPath result = stroker.createStroke(path);
    result.addPolygon(arrowHead());
    return result;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QLineF l = line();
    if (l.length() < 1e-6)
        return;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QPen p = pen();
    if (isSelected()) {
        p.setWidthF(3.5);
        p.setColor(p.color().darker(130));
    }
    painter->setPen(p);
    // Stop the shaft at the arrowhead's base so the dashes do not poke through the tip.
    QLineF shaft = l;
    shaft.setLength(std::max(0.0, l.length() - arrowSizePx * 0.8));
    painter->drawLine(shaft);
    painter->setPen(Qt::NoPen);
    painter->setBrush(p.color());
    painter->drawPolygon(arrowHead());

    const QString text = label();
    if (text.isEmpty() || lod < 0.35)
        return;
    const QFontMetricsF metrics(painter->font());
    QRectF box = metrics.boundingRect(text).adjusted(-4, -1, 4, 1);
    box.moveCenter(l.center());
    painter->setBrush(QColor(255, 255, 255, 230));
    painter->setPen(QPen(p.color(), 1));
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(p.color());
    painter->drawText(box, Qt::AlignCenter, text);
}

} // namespace skyline
