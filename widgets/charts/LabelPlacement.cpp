#include "LabelPlacement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace skyline {
namespace {

/// The rectangle moved inside `bounds` where it fits (left/top win when it does not).
QRectF keptInside(QRectF rect, const QRectF &bounds)
{
    if (rect.right() > bounds.right())
        rect.moveRight(bounds.right());
    if (rect.bottom() > bounds.bottom())
        rect.moveBottom(bounds.bottom());
    if (rect.left() < bounds.left())
        rect.moveLeft(bounds.left());
    if (rect.top() < bounds.top())
        rect.moveTop(bounds.top());
    return rect;
}

/// Where a label may go, best first: the four corners beside its point, then further and
/// further above and below it.
QVector<QRectF> candidateRects(const QPointF &anchor, const QSizeF &size)
{
    const double w = size.width(), h = size.height(), g = labelGapPx;
    const QRectF aboveLeft(anchor.x() - g - w, anchor.y() - g - h, w, h);
    const QRectF belowRight(anchor.x() + g, anchor.y() + g, w, h);
    const QRectF aboveRight(anchor.x() + g, anchor.y() - g - h, w, h);
    const QRectF belowLeft(anchor.x() - g - w, anchor.y() + g, w, h);
    QVector<QRectF> out{aboveLeft, belowRight, aboveRight, belowLeft};
    constexpr int maxSteps = 24;
    const double step = h + 2;
    for (int k = 1; k <= maxSteps; ++k)
        for (const QRectF &corner : {aboveLeft, aboveRight, belowRight, belowLeft}) {
            const double dy = corner.top() < anchor.y() ? -k * step : k * step;
            out << corner.translated(0, dy);
        }
    return out;
}

bool isClear(const QRectF &rect, const QVector<QRectF> &placed, const QVector<QPointF> &anchors)
{
    for (const QRectF &other : placed)
        if (rect.intersects(other))
            return false;
    const QRectF inner = rect.adjusted(1, 1, -1, -1); // a point on the border does not count
    for (const QPointF &anchor : anchors)
        if (inner.contains(anchor))
            return false;
    return true;
}

} // namespace

QVector<QRectF> placeLabels(const QVector<QPointF> &anchors, const QVector<QSizeF> &sizes,
                            const QRectF &bounds)
{
    const int n = int(std::min(anchors.size(), sizes.size()));
    QVector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return anchors[a].x() < anchors[b].x(); });
    QVector<QRectF> result(n);
    QVector<QRectF> placed;
    for (int i : order) {
        const QVector<QRectF> candidates = candidateRects(anchors[i], sizes[i]);
        QRectF chosen;
        bool found = false;
        // Inside the plot first; a label that fits nowhere inside may stick out, clear of
        // the others, rather than cover one.
        for (bool inside : {true, false}) {
            for (const QRectF &candidate : candidates) {
                const QRectF rect = inside ? keptInside(candidate, bounds) : candidate;
                if (isClear(rect, placed, anchors)) {
                    chosen = rect;
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!found) // everything around is taken: stack it below every label placed
            chosen = candidates.front().translated(
                0, std::accumulate(placed.begin(), placed.end(), anchors[i].y(),
                                   [](double y, const QRectF &r) { return std::max(y, r.bottom()); })
                       - candidates.front().top() + 2);
        result[i] = chosen;
        placed << chosen;
    }
    return result;
}

QVector<QVector<int>> clusterPoints(const QVector<QPointF> &points, double distance)
{
    QVector<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return points[a].x() < points[b].x(); });
    QVector<QVector<int>> groups;
    for (int i : order) {
        bool joined = false;
        for (QVector<int> &group : groups) {
            for (int member : group) {
                const QPointF d = points[i] - points[member];
                if (std::abs(d.x()) < distance && std::abs(d.y()) < distance) {
                    group << i;
                    joined = true;
                    break;
                }
            }
            if (joined)
                break;
        }
        if (!joined)
            groups << QVector<int>{i};
    }
    for (QVector<int> &group : groups)
        std::sort(group.begin(), group.end());
    std::sort(groups.begin(), groups.end(),
              [](const QVector<int> &a, const QVector<int> &b) { return a.front() < b.front(); });
    return groups;
}

} // namespace skyline
