#pragma once
// Places text labels beside the points they describe (break-even markers on the sweep chart)
// so that no two labels cover each other: each label tries the four corners around its point,
// then moves away from it step by step, above and below, until it is clear of the labels
// already placed and of every point. Pure geometry in pixels, so a test can check it.

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QVector>

namespace skyline {

/// Gap in pixels between a point and the corner of its label.
inline constexpr double labelGapPx = 6.0;

/// One rectangle per label (sizes[i] beside anchors[i]), none intersecting another nor
/// covering an anchor, kept inside `bounds` where it fits. Labels are placed in the order of
/// their anchors from left to right; the result is in the input order. Deterministic.
QVector<QRectF> placeLabels(const QVector<QPointF> &anchors, const QVector<QSizeF> &sizes,
                            const QRectF &bounds);

/// Groups of points within `distance` of a member of their group in both directions, as index
/// lists in input order (groups ordered by their first index): the labels of such points are
/// merged into one, so that crossings at nearly the same place read as one label.
QVector<QVector<int>> clusterPoints(const QVector<QPointF> &points, double distance);

} // namespace skyline
