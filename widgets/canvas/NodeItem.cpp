#include "NodeItem.h"

#include "CanvasScene.h"
#include "NodeKindInfo.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include <cmath>

namespace skyline {

namespace {

constexpr double cornerRadiusPx = 8;
constexpr double accentWidthPx = 6;
constexpr double iconSizePx = 28;
constexpr int iconPixmapSizePx = 64;

/// Icons are rendered once per kind: painting 1,000 SVGs per frame would make panning crawl.
const QPixmap &iconPixmap(NodeKind kind)
{
    static QHash<int, QPixmap> cache;
    auto it = cache.find(int(kind));
    if (it == cache.end()) {
        QPixmap pixmap(iconPixmapSizePx, iconPixmapSizePx);
        pixmap.fill(Qt::transparent);
        QSvgRenderer renderer(nodeKindIconPath(kind));
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        it = cache.insert(int(kind), pixmap);
    }
    return *it;
}

} // namespace

NodeItem::NodeItem(const QString &nodeId, NodeKind kind) : m_nodeId(nodeId), m_kind(kind)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(false);
    setZValue(1);
}

void NodeItem::updateFrom(const Node &node)
{
    const QString name = toQ(node.name);
    if (node.kind != m_kind || name != m_name) {
        prepareGeometryChange();
        m_kind = node.kind;
        m_name = name;
        refreshToolTip();
        update();
    }
    const QPointF center(node.pos.x, node.pos.y);
    if (pos() != center)
        setPos(center);
}

void NodeItem::setBadges(const NodeBadges &badges)
{
    if (badges == m_badges)
        return;
    prepareGeometryChange();
    m_badges = badges;
    refreshToolTip();
    update();
}

void NodeItem::refreshTexts()
{
    prepareGeometryChange();
    refreshToolTip();
    update();
}

void NodeItem::refreshToolTip()
{
    QString tip = QStringLiteral("%1 (%2)").arg(m_name, nodeKindDisplayName(m_kind));
    // Every figure in full: the badge shows them compact (issue 10 point 7).
    if (const QString figures = badgeToolTip(m_badges); !figures.isEmpty())
        tip += QLatin1Char('\n') + figures;
    if (!m_badges.warningText.isEmpty())
        tip += QStringLiteral("\n⚠ ") + m_badges.warningText;
    setToolTip(tip);
}

QRectF NodeItem::boxRect() { return QRectF(-widthPx / 2, -heightPx / 2, widthPx, heightPx); }

QPointF NodeItem::borderPointTowards(const QPointF &scenePoint) const
{
    const QPointF center = scenePos();
    const QPointF d = scenePoint - center;
    if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
        return center;
    const double tx = std::abs(d.x()) > 1e-9 ? (widthPx / 2) / std::abs(d.x()) : 1e300;
    const double ty = std::abs(d.y()) > 1e-9 ? (heightPx / 2) / std::abs(d.y()) : 1e300;
    const double t = std::min(tx, ty);
    return center + d * std::min(t, 1.0);
}

QRectF NodeItem::boundingRect() const
{
    QRectF r = boxRect().adjusted(-3, -3, 3, 3);
    const QRectF badge = badgeRect();
    return badge.isEmpty() ? r : r.united(badge.adjusted(-1, 0, 1, 1));
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(boxRect(), cornerRadiusPx, cornerRadiusPx);
    return path;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor accent = nodeKindColor(m_kind);
    const QRectF box = boxRect();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = isSelected();

    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    painter->setPen(QPen(selected ? accent.darker(140) : accent, selected ? 3.0 : 1.5));
    painter->setBrush(selected ? accent.lighter(185) : QColor(Qt::white));
    painter->drawRoundedRect(box, cornerRadiusPx, cornerRadiusPx);

    // Kind-coloured accent strip on the left, clipped to the rounded box.
    {
        QPainterPath clip;
        clip.addRoundedRect(box, cornerRadiusPx, cornerRadiusPx);
        painter->save();
        painter->setClipPath(clip);
        painter->fillRect(QRectF(box.left(), box.top(), accentWidthPx, box.height()), accent);
        painter->restore();
    }
    if (lod < 0.35)
        return; // too small to read: the coloured box is all the eye can use

    const QRectF iconRect(box.left() + accentWidthPx + 6, -iconSizePx / 2, iconSizePx,
                          iconSizePx);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawPixmap(iconRect, iconPixmap(m_kind), QRectF(0, 0, iconPixmapSizePx,
                                                             iconPixmapSizePx));

    const double textLeft = iconRect.right() + 8;
    const double textWidth = box.right() - 6 - textLeft;
    QFont nameFont = painter->font();
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    const QFontMetricsF nameMetrics(nameFont);
    painter->drawText(QRectF(textLeft, box.top() + 8, textWidth, nameMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(m_name, Qt::ElideRight, textWidth));
    QFont kindFont = painter->font();
    kindFont.setBold(false);
    kindFont.setPointSizeF(kindFont.pointSizeF() * 0.85);
    painter->setFont(kindFont);
    painter->setPen(QColor(0x75, 0x75, 0x75));
    painter->drawText(QRectF(textLeft, 2, textWidth, box.bottom() - 4),
                      Qt::AlignLeft | Qt::AlignTop, nodeKindDisplayName(m_kind));
    paintBadges(painter);
}

QString NodeItem::badgeText() const
{
    return skyline::badgeText(m_badges);
}

QRectF NodeItem::badgeRect() const
{
    return skyline::badgeRect(m_badges, boxRect(), badgeFont(QFont()));
}

void NodeItem::paintBadges(QPainter *painter) const
{
    const QString text = badgeText();
    const bool warning = !m_badges.warningText.isEmpty();
    if (text.isEmpty() && !warning)
        return;
    // The strip is sized to its text in the item's font; painting uses the same font, so the
    // text fits on screen and in every export.
    const QFont font = badgeFont(QFont());
    QRectF strip = badgeRect();
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x37, 0x47, 0x4f, 220));
    painter->drawRoundedRect(strip, 4, 4);
    if (warning) {
        const QRectF sign(strip.left() + 3, strip.top() + 2, badgeHeightPx - 4, badgeHeightPx - 4);
        QPolygonF triangle;
        triangle << QPointF(sign.center().x(), sign.top()) << sign.bottomLeft()
                 << sign.bottomRight();
        painter->setBrush(QColor(0xff, 0xc1, 0x07));
        painter->drawPolygon(triangle);
        painter->setPen(Qt::black);
        painter->setFont(font);
        painter->drawText(sign.adjusted(0, 2, 0, 0), Qt::AlignCenter, QStringLiteral("!"));
        strip.setLeft(sign.right() + 3);
    }
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(strip, Qt::AlignCenter, text);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *canvas = qobject_cast<CanvasScene *>(scene()))
            canvas->nodeItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace skyline
